// Secrets Manager operations against a real database (SQLite, and PostgreSQL where it answers).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import { sqliteFilePath } from "@/lib/config";
import type { Caller } from "@/lib/ops/caller";
import { flushAudit } from "@/lib/ops/operation";
import * as sm from "@/lib/ops/secretsmanager";
import { purgeDeletedSecrets } from "@/lib/ops/secretsmanager";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const TOKEN_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const TOKEN_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
const TOKEN_C = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

async function failure(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error("expected the operation to fail");
}

const list = await providers();

describe.each(list)("Secrets Manager operations on %s", (provider) => {
  let t: TestRuntime;
  let root: Caller;
  let n = 0;
  const unique = (base: string) => `${base}-${++n}x`;

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    root = t.root;
  });
  afterAll(async () => t.dispose());

  describe("CreateSecret", () => {
    it("returns an ARN with six random characters after the name", async () => {
      const out = await sm.createSecret(root, { Name: "prod/db/main", SecretString: "s3cr3t" });
      expect(out.ARN).toMatch(
        /^arn:aws:secretsmanager:us-east-1:111122223333:secret:prod\/db\/main-[a-zA-Z0-9]{6}$/,
      );
      expect(out.Name).toBe("prod/db/main");
      expect(out.VersionId).toMatch(/^[0-9a-f-]{36}$/);
      const value = await sm.getSecretValue(root, { SecretId: "prod/db/main" });
      expect(value.SecretString).toBe("s3cr3t");
      expect(value.VersionStages).toEqual(["AWSCURRENT"]);
    });

    it("refuses names outside AWS's character set and length", async () => {
      expect((await failure(sm.createSecret(root, { Name: "bad name!" }))).code).toBe(
        "ValidationException",
      );
      expect((await failure(sm.createSecret(root, { Name: "a".repeat(513) }))).code).toBe(
        "ValidationException",
      );
      expect((await failure(sm.createSecret(root, { Name: "" }))).code).toBe("ValidationException");
      const ok = await sm.createSecret(root, { Name: "a/b_c+d=e.f@g-h" });
      expect(ok.Name).toBe("a/b_c+d=e.f@g-h");
    });

    it("warns about names ending in a hyphen and six characters", () => {
      expect(sm.nameWarning("app-abcdef")).toMatch(/hyphen followed by six characters/);
      expect(sm.nameWarning("app-abcde")).toBeUndefined();
    });

    it("refuses a second secret with the same name", async () => {
      const name = unique("dup");
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      const error = await failure(sm.createSecret(root, { Name: name, SecretString: "y" }));
      expect(error.code).toBe("ResourceExistsException");
      expect(error.message).toBe(`The operation failed because the secret ${name} already exists.`);
    });

    it("is idempotent for the same ClientRequestToken and value, and refuses another value", async () => {
      const name = unique("idem");
      const first = await sm.createSecret(root, {
        Name: name,
        SecretString: "v1",
        ClientRequestToken: TOKEN_A,
      });
      const again = await sm.createSecret(root, {
        Name: name,
        SecretString: "v1",
        ClientRequestToken: TOKEN_A,
      });
      expect(again).toEqual(first);
      const other = await failure(
        sm.createSecret(root, { Name: name, SecretString: "v2", ClientRequestToken: TOKEN_A }),
      );
      expect(other.code).toBe("ResourceExistsException");
    });

    it("refuses both SecretString and SecretBinary, and values over 65,536 bytes", async () => {
      const both = await failure(
        sm.createSecret(root, {
          Name: unique("both"),
          SecretString: "a",
          SecretBinary: Buffer.from("b"),
        }),
      );
      expect(both.code).toBe("InvalidParameterException");
      const big = await failure(
        sm.createSecret(root, { Name: unique("big"), SecretString: "x".repeat(65_537) }),
      );
      expect(big.code).toBe("InvalidParameterException");
      const max = await sm.createSecret(root, {
        Name: unique("max"),
        SecretString: "x".repeat(65_536),
      });
      expect(max.VersionId).toBeDefined();
    });

    it("stores binary secrets", async () => {
      const name = unique("bin");
      const bytes = Buffer.from([0, 1, 2, 250, 255]);
      await sm.createSecret(root, { Name: name, SecretBinary: bytes });
      const value = await sm.getSecretValue(root, { SecretId: name });
      expect(value.SecretString).toBeUndefined();
      expect(Buffer.compare(value.SecretBinary!, bytes)).toBe(0);
    });

    it("creates a secret without a value: no version until one is put", async () => {
      const name = unique("empty");
      const out = await sm.createSecret(root, { Name: name, Description: "later" });
      expect(out.VersionId).toBeUndefined();
      const error = await failure(sm.getSecretValue(root, { SecretId: name }));
      expect(error.code).toBe("ResourceNotFoundException");
      expect(error.message).toMatch(/staging label: AWSCURRENT/);
      const described = await sm.describeSecret(root, { SecretId: name });
      expect(described.VersionIdsToStages).toBeUndefined();
    });

    it("validates tags", async () => {
      const reserved = await failure(
        sm.createSecret(root, { Name: unique("t"), Tags: [{ Key: "aws:owner", Value: "x" }] }),
      );
      expect(reserved.code).toBe("InvalidParameterException");
      const long = await failure(
        sm.createSecret(root, { Name: unique("t"), Tags: [{ Key: "k".repeat(129), Value: "x" }] }),
      );
      expect(long.code).toBe("ValidationException");
      const tooMany = await failure(
        sm.createSecret(root, {
          Name: unique("t"),
          Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" })),
        }),
      );
      expect(tooMany.code).toBe("LimitExceededException");
    });
  });

  describe("SecretId resolution", () => {
    it("finds a secret by name, full ARN and partial ARN", async () => {
      const name = unique("resolve");
      const { ARN } = await sm.createSecret(root, { Name: name, SecretString: "v" });
      const partial = ARN.slice(0, -7);
      for (const id of [name, ARN, partial]) {
        expect((await sm.getSecretValue(root, { SecretId: id })).ARN).toBe(ARN);
      }
      const missing = await failure(sm.getSecretValue(root, { SecretId: `${name}-nope` }));
      expect(missing.code).toBe("ResourceNotFoundException");
      expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    });
  });

  describe("versions and staging labels", () => {
    it("PutSecretValue moves AWSCURRENT and AWSPREVIOUS", async () => {
      const name = unique("labels");
      const v1 = await sm.createSecret(root, {
        Name: name,
        SecretString: "one",
        ClientRequestToken: TOKEN_A,
      });
      const v2 = await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "two",
        ClientRequestToken: TOKEN_B,
      });
      expect(v2.VersionStages).toEqual(["AWSCURRENT"]);
      expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("two");
      const previous = await sm.getSecretValue(root, {
        SecretId: name,
        VersionStage: "AWSPREVIOUS",
      });
      expect(previous.SecretString).toBe("one");
      expect(previous.VersionId).toBe(v1.VersionId);
      await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "three",
        ClientRequestToken: TOKEN_C,
      });
      const described = await sm.describeSecret(root, { SecretId: name });
      expect(described.VersionIdsToStages).toEqual({
        [TOKEN_C]: ["AWSCURRENT"],
        [TOKEN_B]: ["AWSPREVIOUS"],
      });
      const all = await sm.listSecretVersionIds(root, { SecretId: name, IncludeDeprecated: true });
      expect(all.Versions.map((v) => v.VersionId).sort()).toEqual(
        [TOKEN_A, TOKEN_B, TOKEN_C].sort(),
      );
      const labelled = await sm.listSecretVersionIds(root, { SecretId: name });
      expect(labelled.Versions).toHaveLength(2);
      const old = await sm.getSecretValue(root, { SecretId: name, VersionId: TOKEN_A });
      expect(old.SecretString).toBe("one");
      expect(old.VersionStages).toEqual([]);
    });

    it("PutSecretValue is idempotent per token and refuses changing a version", async () => {
      const name = unique("put-idem");
      await sm.createSecret(root, { Name: name, SecretString: "one" });
      const a = await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "two",
        ClientRequestToken: TOKEN_A,
      });
      const b = await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "two",
        ClientRequestToken: TOKEN_A,
      });
      expect(b.VersionId).toBe(a.VersionId);
      const error = await failure(
        sm.putSecretValue(root, {
          SecretId: name,
          SecretString: "other",
          ClientRequestToken: TOKEN_A,
        }),
      );
      expect(error.code).toBe("ResourceExistsException");
      const none = await failure(sm.putSecretValue(root, { SecretId: name }));
      expect(none.code).toBe("InvalidRequestException");
    });

    it("PutSecretValue with custom stages leaves AWSCURRENT where it was", async () => {
      const name = unique("custom");
      await sm.createSecret(root, { Name: name, SecretString: "live" });
      await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "staged",
        VersionStages: ["STAGING", "canary"],
        ClientRequestToken: TOKEN_A,
      });
      expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("live");
      const staged = await sm.getSecretValue(root, { SecretId: name, VersionStage: "canary" });
      expect(staged.SecretString).toBe("staged");
      expect(staged.VersionStages.sort()).toEqual(["STAGING", "canary"]);
    });

    it("UpdateSecretVersionStage moves labels atomically, with AWS's rules", async () => {
      const name = unique("uvs");
      await sm.createSecret(root, { Name: name, SecretString: "one", ClientRequestToken: TOKEN_A });
      await sm.putSecretValue(root, {
        SecretId: name,
        SecretString: "two",
        VersionStages: ["AWSPENDING"],
        ClientRequestToken: TOKEN_B,
      });
      const missingRemove = await failure(
        sm.updateSecretVersionStage(root, {
          SecretId: name,
          VersionStage: "AWSCURRENT",
          MoveToVersionId: TOKEN_B,
        }),
      );
      expect(missingRemove.code).toBe("InvalidParameterException");
      await sm.updateSecretVersionStage(root, {
        SecretId: name,
        VersionStage: "AWSCURRENT",
        MoveToVersionId: TOKEN_B,
        RemoveFromVersionId: TOKEN_A,
      });
      const described = await sm.describeSecret(root, { SecretId: name });
      expect(described.VersionIdsToStages![TOKEN_B].sort()).toEqual(["AWSCURRENT", "AWSPENDING"]);
      expect(described.VersionIdsToStages![TOKEN_A]).toEqual(["AWSPREVIOUS"]);
      await sm.updateSecretVersionStage(root, {
        SecretId: name,
        VersionStage: "AWSPENDING",
        RemoveFromVersionId: TOKEN_B,
      });
      const after = await sm.describeSecret(root, { SecretId: name });
      expect(after.VersionIdsToStages![TOKEN_B]).toEqual(["AWSCURRENT"]);
      expect(after.VersionIdsToStages![TOKEN_A]).toEqual(["AWSPREVIOUS"]);
      const cannotDrop = await failure(
        sm.updateSecretVersionStage(root, {
          SecretId: name,
          VersionStage: "AWSCURRENT",
          RemoveFromVersionId: TOKEN_B,
        }),
      );
      expect(cannotDrop.code).toBe("InvalidParameterException");
      const noVersion = await failure(
        sm.updateSecretVersionStage(root, {
          SecretId: name,
          VersionStage: "X",
          MoveToVersionId: "dddddddd-dddd-4ddd-8ddd-dddddddddddd",
        }),
      );
      expect(noVersion.code).toBe("ResourceNotFoundException");
    });

    // AWS: "Secrets Manager removes outdated versions when there are more than 100, but it does
    // not remove versions created less than 24 hours ago."
    describe("the quota of 100 versions", () => {
      const DAY = 86_400_000;
      /** Runs `fn` with the clock `daysAgo` days back, a second further at every reading. */
      async function inThePast<T>(daysAgo: number, fn: () => Promise<T>): Promise<T> {
        const real = t.now;
        let at = Date.now() - daysAgo * DAY;
        t.now = () => new Date((at += 1000));
        try {
          return await fn();
        } finally {
          t.now = real;
        }
      }
      /** A secret with `count` versions v0..v(count-1); v(count-1) is AWSCURRENT. */
      async function secretWithVersions(name: string, count: number) {
        const ids: string[] = [];
        ids.push((await sm.createSecret(root, { Name: name, SecretString: "v0" })).VersionId!);
        for (let i = 1; i < count; i++) {
          const out = await sm.putSecretValue(root, { SecretId: name, SecretString: `v${i}` });
          ids.push(out.VersionId);
        }
        return ids;
      }
      const versionCount = async (name: string) =>
        (
          await sm.listSecretVersionIds(root, {
            SecretId: name,
            IncludeDeprecated: true,
            MaxResults: 100,
          })
        ).Versions.length;

      it("removes unlabelled versions older than a day, oldest first, beyond 100", async () => {
        const name = unique("quota");
        const ids = await inThePast(2, () => secretWithVersions(name, 100));
        // A label of one's own keeps a version however old it is.
        await sm.updateSecretVersionStage(root, {
          SecretId: name,
          VersionStage: "KEEP",
          MoveToVersionId: ids[0],
        });
        await sm.putSecretValue(root, { SecretId: name, SecretString: "v100" });
        await sm.putSecretValue(root, { SecretId: name, SecretString: "v101" });
        expect(await versionCount(name)).toBe(100);
        expect(
          (await sm.getSecretValue(root, { SecretId: name, VersionId: ids[0] })).SecretString,
        ).toBe("v0");
        for (const gone of [ids[1], ids[2]]) {
          const missing = await failure(
            sm.getSecretValue(root, { SecretId: name, VersionId: gone }),
          );
          expect(missing.code).toBe("ResourceNotFoundException");
        }
        expect(
          (await sm.getSecretValue(root, { SecretId: name, VersionId: ids[3] })).SecretString,
        ).toBe("v3");
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("v101");
        expect(
          (await sm.getSecretValue(root, { SecretId: name, VersionStage: "AWSPREVIOUS" }))
            .SecretString,
        ).toBe("v100");
      });

      it("refuses a 101st version while the 100 are less than a day old", async () => {
        const name = unique("quota-recent");
        await inThePast(0.5, () => secretWithVersions(name, 100));
        const refused = await failure(
          sm.putSecretValue(root, { SecretId: name, SecretString: "v100" }),
        );
        expect(refused.code).toBe("LimitExceededException");
        const viaUpdate = await failure(
          sm.updateSecret(root, { SecretId: name, SecretString: "v100" }),
        );
        expect(viaUpdate.code).toBe("LimitExceededException");
        // Nothing was half made: the refused versions are not there.
        expect(await versionCount(name)).toBe(100);
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("v99");

        // A day after the oldest were made, they may go.
        const real = t.now;
        t.now = () => new Date(Date.now() + DAY);
        try {
          await sm.putSecretValue(root, { SecretId: name, SecretString: "v100" });
        } finally {
          t.now = real;
        }
        expect(await versionCount(name)).toBe(100);
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("v100");
      });
    });
  });

  describe("UpdateSecret", () => {
    it("changes the description and, with a value, makes a new AWSCURRENT version", async () => {
      const name = unique("upd");
      await sm.createSecret(root, { Name: name, SecretString: "one", Description: "old" });
      const meta = await sm.updateSecret(root, { SecretId: name, Description: "new words here" });
      expect(meta.VersionId).toBeUndefined();
      expect((await sm.describeSecret(root, { SecretId: name })).Description).toBe(
        "new words here",
      );
      const withValue = await sm.updateSecret(root, { SecretId: name, SecretString: "two" });
      expect(withValue.VersionId).toBeDefined();
      expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("two");
      const nothing = await failure(sm.updateSecret(root, { SecretId: name }));
      expect(nothing.code).toBe("InvalidRequestException");
    });
  });

  describe("ListSecrets", () => {
    const prefix = `ls${Date.now() % 100000}`;
    beforeAll(async () => {
      await sm.createSecret(root, {
        Name: `${prefix}/Alpha`,
        Description: "Database credentials for payments",
        Tags: [{ Key: "ServerName", Value: "ServerABC" }],
        SecretString: "a",
      });
      await sm.createSecret(root, {
        Name: `${prefix}/beta`,
        Description: "API key",
        Tags: [{ Key: "team", Value: "payments" }],
        SecretString: "b",
      });
      await sm.createSecret(root, { Name: `${prefix}/Gamma`, SecretString: "c" });
    });
    const names = (out: Awaited<ReturnType<typeof sm.listSecrets>>) =>
      out.SecretList.map((s) => s.Name);

    it("filters by name prefix, case-sensitively, with negation", async () => {
      expect(
        names(await sm.listSecrets(root, { Filters: [{ Key: "name", Values: [`${prefix}/A`] }] })),
      ).toEqual([`${prefix}/Alpha`]);
      expect(
        names(await sm.listSecrets(root, { Filters: [{ Key: "name", Values: [`${prefix}/a`] }] })),
      ).toEqual([]);
      const negated = await sm.listSecrets(root, {
        Filters: [
          { Key: "name", Values: [prefix] },
          { Key: "name", Values: [`!${prefix}/b`] },
        ],
      });
      expect(names(negated).sort()).toEqual([`${prefix}/Alpha`, `${prefix}/Gamma`]);
    });

    it("filters by description words, tags and all attributes", async () => {
      const scoped = { Key: "name" as const, Values: [prefix] };
      expect(
        names(
          await sm.listSecrets(root, {
            Filters: [scoped, { Key: "description", Values: ["database"] }],
          }),
        ),
      ).toEqual([`${prefix}/Alpha`]);
      expect(
        names(
          await sm.listSecrets(root, { Filters: [scoped, { Key: "tag-key", Values: ["Server"] }] }),
        ),
      ).toEqual([`${prefix}/Alpha`]);
      expect(
        names(
          await sm.listSecrets(root, { Filters: [scoped, { Key: "tag-value", Values: ["pay"] }] }),
        ),
      ).toEqual([`${prefix}/beta`]);
      const all = await sm.listSecrets(root, {
        Filters: [scoped, { Key: "all", Values: ["PAYMENTS"] }],
      });
      expect(names(all).sort()).toEqual([`${prefix}/Alpha`, `${prefix}/beta`]);
      const bad = await failure(
        sm.listSecrets(root, { Filters: [{ Key: "color" as never, Values: ["x"] }] }),
      );
      // An unknown key breaks the model's enum: AWS's front end answers ValidationException.
      expect(bad.code).toBe("ValidationException");
    });

    it("pages with NextToken and sorts both ways", async () => {
      const filters = [{ Key: "name" as const, Values: [prefix] }];
      const seen: string[] = [];
      let token: string | undefined;
      do {
        const page = await sm.listSecrets(root, {
          Filters: filters,
          MaxResults: 2,
          NextToken: token,
        });
        expect(page.SecretList.length).toBeLessThanOrEqual(2);
        seen.push(...names(page));
        token = page.NextToken;
      } while (token);
      expect(seen).toEqual([`${prefix}/Alpha`, `${prefix}/beta`, `${prefix}/Gamma`]);
      const desc = await sm.listSecrets(root, { Filters: filters, SortOrder: "desc" });
      expect(names(desc)).toEqual([`${prefix}/Gamma`, `${prefix}/beta`, `${prefix}/Alpha`]);
      const byName = await sm.listSecrets(root, { Filters: filters, SortBy: "name" });
      expect(names(byName)).toEqual([`${prefix}/Alpha`, `${prefix}/Gamma`, `${prefix}/beta`]);
      const bad = await failure(sm.listSecrets(root, { NextToken: "%%%" }));
      expect(bad.code).toBe("InvalidNextTokenException");
    });

    it("hides secrets scheduled for deletion unless asked", async () => {
      const name = `${prefix}/doomed`;
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      await sm.deleteSecret(root, { SecretId: name, RecoveryWindowInDays: 7 });
      const filters = [{ Key: "name" as const, Values: [name] }];
      expect(names(await sm.listSecrets(root, { Filters: filters }))).toEqual([]);
      const planned = await sm.listSecrets(root, {
        Filters: filters,
        IncludePlannedDeletion: true,
      });
      expect(names(planned)).toEqual([name]);
      expect(planned.SecretList[0].DeletedDate).toBeInstanceOf(Date);
    });
  });

  describe("DeleteSecret and RestoreSecret", () => {
    it("schedules deletion in the recovery window, refuses access, and restores", async () => {
      const name = unique("del");
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      const before = Date.now();
      const out = await sm.deleteSecret(root, { SecretId: name, RecoveryWindowInDays: 7 });
      const days = (out.DeletionDate.getTime() - before) / 86_400_000;
      expect(days).toBeGreaterThan(6.99);
      expect(days).toBeLessThan(7.01);
      const denied = await failure(sm.getSecretValue(root, { SecretId: name }));
      expect(denied.code).toBe("InvalidRequestException");
      expect(denied.message).toMatch(/marked for deletion/);
      const again = await failure(sm.createSecret(root, { Name: name, SecretString: "y" }));
      expect(again.message).toMatch(/already scheduled for deletion/);
      await sm.restoreSecret(root, { SecretId: name });
      expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("x");
      expect((await sm.describeSecret(root, { SecretId: name })).DeletedDate).toBeUndefined();
    });

    it("checks the recovery window and the force flag", async () => {
      const name = unique("win");
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      for (const days of [6, 31]) {
        const error = await failure(
          sm.deleteSecret(root, { SecretId: name, RecoveryWindowInDays: days }),
        );
        expect(error.code).toBe("InvalidParameterException");
      }
      const both = await failure(
        sm.deleteSecret(root, {
          SecretId: name,
          RecoveryWindowInDays: 7,
          ForceDeleteWithoutRecovery: true,
        }),
      );
      expect(both.code).toBe("InvalidParameterException");
      await sm.deleteSecret(root, { SecretId: name, ForceDeleteWithoutRecovery: true });
      expect((await failure(sm.describeSecret(root, { SecretId: name }))).code).toBe(
        "ResourceNotFoundException",
      );
      await sm.createSecret(root, { Name: name, SecretString: "reborn" });
    });

    it("purges secrets whose window has passed", async () => {
      const name = unique("purge");
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      await sm.deleteSecret(root, { SecretId: name, RecoveryWindowInDays: 7 });
      expect(await purgeDeletedSecrets({ db: t.db, now: () => new Date() })).toBe(0);
      const later = new Date(Date.now() + 8 * 86_400_000);
      expect(await purgeDeletedSecrets({ db: t.db, now: () => later })).toBeGreaterThanOrEqual(1);
      expect((await failure(sm.describeSecret(root, { SecretId: name }))).code).toBe(
        "ResourceNotFoundException",
      );
    });
  });

  describe("tags and resource policies", () => {
    it("tags and untags, and search follows", async () => {
      const name = unique("tags");
      await sm.createSecret(root, { Name: name, SecretString: "x" });
      await sm.tagResource(root, {
        SecretId: name,
        Tags: [
          { Key: "env", Value: "prod" },
          { Key: "owner", Value: "ops" },
        ],
      });
      await sm.tagResource(root, { SecretId: name, Tags: [{ Key: "env", Value: "staging" }] });
      expect((await sm.describeSecret(root, { SecretId: name })).Tags).toEqual([
        { Key: "env", Value: "staging" },
        { Key: "owner", Value: "ops" },
      ]);
      const found = await sm.listSecrets(root, {
        Filters: [
          { Key: "name", Values: [name] },
          { Key: "tag-value", Values: ["staging"] },
        ],
      });
      expect(found.SecretList).toHaveLength(1);
      await sm.untagResource(root, { SecretId: name, TagKeys: ["env"] });
      expect((await sm.describeSecret(root, { SecretId: name })).Tags).toEqual([
        { Key: "owner", Value: "ops" },
      ]);
    });

    it("stores, validates and deletes a resource policy; blocks public ones", async () => {
      const name = unique("rp");
      const { ARN } = await sm.createSecret(root, { Name: name, SecretString: "x" });
      const policy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: "arn:aws:iam::111122223333:user/app" },
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
          },
        ],
      });
      await sm.putResourcePolicy(root, { SecretId: name, ResourcePolicy: policy });
      expect((await sm.getResourcePolicy(root, { SecretId: ARN })).ResourcePolicy).toBe(policy);
      const publicPolicy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "secretsmanager:*", Resource: "*" }],
      });
      const blocked = await failure(
        sm.putResourcePolicy(root, {
          SecretId: name,
          ResourcePolicy: publicPolicy,
          BlockPublicPolicy: true,
        }),
      );
      expect(blocked.code).toBe("PublicPolicyException");
      const malformed = await failure(
        sm.putResourcePolicy(root, { SecretId: name, ResourcePolicy: "{ nope" }),
      );
      expect(malformed.code).toBe("MalformedPolicyDocumentException");
      const validation = await sm.validateResourcePolicy(root, { ResourcePolicy: publicPolicy });
      expect(validation.PolicyValidationPassed).toBe(false);
      expect(
        (await sm.validateResourcePolicy(root, { ResourcePolicy: policy })).PolicyValidationPassed,
      ).toBe(true);
      await sm.deleteResourcePolicy(root, { SecretId: name });
      expect((await sm.getResourcePolicy(root, { SecretId: name })).ResourcePolicy).toBeUndefined();
    });
  });

  describe("BatchGetSecretValue and GetRandomPassword", () => {
    it("returns values and per-secret errors", async () => {
      const a = unique("batch");
      await sm.createSecret(root, { Name: a, SecretString: "va" });
      const out = await sm.batchGetSecretValue(root, { SecretIdList: [a, `${a}-missing`] });
      expect(out.SecretValues.map((v) => v.SecretString)).toEqual(["va"]);
      expect(out.Errors).toEqual([
        expect.objectContaining({
          SecretId: `${a}-missing`,
          ErrorCode: "ResourceNotFoundException",
        }),
      ]);
      const both = await failure(
        sm.batchGetSecretValue(root, {
          SecretIdList: [a],
          Filters: [{ Key: "name", Values: [a] }],
        }),
      );
      expect(both.code).toBe("InvalidParameterException");
      const byFilter = await sm.batchGetSecretValue(root, {
        Filters: [{ Key: "name", Values: [a] }],
      });
      expect(byFilter.SecretValues.map((v) => v.Name)).toEqual([a]);
    });

    it("generates passwords with AWS's options", async () => {
      const { RandomPassword } = await sm.getRandomPassword(root, {
        PasswordLength: 40,
        ExcludePunctuation: true,
      });
      expect(RandomPassword).toMatch(/^[A-Za-z0-9]{40}$/);
      expect((await failure(sm.getRandomPassword(root, { PasswordLength: 0 }))).code).toBe(
        "ValidationException",
      );
    });
  });

  describe("authorization and audit", () => {
    const alice: Caller = {
      principal: {
        type: "User",
        arn: "arn:aws:iam::111122223333:user/alice",
        accountId: "111122223333",
        name: "alice",
        id: "AIDAEXAMPLEALICE",
      },
      via: "console",
      sourceIp: "203.0.113.9",
    };

    it("refuses a principal without permission in AWS's words, and changes nothing", async () => {
      const name = unique("denied");
      const error = await failure(sm.createSecret(alice, { Name: name, SecretString: "x" }));
      expect(error.code).toBe("AccessDeniedException");
      expect(error.message).toMatch(
        /^User: arn:aws:iam::111122223333:user\/alice is not authorized to perform: secretsmanager:CreateSecret on resource: arn:aws:secretsmanager:us-east-1:111122223333:secret:.+ because no identity-based policy allows the secretsmanager:CreateSecret action$/,
      );
      expect(await t.db.secret.count({ where: { name } })).toBe(0);
    });

    it("records every call with secret values redacted", async () => {
      const name = unique("audited");
      await sm.createSecret(root, { Name: name, SecretString: "never-in-the-log" });
      await sm.getSecretValue(root, { SecretId: name });
      await failure(sm.getSecretValue(alice, { SecretId: name }));
      await flushAudit();
      const rows = await t.db.auditEvent.findMany({
        where: { requestParameters: { contains: name } },
        orderBy: { time: "asc" },
      });
      expect(rows.map((r) => [r.action, r.decision])).toEqual([
        ["secretsmanager:CreateSecret", "allowed"],
        ["secretsmanager:GetSecretValue", "allowed"],
        ["secretsmanager:GetSecretValue", "denied"],
      ]);
      expect(rows[2].principalArn).toBe(alice.principal.arn);
      expect(rows[2].sourceIp).toBe("203.0.113.9");
      expect(rows[2].errorCode).toBe("AccessDeniedException");
      for (const row of rows) expect(row.requestParameters).not.toContain("never-in-the-log");
      expect(rows[0].requestParameters).toContain("HIDDEN_DUE_TO_SECURITY_REASONS");
    });
  });

  if (provider === "sqlite") {
    it("never stores a secret value in plaintext (the database file holds only ciphertext)", async () => {
      const marker = "PLAINTEXT-CANARY-7f3a9c1e";
      await sm.createSecret(root, { Name: unique("canary"), SecretString: marker });
      await sm.putSecretValue(root, { SecretId: `canary-${n}x`, SecretString: `${marker}-2` });
      await t.db.$executeRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)").catch(() => undefined);
      const file = sqliteFilePath(t.config.url);
      const dir = path.dirname(file);
      for (const entry of readdirSync(dir)) {
        const bytes = readFileSync(path.join(dir, entry));
        expect(bytes.includes(Buffer.from(marker)), entry).toBe(false);
      }
    });
  }
});
