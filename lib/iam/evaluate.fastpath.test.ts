/**
 * The hot path against the general one. evaluate() shares identical resource patterns and
 * conditions across statements and policies and computes each once per evaluation, hands each
 * policy only the statements whose action matches, and with `{ explain: false }` stops early.
 * These properties check, on random policy sets and requests, that none of it changes an answer:
 * the result equals the one assembled from each statement evaluated on its own (nothing shared
 * within an evaluation), fast mode decides the same, and one evaluation's memo never leaks into
 * the next.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { AuthorizationRequest, ContextValue, RequestPrincipal } from "./context";
import { EvaluationContext } from "./context";
import { decide, type DecisionFacts } from "./decide";
import {
  createPolicySet,
  evaluate,
  type EvaluationResult,
  type MatchedStatement,
  type PolicySetInput,
} from "./evaluate";
import type { PrincipalGrant } from "./principal";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";

const ACTIONS = ["svc:GetThing", "svc:PutThing", "svc:ListThings", "other:GetThing"];
const ACTION_PATTERNS = [
  "svc:Get*",
  "svc:*",
  "*",
  "svc:PutThing",
  "other:*",
  "*:Get*",
  "svc:?utThing",
];

const RESOURCES = [
  `arn:aws:svc:us-east-1:${ACCOUNT}:thing/alice/a`,
  `arn:aws:svc:us-east-1:${ACCOUNT}:thing/platform-db`,
  `arn:aws:svc:eu-west-1:${OTHER}:thing/shared`,
  `arn:aws:svc:us-east-1:${ACCOUNT}:thing/exact`,
  "*",
];
const RESOURCE_PATTERNS = [
  "*",
  `arn:aws:svc:*:${ACCOUNT}:thing/\${aws:username}/*`,
  `arn:aws:svc:us-east-1:${ACCOUNT}:thing/\${aws:PrincipalTag/team, 'none'}-*`,
  `arn:aws:svc:*:*:thing/\${aws:PrincipalTag/missing}`,
  `arn:aws:\${aws:PrincipalTag/service}:us-east-1:${ACCOUNT}:thing/*`,
  `arn:aws:svc:us-east-1:${ACCOUNT}:thing/exact`,
  `arn:aws:svc:*:${ACCOUNT}:thing/*`,
  "arn:aws:svc:*:*:*",
  `arn:aws:other:us-east-1:${ACCOUNT}:thing/*`,
];

/** Condition blocks, few enough that statements share them. */
const CONDITIONS: Record<string, Record<string, unknown>>[] = [
  { StringEquals: { "aws:PrincipalTag/team": ["platform", "payments"] } },
  { StringEquals: { "aws:PrincipalTag/TEAM": "platform" } },
  { StringLike: { "svc:Path": ["${aws:username}/*", "public/*"] } },
  { StringNotEquals: { "svc:Stage": "prod" } },
  { StringNotEqualsIfExists: { "svc:Missing": "x" } },
  { StringEqualsIgnoreCase: { "svc:Stage": "PROD" } },
  { "ForAnyValue:StringLike": { "svc:Tags": ["a*", "b"] } },
  { "ForAllValues:StringEquals": { "svc:Tags": ["a", "b", "abc"] } },
  { IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] } },
  { NotIpAddress: { "aws:SourceIp": "10.1.0.0/16" } },
  { IpAddress: { "aws:SourceIp": "not-a-cidr" } },
  { Bool: { "aws:SecureTransport": "true" } },
  { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
  { NumericLessThan: { "svc:Count": "10" } },
  { DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } },
  { ArnLike: { "aws:SourceArn": `arn:aws:svc:*:${ACCOUNT}:thing/*` } },
  { Null: { "svc:Missing": "true" } },
  { StringEquals: { "svc:Stage": "${aws:PrincipalTag/stage}" } },
];

interface StatementSpec {
  deny: boolean;
  notAction: boolean;
  actions: string[];
  notResource: boolean;
  resources: string[];
  conditions: number[];
  principal: number;
}

const statementSpec = fc.record({
  deny: fc.boolean(),
  notAction: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  actions: fc.subarray(ACTION_PATTERNS, { minLength: 1, maxLength: 3 }),
  notResource: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  resources: fc.subarray(RESOURCE_PATTERNS, { minLength: 1, maxLength: 3 }),
  conditions: fc.uniqueArray(fc.integer({ min: 0, max: CONDITIONS.length - 1 }), { maxLength: 3 }),
  principal: fc.integer({ min: 0, max: 3 }),
});

const PRINCIPALS_IN_POLICY: unknown[] = [
  "*",
  { AWS: `arn:aws:iam::${ACCOUNT}:user/alice` },
  { AWS: ACCOUNT },
  { AWS: `arn:aws:iam::${ACCOUNT}:role/Deployer` },
];

function statementJson(spec: StatementSpec, index: number, withPrincipal: boolean): object {
  const condition: Record<string, Record<string, unknown>> = {};
  for (const c of spec.conditions) {
    for (const [op, entries] of Object.entries(CONDITIONS[c])) {
      condition[op] = { ...(condition[op] ?? {}), ...entries };
    }
  }
  return {
    Sid: `S${index}`,
    Effect: spec.deny ? "Deny" : "Allow",
    ...(withPrincipal ? { Principal: PRINCIPALS_IN_POLICY[spec.principal] } : {}),
    [spec.notAction ? "NotAction" : "Action"]: spec.actions,
    [spec.notResource ? "NotResource" : "Resource"]: spec.resources,
    ...(spec.conditions.length > 0 ? { Condition: condition } : {}),
  };
}

const policyText = (statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements });

const policySpec = fc.array(statementSpec, { minLength: 1, maxLength: 4 });

const setSpec = fc.record({
  identity: fc.array(policySpec, { maxLength: 4 }),
  resource: fc.option(policySpec, { nil: undefined }),
  boundary: fc.option(policySpec, { nil: undefined }),
});
type SetSpec = typeof setSpec extends fc.Arbitrary<infer T> ? T : never;

const PRINCIPALS: RequestPrincipal[] = [
  {
    arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
    tags: { team: "platform", Stage: "dev", service: "svc" },
  },
  { arn: `arn:aws:iam::${ACCOUNT}:user/bob`, tags: { Team: "payments" } },
  { arn: `arn:aws:sts::${ACCOUNT}:assumed-role/Deployer/session` },
  { arn: `arn:aws:iam::${OTHER}:user/carol`, tags: { team: "platform" } },
  { arn: `arn:aws:iam::${ACCOUNT}:root` },
];

/** Context keys in several spellings (keys compare case-insensitively), some unreadable. */
const CONTEXT_ENTRIES: [string, ContextValue][] = [
  ["aws:SourceIp", "10.1.2.3"],
  ["AWS:SOURCEIP", "192.168.1.1"],
  ["aws:SourceIp", "2001:db8::1"],
  ["aws:SourceIp", "::ffff:10.9.9.9"],
  ["aws:SecureTransport", true],
  ["aws:securetransport", "FALSE"],
  ["aws:CurrentTime", "2025-06-01T12:00:00Z"],
  ["svc:Stage", "prod"],
  ["svc:stage", "Prod"],
  ["svc:Path", "alice/x"],
  ["svc:Tags", ["a", "b"]],
  ["svc:Tags", []],
  ["svc:Count", 3],
  ["svc:Count", "many"],
  ["aws:SourceArn", `arn:aws:svc:us-east-1:${ACCOUNT}:thing/x`],
  ["aws:PrincipalTag/team", "payments"],
  ["aws:username", "alice"],
  ["svc:Stage", { type: "Colour", value: "red" }],
];

const requestSpec = fc.record({
  principal: fc.integer({ min: 0, max: PRINCIPALS.length - 1 }),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  context: fc.subarray(
    CONTEXT_ENTRIES.map((_, i) => i),
    { maxLength: 6 },
  ),
});
type RequestSpec = typeof requestSpec extends fc.Arbitrary<infer T> ? T : never;

function request(spec: RequestSpec): AuthorizationRequest {
  const context: Record<string, ContextValue> = {};
  for (const i of spec.context) context[CONTEXT_ENTRIES[i][0]] = CONTEXT_ENTRIES[i][1];
  return {
    principal: PRINCIPALS[spec.principal],
    action: spec.action,
    resource: spec.resource,
    context,
  };
}

function policySet(spec: SetSpec): PolicySetInput {
  return {
    identity: spec.identity.map((p, i) => ({
      label: `identity-${i}`,
      document: policyText(p.map((s, j) => statementJson(s, j, false))),
    })),
    resource: spec.resource && {
      label: "resource",
      document: policyText(spec.resource.map((s, j) => statementJson(s, j, true))),
    },
    boundary: spec.boundary && {
      label: "boundary",
      document: policyText(spec.boundary.map((s, j) => statementJson(s, j, false))),
    },
  };
}

/** A boundary that applies to nothing: keeps "the caller has a boundary" for isolated statements. */
const EMPTY_BOUNDARY = policyText([{ Effect: "Allow", Action: "none:None", Resource: "*" }]);

const GRANT_RANK: Record<PrincipalGrant, number> = { account: 1, other: 2, role: 3, direct: 4 };

/**
 * The general path: every statement evaluated alone (nothing shared within an evaluation, no
 * action index beyond one statement), the results put together and decided as AWS does.
 */
function isolated(req: AuthorizationRequest, spec: SetSpec): Omit<EvaluationResult, "facts"> {
  const matched: MatchedStatement[] = [];
  const missing = new Set<string>();
  const facts: DecisionFacts = {
    root: req.principal.arn.endsWith(":root"),
    crossAccount: new EvaluationContext(req).crossAccount,
    identityAllow: false,
    identityDeny: false,
    resourceAllow: undefined,
    resourceDeny: false,
    boundary: spec.boundary && !req.principal.arn.endsWith(":root") ? "noAllow" : "absent",
    boundaryDeny: false,
  };
  const slot = (
    type: "identity" | "resource" | "boundary",
    label: string,
    statements: StatementSpec[],
  ) => {
    statements.forEach((s, j) => {
      const text = policyText([statementJson(s, j, type === "resource")]);
      const input: PolicySetInput =
        type === "identity"
          ? { identity: [{ label, document: text }] }
          : type === "resource"
            ? {
                resource: { label, document: text },
                boundary: spec.boundary ? { label: "b", document: EMPTY_BOUNDARY } : undefined,
              }
            : { boundary: { label, document: text } };
      const result = evaluate(req, createPolicySet(input));
      for (const key of result.missingContextKeys) missing.add(key.toLowerCase());
      for (const m of result.matchedStatements.filter((m) => m.policyType === type)) {
        matched.push({ ...m, index: j });
        if (type === "identity") {
          if (m.effect === "Deny") facts.identityDeny = true;
          else facts.identityAllow = true;
        } else if (type === "resource") {
          if (m.effect === "Deny") facts.resourceDeny = true;
          else if (
            m.principalGrant &&
            (!facts.resourceAllow || GRANT_RANK[m.principalGrant] > GRANT_RANK[facts.resourceAllow])
          ) {
            facts.resourceAllow = m.principalGrant;
          }
        } else if (m.effect === "Deny") {
          facts.boundaryDeny = true;
        } else {
          facts.boundary = "allow";
        }
      }
    });
  };
  if (!facts.root) spec.identity.forEach((p, i) => slot("identity", `identity-${i}`, p));
  if (spec.resource) slot("resource", "resource", spec.resource);
  if (spec.boundary && !facts.root) slot("boundary", "boundary", spec.boundary);
  return { ...decide(facts), matchedStatements: matched, missingContextKeys: [...missing] };
}

const comparable = (m: MatchedStatement) => ({
  policyType: m.policyType,
  policy: m.policy,
  sid: m.sid,
  index: m.index,
  effect: m.effect,
  failedClosed: m.failedClosed,
  principalGrant: m.principalGrant,
});

describe("hot path equivalence (fast-check)", () => {
  it("shared patterns, shared conditions and the action index change no answer", () => {
    fc.assert(
      fc.property(setSpec, requestSpec, (spec, reqSpec) => {
        const req = request(reqSpec);
        const got = evaluate(req, createPolicySet(policySet(spec)));
        const want = isolated(req, spec);
        expect(got.decision).toBe(want.decision);
        expect(got.reason).toBe(want.reason);
        expect(got.matchedStatements.map(comparable)).toEqual(
          want.matchedStatements.map(comparable),
        );
        expect(got.missingContextKeys.map((k) => k.toLowerCase()).sort()).toEqual(
          want.missingContextKeys.sort(),
        );
      }),
      { numRuns: 400 },
    );
  });

  it("{ explain: false } decides the same, for the same reason", () => {
    fc.assert(
      fc.property(setSpec, requestSpec, (spec, reqSpec) => {
        const req = request(reqSpec);
        const set = createPolicySet(policySet(spec));
        const full = evaluate(req, set);
        const fast = evaluate(req, set, { explain: false });
        expect({ decision: fast.decision, reason: fast.reason }).toEqual({
          decision: full.decision,
          reason: full.reason,
        });
        expect(fast.matchedStatements).toEqual([]);
        expect(fast.missingContextKeys).toEqual([]);
        // What fast mode learnt agrees with the full account as far as it goes.
        if (fast.facts.identityDeny) expect(full.facts.identityDeny).toBe(true);
        if (fast.decision !== "explicitDeny") expect(fast.facts).toEqual(full.facts);
      }),
      { numRuns: 400 },
    );
  });

  it("one evaluation's memo never answers for another (A, B, A; prepared contexts)", () => {
    fc.assert(
      fc.property(setSpec, requestSpec, requestSpec, (spec, a, b) => {
        const set = createPolicySet(policySet(spec));
        const first = evaluate(request(a), set);
        evaluate(request(b), set);
        evaluate(request(b), set, { explain: false });
        expect(evaluate(request(a), set)).toEqual(first);
        const prepared = new EvaluationContext(request(a));
        expect(evaluate(prepared, set)).toEqual(first);
        expect(evaluate(prepared, set)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

describe("memos live for one evaluation", () => {
  it("a warm engine answers as a freshly loaded one, in any order of requests", async () => {
    await fc.assert(
      fc.asyncProperty(
        setSpec,
        fc.array(requestSpec, { minLength: 2, maxLength: 4 }),
        async (spec, requests) => {
          const set = createPolicySet(policySet(spec));
          const warm = requests.map((r) => evaluate(request(r), set));
          vi.resetModules();
          // A new instance of the engine: its own compile cache, shared objects and memos.
          const cold = await import("./evaluate");
          const coldSet = cold.createPolicySet(policySet(spec));
          const fresh = [...requests]
            .reverse()
            .map((r) => cold.evaluate(request(r), coldSet))
            .reverse();
          expect(fresh).toEqual(warm);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("the action index", () => {
  const text = policyText([
    { Sid: "Any", Effect: "Allow", Action: "*:Get*", Resource: "*" },
    { Sid: "Svc", Effect: "Allow", Action: "svc:*", Resource: "*" },
    { Sid: "Not", Effect: "Deny", NotAction: "svc:Get*", Resource: "*" },
  ]);
  const alice = { arn: `arn:aws:iam::${ACCOUNT}:user/alice` };

  it("reports statements in policy order, whatever the index's order", () => {
    const set = createPolicySet({ identity: [{ label: "p", document: text }] });
    const result = evaluate({ principal: alice, action: "svc:GetThing", resource: "*" }, set);
    expect(result.matchedStatements.map((m) => m.sid)).toEqual(["Any", "Svc"]);
    const put = evaluate({ principal: alice, action: "svc:PutThing", resource: "*" }, set);
    expect(put.matchedStatements.map((m) => m.sid)).toEqual(["Svc", "Not"]);
  });

  it("a copy of a compiled policy keeps its own index (the original is not touched)", () => {
    const set = createPolicySet({ identity: [{ label: "p", document: text }] });
    const original = set.identity[0].policy;
    const req = { principal: alice, action: "svc:PutThing", resource: "*" };
    const copy = { ...original, anyService: original.anyService.filter((s) => !s.deny) };
    expect(evaluate(req, set).decision).toBe("explicitDeny");
    expect(evaluate(req, { identity: [{ label: "copy", policy: copy }] }).decision).toBe("allowed");
    expect(evaluate(req, set).decision).toBe("explicitDeny");
  });
});

describe("{ explain: false }", () => {
  const alice = { arn: `arn:aws:iam::${ACCOUNT}:user/alice` };
  const allowAll = policyText([{ Effect: "Allow", Action: "*", Resource: "*" }]);
  const denySvc = policyText([{ Sid: "D", Effect: "Deny", Action: "svc:*", Resource: "*" }]);

  it("stops at the first explicit deny and gives AWS's reason", () => {
    const set = createPolicySet({
      identity: [
        { label: "a", document: allowAll },
        { label: "d", document: denySvc },
      ],
      resource: {
        label: "r",
        document: policyText([{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }]),
      },
    });
    const req = { principal: alice, action: "svc:GetThing", resource: "*" };
    const fast = evaluate(req, set, { explain: false });
    expect(fast.decision).toBe("explicitDeny");
    expect(fast.reason).toBe("explicitDenyInIdentityPolicy");
    // The resource policy was not read.
    expect(fast.facts.resourceAllow).toBeUndefined();
    expect(evaluate(req, set).facts.resourceAllow).toBe("other");
  });

  it("keeps the most specific resource-policy grant (it decides across a boundary)", () => {
    const set = createPolicySet({
      resource: {
        label: "r",
        document: policyText([
          { Effect: "Allow", Principal: { AWS: ACCOUNT }, Action: "*", Resource: "*" },
          { Effect: "Allow", Principal: "*", Action: "*", Resource: "*" },
          { Effect: "Allow", Principal: { AWS: alice.arn }, Action: "*", Resource: "*" },
        ]),
      },
      boundary: { label: "b", document: denySvc.replace("Deny", "Allow").replace("svc:*", "x:*") },
    });
    const req = { principal: alice, action: "svc:GetThing", resource: "*" };
    const fast = evaluate(req, set, { explain: false });
    expect(fast.facts.resourceAllow).toBe("direct");
    expect(fast.decision).toBe("allowed");
    expect(fast.reason).toBe(evaluate(req, set).reason);
  });
});
