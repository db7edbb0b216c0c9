// The policies that apply to a principal (its inline and attached policies, its groups', its
// permissions boundary), compiled once and cached per principal. The cache is trusted only while
// the IAM generation in the database is the one it was built under: every change to anyone's
// policies bumps it, so a detach is in force on every instance at the next request. A role
// session made with session policies has its own entry (by session), holding those too.
import { compilePolicy, type PolicyInput } from "../../iam";
import type { Principal, SessionPolicies } from "../caller";
import type { ReadScope } from "../../db/sql-store";
import type { Runtime } from "../runtime";
import { GENERATION_KEY } from "./common";

export interface IdentityPolicies {
  identity: PolicyInput[];
  boundary?: PolicyInput;
  /** A role session's session policies (absent: the session has none). */
  session?: PolicyInput[];
}

interface Entry {
  generation: string | undefined;
  policies: IdentityPolicies;
}

const cache = new Map<string, Entry>();
const MAX_ENTRIES = 10_000;

type PrincipalType = "user" | "group" | "role";

async function attachedAndInline(
  rt: Runtime,
  kind: PrincipalType,
  id: string,
  label: string,
): Promise<PolicyInput[]> {
  const [inline, attached] = await Promise.all([
    rt.db.iamInlinePolicy.findMany({
      where: { principalType: kind, principalId: id },
      orderBy: { name: "asc" },
    }),
    rt.db.iamPolicyAttachment.findMany({
      where: { principalType: kind, principalId: id },
      select: { policy: { select: { arn: true, defaultVersionId: true, id: true } } },
    }),
  ]);
  const versions = attached.length
    ? await rt.db.iamPolicyVersion.findMany({
        where: {
          OR: attached.map((a) => ({
            policyId: a.policy.id,
            versionId: a.policy.defaultVersionId,
          })),
        },
        select: { policyId: true, document: true },
      })
    : [];
  const byPolicy = new Map(versions.map((v) => [v.policyId, v.document]));
  return [
    ...inline.map((p) => ({ label: `${label}/inline/${p.name}`, document: p.document })),
    ...attached
      .filter((a) => byPolicy.has(a.policy.id))
      .map((a) => ({ label: a.policy.arn, document: byPolicy.get(a.policy.id)! })),
  ];
}

const EMPTY_POLICY = `{"Version":"2012-10-17","Statement":[]}`;

/** The default version of each managed policy, by ARN, in one pair of queries. */
async function defaultVersions(rt: Runtime, arns: readonly string[]): Promise<Map<string, string>> {
  if (arns.length === 0) return new Map();
  const policies = await rt.db.iamPolicy.findMany({
    where: { arn: { in: [...arns] } },
    select: { id: true, arn: true, defaultVersionId: true },
  });
  const versions = policies.length
    ? await rt.db.iamPolicyVersion.findMany({
        where: { OR: policies.map((p) => ({ policyId: p.id, versionId: p.defaultVersionId })) },
        select: { policyId: true, document: true },
      })
    : [];
  const byId = new Map(versions.map((v) => [v.policyId, v.document]));
  return new Map(
    policies.filter((p) => byId.has(p.id)).map((p) => [p.arn, byId.get(p.id)!] as const),
  );
}

/**
 * A session's session policies: the inline one as passed, each managed one at its default version
 * now. A managed policy deleted since the session began allows nothing (it still limits).
 */
async function sessionPoliciesOf(rt: Runtime, session: SessionPolicies): Promise<PolicyInput[]> {
  const arns = session.policyArns ?? [];
  const documents = await defaultVersions(rt, arns);
  return [
    ...(session.policy !== undefined
      ? [{ label: "session/inline", document: session.policy }]
      : []),
    ...arns.map((arn) => ({
      label: `session/${arn}`,
      document: documents.get(arn) ?? EMPTY_POLICY,
    })),
  ];
}

async function boundaryOf(rt: Runtime, arn: string | null): Promise<PolicyInput | undefined> {
  if (!arn) return undefined;
  const policy = await rt.db.iamPolicy.findUnique({
    where: { arn },
    select: { id: true, defaultVersionId: true },
  });
  if (!policy) return { label: arn, document: `{"Version":"2012-10-17","Statement":[]}` };
  const version = await rt.db.iamPolicyVersion.findUnique({
    where: { policyId_versionId: { policyId: policy.id, versionId: policy.defaultVersionId } },
    select: { document: true },
  });
  return { label: arn, document: version?.document ?? `{"Version":"2012-10-17","Statement":[]}` };
}

/** The role name in `arn:aws:sts::A:assumed-role/NAME/SESSION` or `arn:aws:iam::A:role/PATH/NAME`. */
export function roleNameOf(arn: string): string {
  if (arn.includes(":assumed-role/")) return arn.split(":assumed-role/")[1].split("/")[0];
  return arn.split("/").pop() ?? "";
}

/** The policy texts that apply to a principal, uncached (the simulator shows them as written). */
export async function loadIdentityPolicies(
  rt: Runtime,
  principal: Principal,
): Promise<IdentityPolicies> {
  if (principal.type === "User") {
    const user = await rt.db.iamUser.findUnique({
      where: { arn: principal.arn },
      select: {
        id: true,
        name: true,
        permissionsBoundaryArn: true,
        groups: { select: { group: { select: { id: true, name: true } } } },
      },
    });
    // A user deleted since its session began has no permissions.
    if (!user) return { identity: [] };
    const own = await attachedAndInline(rt, "user", user.id, `user/${user.name}`);
    const groups = await Promise.all(
      user.groups.map(({ group }) =>
        attachedAndInline(rt, "group", group.id, `group/${group.name}`),
      ),
    );
    return {
      identity: [...own, ...groups.flat()],
      boundary: await boundaryOf(rt, user.permissionsBoundaryArn),
    };
  }
  if (principal.type === "Role" || principal.type === "AssumedRole") {
    const role = await rt.db.iamRole.findUnique({
      where: { name: roleNameOf(principal.arn) },
      select: { id: true, name: true, permissionsBoundaryArn: true },
    });
    if (!role) return { identity: [] };
    const session =
      principal.type === "AssumedRole" && principal.session
        ? await sessionPoliciesOf(rt, principal.session)
        : undefined;
    return {
      identity: await attachedAndInline(rt, "role", role.id, `role/${role.name}`),
      boundary: await boundaryOf(rt, role.permissionsBoundaryArn),
      session,
    };
  }
  return { identity: [] };
}

export async function identityPoliciesFor(
  rt: Runtime,
  principal: Principal,
  scope?: ReadScope,
): Promise<IdentityPolicies> {
  if (principal.type === "Root") return { identity: [] };
  const generation = await rt.sql.setting(GENERATION_KEY, scope);
  const key = principal.session
    ? `${rt.accountId}|${principal.arn}|${principal.session.id}`
    : `${rt.accountId}|${principal.arn}`;
  const hit = cache.get(key);
  if (hit && hit.generation === generation) return hit.policies;
  const policies = compiled(await loadIdentityPolicies(rt, principal));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { generation, policies });
  return policies;
}

/** Compiles each document once, when the set is built, so requests only evaluate. */
function compiled(policies: IdentityPolicies): IdentityPolicies {
  return {
    identity: policies.identity.map((p) => ({
      label: p.label,
      document:
        typeof p.document === "string"
          ? compilePolicy(p.document, { kind: "identity" })
          : p.document,
    })),
    boundary: policies.boundary && {
      label: policies.boundary.label,
      document:
        typeof policies.boundary.document === "string"
          ? compilePolicy(policies.boundary.document, { kind: "boundary" })
          : policies.boundary.document,
    },
    session: policies.session?.map((p) => ({
      label: p.label,
      document:
        typeof p.document === "string"
          ? compilePolicy(p.document, { kind: "identity" })
          : p.document,
    })),
  };
}

/** Drops every cached set (tests; an instance that changed policies needs nothing of this). */
export function clearPolicySetCache(): void {
  cache.clear();
}
