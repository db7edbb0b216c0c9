// Rotation figures: rotations per second with the generic template over 1,000 due secrets (the
// scheduler claiming through the lease, each rotation's four steps as the execution role through
// the operations), and the scheduler's idle cost: CPU per minute and queries per tick when nothing
// is due. SQLite always; PostgreSQL too where 127.0.0.1:5432 answers. Prints; asserts nothing.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import type { DatabaseConfig } from "../lib/config";
import { createDb, type Db } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { createSqlStore } from "../lib/db/sql-store";
import { rootPrincipal, type Caller } from "../lib/ops/caller";
import * as lambda from "../lib/ops/lambda";
import { flushAudit } from "../lib/ops/operation";
import { ensureAccount, setRuntime, type Runtime } from "../lib/ops/runtime";
import * as sm from "../lib/ops/secretsmanager";
import { createScheduler, startScheduler } from "../lib/rotation/scheduler";

const SECRETS = Number(process.env.BENCH_ROTATION_SECRETS ?? 1_000);
const IDLE_SECONDS = Number(process.env.BENCH_ROTATION_IDLE_SECONDS ?? 10);
const PG_URL = process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/**
 * Rotations at once. SQLite: the scheduler's default there, 1 (one writer at a time; measured at
 * 8 on 2026-11-30, the audit log's batched writes waited out their SQLITE_BUSY retries and were
 * dropped). PostgreSQL: 1 and 8. BENCH_ROTATION_CONCURRENCY=1,8 sets the runs for both.
 */
const CONCURRENCY = (provider: "sqlite" | "postgres"): number[] =>
  process.env.BENCH_ROTATION_CONCURRENCY
    ? process.env.BENCH_ROTATION_CONCURRENCY.split(",").map(Number)
    : provider === "sqlite"
      ? [1]
      : [1, 8];

/** Counts every query the scheduler's runtime sends through Prisma. */
function counting(db: Db): { db: Db; count: () => number } {
  let queries = 0;
  const wrap = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(inner, prop, receiver) {
        const value = Reflect.get(inner, prop, receiver) as unknown;
        if (typeof value === "function") {
          return (...args: unknown[]) => {
            queries++;
            return (value as (...a: unknown[]) => unknown).apply(inner, args);
          };
        }
        if (
          value &&
          typeof value === "object" &&
          typeof prop === "string" &&
          !prop.startsWith("_")
        ) {
          return wrap(value);
        }
        return value;
      },
    });
  return { db: wrap(db), count: () => queries };
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function database(provider: "sqlite" | "postgres") {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-bench-rotation-"));
    const config: DatabaseConfig = { provider, url: `file:${path.join(dir, "bench.db")}` };
    return { config, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `strongbox_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { provider, url: url.toString() };
  return {
    config,
    cleanup: async () => {
      await new Promise((r) => setTimeout(r, 500));
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function bench(provider: "sqlite" | "postgres"): Promise<void> {
  const { config, cleanup } = await database(provider);
  try {
    await migrate(config);
    const db = createDb(config);
    const account = await ensureAccount(db, { STRONGBOX_ACCOUNT_ID: "111122223333" });
    const sql = createSqlStore(config);
    const rt: Runtime = {
      db,
      sql,
      provider,
      kek: randomBytes(32),
      accountId: account.id,
      region: account.region,
      now: () => new Date(),
    };
    setRuntime(rt);
    const root: Caller = { principal: rootPrincipal(rt.accountId), via: "cli" };
    console.log(
      `Rotation (${provider === "sqlite" ? "SQLite" : "PostgreSQL"}), ${SECRETS.toLocaleString()} secrets, generic template`,
    );

    const fn = await lambda.createFunction(root, {
      FunctionName: "SecretsManagerBench",
      Template: "generic",
    });
    for (let i = 0; i < SECRETS; i++) {
      const { ARN } = await sm.createSecret(root, {
        Name: `bench/app-${i}`,
        SecretString: JSON.stringify({ username: `app${i}`, password: "initial" }),
      });
      await sm.rotateSecret(root, {
        SecretId: ARN,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 30 },
        RotateImmediately: false,
      });
    }
    const now = Date.now();
    await db.rotationLease.updateMany({
      data: { dueAt: new Date(now - 60_000), windowEnd: new Date(now + 3_600_000) },
    });

    const runs = CONCURRENCY(provider);
    for (const concurrency of runs) {
      if (concurrency !== runs[0]) {
        // The same secrets due again for the next run.
        const again = Date.now();
        await db.rotationLease.updateMany({
          data: { dueAt: new Date(again - 60_000), windowEnd: new Date(again + 3_600_000) },
        });
        await db.secret.updateMany({ data: { lastRotatedDate: null } });
      }
      const scheduler = createScheduler(rt, { concurrency, holder: `bench-${concurrency}` });
      const started = performance.now();
      let rotated = 0;
      for (;;) {
        const claimed = await scheduler.tick();
        rotated += claimed;
        if (claimed === 0 && scheduler.running() === 0) break;
        if (claimed === 0) await scheduler.slotFree();
      }
      await scheduler.idle();
      const seconds = (performance.now() - started) / 1000;
      const outcomes = JSON.stringify(scheduler.stats.outcomes);
      console.log(
        `  rotations, concurrency ${concurrency}: ${(rotated / seconds).toFixed(1)}/s (${rotated} in ${seconds.toFixed(1)} s, ${outcomes})`,
      );
    }

    // Idle: nothing due. The scheduler ticks every second; CPU and queries per tick.
    const counted = counting(db);
    const idleRt: Runtime = { ...rt, db: counted.db };
    const cpuBefore = process.cpuUsage();
    const idle = startScheduler(idleRt, { intervalMs: 1000, holder: "bench-idle" });
    await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
    await idle.stop();
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const ticks = idle.stats.ticks;
    const perTick = cpuMs / Math.max(ticks, 1);
    console.log(
      `  idle scheduler: ${perTick.toFixed(1)} ms CPU and ${(counted.count() / Math.max(ticks, 1)).toFixed(1)} queries per tick (${ticks} ticks at 1/s); at the default 30 s tick ${(perTick * 2).toFixed(1)} ms CPU per minute`,
    );

    await flushAudit();
    setRuntime(undefined);
    await db.$disconnect();
    await sql.close();
  } finally {
    await cleanup();
  }
}

export async function run(): Promise<void> {
  await bench("sqlite");
  if (await postgresReachable()) await bench("postgres");
  else console.log("Rotation (PostgreSQL): skipped, nothing answers at 127.0.0.1:5432");
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await run();
