/**
 * Request conditions of a permission block: the rows the visual editor lists (one per operator
 * and key), the operators that suit a key's type, and the changes a row makes.
 */
import { parseConditionOperator, type BaseOperator, type ParsedOperator } from "@/lib/iam";
import type { Catalog, CatalogConditionKey, ConditionKeyType } from "@/lib/iam/catalog";
import { actionSelection, blockServices, isChosen } from "./actions";
import type { ConditionPart, ConditionValue, PermissionBlock } from "./types";

export interface ConditionRow {
  opIndex: number;
  entryIndex: number;
  operator: string;
  /** Undefined for an operator IAM does not know. */
  parsed?: ParsedOperator;
  key: string;
  values: ConditionValue[];
}

export function conditionRows(part: ConditionPart | undefined): ConditionRow[] {
  if (!part) return [];
  return part.operators.flatMap((op, opIndex) =>
    op.entries.map((entry, entryIndex) => ({
      opIndex,
      entryIndex,
      operator: op.operator,
      parsed: parseConditionOperator(op.operator),
      key: entry.key,
      values: entry.values,
    })),
  );
}

export interface ConditionDraft {
  operator: string;
  key: string;
  values: string[];
}

export type RowRef = Pick<ConditionRow, "opIndex" | "entryIndex">;

/** Another row already has this operator and key: IAM would read them as one (a duplicate key). */
export function conditionConflict(
  part: ConditionPart | undefined,
  at: RowRef | undefined,
  draft: ConditionDraft,
): boolean {
  return conditionRows(part).some(
    (row) =>
      !(at && row.opIndex === at.opIndex && row.entryIndex === at.entryIndex) &&
      row.operator === draft.operator &&
      row.key.toLowerCase() === draft.key.toLowerCase(),
  );
}

/** Adds a row (`at` undefined) or changes one; a changed operator moves the row to that operator. */
export function putCondition(
  part: ConditionPart | undefined,
  at: RowRef | undefined,
  draft: ConditionDraft,
): ConditionPart {
  const operators = structuredClone(part?.operators ?? []);
  let previous: ConditionValue[] = [];
  let previousArray: boolean | undefined;
  if (at) {
    const op = operators[at.opIndex];
    const entry = op?.entries[at.entryIndex];
    if (entry) {
      previous = entry.values;
      previousArray = entry.array;
      if (op.operator === draft.operator) {
        op.entries[at.entryIndex] = {
          key: draft.key,
          values: typedValues(draft.values, previous),
          array: arrayForm(draft.values, previousArray),
        };
        return { operators };
      }
      op.entries.splice(at.entryIndex, 1);
    }
  }
  const entry = {
    key: draft.key,
    values: typedValues(draft.values, previous),
    array: arrayForm(draft.values, previousArray),
  };
  const target = operators.find((op) => op.operator === draft.operator);
  if (target) target.entries.push(entry);
  else operators.push({ operator: draft.operator, entries: [entry] });
  return { operators: operators.filter((op) => op.entries.length > 0) };
}

export function removeCondition(part: ConditionPart, at: RowRef): ConditionPart {
  const operators = structuredClone(part.operators);
  operators[at.opIndex]?.entries.splice(at.entryIndex, 1);
  return { operators: operators.filter((op) => op.entries.length > 0) };
}

/** Values typed as text keep the JSON type they had (`3600`, `true`) when unchanged. */
function typedValues(texts: string[], previous: ConditionValue[]): ConditionValue[] {
  return texts.map(
    (text) => previous.find((p) => p.text === text) ?? { text, type: "string" as const },
  );
}

function arrayForm(values: string[], previous: boolean | undefined): boolean {
  if (values.length !== 1) return true;
  return previous ?? false;
}

export function composeOperator(operator: ParsedOperator): string {
  return `${operator.set ? `${operator.set}:` : ""}${operator.base}${operator.ifExists ? "IfExists" : ""}`;
}

const STRING_OPERATORS: BaseOperator[] = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
];
const ARN_OPERATORS: BaseOperator[] = ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"];
const NUMERIC_OPERATORS: BaseOperator[] = [
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
];
const DATE_OPERATORS: BaseOperator[] = [
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
];

/** Operators that compare a key of this type (Null, which tests presence, suits every key). */
export function operatorsForType(type: ConditionKeyType | undefined): BaseOperator[] {
  const scalar = type?.replace(/^ArrayOf/, "");
  switch (scalar) {
    case "String":
      return [...STRING_OPERATORS, "Null"];
    case "ARN":
      return [...ARN_OPERATORS, ...STRING_OPERATORS, "Null"];
    case "Numeric":
      return [...NUMERIC_OPERATORS, "Null"];
    case "Date":
      return [...DATE_OPERATORS, "Null"];
    case "Bool":
      return ["Bool", "Null"];
    case "IPAddress":
      return ["IpAddress", "NotIpAddress", "Null"];
    case "Binary":
      return ["BinaryEquals", "Null"];
    default:
      // A key the catalogue does not know: every operator is offered.
      return [
        ...STRING_OPERATORS,
        ...ARN_OPERATORS,
        ...NUMERIC_OPERATORS,
        ...DATE_OPERATORS,
        "Bool",
        "IpAddress",
        "NotIpAddress",
        "BinaryEquals",
        "Null",
      ];
  }
}

export function isMultivalued(type: ConditionKeyType | undefined): boolean {
  return type?.startsWith("ArrayOf") ?? false;
}

/** What a value of the operator's type looks like, for the value field's hint. */
export function valueExample(base: BaseOperator): string {
  if (base.startsWith("Numeric")) return "e.g. 3600";
  if (base.startsWith("Date")) return "e.g. 2026-12-31T23:59:59Z";
  if (base === "Bool" || base === "Null") return "true or false";
  if (base === "IpAddress" || base === "NotIpAddress") return "e.g. 203.0.113.0/24";
  if (base.startsWith("Arn")) return "e.g. arn:aws:lambda:us-east-1:111122223333:function:*";
  if (base === "BinaryEquals") return "base64, e.g. QmluYXJ5VmFsdWU=";
  if (base.endsWith("Like")) return "* and ? are wildcards";
  return "";
}

/** A key with a placeholder ("aws:ResourceTag/${TagKey}", ".../tag-key"): the part to fill. */
export function keyTemplate(name: string): { prefix: string; label: string } | undefined {
  const m = /^(.*?)(\$\{([^}]*)\}|<([^>]*)>|tag-key)$/.exec(name);
  if (!m) return undefined;
  const placeholder = m[3] ?? m[4] ?? "TagKey";
  const label = /tag/i.test(placeholder)
    ? "Tag key"
    : placeholder.replace(/([a-z0-9])([A-Z])/g, "$1 $2");
  return { prefix: m[1], label };
}

/**
 * The condition keys to offer for a block: those its chosen actions support (every key of the
 * service when none is chosen yet), then the global keys.
 */
export function keysForBlock(block: PermissionBlock, catalog: Catalog): CatalogConditionKey[] {
  const out: CatalogConditionKey[] = [];
  const services = blockServices(block);
  const prefixes =
    services.kind === "one"
      ? [services.prefix]
      : services.kind === "mixed"
        ? services.prefixes
        : [];
  for (const prefix of prefixes) {
    const service = catalog.getService(prefix);
    if (!service) continue;
    const selection = actionSelection(block, prefix, catalog);
    const chosen = service.actions.filter((a) => isChosen(selection, a));
    for (const key of service.conditionKeys) {
      if (key.global) continue;
      if (chosen.length > 0 && !chosen.some((a) => catalog.actionSupportsConditionKey(a, key.name)))
        continue;
      out.push(key);
    }
  }
  const seen = new Set(out.map((k) => k.name.toLowerCase()));
  for (const key of catalog.globalConditionKeys()) {
    if (!seen.has(key.name.toLowerCase())) out.push(key);
  }
  // aws: keys a service lists (aws:RequestTag/${TagKey}) and the global list overlap: keep one.
  for (const prefix of prefixes) {
    for (const key of catalog.getService(prefix)?.conditionKeys ?? []) {
      if (
        key.global &&
        !seen.has(key.name.toLowerCase()) &&
        !out.some((k) => sameKey(k.name, key.name))
      )
        out.push(key);
    }
  }
  return out;
}

function sameKey(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\$\{[^}]*\}|tag-key$/, "*");
  return norm(a) === norm(b);
}
