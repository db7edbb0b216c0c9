import {
  GetSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authenticator } from "@/lib/api/auth";
import { startApiServer } from "@/lib/api/http-server";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import { getFunction } from "@/lib/ops/lambda";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { verifyRootUser, signInIamUser } from "@/lib/ops/account";
import { masterSecretGrant } from "@/lib/rotation/master-secret";
import {
  DEMO_PASSWORD,
  DEMO_ROOT,
  DEMO_ROTATION,
  DemoRefused,
  demoPostgres,
  resetDemo,
  type DemoResetResult,
} from "@/lib/demo/reset";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

/** What a reset builds, counted in the database: two resets must give the same figures. */
async function figures(t: TestRuntime) {
  const db = t.db;
  return {
    users: await db.iamUser.count(),
    groups: await db.iamGroup.count(),
    groupMembers: await db.iamGroupMember.count(),
    roles: await db.iamRole.count(),
    customerPolicies: await db.iamPolicy.count({ where: { isAws: false } }),
    attachments: await db.iamPolicyAttachment.count(),
    inlinePolicies: await db.iamInlinePolicy.count(),
    accessKeys: await db.iamAccessKey.count(),
    secrets: await db.secret.count(),
    versions: await db.secretVersion.count(),
    stages: await db.secretVersionStage.count(),
    tags: await db.secretTag.count(),
    functions: await db.lambdaFunction.count(),
    rotationEnabled: await db.secret.count({ where: { rotationEnabled: true } }),
  };
}

function report(provider: string, label: string, demo: DemoResetResult) {
  // Tests never assert on time (DESIGN.md); the figure is printed for the record.
  console.log(`demo reset on ${provider} (${label}): ${demo.Seconds} s`);
}

describe.each(await providers())("demo reset on %s", (provider) => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime(provider);
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
  });
  afterAll(async () => t?.dispose());

  const signIn = async (name: string): Promise<Caller> => {
    const result = await signInIamUser({
      account: t.accountId,
      userName: name,
      password: DEMO_PASSWORD,
    });
    if (!result.ok) throw new Error(`${name} could not sign in`);
    return { principal: result.principal, via: "console" };
  };

  it("refuses to wipe a database that has data and is not a demo", async () => {
    await sm.createSecret(t.root, { Name: "real/data", SecretString: "keep me" });
    await expect(resetDemo()).rejects.toBeInstanceOf(DemoRefused);
    expect((await sm.getSecretValue(t.root, { SecretId: "real/data" })).SecretString).toBe(
      "keep me",
    );
  });

  it("builds the deterministic account, twice alike, and the demo users work as documented", async () => {
    const first = await resetDemo({ force: true });
    const before = await figures(t);
    const second = await resetDemo();
    report(provider, "first", first);
    report(provider, "second", second);
    expect(await figures(t)).toEqual(before);
    expect(before).toMatchObject({
      users: 5,
      groups: 3,
      roles: 2,
      functions: 1,
      rotationEnabled: 1,
      accessKeys: 1,
    });
    expect(second.Users.map((u) => u.UserName)).toEqual(first.Users.map((u) => u.UserName));
    expect(second.Users.map((u) => u.UserName)).toEqual([
      "secrets-admin",
      "secrets-rw",
      "secrets-reader",
      "new-admin",
      "app",
    ]);
    expect(second.Secrets).toEqual(first.Secrets);
    expect(second.Secrets).toEqual(
      expect.arrayContaining([
        "prod/payments/db",
        "prod/payments/master",
        "dev/api/stripe",
        "another_secret_name",
        "ProdAnalytics",
      ]),
    );
    await expect(sm.describeSecret(t.root, { SecretId: "real/data" })).rejects.toMatchObject({
      code: "ResourceNotFoundException",
    });
    expect(await verifyRootUser(DEMO_ROOT)).toBeDefined();

    // The administrator: both managed policies, directly and through SecretsAdmins.
    const adminPolicies = await iam.listAttachedUserPolicies(t.root, {
      UserName: "secrets-admin",
    });
    expect(adminPolicies.AttachedPolicies.map((p) => p.PolicyName).sort()).toEqual([
      "IAMFullAccess",
      "SecretsManagerReadWrite",
    ]);
    const admin = await signIn("secrets-admin");
    await iam.createRole(admin, {
      RoleName: "made-by-the-admin",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      }),
    });

    // The application: its one secret, nothing else.
    const app = await signIn("app");
    expect((await sm.getSecretValue(app, { SecretId: "prod/api/stripe" })).SecretString).toContain(
      "sk_demo",
    );
    await expect(sm.getSecretValue(app, { SecretId: "dev/api/stripe" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });

    // The read-only user lists and describes, and may not store, change or delete.
    const reader = await signIn("secrets-reader");
    expect((await sm.listSecrets(reader, {})).SecretList.length).toBe(second.Secrets.length);
    await expect(sm.createSecret(reader, { Name: "x", SecretString: "y" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    await expect(sm.deleteSecret(reader, { SecretId: "dev/app/config" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });

    // SecretsManagerReadWrite alone manages secrets but cannot make a rotation function's role.
    const rw = await signIn("secrets-rw");
    await expect(
      iam.createRole(rw, { RoleName: "r", AssumeRolePolicyDocument: "{}" }),
    ).rejects.toMatchObject({ code: "AccessDeniedException" });

    // Tags, versions and custom staging labels.
    const labels = await sm.describeSecret(t.root, { SecretId: "ProdAnalytics" });
    expect(Object.values(labels.VersionIdsToStages!).flat().sort()).toEqual([
      "AWSCURRENT",
      "AWSPREVIOUS",
      "STAGING",
      "canary",
    ]);
    const tagged = await sm.listSecrets(t.root, {
      Filters: [
        { Key: "tag-key", Values: ["ServerName"] },
        { Key: "tag-value", Values: ["ServerABC"] },
      ],
    });
    expect(tagged.SecretList.map((s) => s.Name)).toEqual(
      expect.arrayContaining(["prod/payments/db", "prod/api/stripe"]),
    );
  });

  it("configures PostgreSQL rotation with a master secret the function's role cannot read yet", async () => {
    const demo = await resetDemo();
    const secret = await sm.describeSecret(t.root, { SecretId: DEMO_ROTATION.SecretName });
    expect(secret.RotationEnabled).toBe(true);
    expect(secret.RotationLambdaARN).toBe(demo.Rotation.FunctionArn);
    // Configured, not rotated: nothing connected to the database.
    expect(Object.values(secret.VersionIdsToStages!).flat()).not.toContain("AWSPENDING");

    const value = JSON.parse(
      (await sm.getSecretValue(t.root, { SecretId: DEMO_ROTATION.SecretName })).SecretString!,
    ) as Record<string, unknown>;
    const master = await sm.describeSecret(t.root, { SecretId: DEMO_ROTATION.MasterSecretName });
    expect(value).toMatchObject({
      engine: "postgres",
      host: "127.0.0.1",
      port: 5432,
      username: DEMO_ROTATION.UserName,
      masterarn: master.ARN,
    });

    const fn = await getFunction(t.root, { FunctionName: demo.Rotation.FunctionArn });
    expect(fn.Configuration.Handler).toBe("postgres-alternating-users");
    expect(fn.Configuration.Role).toContain(`/service-role/${demo.Rotation.RoleName}`);
    const grant = await masterSecretGrant(t.root, DEMO_ROTATION.SecretName);
    expect(grant).toMatchObject({
      Granted: false,
      RoleName: demo.Rotation.RoleName,
      PolicyName: "SecretsManagerPostgreSQLRotationMultiUser1",
      MasterSecretArn: master.ARN,
    });
    expect(grant!.Message).toBe(
      `Your secret prod/payments/db has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${demo.Rotation.RoleName} permission to retrieve the secret ${master.ARN}.`,
    );
  });

  it("resets while the server answers the API: the new application key reads, the old one is gone", async () => {
    const server = await startApiServer({
      authenticator: new Authenticator({ cacheMs: 0 }),
      trustProxy: undefined,
    });
    const client = (demo: DemoResetResult) =>
      new SecretsManagerClient({
        endpoint: server.url,
        region: "us-east-1",
        maxAttempts: 1,
        credentials: {
          accessKeyId: demo.ApplicationAccessKey.AccessKeyId,
          secretAccessKey: demo.ApplicationAccessKey.SecretAccessKey,
        },
      });
    try {
      const first = await resetDemo();
      const before = client(first);
      const read = async (c: SecretsManagerClient) =>
        JSON.parse(
          (await c.send(new GetSecretValueCommand({ SecretId: "prod/api/stripe" }))).SecretString!,
        ) as { apiKey: string };
      expect((await read(before)).apiKey).toBe("sk_demo_51Hx");

      // Requests keep arriving during the reset: each either succeeds or fails as AWS fails.
      let stop = false;
      const outcomes: string[] = [];
      const traffic = (async () => {
        while (!stop) {
          try {
            await read(before);
            outcomes.push("ok");
          } catch (error) {
            outcomes.push((error as SecretsManagerServiceException).name);
          }
        }
      })();
      const second = await resetDemo();
      stop = true;
      await traffic;
      report(provider, "while serving", second);
      expect(outcomes.length).toBeGreaterThan(0);
      for (const outcome of outcomes) {
        expect(["ok", "UnrecognizedClientException", "AccessDeniedException"]).toContain(outcome);
      }

      const after = client(second);
      expect((await read(after)).apiKey).toBe("sk_demo_51Hx");
      await expect(read(before)).rejects.toMatchObject({ name: "UnrecognizedClientException" });
      before.destroy();
      after.destroy();
    } finally {
      await server.close();
    }
  });
});

describe("the PostgreSQL server the demo secret names", () => {
  it("defaults to postgres@127.0.0.1:5432 and follows STRONGBOX_DEMO_PG_*", () => {
    expect(demoPostgres({})).toEqual({
      host: "127.0.0.1",
      port: 5432,
      masterUser: "postgres",
      masterPassword: "postgres",
      dbname: "postgres",
    });
    expect(
      demoPostgres({
        STRONGBOX_DEMO_PG_HOST: "db.internal",
        STRONGBOX_DEMO_PG_PORT: "6543",
        STRONGBOX_DEMO_PG_USER: "admin",
        STRONGBOX_DEMO_PG_PASSWORD: "pw",
        STRONGBOX_DEMO_PG_DBNAME: "payments",
      }),
    ).toEqual({
      host: "db.internal",
      port: 6543,
      masterUser: "admin",
      masterPassword: "pw",
      dbname: "payments",
    });
  });
});
