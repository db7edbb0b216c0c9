import { describe, expect, it } from "vitest";
import { decide, type DecisionFacts } from "./decide";

const base: DecisionFacts = {
  root: false,
  crossAccount: false,
  identityAllow: false,
  identityDeny: false,
  resourceAllow: undefined,
  resourceDeny: false,
  boundary: "absent",
  boundaryDeny: false,
};

type Row = [string, Partial<DecisionFacts>, string, string];

// AWS, "Policy evaluation logic" and "Evaluating effective permissions with boundaries".
const rows: Row[] = [
  ["nothing allows", {}, "implicitDeny", "noIdentityPolicyAllows"],
  ["an identity policy allows", { identityAllow: true }, "allowed", "allowedByIdentityPolicy"],
  [
    "an explicit deny beats an allow",
    { identityAllow: true, identityDeny: true },
    "explicitDeny",
    "explicitDenyInIdentityPolicy",
  ],
  [
    "a resource-policy deny beats an identity allow",
    { identityAllow: true, resourceDeny: true },
    "explicitDeny",
    "explicitDenyInResourcePolicy",
  ],
  [
    "a boundary deny beats an identity allow",
    { identityAllow: true, boundary: "allow", boundaryDeny: true },
    "explicitDeny",
    "explicitDenyInPermissionsBoundary",
  ],
  [
    "same account: the resource policy alone suffices (direct)",
    { resourceAllow: "direct" },
    "allowed",
    "allowedByResourcePolicy",
  ],
  [
    "same account: the resource policy alone suffices (role)",
    { resourceAllow: "role" },
    "allowed",
    "allowedByResourcePolicy",
  ],
  [
    "same account: the resource policy alone suffices (everyone)",
    { resourceAllow: "other" },
    "allowed",
    "allowedByResourcePolicy",
  ],
  [
    "same account: naming the account delegates to identity policies",
    { resourceAllow: "account" },
    "implicitDeny",
    "noIdentityPolicyAllows",
  ],
  [
    "same account: account principal plus identity allow",
    { resourceAllow: "account", identityAllow: true },
    "allowed",
    "allowedByIdentityPolicy",
  ],
  [
    "boundary allows too",
    { identityAllow: true, boundary: "allow" },
    "allowed",
    "allowedByIdentityPolicy",
  ],
  [
    "boundary does not allow what the identity policy allows",
    { identityAllow: true, boundary: "noAllow" },
    "implicitDeny",
    "noPermissionsBoundaryAllows",
  ],
  [
    "boundary alone grants nothing",
    { boundary: "allow" },
    "implicitDeny",
    "noIdentityPolicyAllows",
  ],
  [
    "boundary does not limit a resource policy naming the user ARN",
    { resourceAllow: "direct", boundary: "noAllow" },
    "allowed",
    "allowedByResourcePolicy",
  ],
  [
    "boundary limits a resource policy naming the session's role",
    { resourceAllow: "role", boundary: "noAllow" },
    "implicitDeny",
    "noPermissionsBoundaryAllows",
  ],
  [
    "boundary limits a resource policy naming everyone",
    { resourceAllow: "other", boundary: "noAllow" },
    "implicitDeny",
    "noPermissionsBoundaryAllows",
  ],
  [
    "role-named resource allow within the boundary",
    { resourceAllow: "role", boundary: "allow" },
    "allowed",
    "allowedByResourcePolicy",
  ],
  [
    "cross-account: both sides allow",
    { crossAccount: true, identityAllow: true, resourceAllow: "account" },
    "allowed",
    "allowedCrossAccount",
  ],
  [
    "cross-account: only the identity policy allows",
    { crossAccount: true, identityAllow: true },
    "implicitDeny",
    "noResourcePolicyAllows",
  ],
  [
    "cross-account: only the resource policy allows",
    { crossAccount: true, resourceAllow: "direct" },
    "implicitDeny",
    "noIdentityPolicyAllows",
  ],
  [
    "cross-account: the boundary still applies",
    { crossAccount: true, identityAllow: true, resourceAllow: "direct", boundary: "noAllow" },
    "implicitDeny",
    "noPermissionsBoundaryAllows",
  ],
  [
    "cross-account: a resource deny wins",
    { crossAccount: true, identityAllow: true, resourceAllow: "direct", resourceDeny: true },
    "explicitDeny",
    "explicitDenyInResourcePolicy",
  ],
  ["root: allowed in its own account", { root: true }, "allowed", "rootUser"],
  [
    "root: identity and boundary denies cannot apply",
    { root: true, identityDeny: true, boundaryDeny: true },
    "allowed",
    "rootUser",
  ],
  [
    "root: a resource-policy deny applies",
    { root: true, resourceDeny: true },
    "explicitDeny",
    "explicitDenyInResourcePolicy",
  ],
  [
    "root in another account needs the resource policy",
    { root: true, crossAccount: true },
    "implicitDeny",
    "noResourcePolicyAllows",
  ],
  [
    "root in another account with the resource policy",
    { root: true, crossAccount: true, resourceAllow: "account" },
    "allowed",
    "allowedCrossAccount",
  ],
];

describe("decide", () => {
  it.each(rows)("%s", (_name, facts, decision, reason) => {
    expect(decide({ ...base, ...facts })).toEqual({ decision, reason });
  });
});
