// Every operation of every service, decided by the engine: a principal without permission gets
// AccessDenied in AWS's words and the database is unchanged; with the narrowest policy AWS would
// need (exactly the action, on exactly the resource), the same call succeeds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import * as sm from "@/lib/ops/secretsmanager";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const secretArnPattern = (name: string) =>
  `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${name}-??????`;
const iamArn = (kind: string, name: string) => `arn:aws:iam::${ACCOUNT}:${kind}/${name}`;
const TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});
const DOC = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" }],
});

type AnyOp = (caller: Caller, input: never) => Promise<unknown>;

interface Case {
  name: string;
  op: AnyOp;
  /** Actions the narrowest policy grants (the op's own first). */
  actions: string[];
  resource: string;
  /** Runs as root before the call; returns the call's input. */
  setup: (t: TestRuntime, root: Caller, id: string) => Promise<Record<string, unknown>>;
}

const secret = async (
  t: TestRuntime,
  root: Caller,
  id: string,
  extra: Record<string, unknown> = {},
) => {
  await sm.createSecret(root, { Name: `m-${id}`, SecretString: "v", ...extra });
  return { SecretId: `m-${id}` };
};
const user = async (root: Caller, id: string) => {
  await iam.createUser(root, { UserName: `u-${id}` });
  return { UserName: `u-${id}` };
};
const group = async (root: Caller, id: string) => {
  await iam.createGroup(root, { GroupName: `g-${id}` });
  return { GroupName: `g-${id}` };
};
const role = async (root: Caller, id: string) => {
  await iam.createRole(root, { RoleName: `r-${id}`, AssumeRolePolicyDocument: TRUST });
  return { RoleName: `r-${id}` };
};
const policy = async (root: Caller, id: string) => {
  const out = await iam.createPolicy(root, { PolicyName: `p-${id}`, PolicyDocument: DOC });
  return out.Policy.Arn;
};

const cases: Case[] = [
  // Secrets Manager
  {
    name: "CreateSecret",
    op: sm.createSecret as AnyOp,
    actions: ["secretsmanager:CreateSecret"],
    resource: "",
    setup: async (_t, _r, id) => ({ Name: `m-${id}`, SecretString: "v" }),
  },
  {
    name: "DescribeSecret",
    op: sm.describeSecret as AnyOp,
    actions: ["secretsmanager:DescribeSecret"],
    resource: "",
    setup: secret,
  },
  {
    name: "GetSecretValue",
    op: sm.getSecretValue as AnyOp,
    actions: ["secretsmanager:GetSecretValue"],
    resource: "",
    setup: secret,
  },
  {
    name: "BatchGetSecretValue",
    op: sm.batchGetSecretValue as AnyOp,
    actions: ["secretsmanager:BatchGetSecretValue", "secretsmanager:GetSecretValue"],
    resource: "*",
    setup: async (t, r, id) => ({ SecretIdList: [(await secret(t, r, id)).SecretId] }),
  },
  {
    name: "PutSecretValue",
    op: sm.putSecretValue as AnyOp,
    actions: ["secretsmanager:PutSecretValue"],
    resource: "",
    setup: async (t, r, id) => ({ ...(await secret(t, r, id)), SecretString: "new" }),
  },
  {
    name: "UpdateSecret",
    op: sm.updateSecret as AnyOp,
    actions: ["secretsmanager:UpdateSecret"],
    resource: "",
    setup: async (t, r, id) => ({ ...(await secret(t, r, id)), Description: "changed" }),
  },
  {
    name: "UpdateSecretVersionStage",
    op: sm.updateSecretVersionStage as AnyOp,
    actions: ["secretsmanager:UpdateSecretVersionStage"],
    resource: "",
    setup: async (t, r, id) => {
      const created = await sm.createSecret(r, { Name: `m-${id}`, SecretString: "v" });
      return { SecretId: `m-${id}`, VersionStage: "CUSTOM", MoveToVersionId: created.VersionId };
    },
  },
  {
    name: "ListSecretVersionIds",
    op: sm.listSecretVersionIds as AnyOp,
    actions: ["secretsmanager:ListSecretVersionIds"],
    resource: "",
    setup: secret,
  },
  {
    name: "ListSecrets",
    op: sm.listSecrets as AnyOp,
    actions: ["secretsmanager:ListSecrets"],
    resource: "*",
    setup: async () => ({}),
  },
  {
    name: "DeleteSecret",
    op: sm.deleteSecret as AnyOp,
    actions: ["secretsmanager:DeleteSecret"],
    resource: "",
    setup: async (t, r, id) => ({ ...(await secret(t, r, id)), RecoveryWindowInDays: 7 }),
  },
  {
    name: "RestoreSecret",
    op: sm.restoreSecret as AnyOp,
    actions: ["secretsmanager:RestoreSecret"],
    resource: "",
    setup: async (t, r, id) => {
      const input = await secret(t, r, id);
      await sm.deleteSecret(r, { ...input, RecoveryWindowInDays: 7 });
      return input;
    },
  },
  {
    name: "TagResource",
    op: sm.tagResource as AnyOp,
    actions: ["secretsmanager:TagResource"],
    resource: "",
    setup: async (t, r, id) => ({ ...(await secret(t, r, id)), Tags: [{ Key: "k", Value: "v" }] }),
  },
  {
    name: "UntagResource",
    op: sm.untagResource as AnyOp,
    actions: ["secretsmanager:UntagResource"],
    resource: "",
    setup: async (t, r, id) => ({
      ...(await secret(t, r, id, { Tags: [{ Key: "k", Value: "v" }] })),
      TagKeys: ["k"],
    }),
  },
  {
    name: "GetRandomPassword",
    op: sm.getRandomPassword as AnyOp,
    actions: ["secretsmanager:GetRandomPassword"],
    resource: "*",
    setup: async () => ({ PasswordLength: 20 }),
  },
  {
    name: "PutResourcePolicy",
    op: sm.putResourcePolicy as AnyOp,
    actions: ["secretsmanager:PutResourcePolicy"],
    resource: "",
    setup: async (t, r, id) => ({
      ...(await secret(t, r, id)),
      ResourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
          },
        ],
      }),
    }),
  },
  {
    name: "GetResourcePolicy",
    op: sm.getResourcePolicy as AnyOp,
    actions: ["secretsmanager:GetResourcePolicy"],
    resource: "",
    setup: secret,
  },
  {
    name: "DeleteResourcePolicy",
    op: sm.deleteResourcePolicy as AnyOp,
    actions: ["secretsmanager:DeleteResourcePolicy"],
    resource: "",
    setup: secret,
  },
  {
    name: "ValidateResourcePolicy",
    op: sm.validateResourcePolicy as AnyOp,
    actions: ["secretsmanager:ValidateResourcePolicy"],
    resource: "*",
    setup: async () => ({
      ResourcePolicy: DOC.replace('"Effect"', '"Principal":{"AWS":"111122223333"},"Effect"'),
    }),
  },
  // IAM
  {
    name: "CreateUser",
    op: iam.createUser as AnyOp,
    actions: ["iam:CreateUser"],
    resource: "user",
    setup: async (_t, _r, id) => ({ UserName: `u-${id}` }),
  },
  {
    name: "GetUser",
    op: iam.getUser as AnyOp,
    actions: ["iam:GetUser"],
    resource: "user",
    setup: async (_t, r, id) => user(r, id),
  },
  {
    name: "ListUsers",
    op: iam.listUsers as AnyOp,
    actions: ["iam:ListUsers"],
    resource: "*",
    setup: async () => ({}),
  },
  {
    name: "UpdateUser",
    op: iam.updateUser as AnyOp,
    actions: ["iam:UpdateUser"],
    resource: "user",
    setup: async (_t, r, id) => ({ ...(await user(r, id)), NewPath: "/moved/" }),
  },
  {
    name: "DeleteUser",
    op: iam.deleteUser as AnyOp,
    actions: ["iam:DeleteUser"],
    resource: "user",
    setup: async (_t, r, id) => user(r, id),
  },
  {
    name: "CreateLoginProfile",
    op: iam.createLoginProfile as AnyOp,
    actions: ["iam:CreateLoginProfile"],
    resource: "user",
    setup: async (_t, r, id) => ({ ...(await user(r, id)), Password: "Str0ng-Passw0rd" }),
  },
  {
    name: "CreateAccessKey",
    op: iam.createAccessKey as AnyOp,
    actions: ["iam:CreateAccessKey"],
    resource: "user",
    setup: async (_t, r, id) => user(r, id),
  },
  {
    name: "ListAccessKeys",
    op: iam.listAccessKeys as AnyOp,
    actions: ["iam:ListAccessKeys"],
    resource: "user",
    setup: async (_t, r, id) => user(r, id),
  },
  {
    name: "CreateGroup",
    op: iam.createGroup as AnyOp,
    actions: ["iam:CreateGroup"],
    resource: "group",
    setup: async (_t, _r, id) => ({ GroupName: `g-${id}` }),
  },
  {
    name: "GetGroup",
    op: iam.getGroup as AnyOp,
    actions: ["iam:GetGroup"],
    resource: "group",
    setup: async (_t, r, id) => group(r, id),
  },
  {
    name: "DeleteGroup",
    op: iam.deleteGroup as AnyOp,
    actions: ["iam:DeleteGroup"],
    resource: "group",
    setup: async (_t, r, id) => group(r, id),
  },
  {
    name: "AddUserToGroup",
    op: iam.addUserToGroup as AnyOp,
    actions: ["iam:AddUserToGroup"],
    resource: "group",
    setup: async (_t, r, id) => ({ ...(await group(r, id)), ...(await user(r, id)) }),
  },
  {
    name: "CreateRole",
    op: iam.createRole as AnyOp,
    actions: ["iam:CreateRole"],
    resource: "role",
    setup: async (_t, _r, id) => ({ RoleName: `r-${id}`, AssumeRolePolicyDocument: TRUST }),
  },
  {
    name: "GetRole",
    op: iam.getRole as AnyOp,
    actions: ["iam:GetRole"],
    resource: "role",
    setup: async (_t, r, id) => role(r, id),
  },
  {
    name: "UpdateAssumeRolePolicy",
    op: iam.updateAssumeRolePolicy as AnyOp,
    actions: ["iam:UpdateAssumeRolePolicy"],
    resource: "role",
    setup: async (_t, r, id) => ({ ...(await role(r, id)), PolicyDocument: TRUST }),
  },
  {
    name: "DeleteRole",
    op: iam.deleteRole as AnyOp,
    actions: ["iam:DeleteRole"],
    resource: "role",
    setup: async (_t, r, id) => role(r, id),
  },
  {
    name: "PutRolePolicy",
    op: iam.putRolePolicy as AnyOp,
    actions: ["iam:PutRolePolicy"],
    resource: "role",
    setup: async (_t, r, id) => ({
      ...(await role(r, id)),
      PolicyName: "inline",
      PolicyDocument: DOC,
    }),
  },
  {
    name: "PutUserPolicy",
    op: iam.putUserPolicy as AnyOp,
    actions: ["iam:PutUserPolicy"],
    resource: "user",
    setup: async (_t, r, id) => ({
      ...(await user(r, id)),
      PolicyName: "inline",
      PolicyDocument: DOC,
    }),
  },
  {
    name: "PutGroupPolicy",
    op: iam.putGroupPolicy as AnyOp,
    actions: ["iam:PutGroupPolicy"],
    resource: "group",
    setup: async (_t, r, id) => ({
      ...(await group(r, id)),
      PolicyName: "inline",
      PolicyDocument: DOC,
    }),
  },
  {
    name: "CreatePolicy",
    op: iam.createPolicy as AnyOp,
    actions: ["iam:CreatePolicy"],
    resource: "policy",
    setup: async (_t, _r, id) => ({ PolicyName: `p-${id}`, PolicyDocument: DOC }),
  },
  {
    name: "GetPolicy",
    op: iam.getPolicy as AnyOp,
    actions: ["iam:GetPolicy"],
    resource: "policy",
    setup: async (_t, r, id) => ({ PolicyArn: await policy(r, id) }),
  },
  {
    name: "CreatePolicyVersion",
    op: iam.createPolicyVersion as AnyOp,
    actions: ["iam:CreatePolicyVersion"],
    resource: "policy",
    setup: async (_t, r, id) => ({
      PolicyArn: await policy(r, id),
      PolicyDocument: DOC,
      SetAsDefault: true,
    }),
  },
  {
    name: "DeletePolicy",
    op: iam.deletePolicy as AnyOp,
    actions: ["iam:DeletePolicy"],
    resource: "policy",
    setup: async (_t, r, id) => ({ PolicyArn: await policy(r, id) }),
  },
  {
    name: "AttachUserPolicy",
    op: iam.attachUserPolicy as AnyOp,
    actions: ["iam:AttachUserPolicy"],
    resource: "user",
    setup: async (_t, r, id) => ({ ...(await user(r, id)), PolicyArn: await policy(r, id) }),
  },
  {
    name: "AttachGroupPolicy",
    op: iam.attachGroupPolicy as AnyOp,
    actions: ["iam:AttachGroupPolicy"],
    resource: "group",
    setup: async (_t, r, id) => ({ ...(await group(r, id)), PolicyArn: await policy(r, id) }),
  },
  {
    name: "AttachRolePolicy",
    op: iam.attachRolePolicy as AnyOp,
    actions: ["iam:AttachRolePolicy"],
    resource: "role",
    setup: async (_t, r, id) => ({ ...(await role(r, id)), PolicyArn: await policy(r, id) }),
  },
  {
    name: "DetachUserPolicy",
    op: iam.detachUserPolicy as AnyOp,
    actions: ["iam:DetachUserPolicy"],
    resource: "user",
    setup: async (_t, r, id) => {
      const input = { ...(await user(r, id)), PolicyArn: await policy(r, id) };
      await iam.attachUserPolicy(r, input);
      return input;
    },
  },
  {
    name: "ListEntitiesForPolicy",
    op: iam.listEntitiesForPolicy as AnyOp,
    actions: ["iam:ListEntitiesForPolicy"],
    resource: "policy",
    setup: async (_t, r, id) => ({ PolicyArn: await policy(r, id) }),
  },
  {
    name: "ListPolicies",
    op: iam.listPolicies as AnyOp,
    actions: ["iam:ListPolicies"],
    resource: "*",
    setup: async () => ({ Scope: "Local" }),
  },
  {
    name: "TagUser",
    op: iam.tagUser as AnyOp,
    actions: ["iam:TagUser"],
    resource: "user",
    setup: async (_t, r, id) => ({ ...(await user(r, id)), Tags: [{ Key: "k", Value: "v" }] }),
  },
  {
    name: "PutUserPermissionsBoundary",
    op: iam.putUserPermissionsBoundary as AnyOp,
    actions: ["iam:PutUserPermissionsBoundary"],
    resource: "user",
    setup: async (_t, r, id) => ({
      ...(await user(r, id)),
      PermissionsBoundary: await policy(r, id),
    }),
  },
  {
    name: "GetAccountSummary",
    op: iam.getAccountSummary as AnyOp,
    actions: ["iam:GetAccountSummary"],
    resource: "*",
    setup: async () => ({}),
  },
  {
    name: "UpdateGroup",
    op: iam.updateGroup as AnyOp,
    actions: ["iam:UpdateGroup"],
    resource: "group",
    setup: async (_t, r, id) => ({ ...(await group(r, id)), NewPath: "/" }),
  },
  {
    name: "UpdateRoleDescription",
    op: iam.updateRoleDescription as AnyOp,
    actions: ["iam:UpdateRoleDescription"],
    resource: "role",
    setup: async (_t, r, id) => ({ ...(await role(r, id)), Description: "described" }),
  },
  {
    name: "CreateAccountAlias",
    op: iam.createAccountAlias as AnyOp,
    actions: ["iam:CreateAccountAlias"],
    resource: "*",
    setup: async (_t, _r, id) => ({ AccountAlias: `matrix-${id}` }),
  },
  {
    name: "CreateInstanceProfile",
    op: iam.createInstanceProfile as AnyOp,
    actions: ["iam:CreateInstanceProfile"],
    resource: "instance-profile",
    setup: async (_t, _r, id) => ({ InstanceProfileName: `i-${id}` }),
  },
  {
    name: "GetInstanceProfile",
    op: iam.getInstanceProfile as AnyOp,
    actions: ["iam:GetInstanceProfile"],
    resource: "instance-profile",
    setup: async (_t, r, id) => {
      await iam.createInstanceProfile(r, { InstanceProfileName: `i-${id}` });
      return { InstanceProfileName: `i-${id}` };
    },
  },
  {
    name: "AddRoleToInstanceProfile",
    op: iam.addRoleToInstanceProfile as AnyOp,
    // IAM asks for iam:PassRole on the role as well.
    actions: ["iam:AddRoleToInstanceProfile", "iam:PassRole"],
    resource: "*",
    setup: async (_t, r, id) => {
      await iam.createInstanceProfile(r, { InstanceProfileName: `i-${id}` });
      return { InstanceProfileName: `i-${id}`, ...(await role(r, id)) };
    },
  },
  {
    name: "GetContextKeysForCustomPolicy",
    op: iam.getContextKeysForCustomPolicy as AnyOp,
    actions: ["iam:GetContextKeysForCustomPolicy"],
    resource: "*",
    setup: async () => ({ PolicyInputList: [DOC] }),
  },
  {
    name: "GetContextKeysForPrincipalPolicy",
    op: iam.getContextKeysForPrincipalPolicy as AnyOp,
    actions: ["iam:GetContextKeysForPrincipalPolicy"],
    resource: "user",
    setup: async (_t, r, id) => {
      await user(r, id);
      return { PolicySourceArn: iamArn("user", `u-${id}`) };
    },
  },
  {
    name: "GetAccountAuthorizationDetails",
    op: iam.getAccountAuthorizationDetails as AnyOp,
    actions: ["iam:GetAccountAuthorizationDetails"],
    resource: "*",
    setup: async () => ({}),
  },
  {
    name: "GenerateCredentialReport",
    op: iam.generateCredentialReport as AnyOp,
    actions: ["iam:GenerateCredentialReport"],
    resource: "*",
    setup: async () => ({}),
  },
];

/** Everything an operation could change, as one comparable value (the audit log aside). */
async function snapshot(t: TestRuntime): Promise<string> {
  const db = t.db;
  const tables = await Promise.all([
    db.secret.findMany({ orderBy: { id: "asc" } }),
    db.secretVersion.findMany({
      orderBy: { id: "asc" },
      select: { id: true, versionId: true, valueType: true },
    }),
    db.secretVersionStage.findMany({ orderBy: [{ secretId: "asc" }, { stage: "asc" }] }),
    db.secretTag.findMany({ orderBy: [{ secretId: "asc" }, { key: "asc" }] }),
    db.iamUser.findMany({ orderBy: { id: "asc" } }),
    db.iamGroup.findMany({ orderBy: { id: "asc" } }),
    db.iamGroupMember.findMany({ orderBy: [{ groupId: "asc" }, { userId: "asc" }] }),
    db.iamRole.findMany({ orderBy: { id: "asc" } }),
    db.iamPolicy.findMany({ where: { isAws: false }, orderBy: { id: "asc" } }),
    db.iamPolicyVersion.findMany({
      where: { policy: { isAws: false } },
      orderBy: [{ policyId: "asc" }, { versionId: "asc" }],
    }),
    db.iamPolicyAttachment.findMany({ orderBy: [{ policyId: "asc" }, { principalId: "asc" }] }),
    db.iamInlinePolicy.findMany({ orderBy: [{ principalId: "asc" }, { name: "asc" }] }),
    db.iamAccessKey.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, userId: true },
    }),
    db.iamTag.findMany({ orderBy: [{ resourceArn: "asc" }, { key: "asc" }] }),
    db.iamInstanceProfile.findMany({ orderBy: { id: "asc" } }),
    db.account.findMany({ orderBy: { id: "asc" } }),
    db.setting.findMany({ orderBy: { key: "asc" } }),
  ]);
  return JSON.stringify(tables);
}

describe("authorization matrix: every operation is decided by the engine", () => {
  let t: TestRuntime;
  let caller: Caller;
  const CALLER = "matrix-caller";

  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    const created = await iam.createUser(t.root, { UserName: CALLER });
    caller = {
      principal: {
        type: "User",
        arn: created.User.Arn,
        accountId: ACCOUNT,
        name: CALLER,
        id: created.User.UserId,
      },
      via: "api",
    };
  });
  afterAll(async () => t.dispose());

  it.each(cases.map((c, i) => [c.name, c, i] as const))("%s", async (_name, c, i) => {
    const id = `${i}`;
    const input = await c.setup(t, t.root, id);
    const resource =
      c.resource === ""
        ? secretArnPattern(`m-${id}`)
        : c.resource === "*"
          ? "*"
          : iamArn(c.resource, `${c.resource.charAt(0)}-${id}`);

    const before = await snapshot(t);
    let denied: unknown;
    try {
      await c.op(caller, input as never);
    } catch (error) {
      denied = error;
    }
    expect(denied, `${c.name} must be refused without a policy`).toBeInstanceOf(AwsError);
    expect((denied as AwsError).code).toBe("AccessDeniedException");
    expect((denied as AwsError).message).toContain(
      `User: ${caller.principal.arn} is not authorized to perform: ${c.actions[0]} on resource: `,
    );
    expect(await snapshot(t)).toBe(before);

    await iam.putUserPolicy(t.root, {
      UserName: CALLER,
      PolicyName: "narrowest",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: c.actions, Resource: resource }],
      }),
    });
    try {
      await expect(c.op(caller, input as never)).resolves.toBeDefined();
    } finally {
      await iam.deleteUserPolicy(t.root, { UserName: CALLER, PolicyName: "narrowest" });
    }
  });

  it("a detach is in force at the next request", async () => {
    await sm.createSecret(t.root, { Name: "detach-me", SecretString: "v" });
    const arn = await policy(t.root, "detach");
    await iam.createPolicyVersion(t.root, {
      PolicyArn: arn,
      SetAsDefault: true,
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
      }),
    });
    await iam.attachUserPolicy(t.root, { UserName: CALLER, PolicyArn: arn });
    expect((await sm.getSecretValue(caller, { SecretId: "detach-me" })).SecretString).toBe("v");
    await iam.detachUserPolicy(t.root, { UserName: CALLER, PolicyArn: arn });
    await expect(sm.getSecretValue(caller, { SecretId: "detach-me" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
  });
});
