// A throwaway database and runtime for operation tests: a fresh SQLite file, or a fresh
// PostgreSQL database when a server answers (TEST_PG_URL, default the local trust-auth server).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb } from "@/lib/db/client";
import { createSqlStore } from "@/lib/db/sql-store";
import { migrate } from "@/lib/db/migrate";
import type { DatabaseConfig, DatabaseProvider } from "@/lib/config";
import { rootPrincipal, type Caller } from "@/lib/ops/caller";
import { flushAudit } from "@/lib/ops/operation";
import { ensureAccount, setRuntime, type Runtime } from "@/lib/ops/runtime";

export const PG_ADMIN_URL =
  process.env.TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

let pgAvailable: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  pgAvailable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      return false;
    }
  })();
  return pgAvailable;
}

/** The providers to run against: SQLite always, PostgreSQL where a server answers. */
export async function providers(): Promise<DatabaseProvider[]> {
  return (await postgresAvailable()) ? ["sqlite", "postgres"] : ["sqlite"];
}

export interface TestRuntime extends Runtime {
  root: Caller;
  dispose(): Promise<void>;
  config: DatabaseConfig;
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestRuntime(
  provider: DatabaseProvider = "sqlite",
): Promise<TestRuntime> {
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (provider === "postgres") {
    const name = `strongbox_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    config = { provider, url: url.toString() };
    cleanup = async () => {
      // pool.end() resolves before its backends have exited; dropping WITH (FORCE) meanwhile
      // kills them mid-goodbye and their clients throw. Give them a moment to leave first.
      for (let i = 0; i < 40; i++) {
        const client = new pg.Client({ connectionString: PG_ADMIN_URL });
        await client.connect();
        const { rows } = await client
          .query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name])
          .finally(() => client.end());
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-test-"));
    config = { provider, url: `file:${path.join(dir, "strongbox.db")}` };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  await migrate(config);
  const db = createDb(config);
  const account = await ensureAccount(db, { STRONGBOX_ACCOUNT_ID: "111122223333" });
  const sql = createSqlStore(config);
  const rt: TestRuntime = {
    db,
    sql,
    provider,
    kek: randomBytes(32),
    accountId: account.id,
    region: account.region,
    now: () => new Date(),
    config,
    root: { principal: rootPrincipal(account.id), via: "cli" },
    async dispose() {
      await flushAudit();
      setRuntime(undefined);
      await db.$disconnect();
      await sql.close();
      await cleanup();
    },
  };
  setRuntime(rt);
  return rt;
}
