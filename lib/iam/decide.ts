/**
 * AWS's policy evaluation logic, from facts about what each kind of policy said to a decision.
 * Kept apart from statement matching (./evaluate.ts) so the logic reads, and is tested, as a table.
 *
 * - An explicit deny in any policy wins.
 * - The root user may do anything in its own account (a resource policy's deny still applies).
 * - Within one account an allow from the identity policies (inside the permissions boundary,
 *   when there is one) or from the resource policy suffices. A resource policy that names the
 *   caller's own ARN (user, session) is not limited by the boundary; one that names the role of a
 *   session, or everyone, is. One that names only the account delegates to the identity policies
 *   and grants nothing by itself.
 * - Across accounts the identity policies (inside the boundary) and the resource policy must
 *   both allow.
 * - Session policies (passed to AssumeRole, AssumeRoleWithSAML/WebIdentity, GetFederationToken)
 *   limit a session like a boundary: the identity policies' allow counts only inside them, and so
 *   does a resource policy's allow that names the role (or everyone). A resource policy that names
 *   the session's own ARN is not limited by them (AWS, "Session policies"). A deny in one wins.
 */
import type { PrincipalGrant } from "./principal";

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

export type DecisionReason =
  | "explicitDenyInIdentityPolicy"
  | "explicitDenyInResourcePolicy"
  | "explicitDenyInPermissionsBoundary"
  | "explicitDenyInSessionPolicy"
  | "rootUser"
  | "allowedByIdentityPolicy"
  | "allowedByResourcePolicy"
  | "allowedCrossAccount"
  | "noIdentityPolicyAllows"
  | "noResourcePolicyAllows"
  | "noPermissionsBoundaryAllows"
  | "noSessionPolicyAllows";

export interface DecisionFacts {
  /** The caller is the root user of its account. */
  root: boolean;
  /** The caller's account is not the resource's account. */
  crossAccount: boolean;
  identityAllow: boolean;
  identityDeny: boolean;
  /** How the resource policy's allowing statements name the caller (the most specific), if any allows. */
  resourceAllow: PrincipalGrant | undefined;
  resourceDeny: boolean;
  /** "absent" when the caller has no permissions boundary. */
  boundary: "absent" | "allow" | "noAllow";
  boundaryDeny: boolean;
  /** "absent" (or not given) when the request is not made with session policies. */
  session?: "absent" | "allow" | "noAllow";
  sessionDeny?: boolean;
}

export interface DecisionOutcome {
  decision: Decision;
  reason: DecisionReason;
}

const outcome = (decision: Decision, reason: DecisionReason): DecisionOutcome => ({
  decision,
  reason,
});

const EXPLICIT_IDENTITY = outcome("explicitDeny", "explicitDenyInIdentityPolicy");
const EXPLICIT_RESOURCE = outcome("explicitDeny", "explicitDenyInResourcePolicy");
const EXPLICIT_BOUNDARY = outcome("explicitDeny", "explicitDenyInPermissionsBoundary");
const ROOT = outcome("allowed", "rootUser");
const BY_IDENTITY = outcome("allowed", "allowedByIdentityPolicy");
const BY_RESOURCE = outcome("allowed", "allowedByResourcePolicy");
const CROSS_ACCOUNT = outcome("allowed", "allowedCrossAccount");
const NO_IDENTITY = outcome("implicitDeny", "noIdentityPolicyAllows");
const NO_RESOURCE = outcome("implicitDeny", "noResourcePolicyAllows");
const NO_BOUNDARY = outcome("implicitDeny", "noPermissionsBoundaryAllows");
const EXPLICIT_SESSION = outcome("explicitDeny", "explicitDenyInSessionPolicy");
const NO_SESSION = outcome("implicitDeny", "noSessionPolicyAllows");

export function decide(facts: DecisionFacts): DecisionOutcome {
  // Identity policies and boundaries cannot be attached to the root user.
  if (!facts.root && facts.identityDeny) return EXPLICIT_IDENTITY;
  if (facts.resourceDeny) return EXPLICIT_RESOURCE;
  if (!facts.root && facts.boundaryDeny) return EXPLICIT_BOUNDARY;
  if (!facts.root && facts.sessionDeny) return EXPLICIT_SESSION;

  const identity = facts.root || facts.identityAllow;
  const withinBoundary = facts.root || facts.boundary !== "noAllow";
  const withinSession = facts.root || facts.session !== "noAllow";
  const grant = facts.resourceAllow;

  if (facts.crossAccount) {
    if (!identity) return NO_IDENTITY;
    if (!withinBoundary) return NO_BOUNDARY;
    if (!withinSession) return NO_SESSION;
    if (!grant) return NO_RESOURCE;
    return CROSS_ACCOUNT;
  }

  if (facts.root) return ROOT;
  if (identity && withinBoundary && withinSession) return BY_IDENTITY;
  if (grant === "direct") return BY_RESOURCE;
  const limitedGrant = grant === "role" || grant === "other";
  if (limitedGrant && withinBoundary && withinSession) return BY_RESOURCE;
  if (identity || limitedGrant) return withinBoundary ? NO_SESSION : NO_BOUNDARY;
  return NO_IDENTITY;
}
