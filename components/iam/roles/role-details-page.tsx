import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getRole } from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { policiesOf } from "../load-policies";
import { decodeNameSegment } from "../paths";
import { permissionHints } from "../permissions";
import { toRole } from "../serialize";
import { RoleDetails } from "./role-details";

export async function RoleDetailsPage({
  name: segment,
  searchParams,
}: {
  name: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const role = await load(async () => toRole((await getRole(caller, { RoleName: name })).Role));
  const crumbs = [
    { label: "IAM", href: "/iam/users" },
    { label: "Roles", href: "/iam/roles" },
    { label: name },
  ];
  if (!role.ok) {
    if (role.code === "NoSuchEntity") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold break-all">{name}</h1>
        <ErrorAlert error={role} />
      </div>
    );
  }
  const arn = role.data.Arn;
  const [policies, hints] = await Promise.all([
    policiesOf(caller, "role", name),
    permissionHints(caller, {
      attach: { action: "iam:AttachRolePolicy", resource: arn },
      detach: { action: "iam:DetachRolePolicy", resource: arn },
      putInline: { action: "iam:PutRolePolicy", resource: arn },
      deleteInline: { action: "iam:DeleteRolePolicy", resource: arn },
      trust: { action: "iam:UpdateAssumeRolePolicy", resource: arn },
      update: { action: "iam:UpdateRole", resource: arn },
      tag: { action: "iam:TagRole", resource: arn },
      putBoundary: { action: "iam:PutRolePermissionsBoundary", resource: arn },
      deleteBoundary: { action: "iam:DeleteRolePermissionsBoundary", resource: arn },
      delete: { action: "iam:DeleteRole", resource: arn },
    }),
  ]);
  const tab = typeof searchParams.tab === "string" ? searchParams.tab : undefined;
  return (
    <RoleDetails
      key={arn}
      role={role.data}
      attached={policies.attached}
      inline={policies.inline}
      hints={hints}
      initialTab={tab}
    />
  );
}
