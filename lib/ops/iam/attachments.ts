// Attaching managed policies to users, groups and roles, and listing who has what.
import { defineOperation, type Operation } from "../operation";
import { IamLimitExceeded, NoSuchEntity, bumpGeneration, page } from "./common";
import { authorizedPolicy, checkPolicyArn } from "./policies";
import { KIND_FIELD, authorizedPrincipal, type PrincipalKind } from "./principals";

const TITLE: Record<PrincipalKind, string> = { user: "User", group: "Group", role: "Role" };
export const MAX_ATTACHED = 20;

type AttachInput = { PolicyArn: string } & Partial<
  Record<"UserName" | "GroupName" | "RoleName", string>
>;

function attach(kind: PrincipalKind): Operation<AttachInput, Record<string, never>> {
  return defineOperation(`iam:Attach${TITLE[kind]}Policy`, async (ctx, input) => {
    const arn = checkPolicyArn(input.PolicyArn);
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]], {
      "iam:PolicyARN": arn,
    });
    const policy = await ctx.rt.db.iamPolicy.findUnique({ where: { arn }, select: { id: true } });
    if (!policy) throw NoSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
    await ctx.rt.db.$transaction(async (tx) => {
      const count = await tx.iamPolicyAttachment.count({
        where: { principalType: kind, principalId: principal.id },
      });
      const existing = await tx.iamPolicyAttachment.findUnique({
        where: {
          policyId_principalType_principalId: {
            policyId: policy.id,
            principalType: kind,
            principalId: principal.id,
          },
        },
      });
      if (!existing) {
        if (count >= MAX_ATTACHED) {
          throw IamLimitExceeded(
            `Cannot exceed quota for PoliciesPer${TITLE[kind]}: ${MAX_ATTACHED}`,
          );
        }
        await tx.iamPolicyAttachment.create({
          data: { policyId: policy.id, principalType: kind, principalId: principal.id },
        });
      }
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

function detach(kind: PrincipalKind): Operation<AttachInput, Record<string, never>> {
  return defineOperation(`iam:Detach${TITLE[kind]}Policy`, async (ctx, input) => {
    const arn = checkPolicyArn(input.PolicyArn);
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]], {
      "iam:PolicyARN": arn,
    });
    const policy = await ctx.rt.db.iamPolicy.findUnique({ where: { arn }, select: { id: true } });
    await ctx.rt.db.$transaction(async (tx) => {
      const removed = policy
        ? await tx.iamPolicyAttachment.deleteMany({
            where: { policyId: policy.id, principalType: kind, principalId: principal.id },
          })
        : { count: 0 };
      if (removed.count === 0) throw NoSuchEntity(`Policy ${arn} was not found.`);
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

export interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}

type ListAttachedInput = Partial<Record<"UserName" | "GroupName" | "RoleName", string>> & {
  PathPrefix?: string;
  Marker?: string;
  MaxItems?: number;
};

function listAttached(
  kind: PrincipalKind,
): Operation<
  ListAttachedInput,
  { AttachedPolicies: AttachedPolicy[]; IsTruncated: boolean; Marker?: string }
> {
  return defineOperation(`iam:ListAttached${TITLE[kind]}Policies`, async (ctx, input) => {
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]]);
    const rows = await ctx.rt.db.iamPolicyAttachment.findMany({
      where: {
        principalType: kind,
        principalId: principal.id,
        policy: { path: { startsWith: input.PathPrefix ?? "/" } },
      },
      select: { policy: { select: { name: true, arn: true } } },
      orderBy: { policy: { name: "asc" } },
    });
    const { items, IsTruncated, Marker } = page(rows, input);
    return {
      AttachedPolicies: items.map((r) => ({ PolicyName: r.policy.name, PolicyArn: r.policy.arn })),
      IsTruncated,
      Marker,
    };
  });
}

export const attachUserPolicy = attach("user");
export const attachGroupPolicy = attach("group");
export const attachRolePolicy = attach("role");
export const detachUserPolicy = detach("user");
export const detachGroupPolicy = detach("group");
export const detachRolePolicy = detach("role");
export const listAttachedUserPolicies = listAttached("user");
export const listAttachedGroupPolicies = listAttached("group");
export const listAttachedRolePolicies = listAttached("role");

export const listEntitiesForPolicy = defineOperation<
  {
    PolicyArn: string;
    EntityFilter?: "User" | "Role" | "Group" | "LocalManagedPolicy" | "AWSManagedPolicy";
    PathPrefix?: string;
    PolicyUsageFilter?: "PermissionsPolicy" | "PermissionsBoundary";
    Marker?: string;
    MaxItems?: number;
  },
  {
    PolicyGroups: { GroupName: string; GroupId: string }[];
    PolicyUsers: { UserName: string; UserId: string }[];
    PolicyRoles: { RoleName: string; RoleId: string }[];
    IsTruncated: boolean;
    Marker?: string;
  }
>("iam:ListEntitiesForPolicy", async (ctx, input) => {
  const policy = await authorizedPolicy(ctx, checkPolicyArn(input.PolicyArn));
  const db = ctx.rt.db;
  const filter = input.EntityFilter;
  const want = (kind: "User" | "Group" | "Role") => !filter || filter === kind;
  const prefix = input.PathPrefix ?? "/";
  const boundary = input.PolicyUsageFilter === "PermissionsBoundary";
  const attachments = boundary
    ? []
    : await db.iamPolicyAttachment.findMany({
        where: { policyId: policy.id },
        select: { principalType: true, principalId: true },
      });
  const ids = (kind: PrincipalKind) =>
    attachments.filter((a) => a.principalType === kind).map((a) => a.principalId);
  const [users, groups, roles] = await Promise.all([
    want("User")
      ? db.iamUser.findMany({
          where: boundary
            ? { permissionsBoundaryArn: policy.arn, path: { startsWith: prefix } }
            : { id: { in: ids("user") }, path: { startsWith: prefix } },
          orderBy: { name: "asc" },
        })
      : [],
    want("Group") && !boundary
      ? db.iamGroup.findMany({
          where: { id: { in: ids("group") }, path: { startsWith: prefix } },
          orderBy: { name: "asc" },
        })
      : [],
    want("Role")
      ? db.iamRole.findMany({
          where: boundary
            ? { permissionsBoundaryArn: policy.arn, path: { startsWith: prefix } }
            : { id: { in: ids("role") }, path: { startsWith: prefix } },
          orderBy: { name: "asc" },
        })
      : [],
  ]);
  const entities = [
    ...groups.map((g) => ({ kind: "group" as const, name: g.name, id: g.id })),
    ...users.map((u) => ({ kind: "user" as const, name: u.name, id: u.id })),
    ...roles.map((r) => ({ kind: "role" as const, name: r.name, id: r.id })),
  ];
  const { items, IsTruncated, Marker } = page(entities, input);
  return {
    PolicyGroups: items
      .filter((e) => e.kind === "group")
      .map((e) => ({ GroupName: e.name, GroupId: e.id })),
    PolicyUsers: items
      .filter((e) => e.kind === "user")
      .map((e) => ({ UserName: e.name, UserId: e.id })),
    PolicyRoles: items
      .filter((e) => e.kind === "role")
      .map((e) => ({ RoleName: e.name, RoleId: e.id })),
    IsTruncated,
    Marker,
  };
});
