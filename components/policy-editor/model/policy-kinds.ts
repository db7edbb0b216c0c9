/**
 * What differs between the policies the editor serves: which grammar applies, how Access
 * Analyzer checks it, and IAM's size quota (non-whitespace characters).
 */
import type { PolicyKind } from "@/lib/iam";
import type { FindingType, ValidatePolicyFinding, ValidatePolicyType } from "@/lib/iam/validate";

/** IAM's quotas, in characters not counting whitespace. */
export const POLICY_SIZE_LIMITS = {
  managedPolicy: 6144,
  userInline: 2048,
  groupInline: 5120,
  roleInline: 10240,
  trustPolicy: 2048,
  secretResourcePolicy: 20480,
} as const;

export function defaultPolicyType(kind: PolicyKind): ValidatePolicyType {
  switch (kind) {
    case "resource":
      return "RESOURCE_POLICY";
    case "trust":
      return "TRUST_POLICY";
    case "boundary":
      return "PERMISSIONS_BOUNDARY";
    default:
      return "IDENTITY_POLICY";
  }
}

export function defaultMaxCharacters(kind: PolicyKind): number {
  switch (kind) {
    case "resource":
      return POLICY_SIZE_LIMITS.secretResourcePolicy;
    case "trust":
      return POLICY_SIZE_LIMITS.trustPolicy;
    default:
      return POLICY_SIZE_LIMITS.managedPolicy;
  }
}

/** The size IAM checks against the quota: whitespace is not counted. */
export function policySize(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) n++;
  }
  return n;
}

export const FINDING_TYPES: readonly FindingType[] = [
  "ERROR",
  "SECURITY_WARNING",
  "WARNING",
  "SUGGESTION",
];

export const FINDING_LABELS: Record<FindingType, { one: string; many: string }> = {
  ERROR: { one: "Error", many: "Errors" },
  SECURITY_WARNING: { one: "Security warning", many: "Security warnings" },
  WARNING: { one: "Warning", many: "Warnings" },
  SUGGESTION: { one: "Suggestion", many: "Suggestions" },
};

export function countFindings(findings: ValidatePolicyFinding[]): Record<FindingType, number> {
  const counts: Record<FindingType, number> = {
    ERROR: 0,
    SECURITY_WARNING: 0,
    WARNING: 0,
    SUGGESTION: 0,
  };
  for (const f of findings) counts[f.findingType]++;
  return counts;
}

/** The statement (0-based) a finding is about, from its path; undefined for the whole policy. */
export function findingStatement(finding: ValidatePolicyFinding): number | undefined {
  const path = finding.locations[0]?.path ?? [];
  if (path.length === 0 || !("value" in path[0]) || path[0].value !== "Statement") return undefined;
  const next = path[1];
  if (next && "index" in next) return next.index;
  return 0;
}
