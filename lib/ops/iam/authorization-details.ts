// GetAccountAuthorizationDetails: every user, group and role with its policies, and the managed
// policies with all their versions, in one paged answer. Pages run over users, then groups, then
// roles, then policies, so MaxItems counts entities of every kind together. Of the AWS managed
// policies, those in use in the account (attached, or a permissions boundary) are listed.
import type { Db } from "../../db/client";
import { defineOperation } from "../operation";
import { IamValidation, page, type Tag } from "./common";
import { instanceProfileShapes, type InstanceProfile } from "./instance-profiles";
import { policyShapes, type Policy, type PolicyRow, type PolicyVersion } from "./policies";
import { roleShape } from "./roles";

const FILTERS = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"] as const;
type Filter = (typeof FILTERS)[number];

interface PolicyDetail {
  PolicyName: string;
  PolicyDocument: string;
}
interface AttachedPolicy {
  PolicyName: string;
  PolicyArn: string;
}
type Boundary = { PermissionsBoundaryType: "Policy"; PermissionsBoundaryArn: string };

export interface UserDetail {
  Path: string;
  UserName: string;
  UserId: string;
  Arn: string;
  CreateDate: Date;
  UserPolicyList: PolicyDetail[];
  GroupList: string[];
  AttachedManagedPolicies: AttachedPolicy[];
  PermissionsBoundary?: Boundary;
  Tags: Tag[];
}

export interface GroupDetail {
  Path: string;
  GroupName: string;
  GroupId: string;
  Arn: string;
  CreateDate: Date;
  GroupPolicyList: PolicyDetail[];
  AttachedManagedPolicies: AttachedPolicy[];
}

export interface RoleDetail {
  Path: string;
  RoleName: string;
  RoleId: string;
  Arn: string;
  CreateDate: Date;
  AssumeRolePolicyDocument: string;
  InstanceProfileList: InstanceProfile[];
  RolePolicyList: PolicyDetail[];
  AttachedManagedPolicies: AttachedPolicy[];
  PermissionsBoundary?: Boundary;
  Tags: Tag[];
  RoleLastUsed: { LastUsedDate?: Date; Region?: string };
}

/** A managed policy as ListPolicies shows it, with every version. */
export interface ManagedPolicyDetail extends Omit<Policy, "Tags"> {
  PolicyVersionList: PolicyVersion[];
}

export interface GetAccountAuthorizationDetailsOutput {
  UserDetailList: UserDetail[];
  GroupDetailList: GroupDetail[];
  RoleDetailList: RoleDetail[];
  Policies: ManagedPolicyDetail[];
  IsTruncated: boolean;
  Marker?: string;
}

function checkFilter(value: unknown): Set<Filter> {
  if (value === undefined || value === null) return new Set(FILTERS);
  const list = Array.isArray(value) ? value : [value];
  for (const entry of list) {
    if (!FILTERS.includes(entry as Filter)) {
      throw IamValidation(
        `1 validation error detected: Value '[${list.join(", ")}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${FILTERS.join(", ")}]]`,
        "Filter",
      );
    }
  }
  // An empty Filter asks for everything, as omitting it does.
  return new Set(list.length > 0 ? (list as Filter[]) : FILTERS);
}

const boundaryOf = (arn: string | null): Boundary | undefined =>
  arn ? { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: arn } : undefined;

type Kind = "user" | "group" | "role";

/** Inline and attached policies of a page's principals, by principal id. */
async function principalPolicies(db: Db, kind: Kind, ids: string[]) {
  const [inline, attached] = await Promise.all([
    db.iamInlinePolicy.findMany({
      where: { principalType: kind, principalId: { in: ids } },
      orderBy: { name: "asc" },
    }),
    db.iamPolicyAttachment.findMany({
      where: { principalType: kind, principalId: { in: ids } },
      select: { principalId: true, policy: { select: { name: true, arn: true } } },
      orderBy: { policy: { name: "asc" } },
    }),
  ]);
  const inlineOf = (id: string): PolicyDetail[] =>
    inline
      .filter((p) => p.principalId === id)
      .map((p) => ({ PolicyName: p.name, PolicyDocument: p.document }));
  const attachedOf = (id: string): AttachedPolicy[] =>
    attached
      .filter((a) => a.principalId === id)
      .map((a) => ({ PolicyName: a.policy.name, PolicyArn: a.policy.arn }));
  return { inlineOf, attachedOf };
}

async function tagsByArn(db: Db, arns: string[]): Promise<(arn: string) => Tag[]> {
  const rows = arns.length
    ? await db.iamTag.findMany({
        where: { resourceArn: { in: arns } },
        orderBy: [{ resourceArn: "asc" }, { key: "asc" }],
      })
    : [];
  return (arn) =>
    rows.filter((t) => t.resourceArn === arn).map((t) => ({ Key: t.key, Value: t.value }));
}

/** The managed policies a page lists: usage counts (as ListPolicies) and every version. */
async function policyDetails(db: Db, rows: PolicyRow[]): Promise<ManagedPolicyDetail[]> {
  if (rows.length === 0) return [];
  const [shapes, versions] = await Promise.all([
    policyShapes(db, rows),
    db.iamPolicyVersion.findMany({
      where: { policyId: { in: rows.map((r) => r.id) } },
      orderBy: [{ policyId: "asc" }, { createDate: "desc" }],
    }),
  ]);
  return shapes.map((shape, i) => ({
    ...shape,
    PolicyVersionList: versions
      .filter((v) => v.policyId === rows[i].id)
      .map((v) => ({
        Document: v.document,
        VersionId: v.versionId,
        IsDefaultVersion: v.versionId === rows[i].defaultVersionId,
        CreateDate: v.createDate,
      })),
  }));
}

/** The policies asked for: customer managed ones all, AWS managed ones only where in use. */
async function managedPolicies(db: Db, filter: Set<Filter>) {
  const local = filter.has("LocalManagedPolicy");
  const aws = filter.has("AWSManagedPolicy");
  if (!local && !aws) return [];
  let awsInUse: { id?: { in: string[] }; arn?: { in: string[] } }[] = [];
  if (aws) {
    const [attached, userBoundaries, roleBoundaries] = await Promise.all([
      db.iamPolicyAttachment.findMany({
        where: { policy: { isAws: true } },
        select: { policyId: true },
        distinct: ["policyId"],
      }),
      db.iamUser.findMany({
        where: { permissionsBoundaryArn: { startsWith: "arn:aws:iam::aws:" } },
        select: { permissionsBoundaryArn: true },
      }),
      db.iamRole.findMany({
        where: { permissionsBoundaryArn: { startsWith: "arn:aws:iam::aws:" } },
        select: { permissionsBoundaryArn: true },
      }),
    ]);
    const boundaryArns = [...userBoundaries, ...roleBoundaries].map(
      (b) => b.permissionsBoundaryArn!,
    );
    awsInUse = [{ id: { in: attached.map((a) => a.policyId) } }, { arn: { in: boundaryArns } }];
  }
  return db.iamPolicy.findMany({
    where: {
      OR: [...(local ? [{ isAws: false }] : []), ...(aws ? [{ isAws: true, OR: awsInUse }] : [])],
    },
    orderBy: [{ name: "asc" }, { arn: "asc" }],
  });
}

export const getAccountAuthorizationDetails = defineOperation<
  { Filter?: string[]; MaxItems?: number; Marker?: string },
  GetAccountAuthorizationDetailsOutput
>("iam:GetAccountAuthorizationDetails", async (ctx, input) => {
  const filter = checkFilter(input?.Filter);
  await ctx.authorize({ resource: "*" });
  const db = ctx.rt.db;
  const byName = { orderBy: { name: "asc" as const } };
  const [users, groups, roles, policies] = await Promise.all([
    filter.has("User") ? db.iamUser.findMany(byName) : [],
    filter.has("Group") ? db.iamGroup.findMany(byName) : [],
    filter.has("Role") ? db.iamRole.findMany(byName) : [],
    managedPolicies(db, filter),
  ]);
  type Item =
    | { kind: "user"; row: (typeof users)[number] }
    | { kind: "group"; row: (typeof groups)[number] }
    | { kind: "role"; row: (typeof roles)[number] }
    | { kind: "policy"; row: (typeof policies)[number] };
  const all: Item[] = [
    ...users.map((row) => ({ kind: "user" as const, row })),
    ...groups.map((row) => ({ kind: "group" as const, row })),
    ...roles.map((row) => ({ kind: "role" as const, row })),
    ...policies.map((row) => ({ kind: "policy" as const, row })),
  ];
  const { items, IsTruncated, Marker } = page(all, input ?? {});
  const pageUsers = items.flatMap((i) => (i.kind === "user" ? [i.row] : []));
  const pageGroups = items.flatMap((i) => (i.kind === "group" ? [i.row] : []));
  const pageRoles = items.flatMap((i) => (i.kind === "role" ? [i.row] : []));
  const pagePolicies = items.flatMap((i) => (i.kind === "policy" ? [i.row] : []));

  const [userPolicies, groupPolicies, rolePolicies, tags, memberships, profiles, details] =
    await Promise.all([
      principalPolicies(
        db,
        "user",
        pageUsers.map((u) => u.id),
      ),
      principalPolicies(
        db,
        "group",
        pageGroups.map((g) => g.id),
      ),
      principalPolicies(
        db,
        "role",
        pageRoles.map((r) => r.id),
      ),
      tagsByArn(
        db,
        [...pageUsers, ...pageRoles].map((e) => e.arn),
      ),
      db.iamGroupMember.findMany({
        where: { userId: { in: pageUsers.map((u) => u.id) } },
        select: { userId: true, group: { select: { name: true } } },
        orderBy: { group: { name: "asc" } },
      }),
      db.iamInstanceProfile.findMany({
        where: { roleId: { in: pageRoles.map((r) => r.id) } },
        orderBy: { name: "asc" },
      }),
      policyDetails(db, pagePolicies),
    ]);
  const profileShapes = await instanceProfileShapes(db, profiles);

  return {
    UserDetailList: pageUsers.map((u) => ({
      Path: u.path,
      UserName: u.name,
      UserId: u.id,
      Arn: u.arn,
      CreateDate: u.createDate,
      UserPolicyList: userPolicies.inlineOf(u.id),
      GroupList: memberships.filter((m) => m.userId === u.id).map((m) => m.group.name),
      AttachedManagedPolicies: userPolicies.attachedOf(u.id),
      PermissionsBoundary: boundaryOf(u.permissionsBoundaryArn),
      Tags: tags(u.arn),
    })),
    GroupDetailList: pageGroups.map((g) => ({
      Path: g.path,
      GroupName: g.name,
      GroupId: g.id,
      Arn: g.arn,
      CreateDate: g.createDate,
      GroupPolicyList: groupPolicies.inlineOf(g.id),
      AttachedManagedPolicies: groupPolicies.attachedOf(g.id),
    })),
    RoleDetailList: pageRoles.map((r) => {
      const role = roleShape(r);
      return {
        Path: r.path,
        RoleName: r.name,
        RoleId: r.id,
        Arn: r.arn,
        CreateDate: r.createDate,
        AssumeRolePolicyDocument: r.assumeRolePolicyDocument,
        InstanceProfileList: profileShapes.filter((p) => p.Roles[0]?.RoleId === r.id),
        RolePolicyList: rolePolicies.inlineOf(r.id),
        AttachedManagedPolicies: rolePolicies.attachedOf(r.id),
        PermissionsBoundary: role.PermissionsBoundary,
        Tags: tags(r.arn),
        RoleLastUsed: role.RoleLastUsed ?? {},
      };
    }),
    Policies: details,
    IsTruncated,
    Marker,
  };
});
