/**
 * The policy document as the parser returns it: every element keeps where it was written.
 *
 * Positions follow IAM Access Analyzer's `Position`: `line` counts from 1, `column` from 0,
 * `offset` is the 0-based index into the document text (UTF-16 code units). A `Span` runs from
 * its first character (`start`) to just after its last (`end`).
 */

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

/** Which rules apply: identity and boundary policies must not name a principal; resource and trust policies must. */
export type PolicyKind = "identity" | "resource" | "trust" | "boundary";

export type PolicyVersion = "2012-10-17" | "2008-10-17";

export type Effect = "Allow" | "Deny";

/** A JSON scalar as written: condition values may be strings, numbers or booleans; `value` is its text. */
export interface ValueNode {
  value: string;
  type: "string" | "number" | "boolean";
  span: Span;
}

/** A string value and its position. */
export interface StringNode {
  value: string;
  span: Span;
}

/** What every element shares: where its key was written and where its value was. */
export interface ElementNode {
  keySpan: Span;
  /** The element's value (string, array or object). */
  span: Span;
}

export interface StringElement extends ElementNode {
  value: string;
}

/** Action, NotAction, Resource, NotResource: one string or an array of strings. */
export interface ListElement extends ElementNode {
  isArray: boolean;
  values: StringNode[];
}

export type PrincipalType = "AWS" | "Service" | "Federated" | "CanonicalUser";

export const PRINCIPAL_TYPES: readonly PrincipalType[] = [
  "AWS",
  "Service",
  "Federated",
  "CanonicalUser",
];

export interface PrincipalEntry extends ElementNode {
  type: PrincipalType;
  isArray: boolean;
  values: StringNode[];
}

/** Principal or NotPrincipal: `"*"` (then `wildcard` is set and `entries` empty) or a map by principal type. */
export interface PrincipalElement extends ElementNode {
  wildcard?: StringNode;
  entries: PrincipalEntry[];
}

export type SetOperator = "ForAnyValue" | "ForAllValues";

/** The condition operators IAM knows, without qualifier or IfExists suffix. */
export const BASE_OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringEqualsIgnoreCase",
  "StringNotEqualsIgnoreCase",
  "StringLike",
  "StringNotLike",
  "NumericEquals",
  "NumericNotEquals",
  "NumericLessThan",
  "NumericLessThanEquals",
  "NumericGreaterThan",
  "NumericGreaterThanEquals",
  "DateEquals",
  "DateNotEquals",
  "DateLessThan",
  "DateLessThanEquals",
  "DateGreaterThan",
  "DateGreaterThanEquals",
  "Bool",
  "BinaryEquals",
  "IpAddress",
  "NotIpAddress",
  "ArnEquals",
  "ArnLike",
  "ArnNotEquals",
  "ArnNotLike",
  "Null",
] as const;

export type BaseOperator = (typeof BASE_OPERATORS)[number];

/** `ForAllValues:StringLikeIfExists` → `{ set: "ForAllValues", base: "StringLike", ifExists: true }`. */
export interface ParsedOperator {
  set?: SetOperator;
  base: BaseOperator;
  ifExists: boolean;
}

export interface ConditionEntry extends ElementNode {
  /** The condition key as written; keys compare case-insensitively. */
  key: string;
  isArray: boolean;
  values: ValueNode[];
}

export interface ConditionOperatorNode extends ElementNode {
  /** The operator as written, e.g. `ForAnyValue:StringEquals`. */
  operator: string;
  /** Absent when the operator is not one IAM knows (the parser reports it; evaluation fails closed). */
  parsed?: ParsedOperator;
  entries: ConditionEntry[];
}

export interface ConditionElement extends ElementNode {
  operators: ConditionOperatorNode[];
}

export interface EffectElement extends ElementNode {
  value: Effect;
}

export interface Statement {
  /** 0-based position in the Statement array (0 when Statement is a single object). */
  index: number;
  span: Span;
  sid?: StringElement;
  effect: EffectElement;
  principal?: PrincipalElement;
  notPrincipal?: PrincipalElement;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  condition?: ConditionElement;
}

export interface StatementElement extends ElementNode {
  isArray: boolean;
}

export interface PolicyDocument {
  span: Span;
  /** The Version element as written, when present. */
  version?: StringElement;
  /** The version the policy is evaluated under: 2008-10-17 when Version is absent (no policy variables). */
  effectiveVersion: PolicyVersion;
  id?: StringElement;
  statement: StatementElement;
  statements: Statement[];
}

/** One problem found while parsing, with where it is. */
export interface PolicyParseError {
  /** AWS's wording, as IAM's MalformedPolicyDocument error gives it. */
  message: string;
  /** A more specific explanation for the editor, when AWS's wording is generic. */
  detail?: string;
  span: Span;
}

export interface ParseOptions {
  /** Which rules to apply; "identity" when not given. */
  kind?: PolicyKind;
}

export interface ParseResult {
  /** Present when the document could be read far enough to describe (it may still have errors). */
  document?: PolicyDocument;
  errors: PolicyParseError[];
}
