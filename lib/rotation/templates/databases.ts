// The database side of the database templates: sign in with a secret's credentials, change a
// user's own password (single user), create or update the clone user with the master secret's
// credentials (alternating users), as AWS's rotation functions do for PostgreSQL and MySQL/MariaDB.
// Passwords go to the server as escaped literals and never into an error message.
import mysql from "mysql2/promise";
import pg from "pg";
import type { DatabaseSecret } from "./catalog";

export interface DatabaseConnection {
  /** The signed-in user changes its own password. */
  setOwnPassword(username: string, password: string): Promise<void>;
  /**
   * With a privileged (master) connection: creates `clone` with the privileges of `original`
   * (by membership in PostgreSQL, by its grants in MySQL) or, when it exists, sets its password.
   */
  upsertClone(original: string, clone: string, password: string): Promise<void>;
  /** A trivial query proving the connection works. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseDriver {
  /** Signs in; undefined when the server refuses these credentials, an error when unreachable. */
  connect(secret: DatabaseSecret, timeoutMs: number): Promise<DatabaseConnection | undefined>;
}

// PostgreSQL: 28P01 invalid_password, 28000 invalid_authorization_specification.
const PG_AUTH_FAILURES = new Set(["28P01", "28000"]);

const postgres: DatabaseDriver = {
  async connect(secret, timeoutMs) {
    const client = new pg.Client({
      host: secret.host,
      port: secret.port ?? 5432,
      database: typeof secret.dbname === "string" ? secret.dbname : "postgres",
      user: secret.username,
      password: secret.password,
      connectionTimeoutMillis: timeoutMs,
      statement_timeout: timeoutMs,
    });
    client.on("error", () => undefined);
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      if (PG_AUTH_FAILURES.has((error as { code?: string }).code ?? "")) return undefined;
      throw connectionError(secret, error);
    }
    const literal = (text: string) => client.escapeLiteral(text);
    const ident = (text: string) => client.escapeIdentifier(text);
    return {
      async setOwnPassword(username, password) {
        await client.query(`ALTER USER ${ident(username)} WITH PASSWORD ${literal(password)}`);
      },
      async upsertClone(original, clone, password) {
        const { rows } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [clone]);
        if (rows.length === 0) {
          await client.query(
            `CREATE ROLE ${ident(clone)} WITH LOGIN PASSWORD ${literal(password)}`,
          );
          // The clone holds the original's privileges through membership, as AWS's template does.
          await client.query(`GRANT ${ident(original)} TO ${ident(clone)}`);
        } else {
          await client.query(`ALTER USER ${ident(clone)} WITH PASSWORD ${literal(password)}`);
        }
      },
      async ping() {
        await client.query("SELECT now()");
      },
      async close() {
        await client.end().catch(() => undefined);
      },
    };
  },
};

// MySQL/MariaDB: 1045 ER_ACCESS_DENIED_ERROR, 1698 ER_ACCESS_DENIED_NO_PASSWORD_ERROR.
const MYSQL_AUTH_FAILURES = new Set([1045, 1698]);

const mysqlDriver: DatabaseDriver = {
  async connect(secret, timeoutMs) {
    let connection: mysql.Connection;
    try {
      connection = await mysql.createConnection({
        host: secret.host,
        port: secret.port ?? 3306,
        user: secret.username,
        password: secret.password,
        database: typeof secret.dbname === "string" ? secret.dbname : undefined,
        connectTimeout: timeoutMs,
      });
    } catch (error) {
      if (MYSQL_AUTH_FAILURES.has((error as { errno?: number }).errno ?? 0)) return undefined;
      throw connectionError(secret, error);
    }
    connection.on("error", () => undefined);
    const literal = (text: string) => connection.escape(text);
    const hostOf = async (user: string): Promise<string> => {
      const [rows] = await connection.query(
        "SELECT Host FROM mysql.user WHERE User = ? ORDER BY Host",
        [user],
      );
      const hosts = (rows as { Host: string }[]).map((r) => r.Host);
      return hosts.includes("%") ? "%" : (hosts[0] ?? "%");
    };
    return {
      async setOwnPassword(_username, password) {
        // As AWS's template: MariaDB and MySQL before 8 take PASSWORD(), MySQL 8 the plain text.
        // (ALTER USER CURRENT_USER() would need the CREATE USER privilege on MariaDB.)
        const [rows] = await connection.query("SELECT VERSION() AS v");
        const version = String((rows as { v: string }[])[0].v);
        const modern = !/mariadb/i.test(version) && Number(version.split(".")[0]) >= 8;
        await connection.query(
          `SET PASSWORD = ${modern ? literal(password) : `PASSWORD(${literal(password)})`}`,
        );
      },
      async upsertClone(original, clone, password) {
        const host = await hostOf(original);
        const cloneSpec = `${literal(clone)}@${literal(host)}`;
        const [existing] = await connection.query(
          "SELECT 1 FROM mysql.user WHERE User = ? AND Host = ?",
          [clone, host],
        );
        if ((existing as unknown[]).length === 0) {
          await connection.query(`CREATE USER ${cloneSpec} IDENTIFIED BY ${literal(password)}`);
          // The clone gets each of the original's grants, as AWS's template copies them.
          const [grants] = await connection.query(
            `SHOW GRANTS FOR ${literal(original)}@${literal(host)}`,
          );
          for (const row of grants as Record<string, string>[]) {
            const grant = Object.values(row)[0].split(" TO ")[0];
            if (/^GRANT /i.test(grant)) await connection.query(`${grant} TO ${cloneSpec}`);
          }
        } else {
          await connection.query(`ALTER USER ${cloneSpec} IDENTIFIED BY ${literal(password)}`);
        }
      },
      async ping() {
        await connection.query("SELECT NOW()");
      },
      async close() {
        await connection.end().catch(() => undefined);
      },
    };
  },
};

/** An error naming the server, never the credentials. */
function connectionError(secret: DatabaseSecret, error: unknown): Error {
  const reason = (error as { message?: string }).message ?? String(error);
  return new Error(
    `Unable to reach the database at ${secret.host}:${secret.port ?? "default port"}: ${reason.replaceAll(secret.password, "***")}`,
  );
}

export function driverFor(engine: "postgres" | "mysql"): DatabaseDriver {
  return engine === "postgres" ? postgres : mysqlDriver;
}
