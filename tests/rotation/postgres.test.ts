// PostgreSQL rotation against a real server of our own with scram-sha-256 authentication, so
// that "the old password no longer signs in" is something the server actually checks.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import * as sm from "@/lib/ops/secretsmanager";
import { grantMasterSecretAccess, masterSecretGrant } from "@/lib/rotation/master-secret";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";
import { lastAttempt, newFunction, rotate } from "./helpers/rotation";
import { POSTGRES_MISSING, startPostgresCluster, type PostgresCluster } from "./helpers/servers";

if (POSTGRES_MISSING) console.warn(`skipping PostgreSQL rotation tests: ${POSTGRES_MISSING}`);

/** Signs in; the SQLSTATE when refused. */
async function signIn(cluster: PostgresCluster, user: string, password: string): Promise<string> {
  const client = new pg.Client({
    host: cluster.host,
    port: cluster.port,
    user,
    password,
    database: "postgres",
  });
  try {
    await client.connect();
    const { rows } = await client.query("SELECT current_user AS who");
    return `ok:${rows[0].who}`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

describe.skipIf(!!POSTGRES_MISSING)("PostgreSQL rotation (scram-sha-256 server)", () => {
  let cluster: PostgresCluster;
  let t: TestRuntime;
  let root: Caller;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    t = await createTestRuntime("sqlite");
    root = t.root;
  });
  afterAll(async () => {
    await t?.dispose();
    cluster?.stop();
  });

  const secretValue = (username: string, password: string, extra: Record<string, string> = {}) =>
    JSON.stringify({
      engine: "postgres",
      host: cluster.host,
      port: cluster.port,
      username,
      password,
      dbname: "postgres",
      ...extra,
    });

  it("single user: the new password signs in and the old one no longer does", async () => {
    cluster.sql("CREATE ROLE app_single WITH LOGIN PASSWORD 'first-password'");
    expect(await signIn(cluster, "app_single", "first-password")).toBe("ok:app_single");
    const secret = await sm.createSecret(root, {
      Name: "prod/postgres/single",
      SecretString: secretValue("app_single", "first-password"),
    });
    const fn = await newFunction(root, "postgres-single-user");
    await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
    const current = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(current.username).toBe("app_single");
    expect(current.password).not.toBe("first-password");
    expect(await signIn(cluster, "app_single", current.password)).toBe("ok:app_single");
    expect(await signIn(cluster, "app_single", "first-password")).toBe("28P01");

    // Again, from the password the first rotation set.
    await rotate(root, { SecretId: secret.ARN });
    const third = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(await signIn(cluster, "app_single", third.password)).toBe("ok:app_single");
    expect(await signIn(cluster, "app_single", current.password)).toBe("28P01");
  });

  it("alternating users: AccessDenied until the role may read the master secret, then the users swap", async () => {
    cluster.sql("CREATE ROLE app_multi WITH LOGIN PASSWORD 'multi-first'");
    cluster.sql(
      "CREATE TABLE orders (id int); INSERT INTO orders VALUES (1); GRANT SELECT ON orders TO app_multi",
    );
    const master = await sm.createSecret(root, {
      Name: "prod/postgres/master",
      SecretString: secretValue("postgres", cluster.superPassword),
    });
    const secret = await sm.createSecret(root, {
      Name: "prod/postgres/multi",
      SecretString: secretValue("app_multi", "multi-first", { masterarn: master.ARN }),
    });
    const fn = await newFunction(root, "postgres-alternating-users");
    const roleName = fn.Role.split("/").pop()!;

    const first = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
    const denied = await lastAttempt(root, secret.ARN);
    expect(denied).toMatchObject({ Status: "Failed", ErrorCode: "AccessDeniedException" });
    expect(denied.ErrorMessage).toBe(
      `User: arn:aws:sts::111122223333:assumed-role/${roleName}/${fn.FunctionName} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${master.ARN} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
    expect(denied.Steps.map((s) => [s.Step, s.Outcome])).toEqual([
      ["createSecret", "Succeeded"],
      ["setSecret", "Failed"],
    ]);
    expect(
      JSON.parse((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!).username,
    ).toBe("app_multi");
    expect(await signIn(cluster, "app_multi", "multi-first")).toBe("ok:app_multi");

    // What the console shows right after configuring rotation, and its one-step grant (the
    // master-secret statement added to SecretsManager<Template>1 with iam:PutRolePolicy).
    const needed = await masterSecretGrant(root, secret.ARN);
    expect(needed).toMatchObject({
      RoleName: roleName,
      PolicyName: "SecretsManagerPostgreSQLRotationMultiUser1",
      MasterSecretArn: master.ARN,
      Granted: false,
      Message: `Your secret prod/postgres/multi has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${roleName} permission to retrieve the secret ${master.ARN}.`,
    });
    expect((await grantMasterSecretAccess(root, secret.ARN))?.Granted).toBe(true);
    const policy = await iam.getRolePolicy(root, {
      RoleName: roleName,
      PolicyName: needed!.PolicyName,
    });
    expect(JSON.parse(policy.PolicyDocument).Statement[0]).toEqual({
      Action: "secretsmanager:GetSecretValue",
      Resource: master.ARN,
      Effect: "Allow",
    });
    expect((await masterSecretGrant(root, secret.ARN))?.Granted).toBe(true);
    const resumed = await rotate(root, {
      SecretId: secret.ARN,
      ClientRequestToken: first.VersionId,
    });
    expect(resumed.VersionId).toBe(first.VersionId);
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
    const clone = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(clone.username).toBe("app_multi_clone");
    expect(clone.masterarn).toBe(master.ARN);
    expect(await signIn(cluster, "app_multi_clone", clone.password)).toBe("ok:app_multi_clone");
    // The clone has the user's privileges; the user still signs in meanwhile (that is the point).
    const asClone = new pg.Client({
      host: cluster.host,
      port: cluster.port,
      user: "app_multi_clone",
      password: clone.password,
      database: "postgres",
    });
    await asClone.connect();
    expect((await asClone.query("SELECT count(*)::int AS n FROM orders")).rows[0].n).toBe(1);
    await asClone.end();
    expect(await signIn(cluster, "app_multi", "multi-first")).toBe("ok:app_multi");

    // The next rotation swaps back to the original user, with a new password.
    await rotate(root, { SecretId: secret.ARN });
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
    const back = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(back.username).toBe("app_multi");
    expect(back.password).not.toBe("multi-first");
    expect(await signIn(cluster, "app_multi", back.password)).toBe("ok:app_multi");
    expect(await signIn(cluster, "app_multi", "multi-first")).toBe("28P01");
    // AWSPREVIOUS (the clone) keeps working until the rotation after this one.
    const previous = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN, VersionStage: "AWSPREVIOUS" }))
        .SecretString!,
    );
    expect(previous.username).toBe("app_multi_clone");
    expect(await signIn(cluster, "app_multi_clone", previous.password)).toBe("ok:app_multi_clone");
  });

  it("fails setSecret, keeping AWSCURRENT, when no stored password signs in", async () => {
    cluster.sql("CREATE ROLE app_lost WITH LOGIN PASSWORD 'real-password'");
    const secret = await sm.createSecret(root, {
      Name: "prod/postgres/lost",
      SecretString: secretValue("app_lost", "stale-password"),
    });
    const fn = await newFunction(root, "postgres-single-user");
    await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
    const attempt = await lastAttempt(root, secret.ARN);
    expect(attempt).toMatchObject({ Status: "Failed", ErrorCode: "RotationStepError" });
    expect(attempt.ErrorMessage).toBe(
      `setSecret: Unable to log into database with previous, current, or pending secret of secret arn ${secret.ARN}`,
    );
    expect(attempt.ErrorMessage).not.toContain("stale-password");
    expect(
      JSON.parse((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!).password,
    ).toBe("stale-password");
    expect(await signIn(cluster, "app_lost", "real-password")).toBe("ok:app_lost");
  });
});
