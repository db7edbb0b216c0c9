import type { Tx } from "../../db/client";
import { defineOperation, type OpContext } from "../operation";
import {
  DeleteConflict,
  EntityAlreadyExists,
  NoSuchEntity,
  bumpGeneration,
  checkName,
  checkPath,
  checkTags,
  iamArn,
  newId,
  page,
  requestTagContext,
  tagsOf,
  writeTags,
  type Tag,
} from "./common";
import { isUniqueViolation } from "../../db/errors";

export interface User {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: Date;
  PasswordLastUsed?: Date;
  PermissionsBoundary?: { PermissionsBoundaryType: "Policy"; PermissionsBoundaryArn: string };
  Tags?: Tag[];
}

type UserRow = {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: Date;
  passwordLastUsed: Date | null;
  permissionsBoundaryArn: string | null;
};

export function userShape(row: UserRow, tags?: Tag[]): User {
  return {
    Path: row.path,
    UserName: row.name,
    UserId: row.id,
    Arn: row.arn,
    CreateDate: row.createDate,
    PasswordLastUsed: row.passwordLastUsed ?? undefined,
    PermissionsBoundary: row.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: row.permissionsBoundaryArn }
      : undefined,
    Tags: tags && tags.length > 0 ? tags : undefined,
  };
}

export const noSuchUser = (name: string) =>
  NoSuchEntity(`The user with name ${name} cannot be found.`);

/** Finds a user and authorizes the action on it (on its would-be ARN when it doesn't exist). */
export async function authorizedUser(
  ctx: OpContext,
  name: string,
  context?: Record<string, string | string[] | boolean>,
  action?: string,
) {
  const user = await ctx.rt.db.iamUser.findUnique({ where: { name } });
  await ctx.authorize({
    action,
    resource: user?.arn ?? iamArn(ctx.rt, "user", "/", name),
    context: { ...context, ...(user ? {} : {}) },
  });
  if (!user) throw noSuchUser(name);
  return user;
}

export const createUser = defineOperation<
  { UserName: string; Path?: string; PermissionsBoundary?: string; Tags?: Tag[] },
  { User: User }
>("iam:CreateUser", async (ctx, input) => {
  const name = checkName(input.UserName, "UserName");
  const path = checkPath(input.Path);
  const tags = checkTags(input.Tags);
  const boundary = input.PermissionsBoundary;
  const arn = iamArn(ctx.rt, "user", path, name);
  const context: Record<string, string | string[]> = requestTagContext(tags);
  if (boundary) context["iam:PermissionsBoundary"] = boundary;
  await ctx.authorize({ resource: arn, context });
  if (tags.length > 0) await ctx.authorize({ action: "iam:TagUser", resource: arn, context });
  if (boundary) await assertPolicyExists(ctx.rt.db, boundary);
  const now = ctx.rt.now();
  try {
    const user = await ctx.rt.db.$transaction(async (tx) => {
      if (await tx.iamUser.findUnique({ where: { name }, select: { id: true } })) {
        throw EntityAlreadyExists(`User with name ${name} already exists.`);
      }
      const created = await tx.iamUser.create({
        data: {
          id: newId("AIDA"),
          name,
          path,
          arn,
          createDate: now,
          permissionsBoundaryArn: boundary,
        },
      });
      await writeTags(tx, arn, tags);
      await ctx.auditIn(tx);
      return created;
    });
    return { User: userShape(user, tags) };
  } catch (error) {
    if (isUniqueViolation(error))
      throw EntityAlreadyExists(`User with name ${name} already exists.`);
    throw error;
  }
});

export async function assertPolicyExists(db: OpContext["rt"]["db"], arn: string) {
  if (!(await db.iamPolicy.findUnique({ where: { arn }, select: { id: true } }))) {
    throw NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  }
}

export const getUser = defineOperation<{ UserName?: string }, { User: User }>(
  "iam:GetUser",
  async (ctx, input) => {
    const caller = ctx.caller.principal;
    const name = input?.UserName ?? (caller.type === "User" ? caller.name : undefined);
    if (name === undefined) {
      // The root user asking about itself: IAM answers with the account's root identity.
      await ctx.authorize({ resource: caller.arn });
      return {
        User: {
          Path: "/",
          UserName: "root",
          UserId: caller.accountId,
          Arn: caller.arn,
          CreateDate: new Date(0),
        },
      };
    }
    checkName(name, "UserName");
    const user = await authorizedUser(ctx, name);
    return { User: userShape(user, await tagsOf(ctx.rt.db, user.arn)) };
  },
);

export const listUsers = defineOperation<
  { PathPrefix?: string; Marker?: string; MaxItems?: number },
  { Users: User[]; IsTruncated: boolean; Marker?: string }
>("iam:ListUsers", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const prefix = input?.PathPrefix ?? "/";
  const rows = await ctx.rt.db.iamUser.findMany({
    where: { path: { startsWith: prefix } },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input ?? {});
  return { Users: items.map((u) => userShape(u)), IsTruncated, Marker };
});

export const updateUser = defineOperation<
  { UserName: string; NewUserName?: string; NewPath?: string },
  Record<string, never>
>("iam:UpdateUser", async (ctx, input) => {
  const name = checkName(input.UserName, "UserName");
  const newName = input.NewUserName ? checkName(input.NewUserName, "NewUserName") : undefined;
  const newPath = input.NewPath !== undefined ? checkPath(input.NewPath, "NewPath") : undefined;
  const user = await authorizedUser(ctx, name);
  const path = newPath ?? user.path;
  const finalName = newName ?? user.name;
  const arn = iamArn(ctx.rt, "user", path, finalName);
  await ctx.rt.db
    .$transaction(async (tx) => {
      await tx.iamUser.update({ where: { id: user.id }, data: { name: finalName, path, arn } });
      await tx.iamTag.updateMany({ where: { resourceArn: user.arn }, data: { resourceArn: arn } });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw EntityAlreadyExists(`User with name ${finalName} already exists.`);
      throw error;
    });
  return {};
});

/** IAM refuses to delete a user that still has anything attached (as AWS does). */
async function deleteConflicts(tx: Tx, userId: string): Promise<string | undefined> {
  const [keys, groups, attached, inline, user] = await Promise.all([
    tx.iamAccessKey.count({ where: { userId } }),
    tx.iamGroupMember.count({ where: { userId } }),
    tx.iamPolicyAttachment.count({ where: { principalType: "user", principalId: userId } }),
    tx.iamInlinePolicy.count({ where: { principalType: "user", principalId: userId } }),
    tx.iamUser.findUnique({ where: { id: userId }, select: { passwordHash: true } }),
  ]);
  if (user?.passwordHash) return "Cannot delete entity, must delete login profile first.";
  if (keys > 0) return "Cannot delete entity, must delete access keys first.";
  if (inline > 0 || attached > 0) return "Cannot delete entity, must delete policies first.";
  if (groups > 0) return "Cannot delete entity, must remove users from group first.";
  return undefined;
}

export const deleteUser = defineOperation<{ UserName: string }, Record<string, never>>(
  "iam:DeleteUser",
  async (ctx, input) => {
    const name = checkName(input.UserName, "UserName");
    const user = await authorizedUser(ctx, name);
    await ctx.rt.db.$transaction(async (tx) => {
      const conflict = await deleteConflicts(tx, user.id);
      if (conflict) throw DeleteConflict(conflict);
      await tx.iamTag.deleteMany({ where: { resourceArn: user.arn } });
      // GetSessionToken's sessions of the user end with it (they would no longer resolve).
      await tx.stsSession.deleteMany({ where: { userId: user.id } });
      await tx.iamUser.delete({ where: { id: user.id } });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  },
);
