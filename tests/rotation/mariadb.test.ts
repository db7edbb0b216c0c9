// MySQL/MariaDB rotation against the server at 127.0.0.1:3306 (root, no password), which checks
// passwords as it is. Each test makes its own users and database and removes them afterwards.
import { randomBytes } from "node:crypto";
import mysql from "mysql2/promise";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import * as sm from "@/lib/ops/secretsmanager";
import { addMasterSecretGrant } from "@/lib/iam/managed/rotation-role-policies";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";
import { lastAttempt, newFunction, rotate } from "./helpers/rotation";
import { MARIADB, MARIADB_MISSING, mariadbRoot } from "./helpers/servers";

if (MARIADB_MISSING) console.warn(`skipping MySQL/MariaDB rotation tests: ${MARIADB_MISSING}`);

async function signIn(user: string, password: string): Promise<string> {
  try {
    const connection = await mysql.createConnection({
      host: MARIADB.host,
      port: MARIADB.port,
      user,
      password,
    });
    const [rows] = await connection.query("SELECT CURRENT_USER() AS who");
    await connection.end();
    return `ok:${String((rows as { who: string }[])[0].who).split("@")[0]}`;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe.skipIf(!!MARIADB_MISSING)("MySQL/MariaDB rotation", () => {
  let t: TestRuntime;
  let root: Caller;
  let admin: mysql.Connection;
  const suffix = randomBytes(3).toString("hex");
  const users: string[] = [];
  const database = `sb_rotation_${suffix}`;

  const user = async (name: string, password: string) => {
    const full = `${name}_${suffix}`;
    users.push(full, `${full}_clone`);
    await admin.query(`CREATE USER ?@'%' IDENTIFIED BY ?`, [full, password]);
    return full;
  };
  const secretValue = (username: string, password: string, extra: Record<string, string> = {}) =>
    JSON.stringify({
      engine: "mariadb",
      host: MARIADB.host,
      port: MARIADB.port,
      username,
      password,
      ...extra,
    });

  beforeAll(async () => {
    admin = await mariadbRoot();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.query(`CREATE TABLE ${database}.orders (id int)`);
    await admin.query(`INSERT INTO ${database}.orders VALUES (1)`);
    t = await createTestRuntime("sqlite");
    root = t.root;
  });
  afterAll(async () => {
    for (const name of users) await admin.query(`DROP USER IF EXISTS ?@'%'`, [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
    await t?.dispose();
  });

  it("single user: the new password signs in and the old one no longer does", async () => {
    const name = await user("sb_single", "first-password");
    const secret = await sm.createSecret(root, {
      Name: `mysql/single-${suffix}`,
      SecretString: secretValue(name, "first-password"),
    });
    const fn = await newFunction(root, "mysql-single-user");
    await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
    const current = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(current.password).not.toBe("first-password");
    expect(await signIn(name, current.password)).toBe(`ok:${name}`);
    expect(await signIn(name, "first-password")).toBe("ER_ACCESS_DENIED_ERROR");
  });

  it("alternating users: AccessDenied before the master-secret grant, then the clone takes over with the user's grants", async () => {
    const masterName = await user("sb_master", "master-password");
    await admin.query(`GRANT ALL PRIVILEGES ON *.* TO ?@'%' WITH GRANT OPTION`, [masterName]);
    const name = await user("sb_multi", "multi-first");
    await admin.query(`GRANT SELECT ON ${database}.orders TO ?@'%'`, [name]);
    const master = await sm.createSecret(root, {
      Name: `mysql/master-${suffix}`,
      SecretString: secretValue(masterName, "master-password"),
    });
    const secret = await sm.createSecret(root, {
      Name: `mysql/multi-${suffix}`,
      SecretString: secretValue(name, "multi-first", { masterarn: master.ARN }),
    });
    const fn = await newFunction(root, "mysql-alternating-users");
    const roleName = fn.Role.split("/").pop()!;

    const first = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
    const denied = await lastAttempt(root, secret.ARN);
    expect(denied).toMatchObject({ Status: "Failed", ErrorCode: "AccessDeniedException" });
    expect(denied.ErrorMessage).toContain(
      `not authorized to perform: secretsmanager:GetSecretValue on resource: ${master.ARN}`,
    );

    const policyName = "SecretsManagerMySQLRotationMultiUser1";
    const policy = await iam.getRolePolicy(root, { RoleName: roleName, PolicyName: policyName });
    await iam.putRolePolicy(root, {
      RoleName: roleName,
      PolicyName: policyName,
      PolicyDocument: addMasterSecretGrant(policy.PolicyDocument, master.ARN),
    });
    await rotate(root, { SecretId: secret.ARN, ClientRequestToken: first.VersionId });
    expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
    const clone = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(clone.username).toBe(`${name}_clone`);
    expect(await signIn(clone.username, clone.password)).toBe(`ok:${clone.username}`);
    const asClone = await mysql.createConnection({
      host: MARIADB.host,
      port: MARIADB.port,
      user: clone.username,
      password: clone.password,
    });
    const [rows] = await asClone.query(`SELECT count(*) AS n FROM ${database}.orders`);
    expect(Number((rows as { n: number }[])[0].n)).toBe(1);
    await asClone.end();
    expect(await signIn(name, "multi-first")).toBe(`ok:${name}`);

    await rotate(root, { SecretId: secret.ARN });
    const back = JSON.parse(
      (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
    );
    expect(back.username).toBe(name);
    expect(await signIn(name, back.password)).toBe(`ok:${name}`);
    expect(await signIn(name, "multi-first")).toBe("ER_ACCESS_DENIED_ERROR");
  });
});
