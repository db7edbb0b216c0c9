// The seed's policies, through the real operations: AWS managed policies attached to users and
// groups, read-only access, one-secret access by name and by `-??????`, tags and staging labels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

const statement = (s: object) => JSON.stringify({ Version: "2012-10-17", Statement: s });

describe("the seed's policies, enforced", () => {
  let t: TestRuntime;
  let n = 0;

  async function userWith(policy?: string, managed: string[] = []): Promise<Caller> {
    const name = `seed-user-${++n}`;
    const { User } = await iam.createUser(t.root, { UserName: name });
    if (policy)
      await iam.putUserPolicy(t.root, { UserName: name, PolicyName: "p", PolicyDocument: policy });
    for (const arn of managed)
      await iam.attachUserPolicy(t.root, { UserName: name, PolicyArn: arn });
    return {
      principal: { type: "User", arn: User.Arn, accountId: t.accountId, name, id: User.UserId },
      via: "console",
    };
  }

  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
  });
  afterAll(async () => t.dispose());

  it("SecretsManagerReadWrite through a group lets a user manage secrets but not IAM", async () => {
    await iam.createGroup(t.root, { GroupName: "secret-admins" });
    await iam.attachGroupPolicy(t.root, {
      GroupName: "secret-admins",
      PolicyArn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
    });
    const admin = await userWith();
    await iam.addUserToGroup(t.root, {
      GroupName: "secret-admins",
      UserName: admin.principal.name,
    });
    await sm.createSecret(admin, { Name: "team/db", SecretString: "x" });
    expect((await sm.getSecretValue(admin, { SecretId: "team/db" })).SecretString).toBe("x");
    await expect(
      iam.createRole(admin, { RoleName: "nope", AssumeRolePolicyDocument: "{}" }),
    ).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    await iam.attachGroupPolicy(t.root, {
      GroupName: "secret-admins",
      PolicyArn: "arn:aws:iam::aws:policy/IAMFullAccess",
    });
    const role = await iam.createRole(admin, {
      RoleName: "now-allowed",
      AssumeRolePolicyDocument: statement({
        Effect: "Allow",
        Principal: { Service: "lambda.amazonaws.com" },
        Action: "sts:AssumeRole",
      }),
    });
    expect(role.Role.RoleName).toBe("now-allowed");
  });

  it("read-only (Describe*, Get*, List*) reads but cannot store, change or delete", async () => {
    await sm.createSecret(t.root, { Name: "ro/target", SecretString: "x" });
    const reader = await userWith(
      statement({
        Effect: "Allow",
        Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
        Resource: "*",
      }),
    );
    expect((await sm.listSecrets(reader, {})).SecretList.length).toBeGreaterThan(0);
    expect((await sm.describeSecret(reader, { SecretId: "ro/target" })).Name).toBe("ro/target");
    expect((await sm.getSecretValue(reader, { SecretId: "ro/target" })).SecretString).toBe("x");
    for (const attempt of [
      () => sm.createSecret(reader, { Name: "ro/new", SecretString: "y" }),
      () => sm.putSecretValue(reader, { SecretId: "ro/target", SecretString: "y" }),
      () => sm.deleteSecret(reader, { SecretId: "ro/target" }),
    ]) {
      await expect(attempt()).rejects.toMatchObject({
        code: "AccessDeniedException",
        message: expect.stringMatching(
          /because no identity-based policy allows the secretsmanager:\w+ action$/,
        ),
      });
    }
  });

  it("a `-??????` grant matches the secret, not longer names, and survives delete and recreate", async () => {
    const prefix = `arn:aws:secretsmanager:us-east-1:${t.accountId}:secret:`;
    const app = await userWith(
      statement([
        {
          Effect: "Allow",
          Action: ["secretsmanager:DescribeSecret", "secretsmanager:List*"],
          Resource: "*",
        },
        {
          Effect: "Allow",
          Action: "secretsmanager:*",
          Resource: `${prefix}another_secret_name-??????`,
        },
      ]),
    );
    await sm.createSecret(t.root, { Name: "another_secret_name", SecretString: "one" });
    await sm.createSecret(t.root, { Name: "another_secret_name-extra", SecretString: "other" });
    expect((await sm.getSecretValue(app, { SecretId: "another_secret_name" })).SecretString).toBe(
      "one",
    );
    await expect(
      sm.getSecretValue(app, { SecretId: "another_secret_name-extra" }),
    ).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    await sm.deleteSecret(t.root, {
      SecretId: "another_secret_name",
      ForceDeleteWithoutRecovery: true,
    });
    await sm.createSecret(t.root, { Name: "another_secret_name", SecretString: "reborn" });
    expect((await sm.getSecretValue(app, { SecretId: "another_secret_name" })).SecretString).toBe(
      "reborn",
    );
  });

  it("DescribeSecret by tag ServerName=ServerABC", async () => {
    const ops = await userWith(
      statement({
        Effect: "Allow",
        Action: "secretsmanager:DescribeSecret",
        Resource: "*",
        Condition: { StringEquals: { "secretsmanager:ResourceTag/ServerName": "ServerABC" } },
      }),
    );
    await sm.createSecret(t.root, {
      Name: "tag/abc",
      SecretString: "x",
      Tags: [{ Key: "ServerName", Value: "ServerABC" }],
    });
    await sm.createSecret(t.root, {
      Name: "tag/xyz",
      SecretString: "x",
      Tags: [{ Key: "ServerName", Value: "ServerXYZ" }],
    });
    expect((await sm.describeSecret(ops, { SecretId: "tag/abc" })).Name).toBe("tag/abc");
    await expect(sm.describeSecret(ops, { SecretId: "tag/xyz" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
  });

  it("GetSecretValue on Prod* only for the AWSCURRENT version", async () => {
    const prod = await userWith(
      statement({
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: "arn:aws:secretsmanager:*:*:secret:Prod*",
        Condition: { "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" } },
      }),
    );
    await sm.createSecret(t.root, { Name: "ProdDb", SecretString: "v1" });
    await sm.putSecretValue(t.root, { SecretId: "ProdDb", SecretString: "v2" });
    await sm.createSecret(t.root, { Name: "DevDb", SecretString: "d" });
    expect((await sm.getSecretValue(prod, { SecretId: "ProdDb" })).SecretString).toBe("v2");
    await expect(
      sm.getSecretValue(prod, { SecretId: "ProdDb", VersionStage: "AWSPREVIOUS" }),
    ).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    await expect(sm.getSecretValue(prod, { SecretId: "DevDb" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
  });

  it("a resource policy naming the user grants access on its own", async () => {
    const named = await userWith();
    await sm.createSecret(t.root, { Name: "shared/by-policy", SecretString: "s" });
    await sm.putResourcePolicy(t.root, {
      SecretId: "shared/by-policy",
      ResourcePolicy: statement({
        Effect: "Allow",
        Principal: { AWS: named.principal.arn },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
      }),
    });
    expect((await sm.getSecretValue(named, { SecretId: "shared/by-policy" })).SecretString).toBe(
      "s",
    );
  });
});

describe("AWS managed policies", () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
  });
  afterAll(async () => t.dispose());

  it("are readable in the account (GetPolicy, versions, listing with usage counts)", async () => {
    const arn = "arn:aws:iam::aws:policy/SecretsManagerReadWrite";
    const { Policy } = await iam.getPolicy(t.root, { PolicyArn: arn });
    expect(Policy.DefaultVersionId).toBe("v6");
    const version = await iam.getPolicyVersion(t.root, { PolicyArn: arn, VersionId: "v6" });
    expect(version.PolicyVersion.Document).toContain("secretsmanager:*");
    await iam.createUser(t.root, { UserName: "counted" });
    await iam.attachUserPolicy(t.root, { UserName: "counted", PolicyArn: arn });
    const listed = await iam.listPolicies(t.root, { Scope: "AWS" });
    const counts = Object.fromEntries(
      listed.Policies.map((p) => [p.PolicyName, p.AttachmentCount]),
    );
    expect(counts).toEqual({ IAMFullAccess: 0, SecretsManagerReadWrite: 1 });
  });
});
