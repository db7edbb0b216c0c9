import { describe, expect, it } from "vitest";
import { simulateCustomPolicy } from "./simulate-custom-policy";
import type { SimulateCustomPolicyRequest } from "./types";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const SECRET = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}`;
const doc = (statements: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);

function decisions(request: SimulateCustomPolicyRequest): string[] {
  return simulateCustomPolicy(request).EvaluationResults.map(
    (r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`,
  );
}

describe("the seed's examples", () => {
  it("grants read access to one secret only", () => {
    const policy = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: SECRET("app/db-a1b2c3"),
      },
    ]);
    expect(
      decisions({
        PolicyInputList: [policy],
        ActionNames: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
        ResourceArns: [SECRET("app/db-a1b2c3"), SECRET("app/other-a1b2c3")],
      }),
    ).toEqual([
      `secretsmanager:GetSecretValue ${SECRET("app/db-a1b2c3")} allowed`,
      `secretsmanager:GetSecretValue ${SECRET("app/other-a1b2c3")} implicitDeny`,
      `secretsmanager:PutSecretValue ${SECRET("app/db-a1b2c3")} implicitDeny`,
      `secretsmanager:PutSecretValue ${SECRET("app/other-a1b2c3")} implicitDeny`,
    ]);
  });

  it("shows why name-* is broader than name-??????", () => {
    const star = doc([
      { Effect: "Allow", Action: "secretsmanager:*", Resource: SECRET("another_secret_name-*") },
    ]);
    const exact = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:*",
        Resource: SECRET("another_secret_name-??????"),
      },
    ]);
    const resources = [
      SECRET("another_secret_name-a1b2c3"),
      SECRET("another_secret_name-other-a1b2c3"),
    ];
    const request = (policy: string) => ({
      PolicyInputList: [policy],
      ActionNames: ["secretsmanager:GetSecretValue"],
      ResourceArns: resources,
    });
    expect(decisions(request(star)).map((d) => d.split(" ")[2])).toEqual(["allowed", "allowed"]);
    expect(decisions(request(exact)).map((d) => d.split(" ")[2])).toEqual([
      "allowed",
      "implicitDeny",
    ]);
  });

  it("grants by tag when the context says so, and lists the key when it is missing", () => {
    const policy = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:DescribeSecret",
        Resource: "*",
        Condition: { StringEquals: { "secretsmanager:ResourceTag/ServerName": "ServerABC" } },
      },
    ]);
    const base = { PolicyInputList: [policy], ActionNames: ["secretsmanager:DescribeSecret"] };
    const missing = simulateCustomPolicy(base).EvaluationResults[0];
    expect(missing.EvalDecision).toBe("implicitDeny");
    expect(missing.MissingContextValues).toEqual(["secretsmanager:ResourceTag/ServerName"]);
    const tagged = simulateCustomPolicy({
      ...base,
      ContextEntries: [
        {
          ContextKeyName: "secretsmanager:ResourceTag/ServerName",
          ContextKeyValues: ["ServerABC"],
          ContextKeyType: "string",
        },
      ],
    }).EvaluationResults[0];
    expect(tagged.EvalDecision).toBe("allowed");
    expect(tagged.MissingContextValues).toEqual([]);
  });

  it("matches staging labels with ForAnyValue", () => {
    const policy = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: "arn:aws:secretsmanager:*:*:secret:Prod*",
        Condition: { "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" } },
      },
    ]);
    const run = (labels: string[]) =>
      simulateCustomPolicy({
        PolicyInputList: [policy],
        ActionNames: ["secretsmanager:GetSecretValue"],
        ResourceArns: [SECRET("ProdDb-a1b2c3")],
        ContextEntries: [
          {
            ContextKeyName: "secretsmanager:VersionStage",
            ContextKeyValues: labels,
            ContextKeyType: "stringList",
          },
        ],
      }).EvaluationResults[0].EvalDecision;
    expect(run(["AWSPREVIOUS", "AWSCURRENT"])).toBe("allowed");
    expect(run(["AWSPENDING"])).toBe("implicitDeny");
  });
});

describe("response shape", () => {
  const policy = doc([
    { Sid: "Read", Effect: "Allow", Action: "secretsmanager:*", Resource: "*" },
    { Sid: "NoDelete", Effect: "Deny", Action: "secretsmanager:DeleteSecret", Resource: "*" },
  ]);

  it("names matched statements as AWS does, with positions", () => {
    const result = simulateCustomPolicy({
      PolicyInputList: [policy],
      ActionNames: ["secretsmanager:DeleteSecret", "secretsmanager:GetSecretValue"],
    });
    expect(result.IsTruncated).toBe(false);
    const [del, get] = result.EvaluationResults;
    expect(del).toEqual({
      EvalActionName: "secretsmanager:DeleteSecret",
      EvalResourceName: "*",
      EvalDecision: "explicitDeny",
      MatchedStatements: [
        {
          SourcePolicyId: "PolicyInputList.1",
          SourcePolicyType: "none",
          StartPosition: { Line: 10, Column: 5 },
          EndPosition: { Line: 15, Column: 5 },
        },
      ],
      MissingContextValues: [],
    });
    // Only the deciding statements: the Allow on an allow.
    expect(get.MatchedStatements.map((s) => s.StartPosition.Line)).toEqual([4]);
    expect(get.EvalDecisionDetails).toBeUndefined();
  });

  it("gives resource-specific results when resources are named", () => {
    const [result] = simulateCustomPolicy({
      PolicyInputList: [policy],
      ActionNames: ["secretsmanager:GetSecretValue"],
      ResourceArns: [SECRET("x-a1b2c3")],
    }).EvaluationResults;
    expect(result.EvalDecisionDetails).toEqual({});
    expect(result.ResourceSpecificResults).toEqual([
      {
        EvalResourceName: SECRET("x-a1b2c3"),
        EvalResourceDecision: "allowed",
        MatchedStatements: result.MatchedStatements,
        MissingContextValues: [],
        EvalDecisionDetails: {},
      },
    ]);
  });

  it("pages with MaxItems and Marker", () => {
    const request = {
      PolicyInputList: [policy],
      ActionNames: [
        "secretsmanager:GetSecretValue",
        "secretsmanager:PutSecretValue",
        "secretsmanager:DeleteSecret",
      ],
      MaxItems: 2,
    };
    const first = simulateCustomPolicy(request);
    expect(first.EvaluationResults.map((r) => r.EvalActionName)).toEqual([
      "secretsmanager:GetSecretValue",
      "secretsmanager:PutSecretValue",
    ]);
    expect(first).toMatchObject({ IsTruncated: true, Marker: "2" });
    const second = simulateCustomPolicy({ ...request, Marker: first.Marker });
    expect(second.EvaluationResults.map((r) => r.EvalActionName)).toEqual([
      "secretsmanager:DeleteSecret",
    ]);
    expect(second.IsTruncated).toBe(false);
  });

  it("reports a permissions boundary's part", () => {
    const boundary = doc([{ Effect: "Allow", Action: "secretsmanager:Get*", Resource: "*" }]);
    const results = simulateCustomPolicy({
      PolicyInputList: [policy],
      PermissionsBoundaryPolicyInputList: [boundary],
      ActionNames: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
    }).EvaluationResults;
    expect(
      results.map((r) => [
        r.EvalDecision,
        r.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary,
      ]),
    ).toEqual([
      ["allowed", true],
      ["implicitDeny", false],
    ]);
    expect(results[0].MatchedStatements.map((s) => s.SourcePolicyId)).toEqual([
      "PolicyInputList.1",
      "PermissionsBoundaryPolicyInputList.1",
    ]);
  });
});

describe("callers and resource policies", () => {
  const resourcePolicy = doc([
    {
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${OTHER}:role/App` },
      Action: "secretsmanager:GetSecretValue",
      Resource: "*",
    },
  ]);
  const identity = doc([
    { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" },
  ]);
  const secret = SECRET("shared-a1b2c3");

  it.each([
    [`arn:aws:iam::${OTHER}:role/App`, "allowed"],
    [`arn:aws:sts::${OTHER}:assumed-role/App/worker-7`, "allowed"],
    [`arn:aws:iam::${OTHER}:role/Other`, "implicitDeny"],
    [`arn:aws:iam::${OTHER}:user/alice`, "implicitDeny"],
  ])("cross-account caller %s is %s", (caller, decision) => {
    const [result] = simulateCustomPolicy({
      PolicyInputList: [identity],
      ResourcePolicy: resourcePolicy,
      CallerArn: caller,
      ActionNames: ["secretsmanager:GetSecretValue"],
      ResourceArns: [secret],
    }).EvaluationResults;
    expect(result.EvalDecision).toBe(decision);
    expect(result.EvalDecisionDetails).toEqual({
      "IAM Policy": "allowed",
      "Resource Policy": decision === "allowed" ? "allowed" : "implicitDeny",
    });
  });

  it("takes the resource's account from ResourceOwner, else from the ARN", () => {
    const run = (owner?: string) =>
      simulateCustomPolicy({
        PolicyInputList: [identity],
        ResourcePolicy: doc([
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
            Action: "secretsmanager:*",
            Resource: "*",
          },
        ]),
        CallerArn: `arn:aws:iam::${OTHER}:user/bob`,
        ResourceOwner: owner,
        ActionNames: ["secretsmanager:GetSecretValue"],
        ResourceArns: ["*"],
      }).EvaluationResults[0].EvalDecisionDetails;
    expect(run(`arn:aws:iam::${ACCOUNT}:root`)).toEqual({
      "IAM Policy": "allowed",
      "Resource Policy": "allowed",
    });
    expect(run(OTHER)).toBeUndefined();
  });

  it("derives the user name from a user caller", () => {
    const policy = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: SECRET("${aws:username}/*"),
      },
    ]);
    const run = (caller?: string) =>
      simulateCustomPolicy({
        PolicyInputList: [policy],
        CallerArn: caller,
        ActionNames: ["secretsmanager:GetSecretValue"],
        ResourceArns: [SECRET("alice/key-a1b2c3")],
      }).EvaluationResults[0];
    expect(run(`arn:aws:iam::${ACCOUNT}:user/alice`).EvalDecision).toBe("allowed");
    expect(run(`arn:aws:iam::${ACCOUNT}:user/team/bob`).EvalDecision).toBe("implicitDeny");
    const unnamed = run();
    expect(unnamed.EvalDecision).toBe("implicitDeny");
    expect(unnamed.ResourceSpecificResults?.[0].MissingContextValues).toEqual(["aws:username"]);
  });
});

describe("input errors", () => {
  const policy = doc([{ Effect: "Allow", Action: "*", Resource: "*" }]);

  it.each([
    [{ ActionNames: ["s3:GetObject"] }, /PolicyInputList is required/],
    [{ PolicyInputList: [policy], ActionNames: [] }, /ActionNames is required/],
    [
      { PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ResourcePolicy: policy },
      /CallerArn is required/,
    ],
    [
      { PolicyInputList: [policy], ActionNames: ["s3:GetObject"], CallerArn: "alice" },
      /Invalid CallerArn/,
    ],
    [
      { PolicyInputList: [policy], ActionNames: ["s3:GetObject"], ResourceOwner: "me" },
      /Invalid ResourceOwner/,
    ],
    [{ PolicyInputList: [policy], ActionNames: ["s3:GetObject"], MaxItems: 0 }, /MaxItems/],
    [
      {
        PolicyInputList: [policy],
        ActionNames: ["s3:GetObject"],
        ContextEntries: [
          { ContextKeyName: "aws:SourceIp", ContextKeyValues: ["1.2.3.4"], ContextKeyType: "ipv4" },
        ],
      },
      /Invalid ContextKeyType/,
    ],
    [
      {
        PolicyInputList: [policy],
        ActionNames: ["s3:GetObject"],
        ContextEntries: [
          {
            ContextKeyName: "aws:SourceIp",
            ContextKeyValues: ["1.2.3.4", "5.6.7.8"],
            ContextKeyType: "ip",
          },
        ],
      },
      /exactly one value/,
    ],
  ])("%j fails with InvalidInput", (request, message) => {
    expect(() => simulateCustomPolicy(request as SimulateCustomPolicyRequest)).toThrow(message);
    try {
      simulateCustomPolicy(request as SimulateCustomPolicyRequest);
    } catch (error) {
      expect((error as { code: string }).code).toBe("InvalidInput");
    }
  });

  it("names the malformed policy", () => {
    expect(() =>
      simulateCustomPolicy({ PolicyInputList: [policy, "{"], ActionNames: ["s3:GetObject"] }),
    ).toThrow(/^PolicyInputList\.2: Syntax errors in policy\.$/);
  });

  it("compiles a policy text once, however often it is simulated", () => {
    const text = doc([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
        Sid: `Once${Date.now()}`,
      },
    ]);
    const copies = Array.from({ length: 3 }, () => JSON.parse(JSON.stringify(text)) as string);
    const results = copies.map(
      (copy) =>
        simulateCustomPolicy({
          PolicyInputList: [copy],
          ActionNames: ["secretsmanager:GetSecretValue"],
        }).EvaluationResults[0],
    );
    expect(results.map((r) => r.EvalDecision)).toEqual(["allowed", "allowed", "allowed"]);
  });
});
