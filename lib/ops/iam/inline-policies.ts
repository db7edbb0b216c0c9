// Inline policies of users, groups and roles (IAM's Put/Get/Delete/List{User,Group,Role}Policy).
import { defineOperation, type Operation } from "../operation";
import { IamLimitExceeded, NoSuchEntity, bumpGeneration, checkName, page } from "./common";
import { LIMITS, checkDocument, policySize } from "./documents";
import { KIND_FIELD, authorizedPrincipal, type PrincipalKind } from "./principals";

const TITLE: Record<PrincipalKind, string> = { user: "User", group: "Group", role: "Role" };
const LIMIT: Record<PrincipalKind, number> = {
  user: LIMITS.userInline,
  group: LIMITS.groupInline,
  role: LIMITS.roleInline,
};

type NameInput = Partial<Record<"UserName" | "GroupName" | "RoleName", string>>;

function put(
  kind: PrincipalKind,
): Operation<NameInput & { PolicyName: string; PolicyDocument: string }, Record<string, never>> {
  return defineOperation(`iam:Put${TITLE[kind]}Policy`, async (ctx, input) => {
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]]);
    const name = checkName(input.PolicyName, "PolicyName", 128);
    const document = checkDocument(input.PolicyDocument, "identity", LIMIT[kind]);
    await ctx.rt.db.$transaction(async (tx) => {
      // The quota is on all of the principal's inline policies together, as IAM counts it.
      const others = await tx.iamInlinePolicy.findMany({
        where: { principalType: kind, principalId: principal.id, NOT: { name } },
        select: { document: true },
      });
      const total = others.reduce((sum, p) => sum + policySize(p.document), policySize(document));
      if (total > LIMIT[kind]) {
        throw IamLimitExceeded(
          `Maximum policy size of ${LIMIT[kind]} bytes exceeded for ${kind} ${principal.name}`,
        );
      }
      await tx.iamInlinePolicy.upsert({
        where: {
          principalType_principalId_name: { principalType: kind, principalId: principal.id, name },
        },
        create: { principalType: kind, principalId: principal.id, name, document },
        update: { document },
      });
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

function get(
  kind: PrincipalKind,
): Operation<
  NameInput & { PolicyName: string },
  NameInput & { PolicyName: string; PolicyDocument: string }
> {
  return defineOperation(`iam:Get${TITLE[kind]}Policy`, async (ctx, input) => {
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]]);
    const name = checkName(input.PolicyName, "PolicyName", 128);
    const policy = await ctx.rt.db.iamInlinePolicy.findUnique({
      where: {
        principalType_principalId_name: { principalType: kind, principalId: principal.id, name },
      },
    });
    if (!policy) throw NoSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
    return {
      [KIND_FIELD[kind]]: principal.name,
      PolicyName: name,
      PolicyDocument: policy.document,
    };
  });
}

function remove(
  kind: PrincipalKind,
): Operation<NameInput & { PolicyName: string }, Record<string, never>> {
  return defineOperation(`iam:Delete${TITLE[kind]}Policy`, async (ctx, input) => {
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]]);
    const name = checkName(input.PolicyName, "PolicyName", 128);
    await ctx.rt.db.$transaction(async (tx) => {
      const removed = await tx.iamInlinePolicy.deleteMany({
        where: { principalType: kind, principalId: principal.id, name },
      });
      if (removed.count === 0)
        throw NoSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
      await bumpGeneration(tx);
      await ctx.auditIn(tx);
    });
    return {};
  });
}

function list(
  kind: PrincipalKind,
): Operation<
  NameInput & { Marker?: string; MaxItems?: number },
  { PolicyNames: string[]; IsTruncated: boolean; Marker?: string }
> {
  return defineOperation(`iam:List${TITLE[kind]}Policies`, async (ctx, input) => {
    const principal = await authorizedPrincipal(ctx, kind, input[KIND_FIELD[kind]]);
    const rows = await ctx.rt.db.iamInlinePolicy.findMany({
      where: { principalType: kind, principalId: principal.id },
      select: { name: true },
      orderBy: { name: "asc" },
    });
    const { items, IsTruncated, Marker } = page(rows, input);
    return { PolicyNames: items.map((r) => r.name), IsTruncated, Marker };
  });
}

export const putUserPolicy = put("user");
export const putGroupPolicy = put("group");
export const putRolePolicy = put("role");
export const getUserPolicy = get("user");
export const getGroupPolicy = get("group");
export const getRolePolicy = get("role");
export const deleteUserPolicy = remove("user");
export const deleteGroupPolicy = remove("group");
export const deleteRolePolicy = remove("role");
export const listUserPolicies = list("user");
export const listGroupPolicies = list("group");
export const listRolePolicies = list("role");
