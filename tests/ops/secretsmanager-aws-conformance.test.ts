// Secrets Manager operations held to AWS's API reference where an earlier version drifted from it:
// UpdateSecret's ClientRequestToken idempotency, the first PutSecretValue version's AWSCURRENT,
// UpdateSecretVersionStage on a label attached nowhere, BlockPublicPolicy's default, the model's
// shape constraints (ValidationException), and an answer for the replication operations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import * as sm from "@/lib/ops/secretsmanager";
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

describe.each(await providers())(
  "Secrets Manager against AWS's API reference on %s",
  (provider) => {
    let t: TestRuntime;
    let root: Caller;
    let n = 0;
    const unique = (base: string) => `${base}-${++n}x`;

    beforeAll(async () => {
      t = await createTestRuntime(provider);
      root = t.root;
    });
    afterAll(async () => t.dispose());

    const versions = async (secretId: string) =>
      (await sm.listSecretVersionIds(root, { SecretId: secretId, IncludeDeprecated: true }))
        .Versions;

    describe("UpdateSecret with a ClientRequestToken", () => {
      it("ignores a retry with the same value, and refuses another value for that token", async () => {
        const name = unique("upd-idem");
        await sm.createSecret(root, {
          Name: name,
          SecretString: "one",
          ClientRequestToken: TOKEN_A,
        });
        const first = await sm.updateSecret(root, {
          SecretId: name,
          SecretString: "two",
          ClientRequestToken: TOKEN_B,
        });
        expect(first.VersionId).toBe(TOKEN_B);
        const retry = await sm.updateSecret(root, {
          SecretId: name,
          SecretString: "two",
          ClientRequestToken: TOKEN_B,
        });
        expect(retry).toEqual(first);
        const after = await versions(name);
        expect(after).toHaveLength(2);
        // The retry moved no label: TOKEN_A is still AWSPREVIOUS, not deprecated.
        expect(Object.fromEntries(after.map((v) => [v.VersionId, v.VersionStages]))).toEqual({
          [TOKEN_A]: ["AWSPREVIOUS"],
          [TOKEN_B]: ["AWSCURRENT"],
        });

        const other = await failure(
          sm.updateSecret(root, {
            SecretId: name,
            SecretString: "three",
            ClientRequestToken: TOKEN_B,
          }),
        );
        expect(other.code).toBe("ResourceExistsException");
        expect(other.message).toBe(
          "You can't modify an existing version, you can only create a new version.",
        );
        const binary = await failure(
          sm.updateSecret(root, {
            SecretId: name,
            SecretBinary: Buffer.from("two"),
            ClientRequestToken: TOKEN_B,
          }),
        );
        expect(binary.code).toBe("ResourceExistsException");
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("two");
      });

      it("still applies a new description on a retried value", async () => {
        const name = unique("upd-desc");
        await sm.createSecret(root, { Name: name, SecretString: "v", ClientRequestToken: TOKEN_A });
        await sm.updateSecret(root, {
          SecretId: name,
          SecretString: "v",
          ClientRequestToken: TOKEN_A,
          Description: "retried with a description",
        });
        const described = await sm.describeSecret(root, { SecretId: name });
        expect(described.Description).toBe("retried with a description");
        expect(described.VersionIdsToStages).toEqual({ [TOKEN_A]: ["AWSCURRENT"] });
      });
    });

    describe("PutSecretValue's VersionStages", () => {
      it("attaches AWSCURRENT to the first version whatever VersionStages says", async () => {
        const name = unique("first-version");
        await sm.createSecret(root, { Name: name });
        const put = await sm.putSecretValue(root, {
          SecretId: name,
          SecretString: "first",
          ClientRequestToken: TOKEN_A,
          VersionStages: ["CUSTOM"],
        });
        expect([...put.VersionStages].sort()).toEqual(["AWSCURRENT", "CUSTOM"]);
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("first");

        // Later versions get only the labels asked for.
        const second = await sm.putSecretValue(root, {
          SecretId: name,
          SecretString: "second",
          ClientRequestToken: TOKEN_B,
          VersionStages: ["STAGED"],
        });
        expect(second.VersionStages).toEqual(["STAGED"]);
        expect((await sm.getSecretValue(root, { SecretId: name })).VersionId).toBe(TOKEN_A);
      });
    });

    describe("UpdateSecretVersionStage", () => {
      it("refuses to remove a label attached to no version, in AWS's terms, changing nothing", async () => {
        const name = unique("usvs");
        await sm.createSecret(root, { Name: name, SecretString: "v", ClientRequestToken: TOKEN_A });
        const error = await failure(
          sm.updateSecretVersionStage(root, { SecretId: name, VersionStage: "NOWHERE" }),
        );
        expect(error.code).toBe("InvalidParameterException");
        expect(error.message).toMatch(/NOWHERE is not attached to any version/);
        const removeFrom = await failure(
          sm.updateSecretVersionStage(root, {
            SecretId: name,
            VersionStage: "NOWHERE",
            RemoveFromVersionId: TOKEN_A,
          }),
        );
        expect(removeFrom.code).toBe("InvalidParameterException");
        // Attaching it with MoveToVersionId alone works.
        await sm.updateSecretVersionStage(root, {
          SecretId: name,
          VersionStage: "NOWHERE",
          MoveToVersionId: TOKEN_A,
        });
        expect((await sm.describeSecret(root, { SecretId: name })).VersionIdsToStages).toEqual({
          [TOKEN_A]: ["AWSCURRENT", "NOWHERE"],
        });
      });
    });

    describe("PutResourcePolicy's BlockPublicPolicy", () => {
      const publicPolicy = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: "*",
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
          },
        ],
      });

      it("does not block public policies by default, and blocks them when asked", async () => {
        const name = unique("public");
        await sm.createSecret(root, { Name: name, SecretString: "v" });
        const blocked = await failure(
          sm.putResourcePolicy(root, {
            SecretId: name,
            ResourcePolicy: publicPolicy,
            BlockPublicPolicy: true,
          }),
        );
        expect(blocked.code).toBe("PublicPolicyException");
        expect(blocked.message).toMatch(/BlockPublicPolicy/);
        expect(
          (await sm.getResourcePolicy(root, { SecretId: name })).ResourcePolicy,
        ).toBeUndefined();

        await sm.putResourcePolicy(root, { SecretId: name, ResourcePolicy: publicPolicy });
        expect((await sm.getResourcePolicy(root, { SecretId: name })).ResourcePolicy).toBe(
          publicPolicy,
        );
      });
    });

    describe("shape constraints answer with ValidationException", () => {
      it("refuses an empty SecretString or SecretBinary without echoing it", async () => {
        const name = unique("empty-value");
        const emptyString = await failure(sm.createSecret(root, { Name: name, SecretString: "" }));
        expect(emptyString.code).toBe("ValidationException");
        expect(emptyString.message).toBe(
          "1 validation error detected: Value at 'secretString' failed to satisfy constraint: Member must have length greater than or equal to 1",
        );
        const emptyBinary = await failure(
          sm.createSecret(root, { Name: name, SecretBinary: new Uint8Array() }),
        );
        expect(emptyBinary.code).toBe("ValidationException");
        expect(emptyBinary.message).toMatch(/'secretBinary'/);
        await sm.createSecret(root, { Name: name, SecretString: "x" });
        expect(
          (await failure(sm.putSecretValue(root, { SecretId: name, SecretString: "" }))).code,
        ).toBe("ValidationException");
        expect(
          (await failure(sm.updateSecret(root, { SecretId: name, SecretString: "" }))).code,
        ).toBe("ValidationException");
        expect(await versions(name)).toHaveLength(1);
      });

      it("checks ListSecrets' filters, SortOrder and SortBy against the model", async () => {
        const key = await failure(
          sm.listSecrets(root, { Filters: [{ Key: "colour" as sm.FilterKey, Values: ["red"] }] }),
        );
        expect(key.code).toBe("ValidationException");
        expect(key.message).toBe(
          "1 validation error detected: Value 'colour' at 'filters.1.member.key' failed to satisfy constraint: Member must satisfy enum value set: [description, name, tag-key, tag-value, primary-region, owning-service, all]",
        );
        const noValues = await failure(
          sm.listSecrets(root, { Filters: [{ Key: "name", Values: [] }] }),
        );
        expect(noValues.code).toBe("ValidationException");
        const badValue = await failure(
          sm.listSecrets(root, { Filters: [{ Key: "name", Values: ["semi;colon"] }] }),
        );
        expect(badValue.code).toBe("ValidationException");
        expect(badValue.message).toMatch(/at 'filters.1.member.values'/);
        const eleven = await failure(
          sm.listSecrets(root, {
            Filters: Array.from({ length: 11 }, () => ({ Key: "name" as const, Values: ["a"] })),
          }),
        );
        expect(eleven.code).toBe("ValidationException");
        const order = await failure(sm.listSecrets(root, { SortOrder: "up" as unknown as "asc" }));
        expect(order.code).toBe("ValidationException");
        expect(order.message).toMatch(/enum value set: \[asc, desc\]/);
        const by = await failure(sm.listSecrets(root, { SortBy: "toString" as unknown as "name" }));
        expect(by.code).toBe("ValidationException");
        expect((await failure(sm.listSecrets(root, { MaxResults: 101 }))).code).toBe(
          "ValidationException",
        );
        expect((await failure(sm.listSecrets(root, { NextToken: "not-a-token" }))).code).toBe(
          "InvalidNextTokenException",
        );
      });

      it("checks UntagResource's keys and refuses a blank policy to validate", async () => {
        const name = unique("untag");
        await sm.createSecret(root, { Name: name, Tags: [{ Key: "team", Value: "a" }] });
        const long = await failure(
          sm.untagResource(root, { SecretId: name, TagKeys: ["k".repeat(129)] }),
        );
        expect(long.code).toBe("ValidationException");
        await sm.untagResource(root, { SecretId: name, TagKeys: ["team", "absent"] });
        expect((await sm.describeSecret(root, { SecretId: name })).Tags).toBeUndefined();
        const blank = await failure(sm.validateResourcePolicy(root, { ResourcePolicy: "  " }));
        expect(blank.code).toBe("InvalidParameterException");
      });

      it("checks BatchGetSecretValue's SecretIdList size", async () => {
        const none = await failure(sm.batchGetSecretValue(root, { SecretIdList: [] }));
        expect(none.code).toBe("ValidationException");
        const many = await failure(
          sm.batchGetSecretValue(root, {
            SecretIdList: Array.from({ length: 21 }, (_, i) => `s${i}`),
          }),
        );
        expect(many.code).toBe("ValidationException");
        expect(many.message).toMatch(/less than or equal to 20/);
      });

      it("answers GetRandomPassword's ranges with ValidationException and its rules with InvalidParameterException", async () => {
        const long = await failure(sm.getRandomPassword(root, { PasswordLength: 4097 }));
        expect(long.code).toBe("ValidationException");
        expect(long.message).toBe(
          "1 validation error detected: Value '4097' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to 4096",
        );
        expect((await failure(sm.getRandomPassword(root, { PasswordLength: 0 }))).code).toBe(
          "ValidationException",
        );
        const short = await failure(sm.getRandomPassword(root, { PasswordLength: 3 }));
        expect(short.code).toBe("InvalidParameterException");
        const nothing = await failure(
          sm.getRandomPassword(root, {
            ExcludeLowercase: true,
            ExcludeUppercase: true,
            ExcludeNumbers: true,
            ExcludePunctuation: true,
          }),
        );
        expect(nothing.code).toBe("InvalidParameterException");
        const { RandomPassword } = await sm.getRandomPassword(root, {
          PasswordLength: 3,
          RequireEachIncludedType: false,
        });
        expect(RandomPassword).toHaveLength(3);
      });
    });

    describe("replication (one region here)", () => {
      it("answers ReplicateSecretToRegions, RemoveRegionsFromReplication and StopReplicationToReplica with a clear InvalidRequestException", async () => {
        const name = unique("replica");
        await sm.createSecret(root, { Name: name, SecretString: "v" });
        const replicate = await failure(
          sm.replicateSecretToRegions(root, {
            SecretId: name,
            AddReplicaRegions: [{ Region: "eu-west-1" }],
          }),
        );
        expect(replicate.code).toBe("InvalidRequestException");
        expect(replicate.message).toMatch(/Replication to other regions is not supported/);
        const remove = await failure(
          sm.removeRegionsFromReplication(root, {
            SecretId: name,
            RemoveReplicaRegions: ["eu-west-1"],
          }),
        );
        expect(remove.code).toBe("InvalidRequestException");
        expect(remove.message).toMatch(/isn't replicated to eu-west-1/);
        const stop = await failure(sm.stopReplicationToReplica(root, { SecretId: name }));
        expect(stop.code).toBe("InvalidRequestException");
        expect(stop.message).toMatch(/is not a replica secret/);
        const created = await failure(
          sm.createSecret(root, {
            Name: unique("replica-create"),
            SecretString: "v",
            AddReplicaRegions: [{ Region: "eu-west-1" }],
          }),
        );
        expect(created.code).toBe("InvalidRequestException");

        // Input and existence are checked first, as AWS does.
        const badRegion = await failure(
          sm.replicateSecretToRegions(root, {
            SecretId: name,
            AddReplicaRegions: [{ Region: "Not A Region" }],
          }),
        );
        expect(badRegion.code).toBe("ValidationException");
        const missing = await failure(
          sm.stopReplicationToReplica(root, { SecretId: `${name}-missing` }),
        );
        expect(missing.code).toBe("ResourceNotFoundException");
        const noRegions = await failure(
          sm.removeRegionsFromReplication(root, {
            SecretId: name,
            RemoveReplicaRegions: undefined as unknown as string[],
          }),
        );
        expect(noRegions.code).toBe("ValidationException");
      });
    });

    describe("DeleteSecret and access while scheduled for deletion", () => {
      it("answers every change to a secret scheduled for deletion in AWS's words, and reads still work", async () => {
        const name = unique("doomed");
        await sm.createSecret(root, { Name: name, SecretString: "v", ClientRequestToken: TOKEN_C });
        const both = await failure(
          sm.deleteSecret(root, {
            SecretId: name,
            RecoveryWindowInDays: 7,
            ForceDeleteWithoutRecovery: true,
          }),
        );
        expect(both.code).toBe("InvalidParameterException");
        const scheduled = await sm.deleteSecret(root, { SecretId: name, RecoveryWindowInDays: 7 });
        const described = await sm.describeSecret(root, { SecretId: name });
        expect(described.DeletedDate).toBeInstanceOf(Date);
        expect(scheduled.DeletionDate.getTime() - described.DeletedDate!.getTime()).toBe(
          7 * 24 * 60 * 60 * 1000,
        );
        const marked =
          "You can't perform this operation on the secret because it was marked for deletion.";
        // Thunks: each call starts only when the loop awaits it.
        for (const call of [
          () => sm.getSecretValue(root, { SecretId: name }),
          () => sm.putSecretValue(root, { SecretId: name, SecretString: "w" }),
          () => sm.updateSecret(root, { SecretId: name, Description: "d" }),
          () =>
            sm.updateSecretVersionStage(root, {
              SecretId: name,
              VersionStage: "X",
              MoveToVersionId: TOKEN_C,
            }),
          () => sm.tagResource(root, { SecretId: name, Tags: [{ Key: "k", Value: "v" }] }),
          () =>
            sm.replicateSecretToRegions(root, {
              SecretId: name,
              AddReplicaRegions: [{ Region: "eu-west-1" }],
            }),
        ]) {
          const error = await failure(call());
          expect(error.code).toBe("InvalidRequestException");
          expect(error.message).toBe(marked);
        }
        const again = await failure(sm.deleteSecret(root, { SecretId: name }));
        expect(again.code).toBe("InvalidRequestException");
        expect(again.message).toMatch(/already scheduled for deletion/);
        expect((await versions(name)).map((v) => v.VersionId)).toEqual([TOKEN_C]);
        await sm.restoreSecret(root, { SecretId: name });
        expect((await sm.getSecretValue(root, { SecretId: name })).SecretString).toBe("v");
      });
    });
  },
);
