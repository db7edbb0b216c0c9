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
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  return new SqliteClient({ adapter });
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
