// The console's rotation save (configureRotation) and "Rotate secret immediately" (rotateSecretNow)
// through the operations: function from a template, masterarn written into the secret's JSON, the
// seed's master-secret step, CancelRotateSecret, refusals before any change, and resuming an
// unfinished rotation with its own token.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import * as lambda from "@/lib/ops/lambda";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import {
  configureRotation,
  pendingRotationVersion,
  rotateSecretNow,
} from "@/lib/rotation/configure-rotation";
import { grantMasterSecretAccess } from "@/lib/rotation/master-secret";
import { settleRotations } from "@/lib/rotation/in-flight";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";
import { lastAttempt } from "./helpers/rotation";

const db = (username: string, extra: Record<string, string> = {}) =>
  JSON.stringify({
    engine: "postgres",
    host: "db.example.internal",
    port: 5432,
    username,
    password: "first-password",
    dbname: "app",
    ...extra,
  });

async function refusal(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    return error as AwsError;
  }
  throw new Error("expected a refusal");
}

describe("configureRotation", () => {
  let t: TestRuntime;
  let root: Caller;
  let n = 0;
  const unique = (base: string) => `${base}${++n}x${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    root = t.root;
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
  });
  afterAll(async () => {
    await settleRotations();
    await t.dispose();
  });

  it("creates the function, writes masterarn once, turns rotation on and returns the seed's message", async () => {
    const master = await sm.createSecret(root, {
      Name: unique("master"),
      SecretString: db("postgres"),
    });
    const secret = await sm.createSecret(root, { Name: unique("app"), SecretString: db("app") });
    const FunctionName = unique("SecretsManagerMulti");
    const out = await configureRotation(root, {
      SecretId: secret.ARN,
      AutomaticRotation: true,
      RotationRules: { ScheduleExpression: "rate(10 days)", Duration: "3h" },
      RotateImmediately: false,
      NewFunction: { FunctionName, Template: "postgres-alternating-users" },
      MasterSecretArn: master.ARN,
    });
    const fn = await lambda.getFunction(root, { FunctionName });
    const roleName = fn.Configuration.Role.split("/").pop()!;
    expect(out).toMatchObject({
      ARN: secret.ARN,
      RotationLambdaARN: fn.Configuration.FunctionArn,
      VersionId: undefined,
      Grant: {
        RoleName: roleName,
        MasterSecretArn: master.ARN,
        Granted: false,
        Message: `Your secret ${secret.Name} has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${roleName} permission to retrieve the secret ${master.ARN}.`,
      },
    });
    const value = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(value).toEqual({ ...JSON.parse(db("app")), masterarn: master.ARN });
    const described = await sm.describeSecret(root, { SecretId: secret.ARN });
    expect(described).toMatchObject({
      RotationEnabled: true,
      RotationLambdaARN: fn.Configuration.FunctionArn,
      RotationRules: { ScheduleExpression: "rate(10 days)", Duration: "3h" },
    });

    // Saved again with the same master secret: no new version; after the grant, no message.
    await grantMasterSecretAccess(root, secret.ARN);
    const again = await configureRotation(root, {
      SecretId: secret.ARN,
      AutomaticRotation: true,
      RotationRules: { AutomaticallyAfterDays: 30 },
      RotateImmediately: false,
      RotationLambdaARN: fn.Configuration.FunctionArn,
      MasterSecretArn: master.ARN,
    });
    expect(again.Grant).toBeUndefined();
    const versions = await sm.listSecretVersionIds(root, { SecretId: secret.ARN });
    expect(versions.Versions).toHaveLength(2);

    // Off is CancelRotateSecret: the function and rules stay on the secret.
    const off = await configureRotation(root, { SecretId: secret.ARN, AutomaticRotation: false });
    expect(off.Message).toBeUndefined();
    expect(await sm.describeSecret(root, { SecretId: secret.ARN })).toMatchObject({
      RotationEnabled: false,
      RotationLambdaARN: fn.Configuration.FunctionArn,
    });
  });

  it("refuses before any change: bad rules, and a master secret the caller may not read", async () => {
    const master = await sm.createSecret(root, {
      Name: unique("master"),
      SecretString: db("postgres"),
    });
    const secret = await sm.createSecret(root, { Name: unique("app"), SecretString: db("app") });
    const badRules = await refusal(
      configureRotation(root, {
        SecretId: secret.ARN,
        AutomaticRotation: true,
        RotationRules: { ScheduleExpression: "rate(1 hours)" },
        NewFunction: { FunctionName: unique("Never"), Template: "generic" },
      }),
    );
    expect(badRules.code).toBe("InvalidParameterException");
    expect(badRules.message).toMatch(/every four hours/);

    const userName = unique("admin");
    const { User } = await iam.createUser(root, { UserName: userName });
    for (const policy of ["SecretsManagerReadWrite", "IAMFullAccess"]) {
      await iam.attachUserPolicy(root, {
        UserName: userName,
        PolicyArn: `arn:aws:iam::aws:policy/${policy}`,
      });
    }
    await iam.putUserPolicy(root, {
      UserName: userName,
      PolicyName: "NoMaster",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: master.ARN },
        ],
      }),
    });
    const admin: Caller = {
      principal: {
        type: "User",
        arn: User.Arn,
        accountId: t.accountId,
        name: userName,
        id: User.UserId,
      },
      via: "console",
    };
    const FunctionName = unique("SecretsManagerDenied");
    const denied = await refusal(
      configureRotation(admin, {
        SecretId: secret.ARN,
        AutomaticRotation: true,
        RotationRules: { AutomaticallyAfterDays: 30 },
        NewFunction: { FunctionName, Template: "postgres-alternating-users" },
        MasterSecretArn: master.ARN,
      }),
    );
    expect(denied.code).toBe("AccessDeniedException");
    expect(denied.message).toBe(
      `User: ${User.Arn} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${master.ARN} with an explicit deny in an identity-based policy`,
    );
    const functions = (await lambda.listFunctions(root, {})).Functions.map((f) => f.FunctionName);
    expect(functions).not.toContain(FunctionName);
    expect((await sm.listSecretVersionIds(root, { SecretId: secret.ARN })).Versions).toHaveLength(
      1,
    );
    expect(
      (await sm.describeSecret(root, { SecretId: secret.ARN })).RotationEnabled,
    ).toBeUndefined();
  });

  it("Rotate secret immediately resumes an unfinished rotation with its own token", async () => {
    const master = await sm.createSecret(root, {
      Name: unique("master"),
      SecretString: db("postgres"),
    });
    const secret = await sm.createSecret(root, { Name: unique("app"), SecretString: db("app") });
    const out = await configureRotation(root, {
      SecretId: secret.ARN,
      AutomaticRotation: true,
      RotationRules: { AutomaticallyAfterDays: 30 },
      RotateImmediately: true,
      NewFunction: {
        FunctionName: unique("SecretsManagerResume"),
        Template: "postgres-alternating-users",
      },
      MasterSecretArn: master.ARN,
    });
    await settleRotations();
    expect(out.VersionId).toBeDefined();
    // The database is unreachable here: the rotation fails and AWSPENDING stays.
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Failed");
    expect(await pendingRotationVersion(root, secret.ARN)).toBe(out.VersionId);

    // A new token would be refused ("A previous rotation isn't complete."); the console resumes.
    const refused = await refusal(sm.rotateSecret(root, { SecretId: secret.ARN }));
    expect(refused.message).toBe(
      "A previous rotation isn't complete. That rotation will be reattempted.",
    );
    const resumed = await rotateSecretNow(root, secret.ARN);
    await settleRotations();
    expect(resumed.VersionId).toBe(out.VersionId);
  });
});
