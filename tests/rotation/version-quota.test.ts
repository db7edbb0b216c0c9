// The AWSPENDING version a rotation registers counts against the quota of 100 versions per secret
// like any other (AWS: "Secrets Manager removes outdated versions when there are more than 100,
// but it does not remove versions created less than 24 hours ago"): RotateSecret is refused with
// LimitExceededException, and a scheduled rotation fails and is retried, until unlabelled
// versions older than a day can make room.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { createScheduler } from "@/lib/rotation/scheduler";
import { settleRotations } from "@/lib/rotation/in-flight";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";
import { failure, lastAttempt, newFunction, stagesOf } from "./helpers/rotation";

const DAY = 86_400_000;
const list = await providers();

describe.each(list)("the version quota and rotation on %s", (provider) => {
  let t: TestRuntime;
  let root: Caller;
  let functionArn: string;
  let n = 0;

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    root = t.root;
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite"] });
    functionArn = (await newFunction(root, "generic")).FunctionArn;
  });
  afterAll(async () => t?.dispose());

  /** Runs `fn` with the runtime's clock `days` days off (negative: back), a second on per read. */
  async function shifted<T>(days: number, fn: () => Promise<T>): Promise<T> {
    const real = t.now;
    let at = Date.now() + days * DAY;
    t.now = () => new Date((at += 1000));
    try {
      return await fn();
    } finally {
      t.now = real;
    }
  }

  /** A secret with 100 versions made half a day ago: none may be removed yet. */
  async function fullSecret(): Promise<{ arn: string; id: string; current: string }> {
    return shifted(-0.5, async () => {
      const created = await sm.createSecret(root, {
        Name: `quota-${provider}-${++n}`,
        SecretString: JSON.stringify({ username: "app", password: "v0" }),
      });
      let current = created.VersionId!;
      for (let i = 1; i < 100; i++) {
        const put = await sm.putSecretValue(root, {
          SecretId: created.ARN!,
          SecretString: JSON.stringify({ username: "app", password: `v${i}` }),
        });
        current = put.VersionId;
      }
      const { id } = await t.db.secret.findUniqueOrThrow({
        where: { arn: created.ARN! },
        select: { id: true },
      });
      return { arn: created.ARN!, id, current };
    });
  }

  const versionCount = (secretId: string) => t.db.secretVersion.count({ where: { secretId } });

  it("refuses RotateSecret while the 100 versions are less than a day old", async () => {
    const secret = await fullSecret();
    expect(await versionCount(secret.id)).toBe(100);
    const refused = await failure(
      sm.rotateSecret(root, { SecretId: secret.arn, RotationLambdaARN: functionArn }),
    );
    expect(refused.code).toBe("LimitExceededException");
    expect(refused.message).toContain("maximum number of versions (100)");
    // Nothing was half made: no AWSPENDING version, and rotation was not turned on.
    expect(await versionCount(secret.id)).toBe(100);
    expect(Object.values(await stagesOf(root, secret.arn)).flat()).not.toContain("AWSPENDING");
    expect((await sm.describeSecret(root, { SecretId: secret.arn })).RotationEnabled).toBeFalsy();

    // A day later the oldest unlabelled version makes room for AWSPENDING.
    const out = await shifted(1, async () => {
      const rotated = await sm.rotateSecret(root, {
        SecretId: secret.arn,
        RotationLambdaARN: functionArn,
      });
      await settleRotations();
      return rotated;
    });
    expect(await versionCount(secret.id)).toBe(100);
    expect(await lastAttempt(root, secret.arn)).toMatchObject({
      Status: "Succeeded",
      VersionId: out.VersionId,
    });
    const stages = await stagesOf(root, secret.arn);
    expect(stages[out.VersionId!]).toEqual(["AWSCURRENT"]);
    expect(stages[secret.current]).toEqual(["AWSPREVIOUS"]);
  });

  it("fails a scheduled rotation on the quota and retries it once versions may go", async () => {
    const created = await sm.createSecret(root, {
      Name: `quota-${provider}-${++n}`,
      SecretString: JSON.stringify({ username: "app", password: "v0" }),
    });
    const secret = await t.db.secret.findUniqueOrThrow({
      where: { arn: created.ARN! },
      select: { id: true, arn: true },
    });
    await sm.rotateSecret(root, {
      SecretId: secret.arn,
      RotationLambdaARN: functionArn,
      RotationRules: { AutomaticallyAfterDays: 30 },
      RotateImmediately: false,
    });
    // 99 more versions, unlabelled and made half a day ago, fill the quota before the schedule
    // comes due.
    const madeAt = new Date(Date.now() - DAY / 2);
    await t.db.secretVersion.createMany({
      data: Array.from({ length: 99 }, (_, i) => ({
        secretId: secret.id,
        versionId: `filler-${provider}-${n}-${i}`,
        createdDate: new Date(madeAt.getTime() + i * 1000),
      })),
    });
    expect(await versionCount(secret.id)).toBe(100);
    await t.db.rotationLease.update({
      where: { secretId: secret.id },
      data: { dueAt: new Date(Date.now() - 1000), windowEnd: null },
    });

    const scheduler = createScheduler(t, { holder: `quota-${provider}`, log: () => undefined });
    expect(await scheduler.tick()).toBe(1);
    await scheduler.idle();
    const failed = await lastAttempt(root, secret.arn);
    expect(failed).toMatchObject({ Status: "Failed", ErrorCode: "LimitExceededException" });
    expect(failed.Steps).toEqual([]);
    expect(await versionCount(secret.id)).toBe(100);
    expect(Object.values(await stagesOf(root, secret.arn)).flat()).not.toContain("AWSPENDING");
    const lease = await t.db.rotationLease.findUniqueOrThrow({ where: { secretId: secret.id } });
    expect(lease).toMatchObject({ failures: 1, holder: null, windowEnd: null });

    // Once the fillers are more than a day old (and the retry is due), the rotation goes through.
    await shifted(1, async () => {
      await scheduler.tick();
      await scheduler.idle();
    });
    const retried = await lastAttempt(root, secret.arn);
    expect(retried).toMatchObject({ Status: "Succeeded", Trigger: "Retry" });
    expect(await versionCount(secret.id)).toBe(100);
    expect((await stagesOf(root, secret.arn))[retried.VersionId]).toEqual(["AWSCURRENT"]);
  });
});
