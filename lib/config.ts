import path from "node:path";

/** Environment variables (process.env or a test's own). */
export type Env = Record<string, string | undefined>;

/** Where the embedded default keeps its database, key file and session secret. */
export function dataDir(env: Env = process.env): string {
  return path.resolve(env.STRONGBOX_DATA_DIR ?? ".data");
}

export type DatabaseProvider = "sqlite" | "postgres";

export interface DatabaseConfig {
  provider: DatabaseProvider;
  url: string;
}

export function databaseConfig(env: Env = process.env): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  if (url && !url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL or a file: path, got ${url}`);
  }
  return { provider: "sqlite", url: url ?? `file:${path.join(dataDir(env), "strongbox.db")}` };
}

/** Absolute path of a SQLite `file:` URL (relative paths resolve against the working directory). */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export function regionFromEnv(env: Env = process.env): string {
  const region = env.STRONGBOX_REGION ?? "us-east-1";
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    throw new Error(`STRONGBOX_REGION must look like an AWS region (us-east-1), got ${region}`);
  }
  return region;
}

export function accountIdFromEnv(env: Env = process.env): string | undefined {
  const id = env.STRONGBOX_ACCOUNT_ID;
  if (id === undefined || id === "") return undefined;
  if (!/^\d{12}$/.test(id)) throw new Error(`STRONGBOX_ACCOUNT_ID must be 12 digits, got ${id}`);
  return id;
}
