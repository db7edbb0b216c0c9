/**
 * Principals of trust and resource policies as the visual editor lists them: one row per
 * principal, with the kind an administrator thinks in (an account, a user or role, a service,
 * everyone) rather than the JSON's grouping by type.
 */
import type { PrincipalGroup, PrincipalPart, PrincipalTypeName } from "./types";

export type PrincipalKind = "account" | "arn" | "service" | "federated" | "canonical" | "everyone";

export interface PrincipalRow {
  kind: PrincipalKind;
  value: string;
}

export const PRINCIPAL_KINDS: { kind: PrincipalKind; label: string; placeholder: string }[] = [
  { kind: "account", label: "AWS account", placeholder: "111122223333" },
  {
    kind: "arn",
    label: "IAM user or role",
    placeholder: "arn:aws:iam::111122223333:role/RoleName",
  },
  { kind: "service", label: "AWS service", placeholder: "lambda.amazonaws.com" },
  {
    kind: "federated",
    label: "Federated identity provider",
    placeholder: "arn:aws:iam::111122223333:saml-provider/Provider",
  },
  { kind: "canonical", label: "Canonical user", placeholder: "79a59df900b949e55d96a1e6..." },
  { kind: "everyone", label: "Everyone (*)", placeholder: "*" },
];

const TYPE_OF: Record<PrincipalKind, PrincipalTypeName> = {
  account: "AWS",
  arn: "AWS",
  everyone: "AWS",
  service: "Service",
  federated: "Federated",
  canonical: "CanonicalUser",
};

function kindOf(type: PrincipalTypeName, value: string): PrincipalKind {
  switch (type) {
    case "Service":
      return "service";
    case "Federated":
      return "federated";
    case "CanonicalUser":
      return "canonical";
    default:
      if (value === "*") return "everyone";
      if (/^\d{12}$/.test(value) || /^arn:[^:]+:iam::\d{12}:root$/.test(value)) return "account";
      return "arn";
  }
}

export function principalRows(part: PrincipalPart | undefined): PrincipalRow[] {
  if (!part) return [];
  if (part.wildcard) return [{ kind: "everyone", value: "*" }];
  return part.groups.flatMap((g) =>
    g.values.map((value) => ({ kind: kindOf(g.type, value), value })),
  );
}

/** Rows back to the Principal element, grouped by type in the order types first appear. */
export function rowsToPrincipal(rows: PrincipalRow[], previous?: PrincipalPart): PrincipalPart {
  const element = previous?.element ?? "Principal";
  if (rows.length === 1 && rows[0].kind === "everyone" && (previous?.wildcard ?? true)) {
    return { element, wildcard: true, groups: [] };
  }
  const groups: PrincipalGroup[] = [];
  for (const row of rows) {
    const type = TYPE_OF[row.kind];
    const value = row.kind === "everyone" ? "*" : row.value.trim();
    let group = groups.find((g) => g.type === type);
    if (!group) {
      group = { type, values: [], array: false };
      groups.push(group);
    }
    group.values.push(value);
  }
  for (const group of groups) {
    const before = previous?.groups.find((g) => g.type === group.type);
    group.array = group.values.length !== 1 || (before?.array ?? false);
  }
  return { element, wildcard: false, groups };
}

/** What is wrong with a principal as typed, in words an administrator can act on. */
export function principalProblem(row: PrincipalRow): string | undefined {
  const v = row.value.trim();
  switch (row.kind) {
    case "everyone":
      return undefined;
    case "account":
      return /^\d{12}$/.test(v) || /^arn:[^:]+:iam::\d{12}:root$/.test(v)
        ? undefined
        : "Enter a 12-digit account ID, or arn:aws:iam::ACCOUNT:root.";
    case "arn":
      return /^arn:[^:]+:(iam|sts)::\d{12}:.+/.test(v)
        ? undefined
        : "Enter the ARN of an IAM user or role, e.g. arn:aws:iam::111122223333:role/RoleName.";
    case "service":
      return /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(v)
        ? undefined
        : "Enter a service principal, e.g. lambda.amazonaws.com.";
    case "federated":
      return v === "" ? "Enter an identity provider's ARN or name." : undefined;
    case "canonical":
      return /^[0-9a-f]{64}$/.test(v) ? undefined : "Enter a 64-character canonical user ID.";
  }
}

/** Whether the statement applies to everyone: `"*"` or `{"AWS": "*"}`. */
export function namesEveryone(part: PrincipalPart | undefined): boolean {
  if (!part) return false;
  return part.wildcard || part.groups.some((g) => g.type === "AWS" && g.values.includes("*"));
}
