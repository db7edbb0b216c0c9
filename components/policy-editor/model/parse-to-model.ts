/**
 * From policy text to the visual editor's model. Reads the JSON itself (not the policy grammar)
 * so that nothing is lost: what the editor can show becomes editable parts, the rest is kept as
 * written and marked read-only with the reason.
 */
import {
  JsonSyntaxError,
  parseJson,
  type JsonMember,
  type JsonNode,
  type PolicyKind,
} from "@/lib/iam";
import type {
  ActionPart,
  ConditionOperatorModel,
  ConditionPart,
  ConditionValue,
  PermissionBlock,
  PrincipalGroup,
  PrincipalPart,
  PrincipalTypeName,
  RawPart,
  ResourcePart,
  VisualModel,
} from "./types";

let nextId = 0;

/** A fresh key for a block (unique within the page's lifetime). */
export function newBlockId(): string {
  nextId += 1;
  return `block-${nextId}`;
}

const PRINCIPAL_TYPES: readonly PrincipalTypeName[] = [
  "AWS",
  "Service",
  "Federated",
  "CanonicalUser",
];

export function parseToModel(text: string, kind: PolicyKind = "identity"): VisualModel {
  const empty: VisualModel = { kind, order: [], members: [], statementForm: "missing", blocks: [] };
  if (text.trim() === "") return { ...empty, order: ["Version", "Statement"], members: [VERSION] };
  let root: JsonNode;
  try {
    root = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      return {
        ...empty,
        unreadable: {
          message: `The JSON has a syntax error: ${error.message}.`,
          line: error.span.start.line,
          column: error.span.start.column,
        },
      };
    }
    throw error;
  }
  if (root.kind !== "object") {
    return { ...empty, unreadable: { message: "A policy must be a JSON object." } };
  }
  const duplicate = firstDuplicate(root.members);
  if (duplicate) {
    return {
      ...empty,
      unreadable: {
        message: `The policy has the field ${duplicate.key} twice.`,
        line: duplicate.keySpan.start.line,
        column: duplicate.keySpan.start.column,
      },
    };
  }

  const model: VisualModel = { ...empty, order: root.members.map((m) => m.key) };
  for (const member of root.members) {
    if (member.key !== "Statement") {
      model.members.push({ key: member.key, value: member.value });
      continue;
    }
    const value = member.value;
    if (value.kind === "array") {
      model.statementForm = "array";
      model.blocks = value.items.map(readStatement);
    } else if (value.kind === "object") {
      model.statementForm = "object";
      model.blocks = [readStatement(value)];
    } else {
      return {
        ...empty,
        unreadable: {
          message: "Statement must be a statement object or an array of them.",
          line: value.span.start.line,
          column: value.span.start.column,
        },
      };
    }
  }
  return model;
}

const VERSION = {
  key: "Version",
  value: {
    kind: "string",
    value: "2012-10-17",
    span: {
      start: { line: 1, column: 0, offset: 0 },
      end: { line: 1, column: 0, offset: 0 },
    },
  },
} as const satisfies { key: string; value: JsonNode };

function firstDuplicate(members: JsonMember[]): JsonMember | undefined {
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.key)) return m;
    seen.add(m.key);
  }
  return undefined;
}

function readStatement(node: JsonNode): PermissionBlock {
  const block: PermissionBlock = { id: newBlockId(), order: [], raw: [] };
  if (node.kind !== "object") {
    block.rawStatement = { value: node, reason: "This statement is not a JSON object." };
    return block;
  }
  const duplicate = firstDuplicate(node.members);
  if (duplicate) {
    block.rawStatement = {
      value: node,
      reason: `This statement has the field ${duplicate.key} twice.`,
    };
    return block;
  }
  block.order = node.members.map((m) => m.key);
  const has = (key: string) => node.members.some((m) => m.key === key);
  const keep = (member: JsonMember, reason: string) =>
    block.raw.push({ key: member.key, value: member.value, reason });

  for (const member of node.members) {
    const { key, value } = member;
    switch (key) {
      case "Sid":
        if (value.kind === "string") block.sid = value.value;
        else keep(member, "Sid must be a string.");
        break;
      case "Effect":
        if (value.kind === "string" && (value.value === "Allow" || value.value === "Deny"))
          block.effect = value.value;
        else keep(member, 'Effect must be "Allow" or "Deny".');
        break;
      case "Action":
      case "NotAction": {
        const other = key === "Action" ? "NotAction" : "Action";
        const list = readStrings(value);
        if (has(other)) keep(member, `A statement cannot have both Action and NotAction.`);
        else if (!list) keep(member, `${key} must be a string or an array of strings.`);
        else block.action = { element: key, ...list } satisfies ActionPart;
        break;
      }
      case "Resource":
      case "NotResource": {
        const other = key === "Resource" ? "NotResource" : "Resource";
        const list = readStrings(value);
        if (has(other)) keep(member, `A statement cannot have both Resource and NotResource.`);
        else if (!list) keep(member, `${key} must be a string or an array of strings.`);
        else block.resource = { element: key, ...list } satisfies ResourcePart;
        break;
      }
      case "Principal":
      case "NotPrincipal": {
        const other = key === "Principal" ? "NotPrincipal" : "Principal";
        const principal = readPrincipal(key, value);
        if (has(other)) keep(member, "A statement cannot have both Principal and NotPrincipal.");
        else if (typeof principal === "string") keep(member, principal);
        else block.principal = principal;
        break;
      }
      case "Condition": {
        const condition = readCondition(value);
        if (typeof condition === "string") keep(member, condition);
        else block.condition = condition;
        break;
      }
      default:
        keep(member, `${key} is not a statement element IAM knows.`);
    }
  }
  return block;
}

function readStrings(node: JsonNode): { values: string[]; array: boolean } | undefined {
  if (node.kind === "string") return { values: [node.value], array: false };
  if (node.kind !== "array") return undefined;
  const values: string[] = [];
  for (const item of node.items) {
    if (item.kind !== "string") return undefined;
    values.push(item.value);
  }
  return { values, array: true };
}

function readPrincipal(
  element: "Principal" | "NotPrincipal",
  node: JsonNode,
): PrincipalPart | string {
  if (node.kind === "string") {
    if (node.value === "*") return { element, wildcard: true, groups: [] };
    return `${element} must be "*" or an object of principal types.`;
  }
  if (node.kind !== "object") return `${element} must be "*" or an object of principal types.`;
  if (firstDuplicate(node.members)) return `${element} names a principal type twice.`;
  const groups: PrincipalGroup[] = [];
  for (const member of node.members) {
    if (!PRINCIPAL_TYPES.includes(member.key as PrincipalTypeName)) {
      return `${member.key} is not a principal type (AWS, Service, Federated, CanonicalUser).`;
    }
    const list = readStrings(member.value);
    if (!list) return `The ${member.key} principals must be a string or an array of strings.`;
    groups.push({ type: member.key as PrincipalTypeName, ...list });
  }
  return { element, wildcard: false, groups };
}

function readCondition(node: JsonNode): ConditionPart | string {
  if (node.kind !== "object") return "Condition must be an object of condition operators.";
  if (firstDuplicate(node.members)) return "Condition has the same operator twice.";
  const operators: ConditionOperatorModel[] = [];
  for (const op of node.members) {
    if (op.value.kind !== "object") return `${op.key} must be an object of condition keys.`;
    if (firstDuplicate(op.value.members)) return `${op.key} has the same condition key twice.`;
    const entries = [];
    for (const entry of op.value.members) {
      const values = readConditionValues(entry.value);
      if (!values) {
        return `The values of ${entry.key} must be strings, numbers or booleans.`;
      }
      entries.push({ key: entry.key, ...values });
    }
    operators.push({ operator: op.key, entries });
  }
  return { operators };
}

function readConditionValues(
  node: JsonNode,
): { values: ConditionValue[]; array: boolean } | undefined {
  const scalar = (n: JsonNode): ConditionValue | undefined => {
    if (n.kind === "string") return { text: n.value, type: "string" };
    if (n.kind === "number") return { text: n.raw, type: "number" };
    if (n.kind === "boolean") return { text: String(n.value), type: "boolean" };
    return undefined;
  };
  if (node.kind !== "array") {
    const value = scalar(node);
    return value ? { values: [value], array: false } : undefined;
  }
  const values: ConditionValue[] = [];
  for (const item of node.items) {
    const value = scalar(item);
    if (!value) return undefined;
    values.push(value);
  }
  return { values, array: true };
}

/** The raw parts of a block that belong to an element (for read-only display). */
export function rawPart(block: PermissionBlock, ...keys: string[]): RawPart | undefined {
  return block.raw.find((r) => keys.includes(r.key));
}
