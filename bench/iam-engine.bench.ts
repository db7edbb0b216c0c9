/**
 * IAM engine benchmark: evaluations per second and per-evaluation latency (p50, p99) for
 * three workloads, and parse+compile time of a 6,144-character policy.
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

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

function measure(workload: Workload): {
  perSecond: number;
  p50: number;
  p99: number;
  decision: string;
} {
  const { request, policies } = workload;
  const decision = evaluate(request, policies).decision;
  for (let i = 0; i < 50_000; i++) evaluate(request, policies);

  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 1000) {
    for (let i = 0; i < 10_000; i++) evaluate(request, policies);
    count += 10_000;
    elapsed = performance.now() - start;
  }
  const perSecond = (count / elapsed) * 1000;

  const samples = new Float64Array(100_000);
  for (let i = 0; i < samples.length; i++) {
    const t0 = process.hrtime.bigint();
    evaluate(request, policies);
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

/** The three workloads, built and compiled. */
export function workloads(text = managedPolicyText()): Workload[] {
  return [simpleWorkload(), conditionedWorkload(), managedWorkload(text)];
}

export async function run(): Promise<void> {
  const text = managedPolicyText();
  console.log("IAM engine benchmark (one core; latency includes ~0.05 µs of timer overhead)");
  for (const workload of workloads(text)) {
    const r = measure(workload);
    console.log(
      `${workload.name.padEnd(56)} ${Math.round(r.perSecond).toLocaleString("en-US").padStart(11)} evaluations/s` +
        `  p50 ${r.p50.toFixed(2)} µs  p99 ${r.p99.toFixed(2)} µs  (${r.decision})`,
    );
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
