// Real database servers for the rotation tests.
// - A private PostgreSQL cluster with scram-sha-256 authentication (initdb in a temp folder, on a
//   free port, as the postgres user when run as root): the machine's own server trusts every
//   local connection, so only a cluster of our own can show an old password stops working.
// - MariaDB/MySQL at 127.0.0.1:3306 (root without password), which checks passwords as it is.
// A test skips (saying why) only when the server's binary is absent.
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";

function postgresBin(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (existsSync(path.join(bin, "initdb")) && existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return undefined;
}

export const POSTGRES_BIN = postgresBin();
export const POSTGRES_MISSING = POSTGRES_BIN
  ? undefined
  : "PostgreSQL's initdb is not installed (/usr/lib/postgresql/*/bin): install postgresql to run the PostgreSQL rotation tests";

const MARIADB_BINARIES = [
  "/usr/sbin/mariadbd",
  "/usr/sbin/mysqld",
  "/usr/bin/mariadbd",
  "/usr/bin/mysqld",
];
export const MARIADB_MISSING = MARIADB_BINARIES.some((b) => existsSync(b))
  ? undefined
  : "MariaDB/MySQL is not installed (no mariadbd or mysqld): install mariadb-server to run the MySQL rotation tests";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface PostgresCluster {
  host: string;
  port: number;
  superuser: string;
  superPassword: string;
  /** Runs SQL as the superuser (psql over TCP with the password). */
  sql(statement: string): string;
  stop(): void;
}

/** initdb + pg_ctl start of a scram-sha-256 cluster owned by the postgres user (when root). */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = POSTGRES_BIN!;
  const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-pg-"));
  const data = path.join(dir, "data");
  const superPassword = `super-${Math.random().toString(36).slice(2)}`;
  const pwfile = path.join(dir, "pw");
  writeFileSync(pwfile, superPassword);
  const root = process.getuid?.() === 0;
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  chmodSync(dir, 0o700);
  const as = (command: string, args: string[]) =>
    root
      ? spawnSync("runuser", ["-u", "postgres", "--", command, ...args], { encoding: "utf8" })
      : spawnSync(command, args, { encoding: "utf8" });
  const check = (result: ReturnType<typeof spawnSync>, what: string) => {
    if (result.status !== 0)
      throw new Error(`${what} failed: ${String(result.stderr)}${String(result.stdout)}`);
  };
  check(
    as(path.join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=scram-sha-256",
      `--pwfile=${pwfile}`,
      "-E",
      "UTF8",
      "--no-sync",
    ]),
    "initdb",
  );
  const port = await freePort();
  check(
    as(path.join(bin, "pg_ctl"), [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-t",
      "30",
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      "start",
    ]),
    "pg_ctl start",
  );
  const psql = path.join(bin, "psql");
  return {
    host: "127.0.0.1",
    port,
    superuser: "postgres",
    superPassword,
    sql(statement) {
      const result = spawnSync(
        psql,
        [
          "-h",
          "127.0.0.1",
          "-p",
          String(port),
          "-U",
          "postgres",
          "-d",
          "postgres",
          "-tAc",
          statement,
        ],
        {
          encoding: "utf8",
          env: { ...process.env, PGPASSWORD: superPassword },
        },
      );
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return result.stdout.trim();
    },
    stop() {
      as(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const MARIADB = { host: "127.0.0.1", port: 3306, user: "root", password: "" };

export async function mariadbRoot(): Promise<mysql.Connection> {
  return mysql.createConnection({
    host: MARIADB.host,
    port: MARIADB.port,
    user: MARIADB.user,
    password: MARIADB.password,
  });
}
