import { isUniqueViolation } from "../../db/errors";
import { defineOperation, type OpContext } from "../operation";
import {
  DeleteConflict,
  EntityAlreadyExists,
  IamLimitExceeded,
  NoSuchEntity,
  bumpGeneration,
  checkName,
  checkPath,
  iamArn,
  newId,
  page,
} from "./common";
import { authorizedUser, userShape, type User } from "./users";

export interface Group {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: Date;
}

type GroupRow = { id: string; name: string; path: string; arn: string; createDate: Date };

export const groupShape = (g: GroupRow): Group => ({
  Path: g.path,
  GroupName: g.name,
  GroupId: g.id,
  Arn: g.arn,
  CreateDate: g.createDate,
});

export async function authorizedGroup(ctx: OpContext, name: string, action?: string) {
  const group = await ctx.rt.db.iamGroup.findUnique({ where: { name } });
  await ctx.authorize({ action, resource: group?.arn ?? iamArn(ctx.rt, "group", "/", name) });
  if (!group) throw NoSuchEntity(`The group with name ${name} cannot be found.`);
  return group;
}

export const createGroup = defineOperation<{ GroupName: string; Path?: string }, { Group: Group }>(
  "iam:CreateGroup",
  async (ctx, input) => {
    const name = checkName(input.GroupName, "GroupName", 128);
    const path = checkPath(input.Path);
    const arn = iamArn(ctx.rt, "group", path, name);
    await ctx.authorize({ resource: arn });
    const group = await ctx.rt.db
      .$transaction(async (tx) => {
        if (await tx.iamGroup.findUnique({ where: { name }, select: { id: true } })) {
          throw EntityAlreadyExists(`Group with name ${name} already exists.`);
        }
        const created = await tx.iamGroup.create({
          data: { id: newId("AGPA"), name, path, arn, createDate: ctx.rt.now() },
        });
        await ctx.auditIn(tx);
        return created;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw EntityAlreadyExists(`Group with name ${name} already exists.`);
        throw error;
      });
    return { Group: groupShape(group) };
  },
);

export const getGroup = defineOperation<
  { GroupName: string; Marker?: string; MaxItems?: number },
  { Group: Group; Users: User[]; IsTruncated: boolean; Marker?: string }
>("iam:GetGroup", async (ctx, input) => {
  const group = await authorizedGroup(ctx, checkName(input.GroupName, "GroupName", 128));
  const members = await ctx.rt.db.iamGroupMember.findMany({
    where: { groupId: group.id },
    select: { user: true },
    orderBy: { user: { name: "asc" } },
  });
  const { items, IsTruncated, Marker } = page(members, input);
  return {
    Group: groupShape(group),
    Users: items.map((m) => userShape(m.user)),
    IsTruncated,
    Marker,
  };
});

export const listGroups = defineOperation<
  { PathPrefix?: string; Marker?: string; MaxItems?: number },
  { Groups: Group[]; IsTruncated: boolean; Marker?: string }
>("iam:ListGroups", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const rows = await ctx.rt.db.iamGroup.findMany({
    where: { path: { startsWith: input?.PathPrefix ?? "/" } },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input ?? {});
  return { Groups: items.map(groupShape), IsTruncated, Marker };
});

export const deleteGroup = defineOperation<{ GroupName: string }, Record<string, never>>(
  "iam:DeleteGroup",
  async (ctx, input) => {
    const group = await authorizedGroup(ctx, checkName(input.GroupName, "GroupName", 128));
    await ctx.rt.db.$transaction(async (tx) => {
      const [members, attached, inline] = await Promise.all([
        tx.iamGroupMember.count({ where: { groupId: group.id } }),
        tx.iamPolicyAttachment.count({ where: { principalType: "group", principalId: group.id } }),
        tx.iamInlinePolicy.count({ where: { principalType: "group", principalId: group.id } }),
      ]);
      if (members > 0)
        throw DeleteConflict("Cannot delete entity, must remove users from group first.");
      if (attached > 0 || inline > 0)
        throw DeleteConflict("Cannot delete entity, must delete policies first.");
      await tx.iamGroup.delete({ where: { id: group.id } });
      await ctx.auditIn(tx);
    });
    return {};
  },
);

export const addUserToGroup = defineOperation<
  { GroupName: string; UserName: string },
  Record<string, never>
>("iam:AddUserToGroup", async (ctx, input) => {
  const group = await authorizedGroup(ctx, checkName(input.GroupName, "GroupName", 128));
  const user = await ctx.rt.db.iamUser.findUnique({
    where: { name: checkName(input.UserName, "UserName") },
  });
  if (!user) throw NoSuchEntity(`The user with name ${input.UserName} cannot be found.`);
  await ctx.rt.db.$transaction(async (tx) => {
    const count = await tx.iamGroupMember.count({ where: { userId: user.id } });
    if (count >= 10) {
      throw IamLimitExceeded("Cannot exceed quota for GroupsPerUser: 10");
    }
    await tx.iamGroupMember.upsert({
      where: { groupId_userId: { groupId: group.id, userId: user.id } },
      create: { groupId: group.id, userId: user.id },
      update: {},
    });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const removeUserFromGroup = defineOperation<
  { GroupName: string; UserName: string },
  Record<string, never>
>("iam:RemoveUserFromGroup", async (ctx, input) => {
  const group = await authorizedGroup(ctx, checkName(input.GroupName, "GroupName", 128));
  const user = await ctx.rt.db.iamUser.findUnique({
    where: { name: checkName(input.UserName, "UserName") },
  });
  if (!user) throw NoSuchEntity(`The user with name ${input.UserName} cannot be found.`);
  await ctx.rt.db.$transaction(async (tx) => {
    const removed = await tx.iamGroupMember.deleteMany({
      where: { groupId: group.id, userId: user.id },
    });
    if (removed.count === 0) {
      throw NoSuchEntity(`The user with name ${user.name} cannot be found in group ${group.name}.`);
    }
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const listGroupsForUser = defineOperation<
  { UserName: string; Marker?: string; MaxItems?: number },
  { Groups: Group[]; IsTruncated: boolean; Marker?: string }
>("iam:ListGroupsForUser", async (ctx, input) => {
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
  const rows = await ctx.rt.db.iamGroupMember.findMany({
    where: { userId: user.id },
    select: { group: true },
    orderBy: { group: { name: "asc" } },
  });
  const { items, IsTruncated, Marker } = page(rows, input);
  return { Groups: items.map((r) => groupShape(r.group)), IsTruncated, Marker };
});

/**
 * Renames or moves a group. IAM asks for permission on the group under its old name and under
 * its new one. Members and policies belong to the group's id, so they follow it.
 */
export const updateGroup = defineOperation<
  { GroupName: string; NewGroupName?: string; NewPath?: string },
  Record<string, never>
>("iam:UpdateGroup", async (ctx, input) => {
  const name = checkName(input.GroupName, "GroupName", 128);
  const newName =
    input.NewGroupName !== undefined && input.NewGroupName !== null
      ? checkName(input.NewGroupName, "NewGroupName", 128)
      : undefined;
  const newPath =
    input.NewPath !== undefined && input.NewPath !== null
      ? checkPath(input.NewPath, "NewPath")
      : undefined;
  const group = await authorizedGroup(ctx, name);
  const finalName = newName ?? group.name;
  const path = newPath ?? group.path;
  const arn = iamArn(ctx.rt, "group", path, finalName);
  if (arn !== group.arn) await ctx.authorize({ resource: arn });
  const taken = () => EntityAlreadyExists(`Group with name ${finalName} already exists.`);
  await ctx.rt.db
    .$transaction(async (tx) => {
      if (finalName !== group.name) {
        const other = await tx.iamGroup.findUnique({
          where: { name: finalName },
          select: { id: true },
        });
        if (other) throw taken();
      }
      await tx.iamGroup.update({ where: { id: group.id }, data: { name: finalName, path, arn } });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw taken();
      throw error;
    });
  return {};
});
