/**
 * One condition: an operator applied to one context key and its values. A statement's
 * conditions are ANDed (several operators, several keys under one operator), a condition's values
 * are ORed. Results are three-valued (./conditions/types.ts): UNKNOWN means input the engine could
 * not read, and the statement then fails closed (an Allow does not apply, a Deny does).
 *
 * Missing keys, as AWS documents them:
 * - a plain operator on a missing key is false, a negated one (StringNotEquals, ...) is true;
 * - `...IfExists` on a missing key is true;
 * - `ForAllValues:` on a missing key or empty list is true, `ForAnyValue:` is false;
 * - `Null` tests presence alone.
 *
 * A plain (single-valued) operator given a multivalued key — AWS advises a set operator instead —
 * holds when any request value matches; its negated form holds when none does.
 */
import type { BaseOperator, ConditionEntry, ParsedOperator, PolicyVersion, Span } from "./ast";
import type { ContextEntry, EvaluationContext } from "./context";
import { evaluateNull, parseNullValue } from "./conditions/null";
import { OPERATORS } from "./conditions/operators";
import { FALSE, TRUE, UNKNOWN, type OperatorFamily, type Tri } from "./conditions/types";
import { lookupOf } from "./memo";
import {
  parseTemplate,
  resolveTemplate,
  resolveText,
  type MissingKeys,
  type Template,
} from "./variables";

const UNRESOLVED = Symbol("unresolved");

interface PolicyValue {
  /** The value read at compile time; undefined when it needs a variable or is malformed. */
  value?: unknown;
  template?: Template;
  malformed: boolean;
}

export interface CompiledCondition {
  /** The operator as written. */
  operator: string;
  /** The key as written. */
  key: string;
  lookup: string;
  /** Where it was written (first: identical conditions are compiled once and shared). */
  span: Span;
  parsed: ParsedOperator | undefined;
  family: OperatorFamily | undefined;
  negated: boolean;
  values: PolicyValue[];
  /** For Null: the expected absence per value (undefined when malformed). */
  nullValues?: (boolean | undefined)[];
  hasTemplates: boolean;
  /** The values read at compile time, when none needs a variable. */
  staticValues: unknown[];
  staticMalformed: boolean;
  /** The evaluation that last computed it (./memo.ts), and the result. */
  epoch: number;
  result: Tri;
}

export function compileCondition(
  operator: string,
  parsed: ParsedOperator | undefined,
  entry: ConditionEntry,
  version: PolicyVersion,
): CompiledCondition {
  const base: BaseOperator | undefined = parsed?.base;
  const spec = base && base !== "Null" ? OPERATORS[base] : undefined;
  const condition: CompiledCondition = {
    operator,
    key: entry.key,
    lookup: lookupOf(entry.key),
    span: entry.span,
    parsed,
    family: spec?.family,
    negated: spec?.negated ?? false,
    values: [],
    hasTemplates: false,
    staticValues: [],
    staticMalformed: false,
    nullValues: undefined,
    epoch: 0,
    result: FALSE,
  };
  if (base === "Null") {
    condition.nullValues = entry.values.map((v) => parseNullValue(v.value));
    return condition;
  }
  const family = spec?.family;
  for (const node of entry.values) {
    const template =
      family?.variables && version === "2012-10-17" ? parseTemplate(node.value) : undefined;
    if (template) {
      condition.hasTemplates = true;
      condition.values.push({ template, malformed: false });
      continue;
    }
    const value = family?.policy(node.value);
    condition.values.push({ value, malformed: value === undefined });
    // A policy value the operator cannot read: the condition fails closed.
    if (value === undefined) condition.staticMalformed = true;
    else condition.staticValues.push(value);
  }
  return condition;
}

export function evaluateCondition(
  condition: CompiledCondition,
  context: EvaluationContext,
  missing: MissingKeys | undefined,
): Tri {
  const parsed = condition.parsed;
  // An operator IAM does not know: fails closed.
  if (!parsed) return UNKNOWN;
  const entry = context.get(condition.lookup);
  if (!entry) missing?.add(condition.key);
  // A context value or key type the engine cannot read: fails closed.
  if (entry?.invalid) return UNKNOWN;
  const absent = !entry || entry.values.length === 0;

  if (condition.nullValues) return evaluateNull(condition.nullValues, absent);
  // For the set operators an empty string is an empty set too (AWS: "a null data set").
  const empty =
    absent || (parsed.set !== undefined && entry.values.length === 1 && entry.values[0] === "");

  const family = condition.family;
  // No family for a known operator cannot happen; fail closed all the same.
  if (!family) return UNKNOWN;

  if (empty) {
    if (parsed.ifExists || parsed.set === "ForAllValues") return TRUE;
    if (parsed.set === "ForAnyValue") return FALSE;
    return condition.negated ? TRUE : FALSE;
  }

  let values: readonly unknown[];
  let anyMalformed = false;
  if (condition.hasTemplates) {
    const resolved: unknown[] = [];
    for (const v of condition.values) {
      if (!v.template) {
        if (v.malformed) anyMalformed = true;
        else resolved.push(v.value);
        continue;
      }
      let value: unknown;
      if (family.wildcards) {
        const chunks = resolveTemplate(v.template, context, missing);
        value = chunks ? family.policy("", chunks) : UNRESOLVED;
      } else {
        const text = resolveText(v.template, context, missing);
        value = text === undefined ? UNRESOLVED : family.policy(text);
      }
      if (value === UNRESOLVED) {
        // An unresolved variable: that value matches nothing, and a negated condition holding
        // it does not match at all (AWS treats the element as not matching).
        if (condition.negated) return FALSE;
        continue;
      }
      if (value === undefined) anyMalformed = true;
      else resolved.push(value);
    }
    values = resolved;
  } else {
    values = condition.staticValues;
    anyMalformed = condition.staticMalformed;
  }

  const negated = condition.negated;
  const set = parsed.set;
  // Fold over request values: ForAllValues and negated plain operators need every value to
  // hold (AND); ForAnyValue and plain operators need one (OR).
  const all = set === "ForAllValues" || (set === undefined && negated);
  let result: Tri = all ? TRUE : FALSE;
  const requestValues = readRequestValues(entry, family);
  for (let i = 0; i < requestValues.length; i++) {
    const request = requestValues[i];
    let m: Tri;
    if (request === undefined) {
      // A request value the operator cannot read: fails closed.
      m = UNKNOWN;
    } else {
      m = anyMalformed ? UNKNOWN : FALSE;
      for (let j = 0; j < values.length; j++) {
        if (family.test(request, values[j])) {
          m = TRUE;
          break;
        }
      }
      if (negated && m !== UNKNOWN) m = m === TRUE ? FALSE : TRUE;
    }
    if (all) {
      if (m === FALSE) return FALSE;
      if (m === UNKNOWN) result = UNKNOWN;
    } else {
      if (m === TRUE) return TRUE;
      if (m === UNKNOWN) result = UNKNOWN;
    }
  }
  return result;
}

/** The entry's values read by the family, kept on the entry for the rest of the evaluation. */
function readRequestValues(entry: ContextEntry, family: OperatorFamily): readonly unknown[] {
  if (family.requestIsText) return entry.values;
  if (entry.readBy === family && entry.read) return entry.read;
  const read = entry.values.map((v) => family.request(v));
  entry.readBy = family;
  entry.read = read;
  return read;
}
