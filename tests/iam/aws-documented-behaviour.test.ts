/**
 * AWS-documented evaluation behaviour, as tables: the Resource element's segment wildcards,
 * session policies, the evaluation logic across policy types, and condition operators with their
 * documented edge cases. Sources: IAM User Guide, "IAM JSON policy elements: Resource",
 * "Session policies", "Policy evaluation logic", "IAM JSON policy elements: Condition operators",
 * "IAM policy elements: Variables and tags".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessDeniedMessage, createPolicySet, evaluate, explain } from "@/lib/iam";
import { arnLike } from "@/lib/iam/arn";
import { decide, type DecisionFacts } from "@/lib/iam/decide";
import {
  conditionOutcome,
  decideWith,
  type ConditionCase,
  type PolicyObjects,
} from "@/lib/iam/fixtures/harness";
import { compileSpanPattern, spanMatch } from "@/lib/iam/span";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const ALICE = { arn: `arn:aws:iam::${ACCOUNT}:user/alice` };
const SESSION = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/s1` };
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/App`;
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-a1b2c3`;
const GET = "secretsmanager:GetSecretValue";

const doc = (statement: object, version = "2012-10-17") => ({
  Version: version,
  Statement: statement,
});
const allow = (Action: unknown, Resource: unknown = "*", extra: object = {}) =>
  doc({ Effect: "Allow", Action, Resource, ...extra });
const deny = (Action: unknown, Resource: unknown = "*", extra: object = {}) =>
  doc({ Effect: "Deny", Action, Resource, ...extra });
const identity = (...documents: object[]) =>
  documents.map((document, i) => ({ label: `identity${i}`, document }));
const resourcePolicy = (Principal: unknown, extra: object = {}) => ({
  label: "secret/db",
  document: doc({ Effect: "Allow", Principal, Action: GET, Resource: "*", ...extra }),
});

describe("Resource: a * that ends an ARN segment expands beyond colons (AWS)", () => {
  // [pattern, resource, decision]
  const rows: [string, string, "allowed" | "implicitDeny"][] = [
    ["arn:aws:secretsmanager:*:secret:db-*", SECRET, "allowed"],
    ["arn:aws:secretsmanager:us-*:secret:db-*", SECRET, "allowed"],
    ["arn:aws:secretsmanager:*:secret:other-*", SECRET, "implicitDeny"],
    // A * inside a segment (not its last character) never crosses a colon.
    ["arn:aws:secretsmanager:us-*-1:secret:db-*", SECRET, "implicitDeny"],
    // ? never stands for a colon before the resource part.
    ["arn:aws:secretsmanager:us-east-?:secret:db-*", SECRET, "implicitDeny"],
    // Component by component, as before.
    ["arn:aws:secretsmanager:*:*:secret:db-*", SECRET, "allowed"],
    [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db-??????`, SECRET, "allowed"],
    [`arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:db`, SECRET, "implicitDeny"],
    ["arn:aws:secretsmanager:*:*:secret:db", SECRET, "implicitDeny"],
    ["arn:aws:secretsmanager:eu-*:secret:db-*", SECRET, "implicitDeny"],
    // The resource part: * spans / and :.
    ["arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/test/3/object.jpg", "allowed"],
    ["arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket//test/object.jpg", "allowed"],
    ["arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1-test/object.jpg", "implicitDeny"],
    ["arn:aws:s3:::example?bucket/*", "arn:aws:s3:::example1bucket/a", "allowed"],
    // Resource ARNs are case-sensitive.
    [`arn:aws:iam::${ACCOUNT}:user/Bob`, `arn:aws:iam::${ACCOUNT}:user/bob`, "implicitDeny"],
    // Variables keep working with an expanding segment.
    [
      "arn:aws:secretsmanager:*:secret:${aws:username}-*",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:alice-x`,
      "allowed",
    ],
    ["arn:aws:secretsmanager:*:secret:${aws:username}-*", SECRET, "implicitDeny"],
  ];
  it.each(rows)("%s on %s: %s", (pattern, resource, decision) => {
    const result = decideWith(
      { principal: ALICE, action: GET, resource },
      { identity: identity(allow("secretsmanager:*", pattern)) },
    );
    expect(result.decision).toBe(decision);
  });

  it.each(rows)("NotResource %s on %s is the complement", (pattern, resource, decision) => {
    const result = decideWith(
      { principal: ALICE, action: GET, resource },
      {
        identity: identity(allow("*"), doc({ Effect: "Deny", Action: "*", NotResource: pattern })),
      },
    );
    expect(result.decision).toBe(decision === "allowed" ? "allowed" : "explicitDeny");
  });

  it("every component match is a spanning match (the fast path never over-matches)", () => {
    const segment = fc.stringMatching(/^[a-z0-9*?-]{0,4}$/);
    const valueSegment = fc.stringMatching(/^[a-z0-9-]{0,4}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 6, maxLength: 6 }),
        fc.array(valueSegment, { minLength: 6, maxLength: 7 }),
        (p, v) => {
          const pattern = p.join(":");
          const value = v.join(":");
          if (!arnLike(pattern, value)) return true;
          return spanMatch(compileSpanPattern([{ text: pattern, literal: false }]), value);
        },
      ),
    );
  });
});

describe("Resource: policy variables and versions", () => {
  const roleSession = { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/App/s1` };
  // [name, principal, pattern, resource, version, decision]
  const rows: [string, { arn: string }, string, string, string, string][] = [
    [
      "a variable in the account segment",
      ALICE,
      "arn:aws:secretsmanager:*:${aws:PrincipalAccount}:secret:*",
      SECRET,
      "2012-10-17",
      "allowed",
    ],
    [
      "a variable in the account segment, another account",
      ALICE,
      "arn:aws:secretsmanager:*:${aws:PrincipalAccount}:secret:*",
      `arn:aws:secretsmanager:us-east-1:${OTHER}:secret:x`,
      "2012-10-17",
      "implicitDeny",
    ],
    [
      "${aws:username} for a user",
      ALICE,
      "arn:aws:secretsmanager:*:*:secret:${aws:username}/*",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:alice/db-a1b2c3`,
      "2012-10-17",
      "allowed",
    ],
    [
      "${aws:username} has no value for a role session",
      roleSession,
      "arn:aws:secretsmanager:*:*:secret:${aws:username}/*",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:/db-a1b2c3`,
      "2012-10-17",
      "implicitDeny",
    ],
    [
      "a default value stands in",
      roleSession,
      "arn:aws:secretsmanager:*:*:secret:${aws:username, 'shared'}/*",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:shared/db-a1b2c3`,
      "2012-10-17",
      "allowed",
    ],
    [
      "2008-10-17: the variable is literal text",
      ALICE,
      "arn:aws:secretsmanager:*:*:secret:${aws:username}",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:\${aws:username}`,
      "2008-10-17",
      "allowed",
    ],
    [
      "2008-10-17: no substitution",
      ALICE,
      "arn:aws:secretsmanager:*:*:secret:${aws:username}",
      `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:alice`,
      "2008-10-17",
      "implicitDeny",
    ],
    [
      "${*} is a literal * in a resource",
      ALICE,
      "arn:aws:s3:::bucket/${*}",
      "arn:aws:s3:::bucket/*",
      "2012-10-17",
      "allowed",
    ],
    [
      "${*} matches no other key",
      ALICE,
      "arn:aws:s3:::bucket/${*}",
      "arn:aws:s3:::bucket/x",
      "2012-10-17",
      "implicitDeny",
    ],
  ];
  it.each(rows)("%s", (_name, principal, pattern, resource, version, decision) => {
    const result = decideWith(
      { principal, action: "secretsmanager:GetSecretValue", resource },
      { identity: identity(doc({ Effect: "Allow", Action: "*", Resource: pattern }, version)) },
    );
    expect(result.decision).toBe(decision);
  });
});

describe("Session policies (AWS, Session policies)", () => {
  // [name, policies, principal, decision, reason]
  const rows: [string, PolicyObjects, { arn: string }, string, string][] = [
    [
      "identity and session policy both allow",
      { identity: identity(allow("*")), session: identity(allow(GET)) },
      SESSION,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "the session policy does not allow: the intersection is empty",
      { identity: identity(allow("*")), session: identity(allow("s3:*")) },
      SESSION,
      "implicitDeny",
      "noSessionPolicyAllows",
    ],
    [
      "a session policy grants nothing by itself",
      { session: identity(allow("*")) },
      SESSION,
      "implicitDeny",
      "noIdentityPolicyAllows",
    ],
    [
      "an explicit deny in a session policy wins",
      { identity: identity(allow("*")), session: identity(allow("*"), deny(GET)) },
      SESSION,
      "explicitDeny",
      "explicitDenyInSessionPolicy",
    ],
    [
      "several session policies: one allowing suffices",
      {
        identity: identity(allow("*")),
        session: identity(allow("s3:*"), allow("secretsmanager:Get*")),
      },
      SESSION,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "a resource policy naming the session ARN is not limited by the session policy",
      { resource: resourcePolicy({ AWS: SESSION.arn }), session: identity(allow("s3:*")) },
      SESSION,
      "allowed",
      "allowedByResourcePolicy",
    ],
    [
      "a resource policy naming the role ARN is limited by the session policy",
      { resource: resourcePolicy({ AWS: ROLE_ARN }), session: identity(allow("s3:*")) },
      SESSION,
      "implicitDeny",
      "noSessionPolicyAllows",
    ],
    [
      "a resource policy naming the role ARN, inside the session policy",
      { resource: resourcePolicy({ AWS: ROLE_ARN }), session: identity(allow(GET)) },
      SESSION,
      "allowed",
      "allowedByResourcePolicy",
    ],
    [
      "session policy and boundary: both must allow",
      {
        identity: identity(allow("*")),
        boundary: { label: "b", document: allow("s3:*") },
        session: identity(allow("*")),
      },
      SESSION,
      "implicitDeny",
      "noPermissionsBoundaryAllows",
    ],
    [
      "cross account: identity inside the session policy and the resource policy",
      {
        identity: identity(allow("*")),
        resource: resourcePolicy({ AWS: OTHER }),
        session: identity(allow(GET)),
      },
      { arn: `arn:aws:sts::${OTHER}:assumed-role/App/s1` },
      "allowed",
      "allowedCrossAccount",
    ],
    [
      "cross account: the session policy does not allow",
      {
        identity: identity(allow("*")),
        resource: resourcePolicy({ AWS: OTHER }),
        session: identity(allow("s3:*")),
      },
      { arn: `arn:aws:sts::${OTHER}:assumed-role/App/s1` },
      "implicitDeny",
      "noSessionPolicyAllows",
    ],
    [
      "an empty list of session policies is no session policy",
      { identity: identity(allow("*")), session: [] },
      SESSION,
      "allowed",
      "allowedByIdentityPolicy",
    ],
  ];
  it.each(rows)("%s", (_name, policies, principal, decision, reason) => {
    const result = decideWith({ principal, action: GET, resource: SECRET }, policies);
    expect([result.decision, result.reason]).toEqual([decision, reason]);
  });

  it("matched statements name the session policy, and AWS's words explain the denial", () => {
    const request = { principal: SESSION, action: GET, resource: SECRET };
    const result = decideWith(request, {
      identity: identity(allow("*")),
      session: identity(allow("*"), deny(GET)),
    });
    expect(result.matchedStatements.map((m) => [m.policyType, m.policy, m.effect])).toEqual([
      ["identity", "identity0", "Allow"],
      ["session", "identity0", "Allow"],
      ["session", "identity1", "Deny"],
    ]);
    expect(accessDeniedMessage(request, result)).toBe(
      `User: ${SESSION.arn} is not authorized to perform: ${GET} on resource: ${SECRET} with an explicit deny in a session policy`,
    );
    expect(explain(result)[0]).toBe("Explicitly denied by a session policy.");
    const none = decideWith(request, {
      identity: identity(allow("*")),
      session: identity(allow("s3:*")),
    });
    expect(accessDeniedMessage(request, none)).toMatch(
      /because no session policy allows the secretsmanager:GetSecretValue action$/,
    );
  });

  it("without explain, the same decisions", () => {
    const text = (p: { label: string; document: unknown }) => ({
      label: p.label,
      document: JSON.stringify(p.document),
    });
    for (const [, policies, principal, decision, reason] of rows) {
      const set = createPolicySet({
        identity: policies.identity?.map(text),
        resource: policies.resource && text(policies.resource),
        boundary: policies.boundary && text(policies.boundary),
        session: policies.session?.map(text),
      });
      const result = evaluate({ principal, action: GET, resource: SECRET }, set, {
        explain: false,
      });
      expect([result.decision, result.reason]).toEqual([decision, reason]);
      expect(result.matchedStatements).toEqual([]);
    }
  });
});

describe("decide(): session facts", () => {
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
  const rows: [string, Partial<DecisionFacts>, string][] = [
    ["no session facts: as before", { identityAllow: true }, "allowedByIdentityPolicy"],
    ["session allows", { identityAllow: true, session: "allow" }, "allowedByIdentityPolicy"],
    [
      "session does not allow",
      { identityAllow: true, session: "noAllow" },
      "noSessionPolicyAllows",
    ],
    [
      "session deny",
      { identityAllow: true, session: "allow", sessionDeny: true },
      "explicitDenyInSessionPolicy",
    ],
    [
      "resource deny before session deny",
      { resourceDeny: true, sessionDeny: true },
      "explicitDenyInResourcePolicy",
    ],
    [
      "direct grant ignores the session",
      { resourceAllow: "direct", session: "noAllow" },
      "allowedByResourcePolicy",
    ],
    [
      "role grant needs the session",
      { resourceAllow: "role", session: "noAllow" },
      "noSessionPolicyAllows",
    ],
    [
      "account grant alone",
      { resourceAllow: "account", session: "allow" },
      "noIdentityPolicyAllows",
    ],
    [
      "boundary reported before session",
      { identityAllow: true, boundary: "noAllow", session: "noAllow" },
      "noPermissionsBoundaryAllows",
    ],
    ["root is not limited", { root: true, session: "noAllow", sessionDeny: true }, "rootUser"],
  ];
  it.each(rows)("%s", (_name, facts, reason) => {
    expect(decide({ ...base, ...facts }).reason).toBe(reason);
  });
});

describe("The evaluation logic (AWS, Policy evaluation logic)", () => {
  const rows: [string, PolicyObjects, { arn: string }, string, string][] = [
    ["nothing allows: implicit deny", {}, ALICE, "implicitDeny", "noIdentityPolicyAllows"],
    [
      "identity allow",
      { identity: identity(allow(GET, SECRET)) },
      ALICE,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "explicit deny in one identity policy beats an allow in another",
      { identity: identity(allow("*"), deny("secretsmanager:Get*")) },
      ALICE,
      "explicitDeny",
      "explicitDenyInIdentityPolicy",
    ],
    [
      "same account: resource policy naming the user suffices",
      { resource: resourcePolicy({ AWS: ALICE.arn }) },
      ALICE,
      "allowed",
      "allowedByResourcePolicy",
    ],
    [
      "same account: resource policy naming only the account grants nothing alone",
      { resource: resourcePolicy({ AWS: `arn:aws:iam::${ACCOUNT}:root` }) },
      ALICE,
      "implicitDeny",
      "noIdentityPolicyAllows",
    ],
    [
      "same account: account in resource policy plus identity allow",
      { identity: identity(allow(GET)), resource: resourcePolicy({ AWS: ACCOUNT }) },
      ALICE,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "same account: boundary does not limit a grant to the user's ARN",
      {
        resource: resourcePolicy({ AWS: ALICE.arn }),
        boundary: { label: "b", document: allow("s3:*") },
      },
      ALICE,
      "allowed",
      "allowedByResourcePolicy",
    ],
    [
      "same account: boundary limits a grant to the session's role",
      {
        resource: resourcePolicy({ AWS: ROLE_ARN }),
        boundary: { label: "b", document: allow("s3:*") },
      },
      SESSION,
      "implicitDeny",
      "noPermissionsBoundaryAllows",
    ],
    [
      "same account: boundary does not limit a grant to the session's ARN",
      {
        resource: resourcePolicy({ AWS: SESSION.arn }),
        boundary: { label: "b", document: allow("s3:*") },
      },
      SESSION,
      "allowed",
      "allowedByResourcePolicy",
    ],
    [
      "cross account: identity allow alone is not enough",
      { identity: identity(allow("*")) },
      { arn: `arn:aws:iam::${OTHER}:user/bob` },
      "implicitDeny",
      "noResourcePolicyAllows",
    ],
    [
      "cross account: resource policy alone is not enough",
      { resource: resourcePolicy({ AWS: `arn:aws:iam::${OTHER}:user/bob` }) },
      { arn: `arn:aws:iam::${OTHER}:user/bob` },
      "implicitDeny",
      "noIdentityPolicyAllows",
    ],
    [
      "cross account: both allow",
      { identity: identity(allow(GET)), resource: resourcePolicy({ AWS: OTHER }) },
      { arn: `arn:aws:iam::${OTHER}:user/bob` },
      "allowed",
      "allowedCrossAccount",
    ],
    [
      "the root user in its own account",
      { identity: identity(deny("*")) },
      { arn: `arn:aws:iam::${ACCOUNT}:root` },
      "allowed",
      "rootUser",
    ],
    [
      "the root user and a resource policy's deny",
      {
        resource: {
          label: "r",
          document: doc({ Effect: "Deny", Principal: "*", Action: "*", Resource: "*" }),
        },
      },
      { arn: `arn:aws:iam::${ACCOUNT}:root` },
      "explicitDeny",
      "explicitDenyInResourcePolicy",
    ],
    [
      "Deny with NotPrincipal listing the session, role and account leaves the session out",
      {
        identity: identity(allow("*")),
        resource: {
          label: "r",
          document: doc({
            Effect: "Deny",
            NotPrincipal: { AWS: [SESSION.arn, ROLE_ARN, ACCOUNT] },
            Action: "*",
            Resource: "*",
          }),
        },
      },
      SESSION,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "Deny with NotPrincipal listing only the role still denies the session",
      {
        identity: identity(allow("*")),
        resource: {
          label: "r",
          document: doc({
            Effect: "Deny",
            NotPrincipal: { AWS: ROLE_ARN },
            Action: "*",
            Resource: "*",
          }),
        },
      },
      SESSION,
      "explicitDeny",
      "explicitDenyInResourcePolicy",
    ],
    [
      "Allow with NotAction grants every other action",
      { identity: identity(doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" })) },
      ALICE,
      "allowed",
      "allowedByIdentityPolicy",
    ],
    [
      "actions match case-insensitively with ? and *",
      { identity: identity(allow("SECRETSMANAGER:get?ecret*")) },
      ALICE,
      "allowed",
      "allowedByIdentityPolicy",
    ],
  ];
  it.each(rows)("%s", (_name, policies, principal, decision, reason) => {
    const result = decideWith({ principal, action: GET, resource: SECRET }, policies);
    expect([result.decision, result.reason]).toEqual([decision, reason]);
  });
});

describe("Condition operators as documented", () => {
  const bob = {
    arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
    tags: { team: "blue", "cost-center": "12" },
  };
  const cases: (ConditionCase & { name: string })[] = [
    // Missing keys.
    {
      name: "plain operator, key missing: false",
      operator: "StringEquals",
      policy: "a",
      expect: "false",
    },
    {
      name: "negated operator, key missing: true",
      operator: "StringNotLike",
      policy: "a*",
      expect: "true",
    },
    {
      name: "ArnNotLike, key missing: true",
      operator: "ArnNotLike",
      key: "aws:SourceArn",
      policy: "arn:aws:s3:::b",
      expect: "true",
    },
    {
      name: "NotIpAddress, key missing: true",
      operator: "NotIpAddress",
      key: "aws:SourceIp",
      policy: "10.0.0.0/8",
      expect: "true",
    },
    {
      name: "IfExists, key missing: true",
      operator: "NumericLessThanIfExists",
      policy: "5",
      expect: "true",
    },
    {
      name: "IfExists, key present: compared",
      operator: "StringEqualsIfExists",
      policy: "a",
      context: "b",
      expect: "false",
    },
    { name: "Null true, key missing", operator: "Null", policy: "true", expect: "true" },
    {
      name: "Null false, key present",
      operator: "Null",
      policy: "false",
      context: "x",
      expect: "true",
    },
    {
      name: "Null true, key present",
      operator: "Null",
      policy: "true",
      context: "x",
      expect: "false",
    },
    // Set operators and empty sets.
    {
      name: "ForAllValues, key missing: true",
      operator: "ForAllValues:StringEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      expect: "true",
    },
    {
      name: "ForAllValues, empty list: true",
      operator: "ForAllValues:StringEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      context: [],
      expect: "true",
    },
    {
      name: "ForAllValues, every value in the set",
      operator: "ForAllValues:StringEquals",
      key: "aws:TagKeys",
      policy: ["a", "b"],
      context: ["b", "a"],
      expect: "true",
    },
    {
      name: "ForAllValues, one value outside",
      operator: "ForAllValues:StringEquals",
      key: "aws:TagKeys",
      policy: ["a", "b"],
      context: ["a", "c"],
      expect: "false",
    },
    {
      name: "ForAnyValue, key missing: false",
      operator: "ForAnyValue:StringEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      expect: "false",
    },
    {
      name: "ForAnyValue, empty list: false",
      operator: "ForAnyValue:StringEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      context: [],
      expect: "false",
    },
    {
      name: "ForAnyValue, one value matches",
      operator: "ForAnyValue:StringLike",
      key: "aws:TagKeys",
      policy: ["env*"],
      context: ["x", "environment"],
      expect: "true",
    },
    {
      name: "ForAnyValue:StringNotEquals, one value differs",
      operator: "ForAnyValue:StringNotEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      context: ["a", "b"],
      expect: "true",
    },
    {
      name: "ForAllValues:StringNotEquals, none listed",
      operator: "ForAllValues:StringNotEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      context: ["b", "c"],
      expect: "true",
    },
    {
      name: "ForAllValues:StringNotEquals, one listed",
      operator: "ForAllValues:StringNotEquals",
      key: "aws:TagKeys",
      policy: ["a"],
      context: ["a", "c"],
      expect: "false",
    },
    {
      name: "ForAllValues IfExists, missing: true",
      operator: "ForAllValues:StringEqualsIfExists",
      key: "aws:TagKeys",
      policy: ["a"],
      expect: "true",
    },
    // Case: keys case-insensitive, values case-sensitive.
    {
      name: "key names are case-insensitive",
      operator: "StringEquals",
      key: "AWS:SourceVPC",
      policy: "vpc-1",
      extraContext: { "aws:sourcevpc": "vpc-1" },
      expect: "true",
    },
    {
      name: "values are case-sensitive",
      operator: "StringEquals",
      key: "aws:username",
      policy: "Bob",
      principal: bob,
      expect: "false",
    },
    {
      name: "StringEqualsIgnoreCase",
      operator: "StringEqualsIgnoreCase",
      key: "aws:username",
      policy: "BOB",
      principal: bob,
      expect: "true",
    },
    {
      name: "StringNotEqualsIgnoreCase",
      operator: "StringNotEqualsIgnoreCase",
      key: "aws:username",
      policy: "BOB",
      principal: bob,
      expect: "false",
    },
    {
      name: "StringLike: ? is one character",
      operator: "StringLike",
      policy: "a?c",
      context: "abc",
      expect: "true",
    },
    {
      name: "StringLike: ? is not zero characters",
      operator: "StringLike",
      policy: "a?c",
      context: "ac",
      expect: "false",
    },
    {
      name: "StringLike: the empty string",
      operator: "StringLike",
      key: "s3:prefix",
      policy: ["", "home/"],
      context: "",
      expect: "true",
    },
    // Numeric, Date, Bool, Binary, IP, ARN.
    {
      name: "NumericLessThanEquals",
      operator: "NumericLessThanEquals",
      key: "s3:max-keys",
      policy: "10",
      context: "10",
      expect: "true",
    },
    {
      name: "NumericGreaterThan decimals",
      operator: "NumericGreaterThan",
      policy: "1.5",
      context: "1.75",
      expect: "true",
    },
    {
      name: "NumericNotEquals",
      operator: "NumericNotEquals",
      policy: ["1", "2"],
      context: "2",
      expect: "false",
    },
    {
      name: "Numeric: a JSON number in the policy",
      operator: "NumericEquals",
      policy: 3600,
      context: "3600",
      expect: "true",
    },
    {
      name: "Numeric: text that is no number fails closed",
      operator: "NumericEquals",
      policy: "ten",
      context: "10",
      expect: "unknown",
    },
    {
      name: "DateLessThan ISO",
      operator: "DateLessThan",
      key: "aws:CurrentTime",
      policy: "2020-06-30T00:00:00Z",
      context: "2020-06-29T23:59:59Z",
      expect: "true",
    },
    {
      name: "DateGreaterThan epoch",
      operator: "DateGreaterThan",
      key: "aws:EpochTime",
      policy: "1592000000",
      context: "1592000001",
      expect: "true",
    },
    {
      name: "Date: epoch against ISO",
      operator: "DateEquals",
      key: "aws:CurrentTime",
      policy: "1577836800",
      context: "2020-01-01T00:00:00Z",
      expect: "true",
    },
    {
      name: "DateNotEquals",
      operator: "DateNotEquals",
      key: "aws:CurrentTime",
      policy: "2020-01-01",
      context: "2020-01-01T00:00:00Z",
      expect: "false",
    },
    {
      name: "Bool false",
      operator: "Bool",
      key: "aws:SecureTransport",
      policy: "false",
      context: false,
      expect: "true",
    },
    {
      name: "Bool: JSON boolean in the policy",
      operator: "Bool",
      key: "aws:SecureTransport",
      policy: true,
      context: "true",
      expect: "true",
    },
    {
      name: "Bool, key missing: false (use BoolIfExists)",
      operator: "Bool",
      key: "aws:MultiFactorAuthPresent",
      policy: "false",
      expect: "false",
    },
    {
      name: "BoolIfExists, key missing: true",
      operator: "BoolIfExists",
      key: "aws:MultiFactorAuthPresent",
      policy: "false",
      expect: "true",
    },
    {
      name: "BinaryEquals",
      operator: "BinaryEquals",
      policy: "QmluYXJ5VmFsdWVJbkJhc2U2NA==",
      context: new TextEncoder().encode("BinaryValueInBase64"),
      expect: "true",
    },
    {
      name: "IpAddress IPv4 CIDR",
      operator: "IpAddress",
      key: "aws:SourceIp",
      policy: "203.0.113.0/24",
      context: "203.0.113.77",
      expect: "true",
    },
    {
      name: "IpAddress single address",
      operator: "IpAddress",
      key: "aws:SourceIp",
      policy: "203.0.113.1",
      context: "203.0.113.2",
      expect: "false",
    },
    {
      name: "IpAddress IPv6 CIDR",
      operator: "IpAddress",
      key: "aws:SourceIp",
      policy: "2001:DB8:1234:5678::/64",
      context: "2001:db8:1234:5678:abcd::1",
      expect: "true",
    },
    {
      name: "IpAddress IPv6 outside",
      operator: "IpAddress",
      key: "aws:SourceIp",
      policy: "2001:DB8:1234:5678::/64",
      context: "2001:db8:1234:5679::1",
      expect: "false",
    },
    {
      name: "IpAddress: IPv4 range never holds IPv6",
      operator: "IpAddress",
      key: "aws:SourceIp",
      policy: "0.0.0.0/0",
      context: "2001:db8::1",
      expect: "false",
    },
    {
      name: "NotIpAddress: several ranges, outside all",
      operator: "NotIpAddress",
      key: "aws:SourceIp",
      policy: ["192.0.2.0/24", "203.0.113.0/24"],
      context: "198.51.100.1",
      expect: "true",
    },
    {
      name: "ArnLike wildcards per segment",
      operator: "ArnLike",
      key: "aws:SourceArn",
      policy: "arn:aws:sns:*:123456789012:topic-?",
      context: "arn:aws:sns:us-east-1:123456789012:topic-1",
      expect: "true",
    },
    {
      name: "ArnEquals takes wildcards too",
      operator: "ArnEquals",
      key: "aws:SourceArn",
      policy: "arn:aws:s3:::bucket-*",
      context: "arn:aws:s3:::bucket-1",
      expect: "true",
    },
    {
      name: "ArnLike is case-sensitive",
      operator: "ArnLike",
      key: "aws:SourceArn",
      policy: "arn:aws:s3:::Bucket",
      context: "arn:aws:s3:::bucket",
      expect: "false",
    },
    {
      name: "ArnNotEquals",
      operator: "ArnNotEquals",
      key: "aws:SourceArn",
      policy: "arn:aws:s3:::a",
      context: "arn:aws:s3:::b",
      expect: "true",
    },
    // Policy variables.
    {
      name: "${aws:username}",
      operator: "StringEquals",
      key: "test:Owner",
      policy: "${aws:username}",
      context: "bob",
      principal: bob,
      expect: "true",
    },
    {
      name: "${aws:PrincipalTag/team}",
      operator: "StringEquals",
      key: "aws:ResourceTag/team",
      policy: "${aws:PrincipalTag/team}",
      context: "blue",
      principal: bob,
      expect: "true",
    },
    {
      name: "tag keys in variables are case-insensitive",
      operator: "StringEquals",
      key: "test:Team",
      policy: "${aws:PrincipalTag/TEAM}",
      context: "blue",
      principal: bob,
      expect: "true",
    },
    {
      name: "default value used when the key is missing",
      operator: "StringEquals",
      key: "test:Team",
      policy: "${aws:PrincipalTag/dept, 'company-wide'}",
      context: "company-wide",
      principal: bob,
      expect: "true",
    },
    {
      name: "default value ignored when the key is present",
      operator: "StringEquals",
      key: "test:Team",
      policy: "${aws:PrincipalTag/team, 'company-wide'}",
      context: "company-wide",
      principal: bob,
      expect: "false",
    },
    {
      name: "no value, no default: that value matches nothing",
      operator: "StringEquals",
      key: "test:Team",
      policy: ["${aws:PrincipalTag/dept}", "x"],
      context: "x",
      principal: bob,
      expect: "true",
    },
    {
      name: "${*} is a literal * in StringLike",
      operator: "StringLike",
      policy: "a${*}",
      context: "a*",
      expect: "true",
    },
    {
      name: "${*} does not match other text",
      operator: "StringLike",
      policy: "a${*}",
      context: "ab",
      expect: "false",
    },
    {
      name: "${?} is a literal ?",
      operator: "StringLike",
      policy: "a${?}",
      context: "a?",
      expect: "true",
    },
    {
      name: "${?} matches no other character",
      operator: "StringLike",
      policy: "a${?}",
      context: "ab",
      expect: "false",
    },
    {
      name: "${$} is a literal $",
      operator: "StringEquals",
      policy: "${$}{x}",
      context: "${x}",
      expect: "true",
    },
    {
      name: "substituted text is literal in StringLike",
      operator: "StringLike",
      key: "test:Name",
      policy: "${aws:PrincipalTag/pat}",
      context: "abc",
      principal: { arn: ALICE.arn, tags: { pat: "a*" } },
      expect: "false",
    },
    {
      name: "2008-10-17: no substitution",
      operator: "StringEquals",
      key: "test:Owner",
      policy: "${aws:username}",
      context: "bob",
      principal: bob,
      version: "2008-10-17",
      expect: "false",
    },
    {
      name: "2008-10-17: the text is literal",
      operator: "StringEquals",
      key: "test:Owner",
      policy: "${aws:username}",
      context: "${aws:username}",
      principal: bob,
      version: "2008-10-17",
      expect: "true",
    },
    {
      name: "a federated user's aws:userid is account:name",
      operator: "StringEquals",
      key: "aws:userid",
      policy: `${ACCOUNT}:carol`,
      principal: { arn: `arn:aws:sts::${ACCOUNT}:federated-user/carol` },
      expect: "true",
    },
    {
      name: "the root user's aws:userid is the account",
      operator: "StringEquals",
      key: "aws:userid",
      policy: ACCOUNT,
      principal: { arn: `arn:aws:iam::${ACCOUNT}:root` },
      expect: "true",
    },
  ];
  it.each(cases)("$name", (c) => {
    expect(conditionOutcome(c).outcome).toBe(c.expect);
  });
});
