// Secret store figures on SQLite: ListSecrets' first page over 100,000 secrets, GetSecretValue
// through authorize + decrypt in process, CreateSecret per second. Prints; asserts nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { createDb } from "../lib/db/client";
import { createSqlStore } from "../lib/db/sql-store";
import { migrate } from "../lib/db/migrate";
import { rootPrincipal, type Caller } from "../lib/ops/caller";
import { flushAudit } from "../lib/ops/operation";
import { ensureAccount, setRuntime } from "../lib/ops/runtime";
import * as sm from "../lib/ops/secretsmanager";
import { seal } from "../lib/ops/secretsmanager/secret-value";
import { secretWords } from "../lib/ops/secretsmanager/words";

const SECRETS = Number(process.env.BENCH_SECRETS ?? 100_000);

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/**
 * CPU time of this thread and time it spent runnable but waiting for a core, in ns (Linux only):
 * on a shared machine, CPU per call is the figure other load disturbs least.
 */
function threadSchedstat(): { cpuNs: number; waitNs: number } | undefined {
  try {
    const [cpuNs, waitNs] = readFileSync(
      `/proc/${process.pid}/task/${process.pid}/schedstat`,
      "utf8",
    )
      .trim()
      .split(/\s+/)
      .map(Number);
    return { cpuNs, waitNs };
  } catch {
    return undefined;
  }
}

async function timeIt(label: string, runs: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label}: p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (${runs} runs)`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-bench-"));
  const file = path.join(dir, "bench.db");
  const config = { provider: "sqlite" as const, url: `file:${file}` };
  try {
    await migrate(config);
    const db = createDb(config);
    const account = await ensureAccount(db, { STRONGBOX_ACCOUNT_ID: "111122223333" });
    const sql = createSqlStore(config);
    const rt = {
      db,
      sql,
      provider: "sqlite" as const,
      kek: randomBytes(32),
      accountId: account.id,
      region: account.region,
      now: () => new Date(),
    };
    setRuntime(rt);
    const root: Caller = { principal: rootPrincipal(rt.accountId), via: "cli" };

    console.log(`Secret store (SQLite), ${SECRETS.toLocaleString()} secrets`);
    // Seed in bulk through SQLite directly (what CreateSecret writes, minus the per-call frame).
    const raw = new Database(file);
    const insertSecret = raw.prepare(
      `INSERT INTO Secret (id, arn, name, description, createdDate, lastChangedDate, rotationEnabled) VALUES (?, ?, ?, ?, ?, ?, 0)`,
    );
    const insertVersion = raw.prepare(
      `INSERT INTO SecretVersion (id, secretId, versionId, createdDate, valueType, ciphertext, wrappedKey) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertStage = raw.prepare(
      `INSERT INTO SecretVersionStage (secretId, stage, versionPk) VALUES (?, 'AWSCURRENT', ?)`,
    );
    const insertTag = raw.prepare(`INSERT INTO SecretTag (secretId, key, value) VALUES (?, ?, ?)`);
    const insertWord = raw.prepare(
      `INSERT INTO SecretWord (secretId, field, word) VALUES (?, ?, ?)`,
    );
    const seedStart = performance.now();
    const base = Date.now() - SECRETS * 1000;
    raw.transaction(() => {
      for (let i = 0; i < SECRETS; i++) {
        const id = `s${i.toString().padStart(7, "0")}`;
        const name = `${["prod", "dev", "test"][i % 3]}/service-${i}/db`;
        const arn = `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}-abc${String(i % 1000).padStart(3, "0")}`;
        const description = `Credentials for service ${i}`;
        const created = new Date(base + i * 1000).toISOString().replace("Z", "+00:00");
        insertSecret.run(id, arn, name, description, created, created);
        const versionId = randomUUID();
        const sealed = seal(rt.kek, arn, versionId, {
          type: "string",
          value: `{"password":"${i}"}`,
        });
        insertVersion.run(
          `v${id}`,
          id,
          versionId,
          created,
          "string",
          sealed.ciphertext,
          sealed.wrappedKey,
        );
        insertStage.run(id, `v${id}`);
        insertTag.run(id, "team", `team${i % 50}`);
        for (const w of secretWords({
          name,
          description,
          tags: [{ key: "team", value: `team${i % 50}` }],
        })) {
          insertWord.run(id, w.field, w.word);
        }
      }
    })();
    raw.pragma("optimize");
    raw.close();
    console.log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    await timeIt("ListSecrets first page (100, newest first)", 50, () =>
      sm.listSecrets(root, { MaxResults: 100, SortOrder: "desc" }),
    );
    await timeIt("ListSecrets first page, name filter prod/", 50, () =>
      sm.listSecrets(root, { MaxResults: 100, Filters: [{ Key: "name", Values: ["prod/"] }] }),
    );
    await timeIt("ListSecrets first page, all filter 'team7'", 50, () =>
      sm.listSecrets(root, { MaxResults: 100, Filters: [{ Key: "all", Values: ["team7"] }] }),
    );

    const ids = Array.from(
      { length: Math.min(1000, Math.floor(SECRETS / 3)) },
      (_, i) => `prod/service-${i * 3}/db`,
    );
    // The first read of a day records LastAccessedDate (one write per secret per day): warm up.
    for (const id of ids) await sm.getSecretValue(root, { SecretId: id });
    const reads = 20_000;
    const before = threadSchedstat();
    let start = performance.now();
    for (let i = 0; i < reads; i++)
      await sm.getSecretValue(root, { SecretId: ids[i % ids.length] });
    let seconds = (performance.now() - start) / 1000;
    const after = threadSchedstat();
    console.log(
      `  GetSecretValue (authorize + decrypt, in process): ${Math.round(reads / seconds).toLocaleString()}/s` +
        (before && after
          ? ` (${((after.cpuNs - before.cpuNs) / 1000 / reads).toFixed(1)} µs CPU each; runnable but waiting for a core ${(((after.waitNs - before.waitNs) / 1e9 / seconds) * 100).toFixed(0)}% of the time)`
          : ""),
    );

    const creates = 2_000;
    start = performance.now();
    for (let i = 0; i < creates; i++) {
      await sm.createSecret(root, {
        Name: `bench/new-${i}`,
        SecretString: "x".repeat(64),
        Tags: [{ Key: "k", Value: "v" }],
      });
    }
    seconds = (performance.now() - start) / 1000;
    console.log(`  CreateSecret: ${Math.round(creates / seconds).toLocaleString()}/s`);
    await flushAudit();
    setRuntime(undefined);
    await db.$disconnect();
    await sql.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
