/**
 * Explaining a decision in AWS's words: the AccessDenied message AWS would give, and a short
 * account of which statements decided.
 */
import type { AuthorizationRequest } from "./context";
import type { DecisionReason } from "./decide";
import type { EvaluationResult, MatchedStatement } from "./evaluate";

function because(reason: DecisionReason, action: string): string {
  switch (reason) {
    case "explicitDenyInIdentityPolicy":
      return "with an explicit deny in an identity-based policy";
    case "explicitDenyInResourcePolicy":
      return "with an explicit deny in a resource-based policy";
    case "explicitDenyInPermissionsBoundary":
      return "with an explicit deny in a permissions boundary";
    case "noResourcePolicyAllows":
      return `because no resource-based policy allows the ${action} action`;
    case "noPermissionsBoundaryAllows":
      return `because no permissions boundary allows the ${action} action`;
    case "explicitDenyInSessionPolicy":
      return "with an explicit deny in a session policy";
    case "noSessionPolicyAllows":
      return `because no session policy allows the ${action} action`;
    default:
      return `because no identity-based policy allows the ${action} action`;
  }
}

/**
 * AWS's AccessDenied wording, e.g. `User: arn:aws:iam::111122223333:user/alice is not authorized
 * to perform: secretsmanager:CreateSecret on resource: * because no identity-based policy allows
 * the secretsmanager:CreateSecret action`.
 */
export function accessDeniedMessage(
  request: AuthorizationRequest,
  result: EvaluationResult,
): string {
  const { principal, action, resource } = request;
  return `User: ${principal.arn} is not authorized to perform: ${action} on resource: ${resource} ${because(result.reason, action)}`;
}

function describeStatement(s: MatchedStatement): string {
  const name = s.sid ? `statement ${s.sid}` : `statement #${s.index + 1}`;
  const where = `line ${s.span.start.line}`;
  const closed = s.failedClosed ? " (a condition could not be evaluated; the deny applies)" : "";
  return `${s.effect} by ${name} of ${s.policyType} policy ${s.policy} (${where})${closed}`;
}

const REASONS: Record<DecisionReason, string> = {
  explicitDenyInIdentityPolicy: "Explicitly denied by an identity-based policy.",
  explicitDenyInResourcePolicy: "Explicitly denied by the resource-based policy.",
  explicitDenyInPermissionsBoundary: "Explicitly denied by the permissions boundary.",
  rootUser: "Allowed: the root user may do anything in its own account.",
  allowedByIdentityPolicy: "Allowed by an identity-based policy.",
  allowedByResourcePolicy: "Allowed by the resource-based policy.",
  allowedCrossAccount:
    "Allowed: both the identity-based policy and the resource-based policy allow.",
  noIdentityPolicyAllows: "Implicitly denied: no identity-based policy allows the action.",
  noResourcePolicyAllows:
    "Implicitly denied: across accounts the resource-based policy must allow too, and none does.",
  noPermissionsBoundaryAllows:
    "Implicitly denied: the permissions boundary does not allow the action.",
  explicitDenyInSessionPolicy: "Explicitly denied by a session policy.",
  noSessionPolicyAllows: "Implicitly denied: no session policy allows the action.",
};

/** Lines for people: the decision, why, every statement that applied, missing context keys. */
export function explain(result: EvaluationResult): string[] {
  const lines = [REASONS[result.reason]];
  for (const s of result.matchedStatements) lines.push(`- ${describeStatement(s)}`);
  if (result.missingContextKeys.length > 0) {
    lines.push(`Context keys the request did not have: ${result.missingContextKeys.join(", ")}`);
  }
  return lines;
}
