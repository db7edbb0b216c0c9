// Instance profiles: the container EC2 passes a role in. A profile holds one role at most (IAM's
// InstanceSessionsPerInstanceProfile quota); a role in a profile can't be deleted, nor a profile
// that still holds one. Profiles keep their role by id, and answer it in GetRole's shape.
import { isUniqueViolation } from "../../db/errors";
import type { Db, Tx } from "../../db/client";
import { defineOperation, type OpContext } from "../operation";
import {
  DeleteConflict,
  EntityAlreadyExists,
  IamLimitExceeded,
  NoSuchEntity,
  checkName,
  checkPath,
  checkTags,
  newId,
  page,
  requestTagContext,
  tagsOf,
  writeTags,
  type Tag,
} from "./common";
import { authorizedRole, roleShape, type Role } from "./roles";

export interface InstanceProfile {
  Path: string;
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  CreateDate: Date;
  Roles: Role[];
  Tags?: Tag[];
}

type ProfileRow = {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: Date;
  roleId: string | null;
};

const NAME_MAX = 128;

export const instanceProfileArn = (accountId: string, path: string, name: string) =>
  `arn:aws:iam::${accountId}:instance-profile${path}${name}`;

const noSuchProfile = (name: string) => NoSuchEntity(`Instance Profile ${name} cannot be found.`);

/** The profiles in AWS's shape, each with its role, in two queries. */
export async function instanceProfileShapes(
  db: Db | Tx,
  rows: ProfileRow[],
  tags?: Tag[],
): Promise<InstanceProfile[]> {
  const roleIds = [...new Set(rows.flatMap((r) => (r.roleId ? [r.roleId] : [])))];
  const roles = roleIds.length ? await db.iamRole.findMany({ where: { id: { in: roleIds } } }) : [];
  const byId = new Map(roles.map((r) => [r.id, r]));
  return rows.map((p) => {
    const role = p.roleId ? byId.get(p.roleId) : undefined;
    return {
      Path: p.path,
      InstanceProfileName: p.name,
      InstanceProfileId: p.id,
      Arn: p.arn,
      CreateDate: p.createDate,
      Roles: role ? [roleShape(role)] : [],
      Tags: tags && tags.length > 0 ? tags : undefined,
    };
  });
}

/** Finds a profile and authorizes the action on it (on its would-be ARN when it doesn't exist). */
async function authorizedProfile(
  ctx: OpContext,
  name: unknown,
  context?: Record<string, string | string[]>,
  action?: string,
) {
  const checked = checkName(name, "InstanceProfileName", NAME_MAX);
  const profile = await ctx.rt.db.iamInstanceProfile.findUnique({ where: { name: checked } });
  await ctx.authorize({
    action,
    resource: profile?.arn ?? instanceProfileArn(ctx.rt.accountId, "/", checked),
    context,
  });
  if (!profile) throw noSuchProfile(checked);
  return profile;
}

async function existingRole(db: Db, name: unknown) {
  const checked = checkName(name, "RoleName");
  const role = await db.iamRole.findUnique({ where: { name: checked } });
  if (!role) throw NoSuchEntity(`The role with name ${checked} cannot be found.`);
  return role;
}

export const createInstanceProfile = defineOperation<
  { InstanceProfileName: string; Path?: string; Tags?: Tag[] },
  { InstanceProfile: InstanceProfile }
>("iam:CreateInstanceProfile", async (ctx, input) => {
  const name = checkName(input?.InstanceProfileName, "InstanceProfileName", NAME_MAX);
  const path = checkPath(input.Path);
  const tags = checkTags(input.Tags);
  const arn = instanceProfileArn(ctx.rt.accountId, path, name);
  const context = requestTagContext(tags);
  await ctx.authorize({ resource: arn, context });
  if (tags.length > 0) {
    await ctx.authorize({ action: "iam:TagInstanceProfile", resource: arn, context });
  }
  const exists = () => EntityAlreadyExists(`Instance Profile ${name} already exists.`);
  const profile = await ctx.rt.db
    .$transaction(async (tx) => {
      if (await tx.iamInstanceProfile.findUnique({ where: { name }, select: { id: true } })) {
        throw exists();
      }
      const created = await tx.iamInstanceProfile.create({
        data: { id: newId("AIPA"), name, path, arn, createDate: ctx.rt.now() },
      });
      await writeTags(tx, arn, tags);
      await ctx.auditIn(tx);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw exists();
      throw error;
    });
  const [shape] = await instanceProfileShapes(ctx.rt.db, [profile], tags);
  return { InstanceProfile: shape };
});

export const getInstanceProfile = defineOperation<
  { InstanceProfileName: string },
  { InstanceProfile: InstanceProfile }
>("iam:GetInstanceProfile", async (ctx, input) => {
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName);
  const tags = await tagsOf(ctx.rt.db, profile.arn);
  const [shape] = await instanceProfileShapes(ctx.rt.db, [profile], tags);
  return { InstanceProfile: shape };
});

export const deleteInstanceProfile = defineOperation<
  { InstanceProfileName: string },
  Record<string, never>
>("iam:DeleteInstanceProfile", async (ctx, input) => {
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName);
  await ctx.rt.db.$transaction(async (tx) => {
    const current = await tx.iamInstanceProfile.findUnique({
      where: { id: profile.id },
      select: { roleId: true },
    });
    if (!current) throw noSuchProfile(profile.name);
    if (current.roleId) {
      throw DeleteConflict("Cannot delete entity, must remove roles from instance profile first.");
    }
    await tx.iamTag.deleteMany({ where: { resourceArn: profile.arn } });
    await tx.iamInstanceProfile.delete({ where: { id: profile.id } });
    await ctx.auditIn(tx);
  });
  return {};
});

/** IAM: the caller must also be allowed iam:PassRole on the role it puts in the profile. */
export const addRoleToInstanceProfile = defineOperation<
  { InstanceProfileName: string; RoleName: string },
  Record<string, never>
>("iam:AddRoleToInstanceProfile", async (ctx, input) => {
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName);
  const role = await existingRole(ctx.rt.db, input.RoleName);
  await ctx.authorize({ action: "iam:PassRole", resource: role.arn });
  await ctx.rt.db.$transaction(async (tx) => {
    // The conditional update keeps the one-role quota when two requests race.
    const claimed = await tx.iamInstanceProfile.updateMany({
      where: { id: profile.id, roleId: null },
      data: { roleId: role.id },
    });
    if (claimed.count === 0) {
      throw IamLimitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    }
    await ctx.auditIn(tx);
  });
  return {};
});

export const removeRoleFromInstanceProfile = defineOperation<
  { InstanceProfileName: string; RoleName: string },
  Record<string, never>
>("iam:RemoveRoleFromInstanceProfile", async (ctx, input) => {
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName);
  const role = await existingRole(ctx.rt.db, input.RoleName);
  await ctx.rt.db.$transaction(async (tx) => {
    const removed = await tx.iamInstanceProfile.updateMany({
      where: { id: profile.id, roleId: role.id },
      data: { roleId: null },
    });
    if (removed.count === 0) {
      throw NoSuchEntity(
        `The role with name ${role.name} cannot be found in instance profile ${profile.name}.`,
      );
    }
    await ctx.auditIn(tx);
  });
  return {};
});

export const listInstanceProfiles = defineOperation<
  { PathPrefix?: string; Marker?: string; MaxItems?: number },
  { InstanceProfiles: InstanceProfile[]; IsTruncated: boolean; Marker?: string }
>("iam:ListInstanceProfiles", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const rows = await ctx.rt.db.iamInstanceProfile.findMany({
    where: { path: { startsWith: input?.PathPrefix ?? "/" } },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input ?? {});
  return {
    InstanceProfiles: await instanceProfileShapes(ctx.rt.db, items),
    IsTruncated,
    Marker,
  };
});

export const listInstanceProfilesForRole = defineOperation<
  { RoleName: string; Marker?: string; MaxItems?: number },
  { InstanceProfiles: InstanceProfile[]; IsTruncated: boolean; Marker?: string }
>("iam:ListInstanceProfilesForRole", async (ctx, input) => {
  const role = await authorizedRole(ctx, checkName(input?.RoleName, "RoleName"));
  const rows = await ctx.rt.db.iamInstanceProfile.findMany({
    where: { roleId: role.id },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input);
  return {
    InstanceProfiles: await instanceProfileShapes(ctx.rt.db, items),
    IsTruncated,
    Marker,
  };
});

export const tagInstanceProfile = defineOperation<
  { InstanceProfileName: string; Tags: Tag[] },
  Record<string, never>
>("iam:TagInstanceProfile", async (ctx, input) => {
  const tags = checkTags(input?.Tags);
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName, requestTagContext(tags));
  await ctx.rt.db.$transaction(async (tx) => {
    await writeTags(tx, profile.arn, tags);
    await ctx.auditIn(tx);
  });
  return {};
});

export const untagInstanceProfile = defineOperation<
  { InstanceProfileName: string; TagKeys: string[] },
  Record<string, never>
>("iam:UntagInstanceProfile", async (ctx, input) => {
  const keys = Array.isArray(input?.TagKeys) ? input.TagKeys.map(String) : [];
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName, { "aws:TagKeys": keys });
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamTag.deleteMany({ where: { resourceArn: profile.arn, key: { in: keys } } });
    await ctx.auditIn(tx);
  });
  return {};
});

export const listInstanceProfileTags = defineOperation<
  { InstanceProfileName: string; Marker?: string; MaxItems?: number },
  { Tags: Tag[]; IsTruncated: boolean; Marker?: string }
>("iam:ListInstanceProfileTags", async (ctx, input) => {
  const profile = await authorizedProfile(ctx, input?.InstanceProfileName);
  const { items, IsTruncated, Marker } = page(await tagsOf(ctx.rt.db, profile.arn), input);
  return { Tags: items, IsTruncated, Marker };
});
