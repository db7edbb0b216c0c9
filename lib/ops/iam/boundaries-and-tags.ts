// Permissions boundaries of users and roles, and tags of users, roles and policies.
import { defineOperation, type OpContext, type Operation } from "../operation";
import {
  NoSuchEntity,
  bumpGeneration,
  checkName,
  checkTags,
  requestTagContext,
  tagsOf,
  writeTags,
  type Tag,
} from "./common";
import { authorizedPolicy, checkPolicyArn } from "./policies";
import { authorizedRole } from "./roles";
import { assertPolicyExists, authorizedUser } from "./users";

export const putUserPermissionsBoundary = defineOperation<
  { UserName: string; PermissionsBoundary: string },
  Record<string, never>
>("iam:PutUserPermissionsBoundary", async (ctx, input) => {
  const arn = checkPolicyArn(input.PermissionsBoundary, "PermissionsBoundary");
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"), {
    "iam:PermissionsBoundary": arn,
  });
  await assertPolicyExists(ctx.rt.db, arn);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamUser.update({ where: { id: user.id }, data: { permissionsBoundaryArn: arn } });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteUserPermissionsBoundary = defineOperation<
  { UserName: string },
  Record<string, never>
>("iam:DeleteUserPermissionsBoundary", async (ctx, input) => {
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
  if (!user.permissionsBoundaryArn)
    throw NoSuchEntity(`The user ${user.name} has no permissions boundary.`);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamUser.update({ where: { id: user.id }, data: { permissionsBoundaryArn: null } });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const putRolePermissionsBoundary = defineOperation<
  { RoleName: string; PermissionsBoundary: string },
  Record<string, never>
>("iam:PutRolePermissionsBoundary", async (ctx, input) => {
  const arn = checkPolicyArn(input.PermissionsBoundary, "PermissionsBoundary");
  const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"), undefined, {
    "iam:PermissionsBoundary": arn,
  });
  await assertPolicyExists(ctx.rt.db, arn);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamRole.update({ where: { id: role.id }, data: { permissionsBoundaryArn: arn } });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteRolePermissionsBoundary = defineOperation<
  { RoleName: string },
  Record<string, never>
>("iam:DeleteRolePermissionsBoundary", async (ctx, input) => {
  const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
  if (!role.permissionsBoundaryArn)
    throw NoSuchEntity(`The role ${role.name} has no permissions boundary.`);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamRole.update({ where: { id: role.id }, data: { permissionsBoundaryArn: null } });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

type Resolver = (
  ctx: OpContext,
  input: Record<string, unknown>,
  context: Record<string, string | string[]>,
) => Promise<{ arn: string }>;

const RESOLVERS: Record<"User" | "Role" | "Policy", Resolver> = {
  User: (ctx, input, context) =>
    authorizedUser(ctx, checkName(input.UserName, "UserName"), context),
  Role: (ctx, input, context) =>
    authorizedRole(
      ctx,
      checkName(input.RoleName, "RoleName"),
      undefined,
      context as Record<string, string>,
    ),
  Policy: async (ctx, input) => authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn)),
};

function tagOp(
  kind: "User" | "Role" | "Policy",
): Operation<Record<string, unknown> & { Tags: Tag[] }, Record<string, never>> {
  return defineOperation(`iam:Tag${kind}`, async (ctx, input) => {
    const tags = checkTags(input.Tags);
    const entity = await RESOLVERS[kind](ctx, input, requestTagContext(tags));
    await ctx.rt.db.$transaction(async (tx) => {
      await writeTags(tx, entity.arn, tags);
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

function untagOp(
  kind: "User" | "Role" | "Policy",
): Operation<Record<string, unknown> & { TagKeys: string[] }, Record<string, never>> {
  return defineOperation(`iam:Untag${kind}`, async (ctx, input) => {
    const keys = Array.isArray(input.TagKeys) ? input.TagKeys.map(String) : [];
    const entity = await RESOLVERS[kind](ctx, input, { "aws:TagKeys": keys });
    await ctx.rt.db.$transaction(async (tx) => {
      await tx.iamTag.deleteMany({ where: { resourceArn: entity.arn, key: { in: keys } } });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

function listTagsOp(
  kind: "User" | "Role" | "Policy",
): Operation<Record<string, unknown>, { Tags: Tag[]; IsTruncated: boolean }> {
  return defineOperation(`iam:List${kind}Tags`, async (ctx, input) => {
    const entity = await RESOLVERS[kind](ctx, input, {});
    return { Tags: await tagsOf(ctx.rt.db, entity.arn), IsTruncated: false };
  });
}

export const tagUser = tagOp("User");
export const tagRole = tagOp("Role");
export const tagPolicy = tagOp("Policy");
export const untagUser = untagOp("User");
export const untagRole = untagOp("Role");
export const untagPolicy = untagOp("Policy");
export const listUserTags = listTagsOp("User");
export const listRoleTags = listTagsOp("Role");
export const listPolicyTags = listTagsOp("Policy");
