/**
 * IAM simulator and validator throughput. Run: `npx tsx bench/iam-simulate.bench.ts`.
 * Prints figures only; nothing here asserts on time.
 */
import { pathToFileURL } from "node:url";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { availableParallelism } from "node:os";
import {
  runSimulateJsonl,
  simulateCustomPolicy,
  type SimulateCustomPolicyRequest,
} from "@/lib/iam/simulate";
import { runSimulateJsonlParallel } from "@/lib/iam/simulate/parallel";
import { validatePolicy } from "@/lib/iam/validate";

const ACCOUNT = "111122223333";
const OTHER = "444455556666";

/** A deterministic pseudo-random generator, so runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS = [
  "secretsmanager:GetSecretValue",
  "secretsmanager:DescribeSecret",
  "secretsmanager:PutSecretValue",
  "secretsmanager:DeleteSecret",
  "secretsmanager:ListSecrets",
  "secretsmanager:UpdateSecretVersionStage",
  "secretsmanager:RotateSecret",
  "iam:CreateRole",
  "iam:PassRole",
  "lambda:CreateFunction",
  "kms:Decrypt",
];

function policies(): string[] {
  const secret = (name: string) => `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}`;
  const docs: object[] = [
    {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: secret("app/db-??????"),
      },
    },
    {
      Version: "2012-10-17",
      Statement: {
        Effect: "Allow",
        Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
        Resource: "*",
      },
    },
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: ["secretsmanager:DescribeSecret", "secretsmanager:List*"],
          Resource: "*",
        },
        {
          Effect: "Allow",
          Action: "secretsmanager:*",
          Resource: [secret("a_specific_secret_name-a1b2c3"), secret("another_secret_name-??????")],
        },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "secretsmanager:DescribeSecret",
          Resource: "*",
          Condition: { StringEquals: { "secretsmanager:ResourceTag/ServerName": "ServerABC" } },
        },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: [
            "secretsmanager:DescribeSecret",
            "secretsmanager:GetSecretValue",
            "secretsmanager:PutSecretValue",
            "secretsmanager:UpdateSecretVersionStage",
          ],
          Resource: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:*`,
          Condition: {
            StringEquals: {
              "secretsmanager:resource/AllowRotationLambdaArn": `arn:aws:lambda:us-east-1:${ACCOUNT}:function:SecretsManagerRotation`,
            },
          },
        },
        { Effect: "Allow", Action: "secretsmanager:GetRandomPassword", Resource: "*" },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "*", Resource: "*" },
        {
          Effect: "Deny",
          Action: "secretsmanager:DeleteSecret",
          Resource: "*",
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } },
        },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: secret("${aws:username}/*"),
        },
        {
          Effect: "Allow",
          Action: "secretsmanager:ListSecrets",
          Resource: "*",
          Condition: { IpAddress: { "aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24"] } },
        },
      ],
    },
    {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: ["iam:*", "organizations:Describe*"], Resource: "*" }],
    },
  ];
  return docs.map((d, i) => JSON.stringify(d, null, i % 2 === 0 ? 2 : undefined));
}

function resourcePolicy(): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${OTHER}:role/App` },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
      },
      {
        Effect: "Deny",
        Principal: "*",
        Action: "secretsmanager:DeleteSecret",
        Resource: "*",
        Condition: { StringNotEquals: { "aws:PrincipalAccount": ACCOUNT } },
      },
    ],
  });
}

export function generateRequests(count: number, seed = 1): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const docs = policies();
  const rp = resourcePolicy();
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const request: SimulateCustomPolicyRequest = {
      PolicyInputList: next() < 0.3 ? [pick(docs), pick(docs)] : [pick(docs)],
      ActionNames: next() < 0.2 ? [pick(ACTIONS), pick(ACTIONS)] : [pick(ACTIONS)],
      ResourceArns: [
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${pick(["app/db", "alice/key", "another_secret_name", "prod/api"])}-${pick(["a1b2c3", "XyZ123", "000aaa"])}`,
      ],
      ContextEntries: [
        {
          ContextKeyName: "aws:SourceIp",
          ContextKeyValues: [pick(["203.0.113.7", "192.0.2.1"])],
          ContextKeyType: "ip",
        },
        {
          ContextKeyName: "aws:MultiFactorAuthPresent",
          ContextKeyValues: [pick(["true", "false"])],
          ContextKeyType: "boolean",
        },
      ],
    };
    if (next() < 0.5)
      request.CallerArn = pick([
        `arn:aws:iam::${ACCOUNT}:user/alice`,
        `arn:aws:iam::${OTHER}:role/App`,
        `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/s1`,
      ]);
    if (request.CallerArn && next() < 0.3) request.ResourcePolicy = rp;
    lines.push(JSON.stringify(request));
  }
  return lines;
}

/** A policy of about `size` characters: statements over many services, conditions, ARNs. */
export function largePolicy(size = 10_240): string {
  const statements: object[] = [];
  const actions = [
    "secretsmanager:GetSecretValue",
    "secretsmanager:DescribeSecret",
    "kms:Decrypt",
    "iam:GetRole",
    "lambda:InvokeFunction",
    "s3:GetObject",
    "ec2:DescribeInstances",
    "rds:DescribeDBInstances",
  ];
  let i = 0;
  const text = () => JSON.stringify({ Version: "2012-10-17", Statement: statements }, null, 2);
  while (text().length < size) {
    statements.push({
      Sid: `S${i}`,
      Effect: i % 5 === 4 ? "Deny" : "Allow",
      Action: [
        actions[i % actions.length],
        actions[(i + 3) % actions.length],
        "secretsmanager:List*",
      ],
      Resource: [
        `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:team${i}/app-??????`,
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/${i}`,
      ],
      Condition: {
        StringEquals: { "aws:PrincipalTag/team": `team${i}` },
        IpAddress: { "aws:SourceIp": "203.0.113.0/24" },
      },
    });
    i++;
  }
  statements.pop();
  return text();
}

function rate(count: number, ms: number): string {
  return `${Math.round(count / (ms / 1000)).toLocaleString("en-US")} requests/s`;
}

export async function run(options: { requests?: number; workers?: number } = {}): Promise<void> {
  const count = options.requests ?? 50_000;
  loadCatalog();
  const lines = generateRequests(count);
  const inputBytes = lines.reduce((n, l) => n + l.length + 1, 0);
  console.log(
    `${count.toLocaleString("en-US")} generated SimulateCustomPolicy requests, ${Math.round(inputBytes / count)} bytes per line on average`,
  );

  // Warm up: JIT and the compile cache.
  await runSimulateJsonl(lines.slice(0, 2000), () => undefined);

  const requests = lines.map((l) => JSON.parse(l) as SimulateCustomPolicyRequest);
  let start = performance.now();
  for (const request of requests) simulateCustomPolicy(request);
  console.log(
    `simulateCustomPolicy in process (objects in, objects out): ${rate(count, performance.now() - start)}`,
  );

  let outputBytes = 0;
  start = performance.now();
  const summary = await runSimulateJsonl(lines, (line) => {
    outputBytes += line.length + 1;
  });
  const singleMs = performance.now() - start;
  console.log(
    `simulate-custom-policy --jsonl, one thread: ${summary.requests} requests (${summary.errors} errors) in ${(singleMs / 1000).toFixed(2)} s = ` +
      `${rate(summary.requests, singleMs)} (${(inputBytes / 1e6).toFixed(1)} MB in, ${(outputBytes / 1e6).toFixed(1)} MB out)`,
  );

  const workers = options.workers ?? availableParallelism();
  start = performance.now();
  const parallel = await runSimulateJsonlParallel(lines, () => undefined, { workers });
  const parallelMs = performance.now() - start;
  console.log(
    `simulate-custom-policy --jsonl --workers ${workers}: ${rate(parallel.requests, parallelMs)} ` +
      `(${availableParallelism()} cores; includes starting the workers)`,
  );

  const policy = largePolicy();
  const coldStart = performance.now();
  const cold = validatePolicy(policy, { policyType: "IDENTITY_POLICY" });
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  for (let k = 0; k < 200; k++) {
    // A new string each time, as an editor would pass after a keystroke.
    const edited = policy.replace('"S0"', `"S0${k % 10}"`);
    const t = performance.now();
    validatePolicy(edited, { policyType: "IDENTITY_POLICY" });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const p95 = times[Math.floor(times.length * 0.95)];
  console.log(
    `validatePolicy on a ${policy.length}-character policy: first ${coldMs.toFixed(1)} ms (loads catalogue data), ` +
      `then median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (${cold.findings.length} findings)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
