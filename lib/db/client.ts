// The Prisma client for the configured database: SQLite (embedded default) or PostgreSQL.
// Both generated clients come from the same models, so the SQLite client's type stands for both.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseConfig, sqliteFilePath, type DatabaseConfig } from "../config";

export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client";
/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(config: DatabaseConfig = databaseConfig()): Db {
  if (config.provider === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const file = sqliteFilePath(config.url);
  mkdirSync(path.dirname(file), { recursive: true });
  const adapter = immediateTransactions(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }));
  return new SqliteClient({ adapter });
}

type SqliteAdapterFactory = PrismaBetterSQLite3;
type SqliteAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;
interface StatementSource {
  prepare(sql: string): unknown;
}

/**
 * Write transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their
 * first write. The adapter's plain BEGIN reads from a snapshot; when another process commits
 * before the transaction's first write, SQLite refuses that write at once with
 * SQLITE_BUSY_SNAPSHOT (its busy timeout cannot help: waiting would not make the snapshot
 * current). Taking the lock first makes a concurrent writer wait out the busy timeout instead,
 * so several processes on one file (two servers, the CLI beside a server) never surface
 * SQLITE_BUSY to a user, and read-then-write transactions never act on stale reads.
 */
function immediateTransactions(factory: SqliteAdapterFactory): SqliteAdapterFactory {
  const patch = (adapter: SqliteAdapter): SqliteAdapter => {
    // The adapter begins its transactions with client.prepare("BEGIN").run(), on the one
    // better-sqlite3 connection it keeps as `client`. Fail loudly if an upgrade changes that.
    const client = (adapter as unknown as { client?: StatementSource }).client;
    if (!client || typeof client.prepare !== "function") {
      throw new Error(
        "@prisma/adapter-better-sqlite3 changed: cannot begin IMMEDIATE transactions",
      );
    }
    const prepare = client.prepare.bind(client);
    client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  return Object.assign(factory, {
    connect: async () => patch(await connect()),
    connectToShadowDb: async () => patch(await connectToShadowDb()),
  });
}

const globalForDb = globalThis as unknown as { strongboxDb?: Db };

/** The process-wide client (one per process; Next's dev reloads keep it on globalThis). */
export function getDb(): Db {
  globalForDb.strongboxDb ??= createDb();
  return globalForDb.strongboxDb;
}

/** Replace the process-wide client (tests point it at a throwaway database). */
export function setDb(db: Db | undefined): void {
  globalForDb.strongboxDb = db;
}
