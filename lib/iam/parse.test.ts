import { describe, expect, it } from "vitest";
import { AwsError } from "../errors";
import type { PolicyKind } from "./ast";
import {
  isMalformedPolicyError,
  parseConditionOperator,
  parsePolicy,
  PolicyMessages,
  tryParsePolicy,
} from "./parse";

const doc = (statement: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Version: "2012-10-17", ...extra, Statement: statement }, null, 2);

const allow = { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" };
const resourceAllow = { ...allow, Principal: { AWS: "arn:aws:iam::111122223333:user/alice" } };

function errorOf(text: string, kind?: PolicyKind) {
  try {
    parsePolicy(text, { kind });
  } catch (error) {
    if (isMalformedPolicyError(error)) return error;
    throw error;
  }
  throw new Error("expected a MalformedPolicyDocumentException");
}

describe("parsePolicy: positions", () => {
  const text = `{
  "Version": "2012-10-17",
  "Id": "p1",
  "Statement": [
    {
      "Sid": "ReadOne",
      "Effect": "Allow",
      "Action": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
      "Resource": "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-a1b2c3",
      "Condition": {"ForAnyValue:StringEquals": {"secretsmanager:VersionStage": "AWSCURRENT"}}
    },
    {"Effect": "Deny", "NotAction": "secretsmanager:Get*", "NotResource": ["*"]}
  ]
}`;
  const policy = parsePolicy(text);

  it("reads Version and Id with where they are", () => {
    expect(policy.version).toMatchObject({
      value: "2012-10-17",
      keySpan: { start: { line: 2, column: 2 } },
    });
    expect(policy.effectiveVersion).toBe("2012-10-17");
    expect(policy.id?.value).toBe("p1");
    expect(policy.id?.span.start).toEqual({ line: 3, column: 8, offset: 37 });
    expect(policy.statement.isArray).toBe(true);
  });

  it("gives every statement element a key and value position", () => {
    const [first, second] = policy.statements;
    expect(first.index).toBe(0);
    expect(first.span.start).toMatchObject({ line: 5, column: 4 });
    expect(first.sid).toMatchObject({ value: "ReadOne", span: { start: { line: 6, column: 13 } } });
    expect(first.effect).toMatchObject({
      value: "Allow",
      keySpan: { start: { line: 7, column: 6 } },
    });
    expect(first.action?.isArray).toBe(true);
    expect(
      first.action?.values.map((v) => [v.value, v.span.start.line, v.span.start.column]),
    ).toEqual([
      ["secretsmanager:GetSecretValue", 8, 17],
      ["secretsmanager:DescribeSecret", 8, 50],
    ]);
    expect(first.resource).toMatchObject({
      isArray: false,
      keySpan: { start: { line: 9, column: 6 } },
    });
    const [operator] = first.condition!.operators;
    expect(operator).toMatchObject({
      operator: "ForAnyValue:StringEquals",
      parsed: { set: "ForAnyValue", base: "StringEquals", ifExists: false },
      keySpan: { start: { line: 10, column: 20 } },
    });
    expect(operator.entries[0]).toMatchObject({
      key: "secretsmanager:VersionStage",
      values: [{ value: "AWSCURRENT", type: "string" }],
    });
    expect(second.index).toBe(1);
    expect(second.notAction?.values[0].value).toBe("secretsmanager:Get*");
    expect(second.notResource?.isArray).toBe(true);
  });

  it("takes Statement as a single object", () => {
    const single = parsePolicy(doc(allow));
    expect(single.statement.isArray).toBe(false);
    expect(single.statements).toHaveLength(1);
  });

  it("treats a policy without Version as 2008-10-17", () => {
    expect(parsePolicy(JSON.stringify({ Statement: allow })).effectiveVersion).toBe("2008-10-17");
    expect(parsePolicy(doc(allow, { Version: "2008-10-17" })).effectiveVersion).toBe("2008-10-17");
  });

  it("reads principals of every type", () => {
    const policy = parsePolicy(
      doc({
        ...allow,
        Principal: {
          AWS: ["111122223333", "arn:aws:iam::111122223333:root", "*"],
          Service: "lambda.amazonaws.com",
          Federated: "cognito-identity.amazonaws.com",
          CanonicalUser: "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
        },
      }),
      { kind: "resource" },
    );
    const principal = policy.statements[0].principal!;
    expect(principal.entries.map((e) => [e.type, e.values.length])).toEqual([
      ["AWS", 3],
      ["Service", 1],
      ["Federated", 1],
      ["CanonicalUser", 1],
    ]);
    const star = parsePolicy(doc({ ...allow, Principal: "*" }), { kind: "resource" });
    expect(star.statements[0].principal?.wildcard?.value).toBe("*");
    const not = parsePolicy(doc({ ...allow, NotPrincipal: { AWS: "111122223333" } }), {
      kind: "resource",
    });
    expect(not.statements[0].notPrincipal?.entries[0].type).toBe("AWS");
  });

  it("keeps the JSON type of condition values", () => {
    const policy = parsePolicy(
      doc({
        ...allow,
        Condition: {
          Bool: { "aws:SecureTransport": false },
          NumericLessThan: { "s3:max-keys": 10 },
        },
      }),
    );
    const values = policy.statements[0].condition!.operators.map((o) => o.entries[0].values[0]);
    expect(values.map((v) => [v.value, v.type])).toEqual([
      ["false", "boolean"],
      ["10", "number"],
    ]);
  });
});

describe("parsePolicy: IAM's errors", () => {
  it.each<[string, string, PolicyKind | undefined, string]>([
    ["not JSON", "{", undefined, PolicyMessages.syntax],
    ["not an object", "[]", undefined, PolicyMessages.syntax],
    ["a trailing comma", '{"Statement": [],}', undefined, PolicyMessages.syntax],
    ["an unknown top-level field", doc(allow, { Foo: 1 }), undefined, PolicyMessages.syntax],
    [
      "an unknown statement field",
      doc({ ...allow, Actions: "x:y" }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "an element name in the wrong case",
      doc({ ...allow, effect: "Allow" }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "a duplicate key",
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Effect":"Deny","Action":"a:b","Resource":"*"}}',
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "both Action and NotAction",
      doc({ ...allow, NotAction: "s3:*" }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "both Resource and NotResource",
      doc({ ...allow, NotResource: "*" }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "an unknown condition operator",
      doc({ ...allow, Condition: { StringEqualz: { "aws:username": "a" } } }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "NullIfExists",
      doc({ ...allow, Condition: { NullIfExists: { "aws:username": "true" } } }),
      undefined,
      PolicyMessages.syntax,
    ],
    [
      "an object as a condition value",
      doc({ ...allow, Condition: { StringEquals: { "aws:username": { a: 1 } } } }),
      undefined,
      PolicyMessages.syntax,
    ],
    ["a number as an action", doc({ ...allow, Action: 5 }), undefined, PolicyMessages.syntax],
    [
      "an invalid Version",
      doc(allow, { Version: "2012-10-18" }),
      undefined,
      PolicyMessages.legacyParsing,
    ],
    ["no Statement", '{"Version":"2012-10-17"}', undefined, PolicyMessages.missingStatement],
    ["no Effect", doc({ Action: "a:b", Resource: "*" }), undefined, PolicyMessages.missingEffect],
    ["no Action", doc({ Effect: "Allow", Resource: "*" }), undefined, PolicyMessages.missingAction],
    [
      "an empty Action list",
      doc({ ...allow, Action: [] }),
      undefined,
      PolicyMessages.missingAction,
    ],
    [
      "no Resource in an identity policy",
      doc({ Effect: "Allow", Action: "a:b" }),
      "identity",
      PolicyMessages.missingResource,
    ],
    [
      "no Resource in a resource policy",
      doc({ Effect: "Allow", Action: "a:b", Principal: "*" }),
      "resource",
      PolicyMessages.missingResource,
    ],
    [
      "effect in the wrong case",
      doc({ ...allow, Effect: "allow" }),
      undefined,
      "Invalid effect: allow",
    ],
    ["an unknown effect", doc({ ...allow, Effect: "Permit" }), undefined, "Invalid effect: Permit"],
    [
      "Principal in an identity policy",
      doc(resourceAllow),
      "identity",
      PolicyMessages.principalNotAllowed,
    ],
    [
      "NotPrincipal in a permissions boundary",
      doc({ ...allow, NotPrincipal: "*" }),
      "boundary",
      PolicyMessages.principalNotAllowed,
    ],
    ["no Principal in a resource policy", doc(allow), "resource", PolicyMessages.missingPrincipal],
    [
      "no Principal in a trust policy",
      doc({ Effect: "Allow", Action: "sts:AssumeRole" }),
      "trust",
      PolicyMessages.missingPrincipal,
    ],
    [
      "Resource in a trust policy",
      doc({ ...resourceAllow, Action: "sts:AssumeRole" }),
      "trust",
      PolicyMessages.prohibitedResource,
    ],
    [
      "an action without a service prefix",
      doc({ ...allow, Action: "GetSecretValue" }),
      undefined,
      PolicyMessages.vendorPrefix,
    ],
    [
      "an action with two colons",
      doc({ ...allow, Action: "secretsmanager:Get:Secret" }),
      undefined,
      PolicyMessages.oneColon,
    ],
    [
      "a resource that is not an ARN",
      doc({ ...allow, Resource: "secret/db" }),
      undefined,
      'Resource secret/db must be in ARN format or "*".',
    ],
    [
      "an ARN with too few components",
      doc({ ...allow, Resource: "arn:aws:s3:bucket" }),
      undefined,
      'Resource arn:aws:s3:bucket must be in ARN format or "*".',
    ],
    [
      "an invalid AWS principal",
      doc({ ...allow, Principal: { AWS: "alice" } }),
      "resource",
      'Invalid principal in policy: "AWS":"alice"',
    ],
    [
      "an unknown principal type",
      doc({ ...allow, Principal: { User: "alice" } }),
      "resource",
      PolicyMessages.syntax,
    ],
    [
      "a principal string other than *",
      doc({ ...allow, Principal: "alice" }),
      "resource",
      'Invalid principal in policy: "Principal":"alice"',
    ],
    [
      "a non-alphanumeric Sid in an identity policy",
      doc({ ...allow, Sid: "read one" }),
      "identity",
      PolicyMessages.sidAlphanumeric,
    ],
    [
      "duplicate Sids",
      doc([
        { ...allow, Sid: "A" },
        { ...allow, Sid: "A" },
      ]),
      "identity",
      PolicyMessages.sidUnique,
    ],
    [
      "a condition key without a prefix",
      doc({ ...allow, Condition: { StringEquals: { username: "a" } } }),
      undefined,
      PolicyMessages.vendorPrefix,
    ],
  ])("rejects %s", (_name, text, kind, message) => {
    const error = errorOf(text, kind);
    expect(error).toBeInstanceOf(AwsError);
    expect(error.code).toBe("MalformedPolicyDocumentException");
    expect(error.status).toBe(400);
    expect(error.message).toBe(message);
    expect(error.span.start.line).toBeGreaterThanOrEqual(1);
  });

  it("allows a Sid with spaces in a resource policy", () => {
    expect(() =>
      parsePolicy(doc({ ...resourceAllow, Sid: "Allow alice" }), { kind: "resource" }),
    ).not.toThrow();
  });

  it("accepts both a Principal and a Resource in a resource policy", () => {
    expect(parsePolicy(doc(resourceAllow), { kind: "resource" }).statements).toHaveLength(1);
  });

  it("points at the offending element", () => {
    const text = doc({ ...allow, Effect: "Alow" });
    const error = errorOf(text);
    expect(text.slice(error.span.start.offset, error.span.end.offset)).toBe('"Alow"');
    expect(error.span.start).toMatchObject({ line: 4, column: 14 });
  });

  it("points at a JSON syntax error", () => {
    const error = errorOf('{\n  "Version": "2012-10-17",\n  "Statement": [,]\n}');
    expect(error.message).toBe(PolicyMessages.syntax);
    expect(error.span.start).toMatchObject({ line: 3, column: 16 });
  });

  it("reports a structural error before a rule about statements", () => {
    const error = errorOf(doc({ Effect: "Allow", Action: "a:b", Foo: "x" }));
    expect(error.message).toBe(PolicyMessages.syntax);
  });
});

describe("tryParsePolicy", () => {
  it("returns every problem, in document order, with positions", () => {
    const text = doc([
      { Effect: "Allow", Action: "GetSecretValue", Resource: "*" },
      { Effect: "Permit", Action: "a:b", Resource: "secret" },
    ]);
    const result = tryParsePolicy(text);
    expect(result.errors.map((e) => e.message)).toEqual([
      PolicyMessages.vendorPrefix,
      "Invalid effect: Permit",
      'Resource secret must be in ARN format or "*".',
    ]);
    expect(
      result.errors.every(
        (e, i, all) => i === 0 || all[i - 1].span.start.offset <= e.span.start.offset,
      ),
    ).toBe(true);
    // The statement with a valid Effect is still described for the editor.
    expect(result.document?.statements.map((s) => s.index)).toEqual([0]);
  });

  it("gives a detail where AWS's wording is generic", () => {
    const result = tryParsePolicy(doc({ ...allow, Foo: 1 }));
    expect(result.errors[0]).toMatchObject({
      message: PolicyMessages.syntax,
      detail: "Unknown field Foo",
    });
  });

  it("returns no document for text that is not JSON", () => {
    const result = tryParsePolicy("{");
    expect(result.document).toBeUndefined();
    expect(result.errors).toHaveLength(1);
  });

  it("reports an unknown operator but keeps the node (evaluation fails closed)", () => {
    const result = tryParsePolicy(
      doc({ ...allow, Condition: { StringEqualz: { "aws:username": "a" } } }),
    );
    expect(result.errors).toHaveLength(1);
    expect(result.document?.statements[0].condition?.operators[0].parsed).toBeUndefined();
  });

  it("returns no errors for a valid policy", () => {
    expect(tryParsePolicy(doc(allow)).errors).toEqual([]);
  });
});

describe("parseConditionOperator", () => {
  it.each([
    ["StringEquals", { base: "StringEquals", ifExists: false, set: undefined }],
    ["StringLikeIfExists", { base: "StringLike", ifExists: true, set: undefined }],
    ["ForAllValues:StringLike", { base: "StringLike", ifExists: false, set: "ForAllValues" }],
    ["ForAnyValue:ArnLikeIfExists", { base: "ArnLike", ifExists: true, set: "ForAnyValue" }],
    ["numericlessthanequals", { base: "NumericLessThanEquals", ifExists: false, set: undefined }],
    ["Null", { base: "Null", ifExists: false, set: undefined }],
    ["BinaryEqualsIfExists", { base: "BinaryEquals", ifExists: true, set: undefined }],
  ])("reads %s", (operator, expected) => {
    expect(parseConditionOperator(operator)).toEqual(expected);
  });

  it.each([
    "StringEqualz",
    "ForSomeValues:StringEquals",
    "NullIfExists",
    "IfExists",
    "",
    "StringEquals:ForAnyValue",
  ])("rejects %j", (operator) => expect(parseConditionOperator(operator)).toBeUndefined());
});

describe("the seed's examples", () => {
  it('rejects the wrapped form {"Policy": {...}} the user guide prints: it is not a policy document', () => {
    const wrapped = JSON.stringify({
      Policy: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "secretsmanager:GetSecret",
            Resource: "arn:aws:secretsmanager:*:*:secret:Prod*",
            Condition: {
              "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" },
            },
          },
        ],
      },
    });
    const result = tryParsePolicy(wrapped);
    expect(result.errors.map((e) => e.message)).toEqual([
      PolicyMessages.missingStatement,
      PolicyMessages.syntax,
    ]);
    expect(() => parsePolicy(wrapped)).toThrow(PolicyMessages.syntax);
    expect(() => parsePolicy(JSON.stringify(JSON.parse(wrapped).Policy))).not.toThrow();
  });

  it("accepts the master-secret statement inserted at the top of the Statement list", () => {
    const text = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:region:123456789012:secret:MyDatabaseMasterSecret", "Effect": "Allow" },
    { "Effect": "Allow", "Action": "secretsmanager:GetRandomPassword", "Resource": "*" }
  ]
}`;
    const policy = parsePolicy(text);
    expect(policy.statements[0].span.start.line).toBe(4);
    expect(policy.statements[0].resource?.values[0].value).toMatch(/MyDatabaseMasterSecret$/);
  });
});
