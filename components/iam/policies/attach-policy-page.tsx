import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getPolicy, listEntitiesForPolicy, listGroups, listRoles, listUsers } from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { policyArnFromSegments, policyHref, policyNameFromArn } from "../paths";
import type { EntityRef } from "../types";
import { AttachPolicyForm, type AttachCandidate } from "./attach-policy-form";

/** "Attach policy": every user, group and role, to check the ones that get the policy. */
export async function AttachPolicyPage({ segments }: { segments: string[] }) {
  const arn = policyArnFromSegments(segments);
  if (!arn) notFound();
  const caller = await getCaller();
  const name = policyNameFromArn(arn);
  const policy = await load(() => getPolicy(caller, { PolicyArn: arn }));
  const crumbs = [
    { label: "IAM", href: "/iam/users" },
    { label: "Policies", href: "/iam/policies" },
    { label: name, href: policyHref(arn) },
    { label: "Attach" },
  ];
  if (!policy.ok) {
    if (policy.code === "NoSuchEntity") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold">Attach {name}</h1>
        <ErrorAlert error={policy} />
      </div>
    );
  }
  const [users, groups, roles, attached] = await Promise.all([
    load(() => listUsers(caller, { MaxItems: 1000 })),
    load(() => listGroups(caller, { MaxItems: 1000 })),
    load(() => listRoles(caller, { MaxItems: 1000 })),
    load(() => listEntitiesForPolicy(caller, { PolicyArn: arn, MaxItems: 1000 })),
  ]);
  const already = new Set<string>(
    attached.ok
      ? [
          ...attached.data.PolicyUsers.map((u) => `user/${u.UserName}`),
          ...attached.data.PolicyGroups.map((g) => `group/${g.GroupName}`),
          ...attached.data.PolicyRoles.map((r) => `role/${r.RoleName}`),
        ]
      : [],
  );
  const candidate = (ref: EntityRef, created: Date, arnOf: string): AttachCandidate => ({
    ...ref,
    arn: arnOf,
    created: created.toISOString(),
    attached: already.has(`${ref.kind}/${ref.name}`),
  });
  const candidates: AttachCandidate[] = [
    ...(users.ok
      ? users.data.Users.map((u) =>
          candidate({ kind: "user", name: u.UserName }, u.CreateDate, u.Arn),
        )
      : []),
    ...(groups.ok
      ? groups.data.Groups.map((g) =>
          candidate({ kind: "group", name: g.GroupName }, g.CreateDate, g.Arn),
        )
      : []),
    ...(roles.ok
      ? roles.data.Roles.map((r) =>
          candidate({ kind: "role", name: r.RoleName }, r.CreateDate, r.Arn),
        )
      : []),
  ];
  const errors = [users, groups, roles].flatMap((l) =>
    l.ok ? [] : [{ code: l.code, message: l.message }],
  );
  return (
    <div className="space-y-5">
      <Breadcrumbs items={crumbs} />
      <AttachPolicyForm
        policyArn={arn}
        policyName={policy.data.Policy.PolicyName}
        candidates={candidates}
        errors={errors}
      />
    </div>
  );
}
