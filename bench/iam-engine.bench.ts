/**
 * IAM engine benchmark: evaluations per second and per-evaluation latency (p50, p99) for
 * four workloads, with the full explanation (the default) and with `{ explain: false }` (what an
 * authorizer needs), and parse+compile time of a 6,144-character policy.
 *
 *   npx tsx bench/iam-engine.bench.ts
 */
import { pathToFileURL } from "node:url";
import {
  compileDocument,
  createPolicySet,
  evaluate,
  parsePolicy,
  type AuthorizationRequest,
  type EvaluateOptions,
  type PolicySet,
} from "../lib/iam";

const ACCOUNT = "111122223333";
const SECRET = `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:prod/db-a1b2c3`;

export interface Workload {
  name: string;
  request: AuthorizationRequest;
  policies: PolicySet;
}

function simpleWorkload(): Workload {
  const policy = JSON.stringify({
    Version: "2012-10-17",
    Statement: { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: SECRET },
  });
  return {
    name: "one simple statement",
    request: {
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
      action: "secretsmanager:GetSecretValue",
      resource: SECRET,
    },
    policies: createPolicySet({ identity: [{ label: "inline/app", document: policy }] }),
  };
}

const SERVICES = [
  "secretsmanager",
  "s3",
  "kms",
  "lambda",
  "iam",
  "ec2",
  "dynamodb",
  "sqs",
  "sns",
  "logs",
];

/** Ten statements, one per service, each with conditions and policy variables. */
function conditionedPolicy(p: number): string {
  const statements = SERVICES.map((service, s) => ({
    Sid: `P${p}S${s}`,
    Effect: (p + s) % 10 === 9 ? "Deny" : "Allow",
    Action: [`${service}:Get*`, `${service}:Describe*`, `${service}:List*`],
    Resource: [
      `arn:aws:${service}:*:${ACCOUNT}:secret:\${aws:username}/*`,
      `arn:aws:${service}:us-east-1:${ACCOUNT}:secret:team${p % 3}-\${aws:PrincipalTag/team, 'none'}-*`,
    ],
    Condition: {
      StringEquals: { "aws:PrincipalTag/team": ["platform", "payments", `team${p}`] },
      IpAddress: { "aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"] },
      Bool: { "aws:SecureTransport": "true" },
      "ForAnyValue:StringLike": { "secretsmanager:VersionStage": ["AWSCURRENT", "AWSPEND*"] },
      ...((p + s) % 10 === 9
        ? { DateGreaterThan: { "aws:CurrentTime": "2099-01-01T00:00:00Z" } }
        : {}),
    },
  }));
  return JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
}

function conditionedWorkload(): Workload {
  const identity = Array.from({ length: 10 }, (_, p) => ({
    label: `policy-${p}`,
    document: conditionedPolicy(p),
  }));
  return {
    name: "10 policies x 10 statements, conditions and variables",
    request: {
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/alice`, tags: { team: "platform" } },
      action: "secretsmanager:GetSecretValue",
      resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:team1-platform-db-a1b2c3`,
      context: {
        "aws:SourceIp": "10.1.2.3",
        "aws:SecureTransport": true,
        "aws:CurrentTime": "2025-06-01T12:00:00Z",
        "secretsmanager:VersionStage": ["AWSCURRENT"],
      },
    },
    policies: createPolicySet({ identity }),
  };
}

/** A managed-policy-like document padded to exactly 6,144 characters. */
export function managedPolicyText(): string {
  const actions = [
    "secretsmanager:CreateSecret",
    "secretsmanager:DeleteSecret",
    "secretsmanager:DescribeSecret",
    "secretsmanager:GetRandomPassword",
    "secretsmanager:GetResourcePolicy",
    "secretsmanager:GetSecretValue",
    "secretsmanager:ListSecretVersionIds",
    "secretsmanager:ListSecrets",
    "secretsmanager:PutResourcePolicy",
    "secretsmanager:PutSecretValue",
    "secretsmanager:RestoreSecret",
    "secretsmanager:RotateSecret",
    "secretsmanager:TagResource",
    "secretsmanager:UntagResource",
    "secretsmanager:UpdateSecret",
    "secretsmanager:UpdateSecretVersionStage",
    "kms:Decrypt",
    "kms:DescribeKey",
    "kms:GenerateDataKey",
    "lambda:InvokeFunction",
    "lambda:ListFunctions",
    "iam:ListRoles",
    "iam:PassRole",
    "tag:GetResources",
  ];
  const statements: object[] = [];
  let i = 0;
  for (;;) {
    statements.push({
      Sid: `Statement${i}`,
      Effect: i % 7 === 6 ? "Deny" : "Allow",
      Action: actions.slice(i % 8, (i % 8) + 12),
      Resource: `arn:aws:secretsmanager:*:${ACCOUNT}:secret:app${i}/*`,
      Condition: { StringEquals: { "aws:ResourceTag/Environment": [`env${i}`, "production"] } },
    });
    const text = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
    if (text.length >= 6144) {
      statements.pop();
      const fitted = JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
      return fitted.replace(/\n}$/, `${" ".repeat(6144 - fitted.length)}\n}`);
    }
    i++;
  }
}

function managedWorkload(text: string): Workload {
  return {
    name: "6,144-character managed-policy-like document",
    request: {
      principal: { arn: `arn:aws:iam::${ACCOUNT}:user/alice` },
      action: "secretsmanager:GetSecretValue",
      resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:app5/db-a1b2c3`,
      context: { "aws:ResourceTag/Environment": "production" },
    },
    policies: createPolicySet({ identity: [{ label: "SecretsManagerLike", document: text }] }),
  };
}

const statement = (
  Effect: "Allow" | "Deny",
  Action: string | string[],
  Resource: string | string[],
  extra: object = {},
) => ({ Effect, Action, Resource, ...extra });
const doc = (...Statement: object[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement }, null, 2);

/** AWS-managed-like documents (shapes of SecretsManagerReadWrite, IAMReadOnlyAccess, ...). */
const MANAGED = {
  SecretsManagerReadWrite: doc(
    statement(
      "Allow",
      [
        "secretsmanager:*",
        "cloudformation:CreateChangeSet",
        "cloudformation:DescribeChangeSet",
        "cloudformation:DescribeStackResource",
        "cloudformation:DescribeStacks",
        "cloudformation:ExecuteChangeSet",
        "docdb-elastic:GetCluster",
        "docdb-elastic:ListClusters",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "kms:DescribeKey",
        "kms:ListAliases",
        "kms:ListKeys",
        "lambda:ListFunctions",
        "rds:DescribeDBClusters",
        "rds:DescribeDBInstances",
        "redshift:DescribeClusters",
        "redshift-serverless:ListWorkgroups",
        "redshift-serverless:GetNamespace",
        "tag:GetResources",
      ],
      "*",
      { Sid: "BasePermissions" },
    ),
    statement(
      "Allow",
      [
        "lambda:AddPermission",
        "lambda:CreateFunction",
        "lambda:GetFunction",
        "lambda:InvokeFunction",
        "lambda:UpdateFunctionConfiguration",
      ],
      "arn:aws:lambda:*:*:function:SecretsManager*",
      { Sid: "LambdaPermissions" },
    ),
    statement(
      "Allow",
      ["serverlessrepo:CreateCloudFormationChangeSet", "serverlessrepo:GetApplication"],
      "arn:aws:serverlessrepo:*:*:applications/SecretsManager*",
      { Sid: "SARPermissions" },
    ),
    statement(
      "Allow",
      ["s3:GetObject"],
      [
        "arn:aws:s3:::awsserverlessrepo-changesets*",
        "arn:aws:s3:::secrets-manager-rotation-apps-*/*",
      ],
      { Sid: "S3Permissions" },
    ),
  ),
  IAMReadOnlyAccess: doc(
    statement(
      "Allow",
      [
        "iam:GenerateCredentialReport",
        "iam:GenerateServiceLastAccessedDetails",
        "iam:Get*",
        "iam:List*",
        "iam:SimulateCustomPolicy",
        "iam:SimulatePrincipalPolicy",
      ],
      "*",
    ),
  ),
  AmazonS3ReadOnlyAccess: doc(
    statement(
      "Allow",
      ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
      "*",
    ),
  ),
  CloudWatchLogsReadOnlyAccess: doc(
    statement(
      "Allow",
      [
        "logs:Describe*",
        "logs:Get*",
        "logs:List*",
        "logs:StartQuery",
        "logs:StopQuery",
        "logs:TestMetricFilter",
        "logs:FilterLogEvents",
        "logs:StartLiveTail",
        "logs:StopLiveTail",
        "cloudwatch:GenerateQuery",
      ],
      "*",
      { Sid: "CloudWatchLogsReadOnlyAccess" },
    ),
  ),
  AmazonSSMReadOnlyAccess: doc(statement("Allow", ["ssm:Describe*", "ssm:Get*", "ssm:List*"], "*")),
  AWSKeyManagementServicePowerUser: doc(
    statement(
      "Allow",
      [
        "kms:CreateAlias",
        "kms:CreateKey",
        "kms:DeleteAlias",
        "kms:Describe*",
        "kms:GenerateRandom",
        "kms:Get*",
        "kms:List*",
        "kms:TagResource",
        "kms:UntagResource",
        "iam:ListGroups",
        "iam:ListRoles",
        "iam:ListUsers",
      ],
      "*",
    ),
  ),
  AmazonEC2ReadOnlyAccess: doc(
    statement("Allow", "ec2:Describe*", "*"),
    statement("Allow", "elasticloadbalancing:Describe*", "*"),
    statement(
      "Allow",
      ["cloudwatch:ListMetrics", "cloudwatch:GetMetricStatistics", "cloudwatch:Describe*"],
      "*",
    ),
    statement("Allow", "autoscaling:Describe*", "*"),
  ),
  AmazonDynamoDBReadOnlyAccess: doc(
    statement(
      "Allow",
      [
        "application-autoscaling:DescribeScalableTargets",
        "application-autoscaling:DescribeScalingActivities",
        "application-autoscaling:DescribeScalingPolicies",
        "cloudwatch:DescribeAlarmHistory",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:GetMetricData",
        "datapipeline:DescribeObjects",
        "datapipeline:ListPipelines",
        "dynamodb:BatchGetItem",
        "dynamodb:Describe*",
        "dynamodb:GetItem",
        "dynamodb:List*",
        "dynamodb:PartiQLSelect",
        "dynamodb:Query",
        "dynamodb:Scan",
        "ec2:DescribeVpcs",
        "iam:GetRole",
        "iam:ListRoles",
        "kms:DescribeKey",
        "kms:ListAliases",
        "sns:ListSubscriptionsByTopic",
        "sns:ListTopics",
        "lambda:ListFunctions",
        "lambda:ListEventSourceMappings",
        "lambda:GetFunctionConfiguration",
        "resource-groups:ListGroups",
        "tag:GetResources",
      ],
      "*",
    ),
  ),
  AWSSupportAccess: doc(statement("Allow", "support:*", "*")),
  AWSCodeCommitReadOnly: doc(
    statement(
      "Allow",
      [
        "codecommit:BatchGet*",
        "codecommit:Describe*",
        "codecommit:Get*",
        "codecommit:List*",
        "codecommit:GitPull",
      ],
      "*",
      { Sid: "AWSCodeCommitReadOnly" },
    ),
    statement(
      "Allow",
      ["codestar-notifications:ListNotificationRules", "codestar-notifications:ListTargets"],
      "*",
      {
        Sid: "CodeStarNotificationsReadOnly",
      },
    ),
  ),
  AWSLambda_ReadOnlyAccess: doc(
    statement(
      "Allow",
      [
        "cloudformation:DescribeStacks",
        "cloudformation:ListStackResources",
        "cloudwatch:GetMetricData",
        "cloudwatch:ListMetrics",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "iam:GetPolicy",
        "iam:GetPolicyVersion",
        "iam:GetRole",
        "iam:GetRolePolicy",
        "iam:ListAttachedRolePolicies",
        "iam:ListRolePolicies",
        "iam:ListRoles",
        "kms:ListAliases",
        "lambda:Get*",
        "lambda:List*",
        "logs:DescribeLogGroups",
        "states:DescribeStateMachine",
        "states:ListStateMachines",
        "tag:GetResources",
      ],
      "*",
      { Sid: "BaseReadOnlyPermissions" },
    ),
    statement(
      "Allow",
      [
        "logs:DescribeLogStreams",
        "logs:GetLogEvents",
        "logs:FilterLogEvents",
        "logs:StartQuery",
        "logs:StopQuery",
        "logs:GetQueryResults",
      ],
      "arn:aws:logs:*:*:log-group:/aws/lambda/*",
      { Sid: "LogsReadOnly" },
    ),
  ),
};

/** Customer-managed and inline policies: a few conditions, a variable, two guard-rail denies. */
function customerPolicies(): Record<string, string> {
  const secrets = `arn:aws:secretsmanager:*:${ACCOUNT}:secret:`;
  return {
    DenyInsecureTransport: doc(
      statement("Deny", "*", "*", {
        Sid: "DenyInsecure",
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      }),
    ),
    RegionGuardrail: doc({
      Sid: "DenyOutsideRegions",
      Effect: "Deny",
      NotAction: ["iam:*", "sts:*", "support:*", "cloudfront:*", "route53:*", "organizations:*"],
      Resource: "*",
      Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1", "eu-west-1"] } },
    }),
    TeamSecrets: doc(
      statement(
        "Allow",
        ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        `${secrets}*`,
        {
          Sid: "ReadTeamSecrets",
          Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:PrincipalTag/team}" } },
        },
      ),
      statement("Allow", "secretsmanager:ListSecrets", "*", { Sid: "List" }),
    ),
    ProtectProduction: doc(
      statement(
        "Deny",
        [
          "secretsmanager:DeleteSecret",
          "secretsmanager:PutResourcePolicy",
          "secretsmanager:UpdateSecret",
        ],
        `${secrets}prod/*`,
        { Sid: "NoProdChanges" },
      ),
    ),
    KmsViaSecretsManager: doc(
      statement(
        "Allow",
        ["kms:Decrypt", "kms:GenerateDataKey"],
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/*`,
        {
          Condition: {
            StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" },
          },
        },
      ),
    ),
    HomeSecrets: doc(
      statement("Allow", "secretsmanager:*", `${secrets}home/\${aws:username}/*`, { Sid: "Home" }),
    ),
    InvokeRotation: doc(
      statement(
        "Allow",
        "lambda:InvokeFunction",
        `arn:aws:lambda:us-east-1:${ACCOUNT}:function:rotate-*`,
      ),
    ),
    QueuesAndTopics: doc(
      statement(
        "Allow",
        ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:GetQueueAttributes"],
        `arn:aws:sqs:us-east-1:${ACCOUNT}:app-*`,
      ),
      statement("Allow", ["sns:Publish"], `arn:aws:sns:us-east-1:${ACCOUNT}:alerts`, {
        Condition: { IpAddress: { "aws:SourceIp": ["10.0.0.0/8"] } },
      }),
    ),
  };
}

/**
 * What lib/ops/authorize.ts evaluates: a user in three groups, 20 policies (AWS-managed shapes and
 * customer policies, one attached to two groups; 30 statements), reading a secret with the
 * context keys every request carries.
 */
function authorizeLikeWorkload(): Workload {
  const managed = (name: keyof typeof MANAGED) => ({
    label: `arn:aws:iam::aws:policy/${name}`,
    document: MANAGED[name],
  });
  const customer = customerPolicies();
  const mine = (name: string) => ({
    label: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
    document: customer[name],
  });
  const groups = {
    developers: [
      managed("SecretsManagerReadWrite"),
      managed("AWSLambda_ReadOnlyAccess"),
      managed("CloudWatchLogsReadOnlyAccess"),
      mine("TeamSecrets"),
      mine("KmsViaSecretsManager"),
      mine("QueuesAndTopics"),
    ],
    operators: [
      managed("AmazonEC2ReadOnlyAccess"),
      managed("AmazonSSMReadOnlyAccess"),
      managed("AWSSupportAccess"),
      managed("CloudWatchLogsReadOnlyAccess"),
      managed("AmazonDynamoDBReadOnlyAccess"),
    ],
    everyone: [
      managed("IAMReadOnlyAccess"),
      managed("AmazonS3ReadOnlyAccess"),
      managed("AWSKeyManagementServicePowerUser"),
      mine("DenyInsecureTransport"),
      mine("RegionGuardrail"),
      mine("ProtectProduction"),
    ],
  };
  const identity = [
    { label: "user/alice/inline/Home", document: customer.HomeSecrets },
    { label: "user/alice/inline/InvokeRotation", document: customer.InvokeRotation },
    {
      label: `user/alice/${managed("AWSCodeCommitReadOnly").label}`,
      document: MANAGED.AWSCodeCommitReadOnly,
    },
    ...Object.entries(groups).flatMap(([group, policies]) =>
      policies.map((p) => ({ label: `group/${group}/${p.label}`, document: p.document })),
    ),
  ];
  const now = new Date(Date.UTC(2025, 5, 1, 12));
  return {
    name: "authorize-like: 3 groups, 20 attached policies",
    request: {
      principal: {
        arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
        type: "User",
        accountId: ACCOUNT,
        userId: "AIDAEXAMPLEALICE0001",
        username: "alice",
        tags: { team: "platform", costCenter: "1234" },
      },
      action: "secretsmanager:GetSecretValue",
      resource: SECRET,
      context: {
        "aws:CurrentTime": now.toISOString(),
        "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
        "aws:SecureTransport": true,
        "aws:RequestedRegion": "us-east-1",
        "aws:SourceIp": "10.1.2.3",
        "aws:UserAgent": "aws-cli/2.15.0 Python/3.11",
        "aws:ResourceTag/team": "platform",
        "aws:ResourceTag/env": "prod",
      },
    },
    policies: createPolicySet({ identity }),
  };
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function measure(
  workload: Workload,
  options?: EvaluateOptions,
): {
  perSecond: number;
  p50: number;
  p99: number;
  decision: string;
} {
  const { request, policies } = workload;
  const decision = evaluate(request, policies, options).decision;
  for (let i = 0; i < 50_000; i++) evaluate(request, policies, options);

  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1000) {
    for (let i = 0; i < 10_000; i++) evaluate(request, policies, options);
    count += 10_000;
    elapsed = performance.now() - start;
  }
  const perSecond = (count / elapsed) * 1000;

  const samples = new Float64Array(100_000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    evaluate(request, policies, options);
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  return { perSecond, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99), decision };
}

function parseCompileTime(text: string): { mean: number; p50: number; p99: number } {
  for (let i = 0; i < 500; i++) compileDocument(parsePolicy(text));
  const samples = new Float64Array(2000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    compileDocument(parsePolicy(text));
    samples[i] = Number(process.hrtime.bigint() - t0) / 1e6;
  }
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  samples.sort();
  return { mean, p50: percentile(samples, 0.5), p99: percentile(samples, 0.99) };
}

/** The four workloads, built and compiled. */
export function workloads(text = managedPolicyText()): Workload[] {
  return [simpleWorkload(), conditionedWorkload(), managedWorkload(text), authorizeLikeWorkload()];
}

export async function run(): Promise<void> {
  const text = managedPolicyText();
  console.log("IAM engine benchmark (one core; latency includes ~0.05 µs of timer overhead)");
  const modes: [string, EvaluateOptions | undefined][] = [
    ["default (explain: every matched statement, missing keys)", undefined],
    ["{ explain: false } (decision and reason: what an authorizer needs)", { explain: false }],
  ];
  for (const [title, options] of modes) {
    console.log(`-- ${title}`);
    for (const workload of workloads(text)) {
      const r = measure(workload, options);
      console.log(
        `${workload.name.padEnd(56)} ${Math.round(r.perSecond).toLocaleString("en-US").padStart(11)} evaluations/s` +
          `  p50 ${r.p50.toFixed(2)} µs  p99 ${r.p99.toFixed(2)} µs  (${r.decision})`,
      );
    }
  }
  const pc = parseCompileTime(text);
  console.log(
    `parse+compile of the ${text.length.toLocaleString("en-US")}-character policy: ` +
      `mean ${pc.mean.toFixed(3)} ms  p50 ${pc.p50.toFixed(3)} ms  p99 ${pc.p99.toFixed(3)} ms`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
