import { describe, expect, it } from "vitest";
import type { AuthorizationRequest } from "./context";
import { EvaluationContext } from "./context";
import { compilePolicy } from "./compile";
import { createPolicySet, evaluate } from "./evaluate";
import { accessDeniedMessage, explain } from "./explain";
import scenarios from "./fixtures/evaluation.json";
import { decideWith, type PolicyObjects } from "./fixtures/harness";

interface Case {
  name: string;
  request: AuthorizationRequest;
  expect: string;
  reason?: string;
  matched?: (string | number)[];
  missing?: string[];
  failedClosed?: string[];
  grant?: string;
}

interface Scenario {
  name: string;
  source?: string;
  policies: PolicyObjects;
  cases: Case[];
}

const rows = (scenarios as unknown as Scenario[]).flatMap((s) =>
  s.cases.map((c) => ({ scenario: s.name, policies: s.policies, ...c })),
);

describe("evaluation scenarios (fixtures/evaluation.json)", () => {
  it.each(rows)("$scenario: $name", (row) => {
    const result = decideWith(row.request, row.policies);
    expect(result.decision).toBe(row.expect);
    if (row.reason) expect(result.reason).toBe(row.reason);
    if (row.matched) {
      const got = result.matchedStatements.map((m, i) =>
        typeof row.matched![i] === "string" ? m.sid : m.index,
      );
      expect(got).toEqual(row.matched);
    }
    if (row.missing) expect(result.missingContextKeys).toEqual(row.missing);
    if (row.failedClosed) {
      expect(result.matchedStatements.filter((m) => m.failedClosed).map((m) => m.sid)).toEqual(
        row.failedClosed,
      );
    }
    if (row.grant) {
      expect(result.matchedStatements.map((m) => m.principalGrant)).toContain(row.grant);
    }
  });
});

const ALICE = "arn:aws:iam::111122223333:user/alice";
const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-a1b2c3";

describe("evaluate: what it reports", () => {
  const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {"Sid": "Read", "Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "*"},
    {"Sid": "NoProd", "Effect": "Deny", "Action": "secretsmanager:*",
     "Resource": "arn:aws:secretsmanager:*:*:secret:prod/*",
     "Condition": {"StringNotEquals": {"aws:PrincipalTag/clearance": "prod"}}}
  ]
}`;
  const policies = createPolicySet({
    identity: [{ label: "user/alice/inline/Secrets", document: text }],
  });
  const request = {
    principal: { arn: ALICE },
    action: "secretsmanager:GetSecretValue",
    resource: SECRET,
  };

  it("lists every statement that applied, with its policy, Sid, index and position", () => {
    const result = evaluate(request, policies);
    expect(result.decision).toBe("explicitDeny");
    expect(result.matchedStatements).toEqual([
      expect.objectContaining({
        policyType: "identity",
        policy: "user/alice/inline/Secrets",
        sid: "Read",
        index: 0,
        effect: "Allow",
      }),
      expect.objectContaining({ sid: "NoProd", index: 1, effect: "Deny", failedClosed: false }),
    ]);
    const deny = result.matchedStatements[1];
    expect(text.slice(deny.span.start.offset, deny.span.start.offset + 13)).toBe('{"Sid": "NoPr');
    expect(deny.span.start.line).toBe(5);
    expect(result.missingContextKeys).toEqual(["aws:PrincipalTag/clearance"]);
  });

  it("explains in AWS's words", () => {
    const denied = evaluate(request, policies);
    expect(accessDeniedMessage(request, denied)).toBe(
      `User: ${ALICE} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${SECRET} with an explicit deny in an identity-based policy`,
    );
    const put = { ...request, action: "secretsmanager:CreateSecret", resource: "*" };
    expect(accessDeniedMessage(put, evaluate(put, policies))).toBe(
      `User: ${ALICE} is not authorized to perform: secretsmanager:CreateSecret on resource: * because no identity-based policy allows the secretsmanager:CreateSecret action`,
    );
    const lines = explain(denied);
    expect(lines[0]).toBe("Explicitly denied by an identity-based policy.");
    expect(lines).toContain(
      "- Deny by statement NoProd of identity policy user/alice/inline/Secrets (line 5)",
    );
    expect(lines.at(-1)).toBe("Context keys the request did not have: aws:PrincipalTag/clearance");
  });

  it("names the boundary and the resource policy in denials", () => {
    const boundary = createPolicySet({
      identity: [
        {
          label: "admin",
          document:
            '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
        },
      ],
      boundary: {
        label: "b",
        document:
          '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}',
      },
    });
    expect(accessDeniedMessage(request, evaluate(request, boundary))).toMatch(
      /because no permissions boundary allows the secretsmanager:GetSecretValue action$/,
    );
    const carol = { ...request, principal: { arn: "arn:aws:iam::444455556666:user/carol" } };
    const cross = createPolicySet({
      identity: [
        {
          label: "admin",
          document:
            '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
        },
      ],
    });
    expect(accessDeniedMessage(carol, evaluate(carol, cross))).toMatch(
      /because no resource-based policy allows the secretsmanager:GetSecretValue action$/,
    );
  });

  it("accepts a prepared EvaluationContext and gives the same answer", () => {
    const prepared = new EvaluationContext(request);
    expect(evaluate(prepared, policies)).toEqual(evaluate(request, policies));
  });

  it("evaluates the same compiled policy for many principals (variables resolve per request)", () => {
    const home = createPolicySet({
      identity: [
        {
          label: "group/devs/Home",
          document:
            '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:*","Resource":"arn:aws:secretsmanager:*:*:secret:home/${aws:username}/*"}}',
        },
      ],
    });
    for (const name of ["alice", "bob", "carol"]) {
      const mine = `arn:aws:secretsmanager:us-east-1:111122223333:secret:home/${name}/k`;
      const principal = { arn: `arn:aws:iam::111122223333:user/${name}` };
      expect(
        evaluate({ principal, action: "secretsmanager:GetSecretValue", resource: mine }, home)
          .decision,
      ).toBe("allowed");
      const theirs = "arn:aws:secretsmanager:us-east-1:111122223333:secret:home/dave/k";
      expect(
        evaluate({ principal, action: "secretsmanager:GetSecretValue", resource: theirs }, home)
          .decision,
      ).toBe("implicitDeny");
    }
  });

  it("takes compiled policies as well as text", () => {
    const compiled = compilePolicy(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"secretsmanager:*","Resource":"*"}}',
    );
    const set = createPolicySet({ identity: [{ label: "p", document: compiled }] });
    expect(set.identity[0].policy).toBe(compiled);
    expect(evaluate(request, set).decision).toBe("allowed");
  });

  it("a policy whose condition uses an operator IAM does not know fails closed", () => {
    // Built from the AST so the unknown operator survives (the parser itself rejects it).
    const denyText =
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"X","Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:username":"nobody"}}}]}';
    const compiled = compilePolicy(denyText);
    const tampered = {
      ...compiled,
      statements: compiled.statements,
      anyService: compiled.anyService.map((s) =>
        s.deny ? { ...s, conditions: s.conditions.map((c) => ({ ...c, parsed: undefined })) } : s,
      ),
    };
    const result = evaluate(request, { identity: [{ label: "t", policy: tampered }] });
    expect(result.decision).toBe("explicitDeny");
    expect(result.matchedStatements.find((m) => m.sid === "X")?.failedClosed).toBe(true);
  });
});

describe("trust policies", () => {
  const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: {
      Effect: "Allow",
      Principal: { Service: "lambda.amazonaws.com" },
      Action: "sts:AssumeRole",
    },
  });
  const policies = createPolicySet({
    resource: { label: "role/Rotation/trust", document: trust, kind: "trust" },
  });
  const assume = (arn: string) => ({
    principal: { arn },
    action: "sts:AssumeRole",
    resource: "arn:aws:iam::111122223333:role/Rotation",
  });

  it("lets the named service assume the role", () => {
    expect(evaluate(assume("lambda.amazonaws.com"), policies).decision).toBe("allowed");
  });

  it("does not let anyone else", () => {
    expect(evaluate(assume(ALICE), policies).decision).toBe("implicitDeny");
  });
});
