/**
 * The visual editor's model of a policy document. Everything the visual editor can show is held
 * as editable parts; everything else (an unknown field, an Effect it cannot read, a Condition
 * given twice ...) is kept as the JSON it was, in its place, and written back unchanged.
 */
import type { JsonNode, PolicyKind } from "@/lib/iam";

/** A top-level member other than Statement, kept as written (Version, Id, unknown fields). */
export interface RawMember {
  key: string;
  value: JsonNode;
}

export type StatementForm = "array" | "object" | "missing";

export interface VisualModel {
  kind: PolicyKind;
  /**
   * Set when the visual editor cannot show the document at all (not JSON, not an object,
   * Statement neither an object nor an array): the JSON tab is the only way to edit it.
   */
  unreadable?: { message: string; line?: number; column?: number };
  /** Top-level members in the order written; "Statement" marks where the statements go. */
  order: string[];
  /** Top-level members other than Statement, as written. */
  members: RawMember[];
  /** How Statement was written: an array, a single object, or not at all. */
  statementForm: StatementForm;
  blocks: PermissionBlock[];
}

export type StatementElementName =
  | "Sid"
  | "Effect"
  | "Principal"
  | "NotPrincipal"
  | "Action"
  | "NotAction"
  | "Resource"
  | "NotResource"
  | "Condition";

export interface ListPart<E extends string> {
  element: E;
  values: string[];
  /** Written as an array (kept so an untouched statement is written back as it was). */
  array: boolean;
}

export type ActionPart = ListPart<"Action" | "NotAction">;
export type ResourcePart = ListPart<"Resource" | "NotResource">;

/** Principal types IAM knows. */
export type PrincipalTypeName = "AWS" | "Service" | "Federated" | "CanonicalUser";

export interface PrincipalGroup {
  type: PrincipalTypeName;
  values: string[];
  array: boolean;
}

export interface PrincipalPart {
  element: "Principal" | "NotPrincipal";
  /** `"Principal": "*"`: everyone, written as the bare string. */
  wildcard: boolean;
  groups: PrincipalGroup[];
}

/** A condition value as JSON had it: IAM reads `"true"` and `true` alike, but we keep the form. */
export interface ConditionValue {
  text: string;
  type: "string" | "number" | "boolean";
}

export interface ConditionEntryModel {
  key: string;
  values: ConditionValue[];
  array: boolean;
}

export interface ConditionOperatorModel {
  /** As written, e.g. "ForAnyValue:StringEquals". */
  operator: string;
  entries: ConditionEntryModel[];
}

export interface ConditionPart {
  operators: ConditionOperatorModel[];
}

/** A statement member the visual editor cannot show, and why. */
export interface RawPart {
  key: string;
  value: JsonNode;
  reason: string;
}

/** One statement: a "permission block" of the visual editor. */
export interface PermissionBlock {
  /** Stable key for the UI (not written to JSON). */
  id: string;
  /** Members in the order written; parts added in the editor go after them. */
  order: string[];
  sid?: string;
  /** Undefined when the statement has no readable Effect (then it is among `raw`). */
  effect?: "Allow" | "Deny";
  action?: ActionPart;
  resource?: ResourcePart;
  principal?: PrincipalPart;
  condition?: ConditionPart;
  /** Members kept as written (unknown fields, values of a shape the editor cannot show). */
  raw: RawPart[];
  /**
   * The whole statement kept as written: not an object, or a field given twice. The visual
   * editor shows it read-only; the JSON tab edits it.
   */
  rawStatement?: { value: JsonNode; reason: string };
  /** The service chosen in the visual editor before any action is (not written to JSON). */
  chosenService?: string;
}
