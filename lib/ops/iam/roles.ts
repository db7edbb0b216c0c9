import { isUniqueViolation } from "../../db/errors";
import { defineOperation, type OpContext } from "../operation";
import {
  DeleteConflict,
  EntityAlreadyExists,
  NoSuchEntity,
  IamValidation,
  bumpGeneration,
  checkName,
  checkPath,
  checkTags,
  iamArn,
  newId,
  optionalText,
  page,
  requestTagContext,
  tagsOf,
  writeTags,
  type Tag,
} from "./common";
import { LIMITS, checkDocument } from "./documents";
import { assertPolicyExists } from "./users";

export interface Role {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: Date;
  AssumeRolePolicyDocument?: string;
  Description?: string;
  MaxSessionDuration?: number;
  PermissionsBoundary?: { PermissionsBoundaryType: "Policy"; PermissionsBoundaryArn: string };
  Tags?: Tag[];
  RoleLastUsed?: { LastUsedDate?: Date; Region?: string };
}

type RoleRow = {
  id: string;
  name: string;
  path: string;
  arn: string;
  createDate: Date;
  assumeRolePolicyDocument: string;
  description: string | null;
  maxSessionDuration: number;
  permissionsBoundaryArn: string | null;
  lastUsedDate: Date | null;
  lastUsedRegion: string | null;
};

export function roleShape(r: RoleRow, tags?: Tag[]): Role {
  return {
    Path: r.path,
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    CreateDate: r.createDate,
    AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
    Description: r.description ?? undefined,
    MaxSessionDuration: r.maxSessionDuration,
    PermissionsBoundary: r.permissionsBoundaryArn
      ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: r.permissionsBoundaryArn }
      : undefined,
    Tags: tags && tags.length > 0 ? tags : undefined,
    RoleLastUsed: r.lastUsedDate
      ? { LastUsedDate: r.lastUsedDate, Region: r.lastUsedRegion ?? undefined }
      : {},
  };
}

export async function authorizedRole(
  ctx: OpContext,
  name: string,
  action?: string,
  context?: Record<string, string>,
) {
  const role = await ctx.rt.db.iamRole.findUnique({ where: { name } });
  await ctx.authorize({
    action,
    resource: role?.arn ?? iamArn(ctx.rt, "role", "/", name),
    context,
  });
  if (!role) throw NoSuchEntity(`The role with name ${name} cannot be found.`);
  return role;
}

function checkDuration(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 3600 || value > 43200) {
    throw IamValidation(
      "The requested MaxSessionDuration is invalid: it must be between 3600 and 43200 seconds.",
      "MaxSessionDuration",
    );
  }
  return value;
}

export const createRole = defineOperation<
  {
    RoleName: string;
    Path?: string;
    AssumeRolePolicyDocument: string;
    Description?: string;
    MaxSessionDuration?: number;
    PermissionsBoundary?: string;
    Tags?: Tag[];
  },
  { Role: Role }
>("iam:CreateRole", async (ctx, input) => {
  const name = checkName(input.RoleName, "RoleName");
  const path = checkPath(input.Path);
  const description = optionalText(input.Description, "Description", 1000);
  const duration = checkDuration(input.MaxSessionDuration) ?? 3600;
  const tags = checkTags(input.Tags);
  const arn = iamArn(ctx.rt, "role", path, name);
  const context: Record<string, string | string[]> = requestTagContext(tags);
  if (input.PermissionsBoundary) context["iam:PermissionsBoundary"] = input.PermissionsBoundary;
  await ctx.authorize({ resource: arn, context });
  if (tags.length > 0) await ctx.authorize({ action: "iam:TagRole", resource: arn, context });
  // Policy documents are checked once the caller may make the request, as IAM does.
  const trust = checkDocument(
    input.AssumeRolePolicyDocument,
    "trust",
    LIMITS.trust,
    "ACLSizePerRole",
  );
  if (input.PermissionsBoundary) await assertPolicyExists(ctx.rt.db, input.PermissionsBoundary);
  const role = await ctx.rt.db
    .$transaction(async (tx) => {
      if (await tx.iamRole.findUnique({ where: { name }, select: { id: true } })) {
        throw EntityAlreadyExists(`Role with name ${name} already exists.`);
      }
      const created = await tx.iamRole.create({
        data: {
          id: newId("AROA"),
          name,
          path,
          arn,
          createDate: ctx.rt.now(),
          assumeRolePolicyDocument: trust,
          description,
          maxSessionDuration: duration,
          permissionsBoundaryArn: input.PermissionsBoundary,
        },
      });
      await writeTags(tx, arn, tags);
      await ctx.auditIn(tx);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error))
        throw EntityAlreadyExists(`Role with name ${name} already exists.`);
      throw error;
    });
  return { Role: roleShape(role, tags) };
});

export const getRole = defineOperation<{ RoleName: string }, { Role: Role }>(
  "iam:GetRole",
  async (ctx, input) => {
    const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
    return { Role: roleShape(role, await tagsOf(ctx.rt.db, role.arn)) };
  },
);

export const listRoles = defineOperation<
  { PathPrefix?: string; Marker?: string; MaxItems?: number },
  { Roles: Role[]; IsTruncated: boolean; Marker?: string }
>("iam:ListRoles", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const rows = await ctx.rt.db.iamRole.findMany({
    where: { path: { startsWith: input?.PathPrefix ?? "/" } },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input ?? {});
  return { Roles: items.map((r) => roleShape(r)), IsTruncated, Marker };
});

export const updateRole = defineOperation<
  { RoleName: string; Description?: string; MaxSessionDuration?: number },
  Record<string, never>
>("iam:UpdateRole", async (ctx, input) => {
  const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
  const description = optionalText(input.Description, "Description", 1000);
  const duration = checkDuration(input.MaxSessionDuration);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamRole.update({
      where: { id: role.id },
      data: { description, maxSessionDuration: duration },
    });
    await ctx.auditIn(tx);
  });
  return {};
});

/** Sets a role's description and answers the role (the older form of UpdateRole). */
export const updateRoleDescription = defineOperation<
  { RoleName: string; Description: string },
  { Role: Role }
>("iam:UpdateRoleDescription", async (ctx, input) => {
  const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
  const description = optionalText(input.Description, "Description", 1000);
  if (description === undefined) {
    throw IamValidation(
      "1 validation error detected: Value null at 'description' failed to satisfy constraint: Member must not be null",
      "Description",
    );
  }
  const updated = await ctx.rt.db.$transaction(async (tx) => {
    const row = await tx.iamRole.update({ where: { id: role.id }, data: { description } });
    await ctx.auditIn(tx);
    return row;
  });
  return { Role: roleShape(updated, await tagsOf(ctx.rt.db, updated.arn)) };
});

export const updateAssumeRolePolicy = defineOperation<
  { RoleName: string; PolicyDocument: string },
  Record<string, never>
>("iam:UpdateAssumeRolePolicy", async (ctx, input) => {
  const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
  const document = checkDocument(input.PolicyDocument, "trust", LIMITS.trust, "ACLSizePerRole");
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamRole.update({
      where: { id: role.id },
      data: { assumeRolePolicyDocument: document },
    });
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteRole = defineOperation<{ RoleName: string }, Record<string, never>>(
  "iam:DeleteRole",
  async (ctx, input) => {
    const role = await authorizedRole(ctx, checkName(input.RoleName, "RoleName"));
    await ctx.rt.db.$transaction(async (tx) => {
      const [attached, inline] = await Promise.all([
        tx.iamPolicyAttachment.count({ where: { principalType: "role", principalId: role.id } }),
        tx.iamInlinePolicy.count({ where: { principalType: "role", principalId: role.id } }),
      ]);
      if (attached > 0 || inline > 0)
        throw DeleteConflict("Cannot delete entity, must delete policies first.");
      if (await tx.iamInstanceProfile.count({ where: { roleId: role.id } })) {
        throw DeleteConflict(
          "Cannot delete entity, must remove roles from instance profile first.",
        );
      }
      await tx.iamTag.deleteMany({ where: { resourceArn: role.arn } });
      await tx.iamRole.delete({ where: { id: role.id } });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  },
);
