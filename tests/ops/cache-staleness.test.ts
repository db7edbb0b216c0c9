// The read path's caches never serve what another writer has changed: two runtimes (two Prisma
// clients and two plain-SQL readers, as two server instances or the server and the CLI have) on
// one database, and — on SQLite — a separate OS process writing the file directly. A change made
// on one side is seen by the very next read on the other, with every cache warm.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteFilePath } from "@/lib/config";
import { createDb, type Db } from "@/lib/db/client";
import { createSqlStore, type SqlStore } from "@/lib/db/sql-store";
import { AwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import { setRuntime, type Runtime } from "@/lib/ops/runtime";
import * as sm from "@/lib/ops/secretsmanager";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";

async function failure(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error("expected the operation to fail");
}

/** Runs `sql` against the SQLite file from another OS process (what the CLI or a peer does). */
function writeFromAnotherProcess(file: string, sql: string, params: unknown[]): void {
  const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(process.argv[1], { timeout: 10000 });
    const info = db.prepare(process.argv[2]).run(...JSON.parse(process.argv[3]));
    if (info.changes !== 1) throw new Error("expected one row changed, got " + info.changes);
    db.close();`;
  execFileSync(process.execPath, ["-e", script, file, sql, JSON.stringify(params)], {
    stdio: "pipe",
  });
}

const list = await providers();

describe.each(list)("caches across writers on %s", (provider) => {
  let a: TestRuntime;
  let b: Runtime;
  let bDb: Db;
  let bSql: SqlStore;
  let reader: Caller;
  let n = 0;
  const unique = (base: string) => `${base}-${++n}c`;

  /** Runs `fn` with runtime `rt` installed (operations resolve their runtime when called). */
  async function on<T>(rt: Runtime, fn: () => Promise<T>): Promise<T> {
    setRuntime(rt);
    try {
      return await fn();
    } finally {
      setRuntime(a);
    }
  }

  beforeAll(async () => {
    a = await createTestRuntime(provider);
    bDb = createDb(a.config);
    bSql = createSqlStore(a.config);
    b = { ...a, db: bDb, sql: bSql };
    const user = await iam.createUser(a.root, { UserName: "cache-reader" });
    reader = {
      principal: {
        type: "User",
        arn: user.User.Arn,
        accountId: ACCOUNT,
        name: "cache-reader",
        id: user.User.UserId,
      },
      via: "api",
    };
    await iam.putUserPolicy(a.root, {
      UserName: "cache-reader",
      PolicyName: "ReadAll",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
      }),
    });
  });
  afterAll(async () => {
    await bSql.close();
    await bDb.$disconnect();
    await a.dispose();
  });

  /** Reads a few times so every cache on A's side holds the secret. */
  async function warm(secretId: string, caller: Caller = a.root) {
    for (let i = 0; i < 3; i++) await sm.getSecretValue(caller, { SecretId: secretId });
    return sm.getSecretValue(caller, { SecretId: secretId });
  }

  it("serves a value another instance put at the very next read", async () => {
    const name = unique("put");
    await sm.createSecret(a.root, { Name: name, SecretString: "one" });
    expect((await warm(name)).SecretString).toBe("one");
    const put = await on(b, () =>
      sm.putSecretValue(a.root, { SecretId: name, SecretString: "two" }),
    );
    const read = await sm.getSecretValue(a.root, { SecretId: name });
    expect(read.SecretString).toBe("two");
    expect(read.VersionId).toBe(put.VersionId);
    // And the other way round.
    await sm.putSecretValue(a.root, { SecretId: name, SecretString: "three" });
    expect((await on(b, () => sm.getSecretValue(a.root, { SecretId: name }))).SecretString).toBe(
      "three",
    );
  });

  it("refuses a secret another instance deleted, and forgets one it purged", async () => {
    const name = unique("del");
    await sm.createSecret(a.root, { Name: name, SecretString: "v" });
    await warm(name);
    await on(b, () => sm.deleteSecret(a.root, { SecretId: name, RecoveryWindowInDays: 7 }));
    const marked = await failure(sm.getSecretValue(a.root, { SecretId: name }));
    expect(marked.code).toBe("InvalidRequestException");
    expect(marked.message).toMatch(/marked for deletion/);

    const gone = unique("gone");
    await sm.createSecret(a.root, { Name: gone, SecretString: "v" });
    await warm(gone);
    await on(b, () =>
      sm.deleteSecret(a.root, { SecretId: gone, ForceDeleteWithoutRecovery: true }),
    );
    expect((await failure(sm.getSecretValue(a.root, { SecretId: gone }))).code).toBe(
      "ResourceNotFoundException",
    );
  });

  it("denies at once when another instance adds a tag a policy denies on", async () => {
    const name = unique("tag");
    await sm.createSecret(a.root, { Name: name, SecretString: "v" });
    await iam.putUserPolicy(a.root, {
      UserName: "cache-reader",
      PolicyName: "DenyLocked",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
            Condition: { StringEquals: { "secretsmanager:ResourceTag/locked": "yes" } },
          },
        ],
      }),
    });
    expect((await warm(name, reader)).SecretString).toBe("v");
    await on(b, () =>
      sm.tagResource(a.root, { SecretId: name, Tags: [{ Key: "locked", Value: "yes" }] }),
    );
    const denied = await failure(sm.getSecretValue(reader, { SecretId: name }));
    expect(denied.code).toBe("AccessDeniedException");
    await iam.deleteUserPolicy(a.root, { UserName: "cache-reader", PolicyName: "DenyLocked" });
  });

  it("denies at once when another instance removes the caller's permission", async () => {
    const name = unique("policy");
    await sm.createSecret(a.root, { Name: name, SecretString: "v" });
    expect((await warm(name, reader)).SecretString).toBe("v");
    await on(b, () =>
      iam.deleteUserPolicy(a.root, { UserName: "cache-reader", PolicyName: "ReadAll" }),
    );
    const denied = await failure(sm.getSecretValue(reader, { SecretId: name }));
    expect(denied.code).toBe("AccessDeniedException");
    expect(denied.message).toContain(
      `User: ${reader.principal.arn} is not authorized to perform: secretsmanager:GetSecretValue`,
    );
    await on(b, () =>
      iam.putUserPolicy(a.root, {
        UserName: "cache-reader",
        PolicyName: "ReadAll",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
        }),
      }),
    );
    expect((await sm.getSecretValue(reader, { SecretId: name })).SecretString).toBe("v");
  });

  it("sees a resource policy another instance attached", async () => {
    const name = unique("rp");
    const created = await sm.createSecret(a.root, { Name: name, SecretString: "v" });
    expect((await warm(name, reader)).SecretString).toBe("v");
    await on(b, () =>
      sm.putResourcePolicy(a.root, {
        SecretId: name,
        ResourcePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: { AWS: reader.principal.arn },
              Action: "secretsmanager:GetSecretValue",
              Resource: created.ARN,
            },
          ],
        }),
      }),
    );
    expect((await failure(sm.getSecretValue(reader, { SecretId: name }))).code).toBe(
      "AccessDeniedException",
    );
  });

  it.runIf(provider === "sqlite")(
    "sees rows another OS process changed in the file directly",
    async () => {
      const file = sqliteFilePath(a.config.url);
      const name = unique("proc");
      const created = await sm.createSecret(a.root, {
        Name: name,
        SecretString: "v",
        Description: "before",
      });
      await warm(name);
      expect((await a.sql.secret({ name }))?.description).toBe("before");

      writeFromAnotherProcess(file, `UPDATE "Secret" SET "description" = ? WHERE "arn" = ?`, [
        "after",
        created.ARN,
      ]);
      expect((await a.sql.secret({ name }))?.description).toBe("after");
      expect((await a.sql.secret({ arn: created.ARN }))?.description).toBe("after");

      writeFromAnotherProcess(
        file,
        `UPDATE "Secret" SET "deletedDate" = ?, "deletionDate" = ? WHERE "arn" = ?`,
        ["2026-01-01T00:00:00.000+00:00", "2099-01-01T00:00:00.000+00:00", created.ARN],
      );
      expect((await failure(sm.getSecretValue(a.root, { SecretId: name }))).code).toBe(
        "InvalidRequestException",
      );

      writeFromAnotherProcess(file, `UPDATE "Setting" SET "value" = ? WHERE "key" = ?`, [
        "from-another-process",
        "iam.generation",
      ]);
      expect(await a.sql.setting("iam.generation")).toBe("from-another-process");
    },
  );

  it.runIf(provider === "sqlite")(
    "hands out records nobody can alter (they are shared between callers)",
    async () => {
      const name = unique("frozen");
      await sm.createSecret(a.root, {
        Name: name,
        SecretString: "v",
        Tags: [{ Key: "k", Value: "v" }],
      });
      const first = await a.sql.secret({ name });
      const again = await a.sql.secret({ name });
      expect(again).toBe(first);
      expect(Object.isFrozen(first)).toBe(true);
      expect(Object.isFrozen(first!.tags)).toBe(true);
      expect(Object.isFrozen(first!.tags[0])).toBe(true);
      expect(() => {
        (first as { name: string }).name = "other";
      }).toThrow(TypeError);
      const version = await a.sql.version(first!.id, { stage: "AWSCURRENT" });
      expect(Object.isFrozen(version)).toBe(true);
      expect(await a.sql.version(first!.id, { stage: "AWSCURRENT" })).toBe(version);
    },
  );
});
