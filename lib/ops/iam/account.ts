// GetAccountSummary, SimulatePrincipalPolicy and SimulateCustomPolicy.
import { simulateCustomPolicy as simulate } from "../../iam/simulate";
import type { SimulateCustomPolicyRequest, SimulateCustomPolicyResponse } from "../../iam/simulate";
import { defineOperation } from "../operation";
import { MAX_ACCESS_KEYS } from "./access-keys";
import { MAX_ATTACHED } from "./attachments";
import { InvalidInput, NoSuchEntity } from "./common";
import { LIMITS } from "./documents";
import { loadIdentityPolicies } from "./policy-set";
import { MAX_POLICY_VERSIONS } from "./policies";

export const getAccountSummary = defineOperation<
  Record<string, never>,
  { SummaryMap: Record<string, number> }
>("iam:GetAccountSummary", async (ctx) => {
  await ctx.authorize({ resource: "*" });
  const db = ctx.rt.db;
  const [users, groups, roles, policies, versions, attached, keys, mfa] = await Promise.all([
    db.iamUser.count(),
    db.iamGroup.count(),
    db.iamRole.count(),
    db.iamPolicy.count({ where: { isAws: false } }),
    db.iamPolicyVersion.count({ where: { policy: { isAws: false } } }),
    db.iamPolicyAttachment.count(),
    db.iamAccessKey.count(),
    Promise.resolve(0),
  ]);
  return {
    SummaryMap: {
      Users: users,
      UsersQuota: 5000,
      Groups: groups,
      GroupsQuota: 300,
      Roles: roles,
      RolesQuota: 1000,
      Policies: policies,
      PoliciesQuota: 1500,
      PolicyVersionsInUse: versions,
      PolicyVersionsInUseQuota: 10000,
      AttachedPoliciesPerUserQuota: MAX_ATTACHED,
      AttachedPoliciesPerGroupQuota: MAX_ATTACHED,
      AttachedPoliciesPerRoleQuota: MAX_ATTACHED,
      PolicySizeQuota: LIMITS.managed,
      UserPolicySizeQuota: LIMITS.userInline,
      GroupPolicySizeQuota: LIMITS.groupInline,
      VersionsPerPolicyQuota: MAX_POLICY_VERSIONS,
      AccessKeysPerUserQuota: MAX_ACCESS_KEYS,
      GroupsPerUserQuota: 10,
      AttachedPoliciesCount: attached,
      AccessKeys: keys,
      MFADevices: mfa,
      AccountMFAEnabled: 0,
    },
  };
});

export const simulateCustomPolicy = defineOperation<
  SimulateCustomPolicyRequest,
  SimulateCustomPolicyResponse
>("iam:SimulateCustomPolicy", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  return simulate(input);
});

/** Simulates the policies of a user, group or role (SimulatePrincipalPolicy). */
export const simulatePrincipalPolicy = defineOperation<
  Omit<SimulateCustomPolicyRequest, "PolicyInputList"> & {
    PolicySourceArn: string;
    PolicyInputList?: string[];
  },
  SimulateCustomPolicyResponse
>("iam:SimulatePrincipalPolicy", async (ctx, input) => {
  const arn = input.PolicySourceArn;
  if (typeof arn !== "string")
    throw InvalidInput("PolicySourceArn is required.", "PolicySourceArn");
  await ctx.authorize({ resource: arn });
  const db = ctx.rt.db;
  const [user, role, group] = await Promise.all([
    db.iamUser.findUnique({ where: { arn } }),
    db.iamRole.findUnique({ where: { arn } }),
    db.iamGroup.findUnique({ where: { arn } }),
  ]);
  let documents: string[];
  let boundary: string | undefined;
  if (user || role) {
    const policies = await loadIdentityPolicies(ctx.rt, {
      type: user ? "User" : "Role",
      arn,
      accountId: ctx.rt.accountId,
      name: (user ?? role)!.name,
      id: (user ?? role)!.id,
    });
    documents = policies.identity.map((p) => p.document as string);
    boundary = policies.boundary?.document as string | undefined;
  } else if (group) {
    const [inline, attached] = await Promise.all([
      db.iamInlinePolicy.findMany({ where: { principalType: "group", principalId: group.id } }),
      db.iamPolicyAttachment.findMany({
        where: { principalType: "group", principalId: group.id },
        select: { policy: { select: { id: true, defaultVersionId: true } } },
      }),
    ]);
    const versions = await Promise.all(
      attached.map((a) =>
        db.iamPolicyVersion.findUnique({
          where: {
            policyId_versionId: { policyId: a.policy.id, versionId: a.policy.defaultVersionId },
          },
        }),
      ),
    );
    documents = [
      ...inline.map((p) => p.document),
      ...versions.flatMap((v) => (v ? [v.document] : [])),
    ];
  } else {
    throw NoSuchEntity(`The entity ${arn} cannot be found.`);
  }
  const { PolicySourceArn: _source, PolicyInputList: extra, ...rest } = input;
  return simulate({
    ...rest,
    CallerArn: rest.CallerArn ?? (group ? undefined : arn),
    PolicyInputList: [...documents, ...(extra ?? [])],
    PermissionsBoundaryPolicyInputList: boundary
      ? [boundary]
      : rest.PermissionsBoundaryPolicyInputList,
  });
});
