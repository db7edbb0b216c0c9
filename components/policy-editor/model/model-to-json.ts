/**
 * From the visual editor's model back to policy text. Members are written in the order they
 * were read; parts the editor added go after them in IAM's usual order; parts kept as written
 * are written unchanged.
 */
import { INDENT, str, strings, writeJson, type OutValue } from "./json-writer";
import type { ConditionPart, PermissionBlock, PrincipalPart, VisualModel } from "./types";

/** IAM's usual order of statement elements, for elements the editor adds. */
export const ELEMENT_ORDER = [
  "Sid",
  "Effect",
  "Principal",
  "NotPrincipal",
  "Action",
  "NotAction",
  "Resource",
  "NotResource",
  "Condition",
] as const;

const TOP_ORDER = ["Version", "Id", "Statement"];

export function modelToJson(model: VisualModel): string {
  const members: [string, OutValue][] = [];
  const written = new Set<string>();
  const statement = (): OutValue => {
    const items = model.blocks.map(blockValue);
    if (model.statementForm === "object" && items.length === 1) return items[0];
    return { t: "array", items };
  };
  const order = [...model.order];
  for (const key of TOP_ORDER) if (!order.includes(key)) order.push(key);
  for (const key of order) {
    if (written.has(key)) continue;
    if (key === "Statement") {
      if (model.statementForm === "missing" && model.blocks.length === 0) continue;
      members.push(["Statement", statement()]);
      written.add(key);
      continue;
    }
    const member = model.members.find((m) => m.key === key);
    if (!member) continue;
    members.push([key, { t: "node", node: member.value }]);
    written.add(key);
  }
  for (const member of model.members) {
    if (!written.has(member.key)) members.push([member.key, { t: "node", node: member.value }]);
  }
  return writeJson({ t: "object", members });
}

/** The JSON of one statement, as modelToJson writes it (for previews and read-only display). */
export function blockToJson(block: PermissionBlock, indent = ""): string {
  return writeJson(blockValue(block), indent);
}

function blockValue(block: PermissionBlock): OutValue {
  if (block.rawStatement) return { t: "node", node: block.rawStatement.value };
  const parts = new Map<string, OutValue>();
  if (block.sid !== undefined) parts.set("Sid", str(block.sid));
  if (block.effect) parts.set("Effect", str(block.effect));
  if (block.principal) parts.set(block.principal.element, principalValue(block.principal));
  if (block.action)
    parts.set(block.action.element, strings(block.action.values, block.action.array));
  if (block.resource)
    parts.set(block.resource.element, strings(block.resource.values, block.resource.array));
  if (block.condition) parts.set("Condition", conditionValue(block.condition));
  for (const raw of block.raw) parts.set(raw.key, { t: "node", node: raw.value });

  const members: [string, OutValue][] = [];
  for (const key of block.order) {
    const value = parts.get(key);
    if (value === undefined) continue;
    members.push([key, value]);
    parts.delete(key);
  }
  for (const key of ELEMENT_ORDER) {
    const value = parts.get(key);
    if (value === undefined) continue;
    members.push([key, value]);
    parts.delete(key);
  }
  for (const [key, value] of parts) members.push([key, value]);
  return { t: "object", members };
}

function principalValue(principal: PrincipalPart): OutValue {
  if (principal.wildcard && principal.groups.length === 0) return str("*");
  return {
    t: "object",
    members: principal.groups.map((g) => [g.type, strings(g.values, g.array)]),
  };
}

function conditionValue(condition: ConditionPart): OutValue {
  return {
    t: "object",
    members: condition.operators.map((op) => [
      op.operator,
      {
        t: "object",
        members: op.entries.map((entry) => {
          const values: OutValue[] = entry.values.map((v) =>
            v.type === "number"
              ? { t: "number", raw: v.text }
              : v.type === "boolean"
                ? { t: "boolean", value: v.text === "true" }
                : str(v.text),
          );
          const value: OutValue =
            !entry.array && values.length === 1 ? values[0] : { t: "array", items: values };
          return [entry.key, value];
        }),
      },
    ]),
  };
}

export { INDENT };
