/**
 * Issue codes. Access Analyzer's codes where it has a check for the problem; Strongbox's own
 * (marked) where it has none. learnMoreLink follows Access Analyzer's anchors.
 */
import type { FindingType } from "./types";

const AA_REFERENCE =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
const SECRETS_MANAGER_POLICIES =
  "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_identity-based-policies.html";
const POLICY_VARIABLES =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html";
const CONDITION_OPERATORS =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html";
const NOT_ACTION =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html";
const NOT_RESOURCE =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html";
const PRINCIPAL =
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html";
const ACTIONS_RESOURCES =
  "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html";

interface CodeInfo {
  type: FindingType;
  /** Access Analyzer's check title (its anchor), or a Strongbox link. */
  title?: string;
  link?: string;
}

export const ISSUE_CODES = {
  // Errors (Access Analyzer)
  JSON_SYNTAX_ERROR: { type: "ERROR", title: "Json syntax error" },
  INVALID_POLICY_ELEMENT: { type: "ERROR", title: "Invalid policy element" },
  DATA_TYPE_MISMATCH: { type: "ERROR", title: "Data type mismatch" },
  INVALID_VERSION: { type: "ERROR", title: "Invalid version" },
  MISSING_STATEMENT: { type: "ERROR", title: "Missing statement" },
  MISSING_EFFECT: { type: "ERROR", title: "Missing effect" },
  INVALID_EFFECT: { type: "ERROR", title: "Invalid effect" },
  MISSING_ACTION: { type: "ERROR", title: "Missing action" },
  MISSING_RESOURCE: { type: "ERROR", title: "Missing resource" },
  MISSING_PRINCIPAL: { type: "ERROR", title: "Missing principal" },
  UNSUPPORTED_PRINCIPAL: { type: "ERROR", title: "Unsupported principal" },
  INVALID_PRINCIPAL_FORMAT: { type: "ERROR", title: "Invalid principal format" },
  INVALID_PRINCIPAL_KEY: { type: "ERROR", title: "Invalid principal key" },
  UNSUPPORTED_ELEMENT_COMBINATION: { type: "ERROR", title: "Unsupported element combination" },
  UNSUPPORTED_SID: { type: "ERROR", title: "Unsupported Sid" },
  UNIQUE_SIDS_REQUIRED: { type: "ERROR", title: "Unique Sids required" },
  INVALID_ACTION: { type: "ERROR", title: "Invalid action" },
  INVALID_SERVICE_IN_ACTION: { type: "ERROR", title: "Invalid service in action" },
  INVALID_SERVICE: { type: "ERROR", title: "Invalid service" },
  INVALID_ARN_PREFIX: { type: "ERROR", title: "Invalid ARN prefix" },
  MISSING_ARN_FIELD: { type: "ERROR", title: "Missing ARN field" },
  INVALID_PARTITION: { type: "ERROR", title: "Invalid partition" },
  INVALID_ARN_SERVICE_CASE: { type: "ERROR", title: "Invalid ARN service case" },
  MISSING_ARN_REGION: { type: "ERROR", title: "Missing ARN Region" },
  INVALID_ARN_REGION: { type: "ERROR", title: "Invalid ARN Region" },
  ARN_REGION_NOT_ALLOWED: { type: "ERROR", title: "ARN Region not allowed" },
  INVALID_ARN_ACCOUNT: { type: "ERROR", title: "Invalid ARN account" },
  ARN_ACCOUNT_NOT_ALLOWED: { type: "ERROR", title: "ARN account not allowed" },
  INVALID_ARN_RESOURCE: { type: "ERROR", title: "Invalid ARN resource" },
  INVALID_CONDITION_OPERATOR: { type: "ERROR", title: "Invalid condition operator" },
  INVALID_CONDITION_KEY_FORMAT: { type: "ERROR", title: "Invalid condition key format" },
  INVALID_GLOBAL_CONDITION_KEY: { type: "ERROR", title: "Invalid global condition key" },
  INVALID_SERVICE_CONDITION_KEY: { type: "ERROR", title: "Invalid service condition key" },
  TYPE_MISMATCH: { type: "ERROR", title: "Type mismatch" },
  TYPE_MISMATCH_BOOLEAN: { type: "ERROR", title: "Type mismatch Boolean" },
  TYPE_MISMATCH_DATE: { type: "ERROR", title: "Type mismatch date" },
  TYPE_MISMATCH_NUMBER: { type: "ERROR", title: "Type mismatch number" },
  TYPE_MISMATCH_IP_RANGE: { type: "ERROR", title: "Type mismatch IP range" },
  VARIABLE_UNSUPPORTED_IN_VERSION: { type: "ERROR", title: "Variable unsupported in version" },
  VARIABLE_UNSUPPORTED_IN_ELEMENT: { type: "ERROR", title: "Variable unsupported in element" },
  EMPTY_VARIABLE: { type: "ERROR", title: "Empty variable" },
  MISSING_BRACE_IN_VARIABLE: { type: "ERROR", title: "Missing brace in variable" },
  POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA: {
    type: "ERROR",
    title: "Policy size exceeds identity policy quota",
  },
  POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA: {
    type: "ERROR",
    title: "Policy size exceeds resource policy quota",
  },
  // Security warnings (Access Analyzer)
  ALLOW_WITH_NOT_PRINCIPAL: { type: "SECURITY_WARNING", title: "Allow with NotPrincipal" },
  FORALLVALUES_WITH_SINGLE_VALUED_KEY: {
    type: "SECURITY_WARNING",
    title: "ForAllValues with single valued key",
  },
  PASS_ROLE_WITH_STAR_IN_RESOURCE: {
    type: "SECURITY_WARNING",
    title: "Pass role with star in resource",
  },
  PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE: {
    type: "SECURITY_WARNING",
    title: "Pass role with star in action and resource",
  },
  // Security warnings (Strongbox)
  ALLOW_WITH_NOT_ACTION: { type: "SECURITY_WARNING", link: NOT_ACTION },
  ALLOW_WITH_NOT_RESOURCE: { type: "SECURITY_WARNING", link: NOT_RESOURCE },
  WILDCARD_PRINCIPAL: { type: "SECURITY_WARNING", link: PRINCIPAL },
  // Warnings (Access Analyzer)
  MISSING_VERSION: { type: "WARNING", title: "Missing version" },
  // Warnings (Strongbox)
  SECRET_ARN_WILDCARD_SUFFIX: { type: "WARNING", link: SECRETS_MANAGER_POLICIES },
  CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS: { type: "WARNING", link: ACTIONS_RESOURCES },
  ACTION_NOT_APPLICABLE_TO_RESOURCES: { type: "WARNING", link: ACTIONS_RESOURCES },
  WILDCARD_WITH_EQUALITY_OPERATOR: { type: "WARNING", link: CONDITION_OPERATORS },
  UNKNOWN_POLICY_VARIABLE: { type: "WARNING", link: POLICY_VARIABLES },
  // Suggestions (Access Analyzer)
  REDUNDANT_ACTION: { type: "SUGGESTION", title: "Redundant action" },
  REDUNDANT_RESOURCE: { type: "SUGGESTION", title: "Redundant resource" },
  REDUNDANT_STATEMENT: { type: "SUGGESTION", title: "Redundant statement" },
} satisfies Record<string, CodeInfo>;

export type IssueCode = keyof typeof ISSUE_CODES;

const SEVERITY_WORD: Record<FindingType, string> = {
  ERROR: "error",
  SECURITY_WARNING: "security-warning",
  WARNING: "warning",
  SUGGESTION: "suggestion",
};

export function findingTypeOf(code: IssueCode): FindingType {
  return ISSUE_CODES[code].type as FindingType;
}

export function learnMoreLink(code: IssueCode): string {
  const info: CodeInfo = ISSUE_CODES[code];
  if (info.link) return info.link;
  const slug = (info.title ?? code)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${AA_REFERENCE}#access-analyzer-reference-policy-checks-${SEVERITY_WORD[info.type]}-${slug}`;
}
