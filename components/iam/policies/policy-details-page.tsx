import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import {
  getPolicy,
  getPolicyVersion,
  listEntitiesForPolicy,
  listPolicyVersions,
} from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { isAwsManaged, policyArnFromSegments, policyNameFromArn } from "../paths";
import { permissionHints } from "../permissions";
import { documentText, toPolicy, toPolicyVersion } from "../serialize";
import type { EntityRef } from "../types";
import { PolicyDetails } from "./policy-details";
import { summarizePolicy } from "./summary";

export async function PolicyDetailsPage({
  segments,
  searchParams,
}: {
  segments: string[];
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const arn = policyArnFromSegments(segments);
  if (!arn) notFound();
  const caller = await getCaller();
  const policy = await load(async () =>
    toPolicy((await getPolicy(caller, { PolicyArn: arn })).Policy),
  );
  const crumbs = [
    { label: "IAM", href: "/iam/users" },
    { label: "Policies", href: "/iam/policies" },
    { label: policyNameFromArn(arn) },
  ];
  if (!policy.ok) {
    if (policy.code === "NoSuchEntity") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold break-all">{policyNameFromArn(arn)}</h1>
        <ErrorAlert error={policy} />
      </div>
    );
  }
  const [document, versions, entities] = await Promise.all([
    load(async () =>
      documentText(
        (
          await getPolicyVersion(caller, {
            PolicyArn: arn,
            VersionId: policy.data.DefaultVersionId,
          })
        ).PolicyVersion.Document ?? "",
      ),
    ),
    load(async () =>
      (await listPolicyVersions(caller, { PolicyArn: arn, MaxItems: 1000 })).Versions.map(
        toPolicyVersion,
      ),
    ),
    load(async () => {
      const out = await listEntitiesForPolicy(caller, { PolicyArn: arn, MaxItems: 1000 });
      return [
        ...out.PolicyUsers.map((u): EntityRef => ({ kind: "user", name: u.UserName })),
        ...out.PolicyGroups.map((g): EntityRef => ({ kind: "group", name: g.GroupName })),
        ...out.PolicyRoles.map((r): EntityRef => ({ kind: "role", name: r.RoleName })),
      ];
    }),
  ]);
  const customer = !isAwsManaged(arn);
  const hints = customer
    ? await permissionHints(caller, {
        edit: { action: "iam:CreatePolicyVersion", resource: arn },
        delete: { action: "iam:DeletePolicy", resource: arn },
        setDefault: { action: "iam:SetDefaultPolicyVersion", resource: arn },
        deleteVersion: { action: "iam:DeletePolicyVersion", resource: arn },
        tag: { action: "iam:TagPolicy", resource: arn },
      })
    : {};
  const tab = typeof searchParams.tab === "string" ? searchParams.tab : undefined;
  return (
    <PolicyDetails
      key={arn}
      policy={policy.data}
      document={document}
      summary={document.ok ? summarizePolicy(document.data) : undefined}
      versions={versions}
      entities={entities}
      hints={hints}
      initialTab={tab}
    />
  );
}
