import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { getGroup, listUsers } from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { decodeNameSegment, userHref } from "../paths";
import { permissionHints } from "../permissions";
import { toGroup, toUser } from "../serialize";
import { policiesOf } from "../load-policies";
import { GroupDetails } from "./group-details";

export async function GroupDetailsPage({
  name: segment,
  searchParams,
}: {
  name: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const group = await load(() => getGroup(caller, { GroupName: name, MaxItems: 1000 }));
  const crumbs = [
    { label: "IAM", href: "/iam/users" },
    { label: "User groups", href: "/iam/groups" },
    { label: name },
  ];
  if (!group.ok) {
    if (group.code === "NoSuchEntity") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold break-all">{name}</h1>
        <ErrorAlert error={group} />
      </div>
    );
  }
  const arn = group.data.Group.Arn;
  const [policies, allUsers, hints] = await Promise.all([
    policiesOf(caller, "group", name),
    load(async () =>
      (await listUsers(caller, { MaxItems: 1000 })).Users.map((u) => ({
        name: u.UserName,
        href: userHref(u.UserName),
        created: u.CreateDate.toISOString(),
      })),
    ),
    permissionHints(caller, {
      attach: { action: "iam:AttachGroupPolicy", resource: arn },
      detach: { action: "iam:DetachGroupPolicy", resource: arn },
      putInline: { action: "iam:PutGroupPolicy", resource: arn },
      deleteInline: { action: "iam:DeleteGroupPolicy", resource: arn },
      addUser: { action: "iam:AddUserToGroup", resource: arn },
      removeUser: { action: "iam:RemoveUserFromGroup", resource: arn },
      delete: { action: "iam:DeleteGroup", resource: arn },
    }),
  ]);
  const tab = typeof searchParams.tab === "string" ? searchParams.tab : undefined;
  return (
    <GroupDetails
      key={arn}
      group={toGroup(group.data.Group)}
      users={group.data.Users.map((u) => toUser(u))}
      allUsers={allUsers}
      attached={policies.attached}
      inline={policies.inline}
      hints={hints}
      initialTab={tab}
    />
  );
}
