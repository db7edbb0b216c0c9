// The policies list's "Filter: Policy type" and search, shared by the Policies page and every
// "attach policies" picker.
import type { PolicyListItem, PolicyType } from "../types";

export type PolicyTypeFilter = "all" | "aws" | "customer" | "job-function";

export const POLICY_TYPE_FILTERS: { value: PolicyTypeFilter; label: string }[] = [
  { value: "all", label: "All types" },
  { value: "aws", label: "AWS managed" },
  { value: "customer", label: "Customer managed" },
  { value: "job-function", label: "AWS managed - job function" },
];

const TYPES: Record<PolicyTypeFilter, PolicyType[] | undefined> = {
  all: undefined,
  // AWS's console counts job-function policies among the AWS managed ones.
  aws: ["AWS managed", "AWS managed - job function"],
  customer: ["Customer managed"],
  "job-function": ["AWS managed - job function"],
};

export function parsePolicyTypeFilter(value: string | null | undefined): PolicyTypeFilter {
  return POLICY_TYPE_FILTERS.some((f) => f.value === value) ? (value as PolicyTypeFilter) : "all";
}

/** Policies of the type, whose name (or, failing that, description) contains the search text. */
export function filterPolicies(
  policies: PolicyListItem[],
  type: PolicyTypeFilter,
  search: string,
): PolicyListItem[] {
  const types = TYPES[type];
  const needle = search.trim().toLowerCase();
  const ofType = types ? policies.filter((p) => types.includes(p.Type)) : policies;
  if (!needle) return ofType;
  const byName = ofType.filter((p) => p.PolicyName.toLowerCase().includes(needle));
  const byDescription = ofType.filter(
    (p) =>
      !p.PolicyName.toLowerCase().includes(needle) &&
      (p.Description ?? "").toLowerCase().includes(needle),
  );
  // Exact and prefix matches of the name first, as a search box is expected to rank them.
  const rank = (p: PolicyListItem) => {
    const name = p.PolicyName.toLowerCase();
    return name === needle ? 0 : name.startsWith(needle) ? 1 : 2;
  };
  return [...byName.sort((a, b) => rank(a) - rank(b)), ...byDescription];
}

/** AWS's "Used as" column. */
export function usedAs(p: PolicyListItem): string {
  const uses = [
    p.AttachmentCount > 0 ? `Permissions policy (${p.AttachmentCount})` : "",
    p.PermissionsBoundaryUsageCount > 0
      ? `Permissions boundary (${p.PermissionsBoundaryUsageCount})`
      : "",
  ].filter(Boolean);
  return uses.length > 0 ? uses.join(", ") : "-";
}
