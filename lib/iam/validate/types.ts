/**
 * IAM Access Analyzer ValidatePolicy's shapes (camelCase, as that API spells them), plus the
 * Strongbox extra `fix` on a finding for the policy editor.
 */

export type FindingType = "ERROR" | "SECURITY_WARNING" | "WARNING" | "SUGGESTION";

export interface Position {
  /** From 1. */
  line: number;
  /** From 0. */
  column: number;
  /** From 0, into the policy text. */
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export type PathElement =
  | { index: number }
  | { key: string }
  | { substring: { start: number; length: number } }
  | { value: string };

export interface Location {
  path: PathElement[];
  span: Span;
}

export interface ValidatePolicyFinding {
  findingDetails: string;
  findingType: FindingType;
  issueCode: string;
  learnMoreLink: string;
  locations: Location[];
  /** Strongbox: what to change, for the editor (omitted from the CLI's Access Analyzer JSON). */
  fix?: string;
}

export type ValidatePolicyType =
  | "IDENTITY_POLICY"
  | "RESOURCE_POLICY"
  | "SERVICE_CONTROL_POLICY"
  | "RESOURCE_CONTROL_POLICY"
  /** Strongbox: a role's trust policy (Access Analyzer takes RESOURCE_POLICY with AWS::IAM::AssumeRolePolicyDocument). */
  | "TRUST_POLICY"
  /** Strongbox: a permissions boundary (checked as an identity policy). */
  | "PERMISSIONS_BOUNDARY";

export interface ValidatePolicyOptions {
  policyType: ValidatePolicyType;
  /** Access Analyzer's validatePolicyResourceType, e.g. "AWS::IAM::AssumeRolePolicyDocument", "AWS::SecretsManager::Secret". */
  validatePolicyResourceType?: string;
  /** Non-whitespace characters allowed (e.g. 6144 for a managed policy); no size check when absent. */
  maxSize?: number;
  /** The catalogue to check against (default: the installed one). */
  catalog?: import("../catalog").Catalog;
}

export interface ValidatePolicyResult {
  findings: ValidatePolicyFinding[];
}
