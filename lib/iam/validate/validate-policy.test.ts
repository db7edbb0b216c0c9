import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load";
import { validatePolicy } from "./validate-policy";
import type { ValidatePolicyFinding, ValidatePolicyType } from "./types";

beforeAll(() => {
  loadCatalog();
});

const ACCOUNT = "111122223333";
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret`;

function findings(
  text: string,
  policyType: ValidatePolicyType = "IDENTITY_POLICY",
): ValidatePolicyFinding[] {
  return validatePolicy(text, { policyType }).findings;
}

function codes(text: string, policyType?: ValidatePolicyType): string[] {
  return findings(text, policyType).map((f) => f.issueCode);
}

function only(text: string, code: string, policyType?: ValidatePolicyType): ValidatePolicyFinding {
  const hits = findings(text, policyType).filter((f) => f.issueCode === code);
  expect(
    hits,
    `${code} in ${JSON.stringify(findings(text, policyType).map((f) => f.issueCode))}`,
  ).toHaveLength(1);
  return hits[0];
}

/** Line (from 1) and column (from 0) of the first occurrence of `needle`, as Access Analyzer counts. */
function at(text: string, needle: string): { line: number; column: number; offset: number } {
  const offset = text.indexOf(needle);
  expect(offset, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1), offset };
}

/** A policy laid out one element per line, as people write them. */
function policy(statements: object[], version: string | null = "2012-10-17"): string {
  const doc: Record<string, unknown> = version ? { Version: version } : {};
  doc.Statement = statements;
  return JSON.stringify(doc, null, 2);
}

describe("the seed's policies", () => {
  it("accepts the read-one-secret and read-only examples without findings", () => {
    expect(
      findings(
        policy([
          {
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: `${SECRET}:app/db-a1b2c3`,
          },
        ]),
      ),
    ).toEqual([]);
    expect(
      findings(
        policy([
          {
            Effect: "Allow",
            Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
            Resource: "*",
          },
        ]),
      ),
    ).toEqual([]);
  });

  it("accepts the tag condition example", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:DescribeSecret",
        Resource: "*",
        Condition: { StringEquals: { "secretsmanager:ResourceTag/ServerName": "ServerABC" } },
      },
    ]);
    expect(findings(text)).toEqual([]);
  });

  it("flags the staging-label example's action, which does not exist", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecret",
        Resource: "arn:aws:secretsmanager:*:*:secret:Prod*",
        Condition: { "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" } },
      },
    ]);
    const finding = only(text, "INVALID_ACTION");
    expect(finding.findingType).toBe("ERROR");
    expect(finding.findingDetails).toContain("Did you mean secretsmanager:GetSecretValue?");
    expect(finding.locations[0].span.start).toEqual(at(text, '"secretsmanager:GetSecret"'));
    expect(finding.locations[0].path).toEqual([
      { value: "Statement" },
      { index: 0 },
      { value: "Action" },
    ]);
  });

  it("warns about secret-name-* and suggests ??????, in the seed's terms", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:*",
        Resource: [`${SECRET}:a_specific_secret_name-a1b2c3`, `${SECRET}:another_secret_name-*`],
      },
    ]);
    const finding = only(text, "SECRET_ARN_WILDCARD_SUFFIX");
    expect(finding.findingType).toBe("WARNING");
    expect(finding.findingDetails).toContain(
      'every other secret whose name starts with "another_secret_name-"',
    );
    expect(finding.findingDetails).toContain("another_secret_name-other-a1b2c3");
    expect(finding.findingDetails).toContain('"another_secret_name-??????"');
    expect(finding.fix).toContain(`${SECRET}:another_secret_name-??????`);
    expect(finding.locations[0].path).toEqual([
      { value: "Statement" },
      { index: 0 },
      { value: "Resource" },
      { index: 1 },
    ]);
    expect(finding.locations[0].span.start).toEqual(at(text, `"${SECRET}:another_secret_name-*"`));
    // The ?????? form is what the seed recommends: no warning.
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: "secretsmanager:*",
            Resource: `${SECRET}:another_secret_name-??????`,
          },
        ]),
      ),
    ).toEqual([]);
  });

  it("asks for * rather than an empty region or account field", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: "arn:aws:secretsmanager:::secret:db-??????",
      },
    ]);
    const region = only(text, "MISSING_ARN_REGION");
    expect(region.findingDetails).toMatch(/wildcard character \* \(not an empty field\)/);
    expect(region.fix).toContain("arn:aws:secretsmanager:*::secret:db-??????");
    const account = only(text, "INVALID_ARN_ACCOUNT");
    expect(account.fix).toContain(
      "arn:aws:secretsmanager:::secret:db-??????".replace(":::", "::*:"),
    );
  });

  it("rejects the seed's placeholders", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:*",
        Resource:
          "arn:aws:secretsmanager:<region>:<account-id-number>:secret:a_specific_secret_name-a1b2c3",
      },
    ]);
    expect(codes(text)).toEqual(["INVALID_ARN_REGION", "INVALID_ARN_ACCOUNT"]);
  });
});

describe("actions", () => {
  it("reports an unknown service, an unknown action and a pattern that matches nothing", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: ["secretmanager:GetSecretValue", "secretsmanager:Fetch", "secretsmanager:Zap*"],
        Resource: "*",
      },
    ]);
    const result = findings(text);
    expect(result.map((f) => [f.issueCode, f.locations[0].span.start.line])).toEqual([
      ["INVALID_SERVICE_IN_ACTION", at(text, "secretmanager:").line],
      ["INVALID_ACTION", at(text, "secretsmanager:Fetch").line],
      ["INVALID_ACTION", at(text, "secretsmanager:Zap*").line],
    ]);
    expect(result[0].fix).toContain('"secretsmanager"');
    expect(result[2].findingDetails).toMatch(/does not match any action/);
  });

  it("accepts real actions of other services (cloudformation, rds)", () => {
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: ["cloudformation:CreateChangeSet", "rds:DescribeDBInstances", "ec2:Describe*"],
            Resource: "*",
          },
        ]),
      ),
    ).toEqual([]);
  });

  it("warns when an action cannot apply to the resources listed", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: ["secretsmanager:ListSecrets", "secretsmanager:GetSecretValue"],
        Resource: `${SECRET}:db-??????`,
      },
    ]);
    const finding = only(text, "ACTION_NOT_APPLICABLE_TO_RESOURCES");
    expect(finding.findingDetails).toMatch(
      /secretsmanager:ListSecrets does not support resource-level permissions/,
    );
    expect(finding.locations[0].path).toEqual([
      { value: "Statement" },
      { index: 0 },
      { value: "Action" },
      { index: 0 },
    ]);
    expect(
      only(
        policy([
          {
            Effect: "Allow",
            Action: "secretsmanager:GetSecretValue",
            Resource: "arn:aws:s3:::bucket/*",
          },
        ]),
        "ACTION_NOT_APPLICABLE_TO_RESOURCES",
      ).fix,
    ).toContain("arn:${Partition}:secretsmanager");
  });
});

describe("resources", () => {
  it.each([
    ["arn:aws:secretsmanager:us-east-1:111122223333:vault:x", "INVALID_ARN_RESOURCE"],
    ["arn:aws:SecretsManager:us-east-1:111122223333:secret:x", "INVALID_ARN_SERVICE_CASE"],
    ["arn:aws:nosuch:us-east-1:111122223333:thing/x", "INVALID_SERVICE"],
    ["arn:awz:secretsmanager:us-east-1:111122223333:secret:x", "INVALID_PARTITION"],
    ["arn:aws:iam:us-east-1:111122223333:role/x", "ARN_REGION_NOT_ALLOWED"],
    ["arn:aws:s3::111122223333:bucket", "ARN_ACCOUNT_NOT_ALLOWED"],
    ["arn:aws:secretsmanager:us-east-1:12345:secret:x", "INVALID_ARN_ACCOUNT"],
    ["secretsmanager:secret:x", "INVALID_ARN_PREFIX"],
    ["arn:aws:secretsmanager:secret:x", "MISSING_ARN_FIELD"],
  ])("%s → %s", (resource, code) => {
    const text = policy([{ Effect: "Allow", Action: "*", Resource: resource }]);
    const finding = findings(text).find((f) => f.issueCode === code);
    expect(finding, JSON.stringify(findings(text))).toBeDefined();
    expect(finding!.findingType).toBe("ERROR");
    expect(finding!.locations[0].span.start).toEqual(at(text, `"${resource}"`));
  });

  it("accepts wildcards and variables in ARN fields", () => {
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::home/${aws:username}/*",
          },
        ]),
      ),
    ).toEqual([]);
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: `arn:aws:iam::${ACCOUNT}:role/SecretsManager*`,
          },
        ]),
      ),
    ).toEqual([]);
  });
});

describe("conditions", () => {
  const withCondition = (condition: object, action = "secretsmanager:GetSecretValue") =>
    policy([{ Effect: "Allow", Action: action, Resource: "*", Condition: condition }]);

  it("reports unknown condition keys, global or of a service", () => {
    const text = withCondition({
      StringEquals: { "aws:SourceIpAddress": "x", "secretsmanager:Colour": "red" },
    });
    expect(codes(text)).toEqual(["INVALID_GLOBAL_CONDITION_KEY", "INVALID_SERVICE_CONDITION_KEY"]);
    expect(findings(text)[1].locations[0].span.start).toEqual(at(text, '"secretsmanager:Colour"'));
  });

  it("warns when no action of the statement supports a service key, never for global keys", () => {
    const text = withCondition({
      StringEquals: { "secretsmanager:Name": "db", "aws:PrincipalTag/team": "x" },
    });
    const finding = only(text, "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS");
    expect(finding.findingDetails).toContain("secretsmanager:Name");
    expect(
      codes(
        withCondition(
          { StringEquals: { "secretsmanager:Name": "db" } },
          "secretsmanager:CreateSecret",
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    [{ NumericEquals: { "aws:username": "5" } }, "TYPE_MISMATCH"],
    [{ DateGreaterThan: { "aws:SecureTransport": "2024-01-01" } }, "TYPE_MISMATCH"],
    [{ Bool: { "aws:SourceIp": "true" } }, "TYPE_MISMATCH"],
    [{ IpAddress: { "aws:username": "203.0.113.0/24" } }, "TYPE_MISMATCH"],
    [{ NumericLessThan: { "aws:MultiFactorAuthAge": "an hour" } }, "TYPE_MISMATCH_NUMBER"],
    [{ DateGreaterThan: { "aws:CurrentTime": "yesterday" } }, "TYPE_MISMATCH_DATE"],
    [{ Bool: { "aws:SecureTransport": "yes" } }, "TYPE_MISMATCH_BOOLEAN"],
    [{ Null: { "aws:SourceIp": "maybe" } }, "TYPE_MISMATCH_BOOLEAN"],
    [{ IpAddress: { "aws:SourceIp": "203.0.113.0/33" } }, "TYPE_MISMATCH_IP_RANGE"],
  ])("%j → %s", (condition, code) => {
    const finding = only(withCondition(condition), code);
    expect(finding.findingType).toBe("ERROR");
  });

  it.each([
    { NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } },
    { DateGreaterThan: { "aws:CurrentTime": "2024-01-01T00:00:00Z" } },
    { DateLessThan: { "aws:EpochTime": "1735689600" } },
    { Bool: { "aws:SecureTransport": "true" } },
    { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"] } },
    { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Admin" } },
    { StringLike: { "aws:PrincipalTag/team": "dev-*" } },
    { "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" } },
  ])("accepts %j", (condition) => {
    expect(codes(withCondition(condition))).toEqual([]);
  });

  it("locates a type mismatch at the operator and a bad value at the value", () => {
    const text = withCondition({ NumericEquals: { "aws:username": "five" } });
    const result = findings(text);
    expect(result.map((f) => f.issueCode)).toEqual(["TYPE_MISMATCH", "TYPE_MISMATCH_NUMBER"]);
    expect(result[0].locations[0].span.start).toEqual(at(text, '"NumericEquals"'));
    expect(result[1].locations[0].span.start).toEqual(at(text, '"five"'));
    expect(result[1].locations[0].path).toEqual([
      { value: "Statement" },
      { index: 0 },
      { value: "Condition" },
      { value: "NumericEquals" },
      { value: "aws:username" },
    ]);
  });

  it("warns that ForAllValues on a single-valued key is permissive", () => {
    const finding = only(
      withCondition({ "ForAllValues:StringEquals": { "aws:PrincipalTag/team": "dev" } }),
      "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
    );
    expect(finding.findingType).toBe("SECURITY_WARNING");
    expect(
      codes(
        withCondition(
          { "ForAllValues:StringEquals": { "aws:TagKeys": "env" } },
          "secretsmanager:TagResource",
        ),
      ),
    ).toEqual([]);
  });

  it("warns about a wildcard in an equality operator", () => {
    const finding = only(
      withCondition({ StringEquals: { "aws:PrincipalTag/team": "dev-*" } }),
      "WILDCARD_WITH_EQUALITY_OPERATOR",
    );
    expect(finding.fix).toContain("StringLike");
  });
});

describe("version and policy variables", () => {
  it("warns when Version is missing and rejects variables then", () => {
    const text = policy(
      [
        {
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::home/${aws:username}/*",
        },
      ],
      null,
    );
    expect(codes(text)).toEqual(["MISSING_VERSION", "VARIABLE_UNSUPPORTED_IN_VERSION"]);
    expect(findings(text)[0].findingType).toBe("WARNING");
    expect(findings(text)[1].findingType).toBe("ERROR");
  });

  it("rejects variables in a 2008-10-17 policy, in Resource and in condition values", () => {
    const text = policy(
      [
        {
          Effect: "Allow",
          Action: "s3:GetObject",
          Resource: "arn:aws:s3:::home/${aws:username}/*",
          Condition: { StringEquals: { "aws:PrincipalTag/owner": "${aws:username}" } },
        },
      ],
      "2008-10-17",
    );
    const result = findings(text).filter((f) => f.issueCode === "VARIABLE_UNSUPPORTED_IN_VERSION");
    expect(result.map((f) => f.locations[0].span.start)).toEqual([
      at(text, '"arn:aws:s3:::home/'),
      at(text, '"${aws:username}"'),
    ]);
  });

  it("reports variables where IAM does not substitute them, and unknown ones", () => {
    expect(
      codes(policy([{ Effect: "Allow", Action: "s3:${aws:username}", Resource: "*" }])),
    ).toContain("VARIABLE_UNSUPPORTED_IN_ELEMENT");
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: "arn:aws:s3:::home/${aws:usrname}/*",
          },
        ]),
      ),
    ).toEqual(["UNKNOWN_POLICY_VARIABLE"]);
    expect(
      codes(
        policy([{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::home/${}/*" }]),
      ),
    ).toEqual(["EMPTY_VARIABLE"]);
  });
});

describe("security warnings", () => {
  it("flags Allow with NotAction and with NotResource", () => {
    const text = policy([
      { Effect: "Allow", NotAction: "iam:*", NotResource: `${SECRET}:admin-??????` },
    ]);
    const result = findings(text);
    expect(result.map((f) => [f.findingType, f.issueCode])).toEqual([
      ["SECURITY_WARNING", "ALLOW_WITH_NOT_ACTION"],
      ["SECURITY_WARNING", "ALLOW_WITH_NOT_RESOURCE"],
    ]);
    expect(result[0].locations[0].span.start).toEqual(at(text, '"NotAction"'));
    // Deny with NotAction is the recommended form: no finding.
    expect(codes(policy([{ Effect: "Deny", NotAction: "iam:*", Resource: "*" }]))).toEqual([]);
  });

  it('flags a "*" principal in a resource policy unless a condition restricts it', () => {
    const open = policy([
      { Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*" },
    ]);
    const finding = only(open, "WILDCARD_PRINCIPAL", "RESOURCE_POLICY");
    expect(finding.locations[0].span.start).toEqual(at(open, '"*",\n'));
    const restricted = policy([
      {
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
        Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } },
      },
    ]);
    expect(codes(restricted, "RESOURCE_POLICY")).toEqual([]);
  });

  it("flags Allow with NotPrincipal", () => {
    const text = policy([
      {
        Effect: "Allow",
        NotPrincipal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
      },
    ]);
    expect(codes(text, "RESOURCE_POLICY")).toEqual(["ALLOW_WITH_NOT_PRINCIPAL"]);
  });

  it("flags iam:PassRole on every role", () => {
    expect(codes(policy([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }]))).toEqual([
      "PASS_ROLE_WITH_STAR_IN_RESOURCE",
    ]);
    expect(codes(policy([{ Effect: "Allow", Action: "iam:*", Resource: "*" }]))).toEqual([
      "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
    ]);
    expect(
      codes(
        policy([
          {
            Effect: "Allow",
            Action: "iam:PassRole",
            Resource: "*",
            Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
          },
        ]),
      ),
    ).toEqual([]);
  });
});

describe("suggestions", () => {
  it("finds redundant actions and resources", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: ["secretsmanager:Get*", "secretsmanager:GetSecretValue", "secretsmanager:get*"],
        Resource: [`${SECRET}:app-*`, `${SECRET}:app-db-??????`],
      },
    ]);
    const result = findings(text).filter((f) => f.findingType === "SUGGESTION");
    expect(result.map((f) => [f.issueCode, f.locations[0].path.at(-1)])).toEqual([
      ["REDUNDANT_ACTION", { index: 1 }],
      ["REDUNDANT_ACTION", { index: 2 }],
      ["REDUNDANT_RESOURCE", { index: 1 }],
    ]);
    expect(result[0].findingDetails).toContain('"secretsmanager:Get*"');
  });

  it("finds a statement another one covers", () => {
    const text = policy([
      { Sid: "Broad", Effect: "Allow", Action: "secretsmanager:*", Resource: `${SECRET}:*` },
      {
        Sid: "Narrow",
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: `${SECRET}:db-??????`,
      },
      {
        Sid: "Other",
        Effect: "Deny",
        Action: "secretsmanager:GetSecretValue",
        Resource: `${SECRET}:db-??????`,
      },
    ]);
    const finding = only(text, "REDUNDANT_STATEMENT");
    expect(finding.locations[0].path).toEqual([{ value: "Statement" }, { index: 1 }]);
    expect(finding.findingDetails).toContain('statement "Broad"');
    expect(finding.locations[0].span.start.line).toBe(at(text, '"Narrow"').line - 1);
  });

  it("does not call statements with different conditions redundant", () => {
    const text = policy([
      {
        Effect: "Allow",
        Action: "secretsmanager:*",
        Resource: "*",
        Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
      },
      { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" },
    ]);
    expect(codes(text)).toEqual([]);
  });
});

describe("syntax errors are findings, not exceptions", () => {
  it("reports broken JSON with its position", () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", }\n  ]\n}';
    const result = findings(text);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ findingType: "ERROR", issueCode: "JSON_SYNTAX_ERROR" });
    expect(result[0].locations[0].span.start.line).toBe(4);
  });

  it.each([
    [
      { Version: "2012-10-17", Statement: [{ Action: "s3:GetObject", Resource: "*" }] },
      "MISSING_EFFECT",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Permit", Action: "s3:GetObject", Resource: "*" }],
      },
      "INVALID_EFFECT",
    ],
    [{ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: "*" }] }, "MISSING_ACTION"],
    [
      { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject" }] },
      "MISSING_RESOURCE",
    ],
    [{ Version: "2012-10-17" }, "MISSING_STATEMENT"],
    [
      {
        Version: "2020-01-01",
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }],
      },
      "INVALID_VERSION",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: "*" }],
      },
      "UNSUPPORTED_PRINCIPAL",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "GetObject", Resource: "*" }],
      },
      "INVALID_ACTION",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: "*",
            Condition: { StringEqual: { "aws:SourceIp": "x" } },
          },
        ],
      },
      "INVALID_CONDITION_OPERATOR",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: "s3:GetObject",
            Resource: "*",
            Condition: { StringEquals: { SourceIp: "x" } },
          },
        ],
      },
      "INVALID_CONDITION_KEY_FORMAT",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Colour: "red" }],
      },
      "INVALID_POLICY_ELEMENT",
    ],
    [
      {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: "s3:GetObject", NotAction: "s3:PutObject", Resource: "*" },
        ],
      },
      "UNSUPPORTED_ELEMENT_COMBINATION",
    ],
  ])("%j → %s", (doc, code) => {
    expect(codes(JSON.stringify(doc, null, 2))).toContain(code);
  });

  it("requires a principal in a resource policy", () => {
    expect(
      codes(
        policy([{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }]),
        "RESOURCE_POLICY",
      ),
    ).toEqual(["MISSING_PRINCIPAL"]);
  });

  it("checks a trust policy without Resource", () => {
    const trust = policy([
      { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    expect(codes(trust, "TRUST_POLICY")).toEqual([]);
    expect(
      validatePolicy(trust, {
        policyType: "RESOURCE_POLICY",
        validatePolicyResourceType: "AWS::IAM::AssumeRolePolicyDocument",
      }).findings,
    ).toEqual([]);
  });

  it("checks the size against a quota when given one", () => {
    const text = policy([
      { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" },
    ]);
    expect(
      validatePolicy(text, { policyType: "IDENTITY_POLICY", maxSize: 20 }).findings.map(
        (f) => f.issueCode,
      ),
    ).toEqual(["POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"]);
  });
});

describe("finding shape", () => {
  it("follows Access Analyzer's ValidatePolicyFinding", () => {
    const [finding] = findings(
      policy([{ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }]),
    );
    expect(Object.keys(finding).sort()).toEqual([
      "findingDetails",
      "findingType",
      "fix",
      "issueCode",
      "learnMoreLink",
      "locations",
    ]);
    expect(finding.learnMoreLink).toBe(
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-security-warning-pass-role-with-star-in-resource",
    );
    expect(finding.locations[0].span.end.offset).toBeGreaterThan(
      finding.locations[0].span.start.offset,
    );
  });

  it("orders findings by position", () => {
    const text = policy([
      { Effect: "Allow", Action: "nosuch:Thing", Resource: "*" },
      { Effect: "Allow", NotAction: "iam:*", Resource: "*" },
    ]);
    const offsets = findings(text).map((f) => f.locations[0].span.start.offset);
    expect([...offsets].sort((a, b) => a - b)).toEqual(offsets);
  });
});

describe("in the browser, from a catalogue snapshot", () => {
  it("checks the services the snapshot holds and trusts the others", async () => {
    const { buildCatalogSnapshot, catalogFromSnapshot } = await import("../catalog");
    const catalog = catalogFromSnapshot(
      JSON.parse(JSON.stringify(buildCatalogSnapshot(["secretsmanager"]))),
    );
    const text = policy([
      {
        Effect: "Allow",
        Action: ["secretsmanager:GetSecret", "s3:GetObjectz", "nosuch:Thing"],
        Resource: "arn:aws:s3:::bucket/*",
      },
    ]);
    const result = validatePolicy(text, { policyType: "IDENTITY_POLICY", catalog }).findings;
    expect(result.map((f) => f.issueCode)).toEqual(["INVALID_ACTION", "INVALID_SERVICE_IN_ACTION"]);
  });
});
