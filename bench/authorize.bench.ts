// authorize() for a principal with 3 groups and 20 attached AWS managed policies: cold (policy
// set loaded and compiled), cached, and the cost of an invalidation. Prints; asserts nothing.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { createSqlStore } from "../lib/db/sql-store";
import { authorize } from "../lib/ops/authorize";
import { rootPrincipal, type Caller } from "../lib/ops/caller";
import * as iam from "../lib/ops/iam";
import { syncAwsManagedPolicies } from "../lib/ops/iam/managed-policies";
import { clearPolicySetCache } from "../lib/ops/iam/policy-set";
import { flushAudit } from "../lib/ops/operation";
import { ensureAccount, setRuntime, type Runtime } from "../lib/ops/runtime";

const POLICIES = [
  "SecretsManagerReadWrite",
  "IAMReadOnlyAccess",
  "AmazonS3ReadOnlyAccess",
  "AmazonEC2ReadOnlyAccess",
  "CloudWatchReadOnlyAccess",
  "AmazonDynamoDBReadOnlyAccess",
  "AmazonSQSReadOnlyAccess",
  "AmazonSNSReadOnlyAccess",
  "AWSLambda_ReadOnlyAccess",
  "AmazonRDSReadOnlyAccess",
  "AmazonRoute53ReadOnlyAccess",
  "AWSCloudFormationReadOnlyAccess",
  "AmazonECS_FullAccess",
  "AmazonKinesisReadOnlyAccess",
  "AWSKeyManagementServicePowerUser",
  "AmazonVPCReadOnlyAccess",
  "AWSCodeCommitReadOnly",
  "AmazonElastiCacheReadOnlyAccess",
  "AmazonAthenaFullAccess",
  "AWSStepFunctionsReadOnlyAccess",
];

function rate(label: string, n: number, ms: number) {
  console.log(
    `  ${label}: ${Math.round((n / ms) * 1000).toLocaleString()}/s (${((ms / n) * 1000).toFixed(1)} µs each)`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-bench-authz-"));
  const config = { provider: "sqlite" as const, url: `file:${path.join(dir, "bench.db")}` };
  try {
    await migrate(config);
    const db = createDb(config);
    const sql = createSqlStore(config);
    const account = await ensureAccount(db, { STRONGBOX_ACCOUNT_ID: "111122223333" });
    const rt: Runtime = {
      db,
      sql,
      provider: "sqlite",
      kek: randomBytes(32),
      accountId: account.id,
      region: "us-east-1",
      now: () => new Date(),
    };
    setRuntime(rt);
    await syncAwsManagedPolicies(db, { names: POLICIES });
    const root: Caller = { principal: rootPrincipal(account.id), via: "cli" };
    const { User } = await iam.createUser(root, { UserName: "bench" });
    const policies = (await iam.listPolicies(root, { Scope: "AWS", MaxItems: 1000 })).Policies;
    for (let g = 0; g < 3; g++) {
      await iam.createGroup(root, { GroupName: `group-${g}` });
      await iam.addUserToGroup(root, { GroupName: `group-${g}`, UserName: "bench" });
    }
    // 20 attachments in all: 5 on the user, 5 on each group.
    for (const [i, policy] of policies.slice(0, 20).entries()) {
      if (i < 5) await iam.attachUserPolicy(root, { UserName: "bench", PolicyArn: policy.Arn });
      else
        await iam.attachGroupPolicy(root, {
          GroupName: `group-${Math.floor((i - 5) / 5)}`,
          PolicyArn: policy.Arn,
        });
    }
    const caller: Caller = {
      principal: {
        type: "User",
        arn: User.Arn,
        accountId: account.id,
        name: "bench",
        id: User.UserId,
      },
      via: "api",
      sourceIp: "10.0.0.1",
    };
    const request = {
      action: "secretsmanager:GetSecretValue",
      resource: `arn:aws:secretsmanager:us-east-1:${account.id}:secret:prod/db-AbCdEf`,
      context: { "secretsmanager:VersionStage": ["AWSCURRENT"] },
    };
    console.log(
      `authorize: 1 user, 3 groups, ${policies.slice(0, 20).length} attached AWS managed policies`,
    );
    await authorize(caller, request, rt);

    const coldRuns = 200;
    let start = performance.now();
    for (let i = 0; i < coldRuns; i++) {
      clearPolicySetCache();
      await authorize(caller, request, rt);
    }
    rate("cold (load + compile the policy set)", coldRuns, performance.now() - start);

    const runs = 200_000;
    for (let i = 0; i < 10_000; i++) await authorize(caller, request, rt);
    start = performance.now();
    for (let i = 0; i < runs; i++) await authorize(caller, request, rt);
    rate("cached", runs, performance.now() - start);

    const invalidations = 200;
    start = performance.now();
    for (let i = 0; i < invalidations; i++) {
      await db.setting.upsert({
        where: { key: "iam.generation" },
        create: { key: "iam.generation", value: String(i) },
        update: { value: String(i) },
      });
      await authorize(caller, request, rt);
    }
    rate(
      "after an invalidation (generation bump + reload)",
      invalidations,
      performance.now() - start,
    );
    await flushAudit();
    setRuntime(undefined);
    await db.$disconnect();
    await sql.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
