// The environment every operation runs in: database, key-encryption key, account, clock.
// Built once per process from configuration; tests build their own with createRuntime().
import { randomInt } from "node:crypto";
import {
  accountIdFromEnv,
  dataDir,
  databaseConfig,
  regionFromEnv,
  type DatabaseProvider,
  type Env,
} from "../config";
import { loadKeyEncryptionKey } from "../crypto/keys";
import { getDb, type Db } from "../db/client";
import { createSqlStore, type SqlStore } from "../db/sql-store";

export interface Runtime {
  db: Db;
  /** Plain-SQL reads for the hot path (see lib/db/sql-store.ts). */
  sql: SqlStore;
  provider: DatabaseProvider;
  kek: Buffer;
  accountId: string;
  region: string;
  now: () => Date;
}

/** The account row: created on first use, from STRONGBOX_ACCOUNT_ID or a generated 12-digit id. */
export async function ensureAccount(
  db: Db,
  env: Env = process.env,
): Promise<{ id: string; region: string }> {
  const existing = await db.account.findFirst({ select: { id: true, region: true } });
  const region = regionFromEnv(env);
  const wanted = accountIdFromEnv(env);
  if (existing) {
    if (wanted && wanted !== existing.id) {
      throw new Error(
        `STRONGBOX_ACCOUNT_ID=${wanted} but this database belongs to account ${existing.id}`,
      );
    }
    return { id: existing.id, region };
  }
  const id = wanted ?? String(randomInt(1, 10)) + String(randomInt(0, 1e11)).padStart(11, "0");
  await db.account.upsert({ where: { id }, create: { id, region }, update: {} });
  const created = await db.account.findFirst({ select: { id: true } });
  return { id: created!.id, region };
}

let current: Promise<Runtime> | undefined;
/** The runtime once built: operations take it without waiting a turn for the promise. */
let ready: Runtime | undefined;

/** The runtime if it is built already (else undefined: use getRuntime). */
export function readyRuntime(): Runtime | undefined {
  return ready;
}

export function getRuntime(): Promise<Runtime> {
  if (current) return current;
  const building = (async () => {
    const db = getDb();
    const account = await ensureAccount(db);
    const kek = loadKeyEncryptionKey({ dataDir: dataDir(), log: (m) => console.warn(m) });
    const config = databaseConfig();
    const { provider } = config;
    return {
      db,
      sql: createSqlStore(config),
      provider,
      kek,
      accountId: account.id,
      region: account.region,
      now: () => new Date(),
    };
  })();
  current = building;
  building.then(
    (runtime) => {
      if (current === building) ready = runtime;
    },
    () => {
      if (current === building) current = undefined;
    },
  );
  return building;
}

/** Tests and the CLI may install a runtime of their own. */
export function setRuntime(runtime: Runtime | undefined): void {
  current = runtime ? Promise.resolve(runtime) : undefined;
  ready = runtime;
}
