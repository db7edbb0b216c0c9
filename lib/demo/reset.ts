// The demo environment: a deterministic account that the AWS guide's flows run against. A reset
// wipes everything but the account and the AWS managed policies, then builds the same users,
// groups, roles, policies, secrets and rotation function through the operations (the one door),
// as the root user. It never connects to a database: the PostgreSQL secret only names one
// (STRONGBOX_DEMO_PG_HOST, _PORT, _USER, _PASSWORD, _DBNAME; default postgres@127.0.0.1:5432).
import type { Db } from "../db/client";
import { rootPrincipal, type Caller } from "../ops/caller";
import * as iam from "../ops/iam";
import * as lambda from "../ops/lambda";
import { GENERATION_KEY } from "../ops/iam/common";
import { getRuntime, type Runtime } from "../ops/runtime";
import * as sm from "../ops/secretsmanager";
import { initRootUser } from "../ops/account";

export const DEMO_MARKER = "demo.mode";

/** Documented demo credentials: for demo environments only (a reset refuses elsewhere). */
export const DEMO_ROOT = { email: "root@demo.strongbox.local", password: "Demo-Root-Passw0rd!" };
export const DEMO_PASSWORD = "Demo-Passw0rd!";

export interface DemoUser {
  UserName: string;
  Password: string;
  Purpose: string;
}

export interface DemoResetResult {
  AccountId: string;
  Root: { Email: string; Password: string };
  Users: DemoUser[];
  Groups: string[];
  Roles: string[];
  ApplicationAccessKey: { UserName: string; AccessKeyId: string; SecretAccessKey: string };
  Secrets: string[];
  /** The PostgreSQL secret with a master secret, and its rotation function (not yet allowed to read the master secret). */
  Rotation: { SecretName: string; MasterSecretName: string; FunctionArn: string; RoleName: string };
  Seconds: number;
}

/** The database server the PostgreSQL demo secret names (nothing connects to it during a reset). */
export function demoPostgres(env: Record<string, string | undefined> = process.env) {
  const port = Number(env.STRONGBOX_DEMO_PG_PORT || 5432);
  return {
    host: env.STRONGBOX_DEMO_PG_HOST || "127.0.0.1",
    port: Number.isInteger(port) && port > 0 ? port : 5432,
    masterUser: env.STRONGBOX_DEMO_PG_USER || "postgres",
    masterPassword: env.STRONGBOX_DEMO_PG_PASSWORD || "postgres",
    dbname: env.STRONGBOX_DEMO_PG_DBNAME || "postgres",
  };
}

export const DEMO_ROTATION = {
  SecretName: "prod/payments/db",
  MasterSecretName: "prod/payments/master",
  FunctionName: "demo-postgres-rotation",
  Template: "postgres-alternating-users",
  /** The database user the secret holds; alternating-users rotation adds payments_app_clone. */
  UserName: "payments_app",
} as const;

const doc = (statement: object) =>
  JSON.stringify({ Version: "2012-10-17", Statement: statement }, null, 2);

/** Every table the demo rebuilds, children first. */
async function wipe(db: Db) {
  await db.$transaction([
    db.rotationAttempt.deleteMany(),
    db.rotationLease.deleteMany(),
    db.lambdaFunction.deleteMany(),
    db.secretVersionStage.deleteMany(),
    db.secretVersion.deleteMany(),
    db.secretTag.deleteMany(),
    db.secretWord.deleteMany(),
    db.secret.deleteMany(),
    db.iamGroupMember.deleteMany(),
    db.iamPolicyAttachment.deleteMany(),
    db.iamInlinePolicy.deleteMany(),
    db.iamAccessKey.deleteMany(),
    db.iamTag.deleteMany(),
    db.stsSession.deleteMany(),
    db.iamUser.deleteMany(),
    db.iamGroup.deleteMany(),
    db.iamRole.deleteMany(),
    db.iamPolicy.deleteMany({ where: { isAws: false } }),
    db.auditEvent.deleteMany(),
    db.signInThrottle.deleteMany(),
    db.setting.upsert({
      where: { key: GENERATION_KEY },
      create: { key: GENERATION_KEY, value: `demo-${Date.now()}` },
      update: { value: `demo-${Date.now()}` },
    }),
  ]);
}

export class DemoRefused extends Error {}

/** Refuses to wipe a database that holds data and was never a demo, unless forced. */
async function assertDemoDatabase(rt: Runtime, force: boolean) {
  const marker = await rt.db.setting.findUnique({ where: { key: DEMO_MARKER } });
  if (marker || force) return;
  const [secrets, users] = await Promise.all([rt.db.secret.count(), rt.db.iamUser.count()]);
  if (secrets > 0 || users > 0) {
    throw new DemoRefused(
      "This database holds secrets or users and is not a demo environment: `demo reset` would erase them. Use an empty database (STRONGBOX_DATA_DIR or DATABASE_URL), or pass --force.",
    );
  }
}

export async function resetDemo(
  options: { force?: boolean; hooks?: DemoHook[] } = {},
): Promise<DemoResetResult> {
  const started = performance.now();
  const rt = await getRuntime();
  await assertDemoDatabase(rt, options.force ?? false);
  await wipe(rt.db);
  await rt.db.setting.upsert({
    where: { key: DEMO_MARKER },
    create: { key: DEMO_MARKER, value: "1" },
    update: {},
  });
  await rt.db.account.update({
    where: { id: rt.accountId },
    data: { rootEmail: null, rootPasswordHash: null, alias: "strongbox-demo" },
  });
  await initRootUser(DEMO_ROOT);
  const root: Caller = { principal: rootPrincipal(rt.accountId), via: "system" };

  // Secrets: prod/..., dev/..., the guide's another_secret_name, tags, versions and labels.
  const created = new Map<string, string>();
  const secret = async (
    name: string,
    value: object | string,
    extra: Partial<sm.CreateSecretInput> = {},
  ) => {
    const out = await sm.createSecret(root, {
      Name: name,
      SecretString: typeof value === "string" ? value : JSON.stringify(value),
      ...extra,
    });
    created.set(name, out.ARN);
    return out;
  };
  // The master secret first: the PostgreSQL secret names it in masterarn.
  const pgServer = demoPostgres();
  const master = await secret(
    DEMO_ROTATION.MasterSecretName,
    {
      engine: "postgres",
      host: pgServer.host,
      port: pgServer.port,
      dbname: pgServer.dbname,
      username: pgServer.masterUser,
      password: pgServer.masterPassword,
    },
    {
      Description: "Superuser of the payments database (the master secret)",
      Tags: [
        { Key: "env", Value: "prod" },
        { Key: "ServerName", Value: "ServerABC" },
      ],
    },
  );
  await secret(
    DEMO_ROTATION.SecretName,
    {
      engine: "postgres",
      host: pgServer.host,
      port: pgServer.port,
      dbname: pgServer.dbname,
      username: DEMO_ROTATION.UserName,
      password: "Pa55-demo-payments",
      masterarn: master.ARN,
    },
    {
      Description: "Payments database credentials, rotated with alternating users",
      Tags: [
        { Key: "ServerName", Value: "ServerABC" },
        { Key: "env", Value: "prod" },
      ],
    },
  );
  await secret(
    "prod/api/stripe",
    { apiKey: "sk_demo_51Hx" },
    {
      Description: "Stripe API key",
      Tags: [
        { Key: "ServerName", Value: "ServerABC" },
        { Key: "team", Value: "payments" },
      ],
    },
  );
  await secret(
    "dev/api/stripe",
    { apiKey: "sk_test_demo" },
    {
      Description: "Stripe test key",
      Tags: [
        { Key: "ServerName", Value: "ServerDEV" },
        { Key: "env", Value: "dev" },
      ],
    },
  );
  await secret("dev/app/config", "feature_flags=beta,search", {
    Description: "Plaintext app configuration",
    Tags: [{ Key: "env", Value: "dev" }],
  });
  await secret(
    "another_secret_name",
    { token: "demo-token-1" },
    { Description: "The guide's example: granted by name-??????" },
  );
  await secret(
    "another_secret_name-extra",
    { token: "not-for-the-app" },
    { Description: "Also starts with another_secret_name- (a `-*` grant would match it)" },
  );
  await secret("a_specific_secret_name", { value: "specific" });
  await secret(
    "ProdAnalytics",
    { password: "v1" },
    { Description: "Several versions and custom staging labels" },
  );
  await sm.putSecretValue(root, {
    SecretId: "ProdAnalytics",
    SecretString: JSON.stringify({ password: "v2" }),
  });
  await sm.putSecretValue(root, {
    SecretId: "ProdAnalytics",
    SecretString: JSON.stringify({ password: "v3" }),
    VersionStages: ["STAGING", "canary"],
  });
  await secret(
    "ProdReporting",
    { password: "r1" },
    {
      Description: "A Prod* secret on another server",
      Tags: [
        { Key: "ServerName", Value: "ServerXYZ" },
        { Key: "env", Value: "prod" },
      ],
    },
  );
  await sm.putSecretValue(root, {
    SecretId: "ProdReporting",
    SecretString: JSON.stringify({ password: "r2" }),
  });

  // Customer managed policies: the guide's examples.
  const readOnly = await iam.createPolicy(root, {
    PolicyName: "SecretsReadOnly",
    Description: "Describe*, Get* and List* on every secret (the guide's read-only example)",
    PolicyDocument: doc({
      Effect: "Allow",
      Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
      Resource: "*",
    }),
  });
  const appSecret = created.get("prod/api/stripe")!;
  const appPolicy = doc({
    Effect: "Allow",
    Action: "secretsmanager:GetSecretValue",
    Resource: appSecret,
  });

  // Users, groups and a role.
  const users: DemoUser[] = [];
  const user = async (name: string, purpose: string) => {
    await iam.createUser(root, { UserName: name, Tags: [{ Key: "demo", Value: "true" }] });
    await iam.createLoginProfile(root, { UserName: name, Password: DEMO_PASSWORD });
    users.push({ UserName: name, Password: DEMO_PASSWORD, Purpose: purpose });
  };
  await user(
    "secrets-admin",
    "SecretsManagerReadWrite and IAMFullAccess: a full Secrets Manager administrator",
  );
  await user(
    "secrets-rw",
    "SecretsManagerReadWrite only: manages secrets, cannot create rotation functions",
  );
  await user("secrets-reader", "Read-only: Describe*, Get*, List*");
  await user(
    "new-admin",
    "No permissions yet: the guide's steps 1-7 attach the managed policies to this user",
  );
  await user("app", "The consuming application: GetSecretValue on prod/api/stripe only");
  await iam.attachUserPolicy(root, {
    UserName: "secrets-admin",
    PolicyArn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
  });
  await iam.attachUserPolicy(root, {
    UserName: "secrets-admin",
    PolicyArn: "arn:aws:iam::aws:policy/IAMFullAccess",
  });
  await iam.attachUserPolicy(root, {
    UserName: "secrets-rw",
    PolicyArn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
  });
  await iam.createGroup(root, { GroupName: "SecretsReaders" });
  await iam.attachGroupPolicy(root, {
    GroupName: "SecretsReaders",
    PolicyArn: readOnly.Policy.Arn,
  });
  await iam.addUserToGroup(root, { GroupName: "SecretsReaders", UserName: "secrets-reader" });
  await iam.createGroup(root, { GroupName: "SecretsAdmins" });
  for (const PolicyArn of [
    "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
    "arn:aws:iam::aws:policy/IAMFullAccess",
  ]) {
    await iam.attachGroupPolicy(root, { GroupName: "SecretsAdmins", PolicyArn });
  }
  await iam.addUserToGroup(root, { GroupName: "SecretsAdmins", UserName: "secrets-admin" });
  const devSecrets = await iam.createPolicy(root, {
    PolicyName: "DevSecretsFullAccess",
    Description: "Every Secrets Manager action on the dev/ secrets",
    PolicyDocument: doc([
      { Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" },
      {
        Effect: "Allow",
        Action: "secretsmanager:*",
        Resource: `arn:aws:secretsmanager:${rt.region}:${rt.accountId}:secret:dev/*`,
      },
    ]),
  });
  await iam.createGroup(root, { GroupName: "Developers" });
  await iam.attachGroupPolicy(root, { GroupName: "Developers", PolicyArn: devSecrets.Policy.Arn });
  await iam.addUserToGroup(root, { GroupName: "Developers", UserName: "secrets-rw" });
  await iam.putUserPolicy(root, {
    UserName: "app",
    PolicyName: "ReadOneSecret",
    PolicyDocument: appPolicy,
  });
  const key = await iam.createAccessKey(root, { UserName: "app" });
  await iam.createRole(root, {
    RoleName: "app-role",
    Description: "The consuming application as a role",
    AssumeRolePolicyDocument: doc({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${rt.accountId}:root` },
      Action: "sts:AssumeRole",
    }),
  });
  await iam.putRolePolicy(root, {
    RoleName: "app-role",
    PolicyName: "ReadOneSecret",
    PolicyDocument: appPolicy,
  });

  // Rotation: an alternating-users function (its execution role and two inline policies are
  // created with it) configured on the PostgreSQL secret without rotating now. The role's
  // SecretsManagerPostgreSQLRotationMultiUser1 does not allow reading the master secret yet:
  // the guide's last section grants it.
  const fn = await lambda.createFunction(root, {
    FunctionName: DEMO_ROTATION.FunctionName,
    Template: DEMO_ROTATION.Template,
    Description: "Rotates prod/payments/db with alternating users, signing in as its master secret",
  });
  await sm.rotateSecret(root, {
    SecretId: DEMO_ROTATION.SecretName,
    RotationLambdaARN: fn.FunctionArn,
    RotationRules: { AutomaticallyAfterDays: 30 },
    RotateImmediately: false,
  });

  for (const hook of options.hooks ?? []) await hook({ rt, root, secrets: created });

  return {
    AccountId: rt.accountId,
    Root: { Email: DEMO_ROOT.email, Password: DEMO_ROOT.password },
    Users: users,
    Groups: ["SecretsReaders", "SecretsAdmins", "Developers"],
    Roles: ["app-role", fn.Role.split("/").pop()!],
    ApplicationAccessKey: {
      UserName: "app",
      AccessKeyId: key.AccessKey.AccessKeyId,
      SecretAccessKey: key.AccessKey.SecretAccessKey,
    },
    Secrets: [...created.keys()],
    Rotation: {
      SecretName: DEMO_ROTATION.SecretName,
      MasterSecretName: DEMO_ROTATION.MasterSecretName,
      FunctionArn: fn.FunctionArn,
      RoleName: fn.Role.split("/").pop()!,
    },
    Seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
}

/** Extra demo content from other features (rotation adds its function and master secret). */
export type DemoHook = (demo: {
  rt: Runtime;
  root: Caller;
  secrets: Map<string, string>;
}) => Promise<void>;
