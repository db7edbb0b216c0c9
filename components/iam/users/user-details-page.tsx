import { notFound } from "next/navigation";
import { load } from "@/components/actions/load";
import { Breadcrumbs } from "@/components/ui/page-header";
import { getCaller } from "@/lib/auth/session";
import { isAwsError } from "@/lib/errors";
import {
  getAccessKeyLastUsed,
  getLoginProfile,
  getUser,
  listAccessKeys,
  listGroups,
  listGroupsForUser,
} from "@/lib/ops/iam";
import { ErrorAlert } from "../error-alert";
import { policiesOf } from "../load-policies";
import { decodeNameSegment } from "../paths";
import { permissionHints } from "../permissions";
import { iso, toGroup, toUser } from "../serialize";
import type { AccessKeyView, LoginProfileView } from "../types";
import { UserDetails } from "./user-details";

export async function UserDetailsPage({
  name: segment,
  searchParams,
}: {
  name: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const name = decodeNameSegment(segment);
  const caller = await getCaller();
  const user = await load(async () => toUser((await getUser(caller, { UserName: name })).User));
  const crumbs = [
    { label: "IAM", href: "/iam/users" },
    { label: "Users", href: "/iam/users" },
    { label: name },
  ];
  if (!user.ok) {
    if (user.code === "NoSuchEntity") notFound();
    return (
      <div className="space-y-5">
        <Breadcrumbs items={crumbs} />
        <h1 className="text-2xl leading-8 font-bold break-all">{name}</h1>
        <ErrorAlert error={user} />
      </div>
    );
  }
  const arn = user.data.Arn;
  const [groups, own, loginProfile, accessKeys, allGroups, hints] = await Promise.all([
    load(async () =>
      (await listGroupsForUser(caller, { UserName: name, MaxItems: 1000 })).Groups.map(toGroup),
    ),
    policiesOf(caller, "user", name),
    load(async (): Promise<LoginProfileView | null> => {
      try {
        const { LoginProfile } = await getLoginProfile(caller, { UserName: name });
        return {
          CreateDate: iso(LoginProfile.CreateDate)!,
          PasswordResetRequired: LoginProfile.PasswordResetRequired,
        };
      } catch (error) {
        if (isAwsError(error) && error.code === "NoSuchEntity") return null;
        throw error;
      }
    }),
    load(async () => {
      const { AccessKeyMetadata } = await listAccessKeys(caller, { UserName: name });
      return Promise.all(
        AccessKeyMetadata.map(async (k): Promise<AccessKeyView> => {
          const used = await load(() =>
            getAccessKeyLastUsed(caller, { AccessKeyId: k.AccessKeyId }),
          );
          const last = used.ok ? used.data.AccessKeyLastUsed : undefined;
          return {
            AccessKeyId: k.AccessKeyId,
            Status: k.Status,
            CreateDate: iso(k.CreateDate)!,
            LastUsedDate: iso(last?.LastUsedDate),
            LastUsedService: last?.ServiceName,
            LastUsedRegion: last?.Region,
          };
        }),
      );
    }),
    load(async () => (await listGroups(caller, { MaxItems: 1000 })).Groups.map(toGroup)),
    permissionHints(caller, {
      attach: { action: "iam:AttachUserPolicy", resource: arn },
      detach: { action: "iam:DetachUserPolicy", resource: arn },
      putInline: { action: "iam:PutUserPolicy", resource: arn },
      deleteInline: { action: "iam:DeleteUserPolicy", resource: arn },
      createKey: { action: "iam:CreateAccessKey", resource: arn },
      updateKey: { action: "iam:UpdateAccessKey", resource: arn },
      deleteKey: { action: "iam:DeleteAccessKey", resource: arn },
      createLogin: { action: "iam:CreateLoginProfile", resource: arn },
      updateLogin: { action: "iam:UpdateLoginProfile", resource: arn },
      deleteLogin: { action: "iam:DeleteLoginProfile", resource: arn },
      tag: { action: "iam:TagUser", resource: arn },
      putBoundary: { action: "iam:PutUserPermissionsBoundary", resource: arn },
      deleteBoundary: { action: "iam:DeleteUserPermissionsBoundary", resource: arn },
      delete: { action: "iam:DeleteUser", resource: arn },
    }),
  ]);
  // Policies that reach the user through its groups, labelled with the group.
  const inherited = groups.ok
    ? await Promise.all(
        groups.data.map((g) => policiesOf(caller, "group", g.GroupName, g.GroupName)),
      )
    : [];
  const attached = own.attached.ok
    ? {
        ok: true as const,
        data: [
          ...own.attached.data,
          ...inherited.flatMap((g) => (g.attached.ok ? g.attached.data : [])),
        ],
      }
    : own.attached;
  const inline = own.inline.ok
    ? {
        ok: true as const,
        data: [...own.inline.data, ...inherited.flatMap((g) => (g.inline.ok ? g.inline.data : []))],
      }
    : own.inline;
  const tab = typeof searchParams.tab === "string" ? searchParams.tab : undefined;
  return (
    <UserDetails
      key={arn}
      user={user.data}
      groups={groups}
      allGroups={allGroups}
      attached={attached}
      inline={inline}
      directCounts={{
        attached: own.attached.ok ? own.attached.data.length : 0,
        inline: own.inline.ok ? own.inline.data.length : 0,
      }}
      loginProfile={loginProfile}
      accessKeys={accessKeys}
      hints={hints}
      initialTab={tab}
    />
  );
}
