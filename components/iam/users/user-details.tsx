"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { StatusIndicator } from "@/components/ui/status";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EmptyRow } from "../client-list";
import { ConfirmDialog } from "../confirm-dialog";
import { ErrorAlert } from "../error-alert";
import { formatAge, formatDateTime, formatShortDateTime } from "../format";
import { GroupPicker } from "../group-picker";
import { MembershipDialog } from "../membership-dialog";
import { BoundaryPanel, type BoundaryHint } from "../boundary/boundary-panel";
import { PermissionsPanel, type PermissionHint } from "../permissions-panel";
import { groupHref, userHref } from "../paths";
import { TagsPanel } from "../tags-panel";
import type {
  AccessKeyView,
  AttachedPolicyView,
  GroupView,
  Hints,
  InlinePolicyView,
  LoginProfileView,
  UserView,
} from "../types";
import { signInPath, useOrigin } from "../use-origin";
import { useInvalidatePolicies } from "../use-policies";
import {
  addUserToGroupsAction,
  deleteUserAction,
  removeUserFromGroupAction,
  updateUserTagsAction,
} from "./actions";
import { SecurityCredentials, type CredentialHint } from "./security-credentials";

type Hint = PermissionHint | BoundaryHint | CredentialHint | "tag" | "delete";
const TABS = ["permissions", "groups", "tags", "credentials"] as const;
type Tab = (typeof TABS)[number];

export function UserDetails({
  user,
  groups,
  allGroups,
  attached,
  inline,
  directCounts,
  loginProfile,
  accessKeys,
  hints,
  initialTab,
}: {
  user: UserView;
  groups: Loaded<GroupView[]>;
  allGroups: Loaded<GroupView[]>;
  attached: Loaded<AttachedPolicyView[]>;
  inline: Loaded<InlinePolicyView[]>;
  directCounts: { attached: number; inline: number };
  loginProfile: Loaded<LoginProfileView | null>;
  accessKeys: Loaded<AccessKeyView[]>;
  hints: Hints<Hint>;
  initialTab?: string;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [tab, setTab] = React.useState<Tab>(
    TABS.includes(initialTab as Tab) ? (initialTab as Tab) : "permissions",
  );
  const [deleting, setDeleting] = React.useState(false);
  const signInUrl = `${useOrigin()}${signInPath(user.Arn.split(":")[4])}`;
  const selectTab = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    if (value === "permissions") url.searchParams.delete("tab");
    else url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };
  const consoleEnabled = loginProfile.ok && loginProfile.data !== null;
  const keys = accessKeys.ok ? accessKeys.data : [];
  const base = userHref(user.UserName);

  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "Users", href: "/iam/users" },
          { label: user.UserName },
        ]}
      />
      <PageHeader
        title={user.UserName}
        actions={
          <DisabledReason reason={hints.delete}>
            <Button onClick={() => setDeleting(true)}>Delete</Button>
          </DisabledReason>
        }
      />

      <Container header={<ContainerHeader title="Summary" />}>
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-2 xl:grid-cols-3">
          <KeyValue label="ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{user.Arn}</span>
              <CopyButton value={user.Arn} label="Copy user ARN" />
            </span>
          </KeyValue>
          <KeyValue label="Console access">
            {!loginProfile.ok ? (
              "-"
            ) : consoleEnabled ? (
              <StatusIndicator type="success">Enabled</StatusIndicator>
            ) : (
              <StatusIndicator type="stopped">Disabled</StatusIndicator>
            )}
          </KeyValue>
          <KeyValue label="Access key 1">
            {keys[0] ? `${keys[0].AccessKeyId} - ${keys[0].Status}` : "Not enabled"}
          </KeyValue>
          <KeyValue label="Created">{formatDateTime(user.CreateDate)}</KeyValue>
          <KeyValue label="Last console sign-in">
            <span suppressHydrationWarning>
              {user.PasswordLastUsed ? formatAge(user.PasswordLastUsed) : "Never"}
            </span>
          </KeyValue>
          <KeyValue label="Access key 2">
            {keys[1] ? `${keys[1].AccessKeyId} - ${keys[1].Status}` : "Not enabled"}
          </KeyValue>
        </dl>
      </Container>

      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="User">
          <TabsTrigger value="permissions">Permissions</TabsTrigger>
          <TabsTrigger value="groups">
            Groups{groups.ok ? ` (${groups.data.length})` : ""}
          </TabsTrigger>
          <TabsTrigger value="tags">Tags{` (${user.Tags.length})`}</TabsTrigger>
          <TabsTrigger value="credentials">Security credentials</TabsTrigger>
        </TabsList>
        <TabsContent value="permissions" className="space-y-5">
          <PermissionsPanel
            kind="user"
            entityName={user.UserName}
            attached={attached}
            inline={inline}
            hints={hints}
            attachHref={`${base}/attach-policies`}
            inlineHref={(policy) =>
              `${base}/inline-policy${policy ? `?policy=${encodeURIComponent(policy)}` : ""}`
            }
          />
          <BoundaryPanel
            kind="user"
            entityName={user.UserName}
            boundaryArn={user.PermissionsBoundaryArn}
            hints={hints}
          />
        </TabsContent>
        <TabsContent value="groups">
          <UserGroups user={user} groups={groups} allGroups={allGroups} />
        </TabsContent>
        <TabsContent value="tags">
          <TagsPanel
            tags={user.Tags}
            hint={hints.tag}
            description="Tags travel with the user's sessions as aws:PrincipalTag/key, for policies to use."
            onSave={(changed, removed) => updateUserTagsAction(user.UserName, changed, removed)}
          />
        </TabsContent>
        <TabsContent value="credentials">
          <SecurityCredentials
            user={user}
            loginProfile={loginProfile}
            accessKeys={accessKeys}
            hints={hints}
            signInUrl={signInUrl}
          />
        </TabsContent>
      </Tabs>

      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${user.UserName}?`}
        confirmLabel="Delete user"
        confirmText={user.UserName}
        onConfirm={() => deleteUserAction(user.UserName)}
        onDone={() => {
          void invalidatePolicies();
          toast.success(`The user ${user.UserName} was deleted.`);
          router.push("/iam/users");
          router.refresh();
        }}
      >
        <div className="space-y-2 text-sm">
          <p>
            IAM deletes a user only once nothing is attached to it. The console removes, in order:
          </p>
          <ul className="list-disc space-y-1 pl-5">
            <li>the console password{consoleEnabled ? "" : " (none)"};</li>
            <li>
              {keys.length} access key{keys.length === 1 ? "" : "s"}: requests signed with them are
              refused from then on;
            </li>
            <li>
              membership of {groups.ok ? groups.data.length : "its"} group
              {groups.ok && groups.data.length === 1 ? "" : "s"};
            </li>
            <li>
              {directCounts.attached} attached and {directCounts.inline} inline polic
              {directCounts.attached + directCounts.inline === 1 ? "y" : "ies"};
            </li>
            <li>then the user itself. This can&apos;t be undone.</li>
          </ul>
        </div>
      </ConfirmDialog>
    </div>
  );
}

function UserGroups({
  user,
  groups,
  allGroups,
}: {
  user: UserView;
  groups: Loaded<GroupView[]>;
  allGroups: Loaded<GroupView[]>;
}) {
  const [adding, setAdding] = React.useState(false);
  const [removing, setRemoving] = React.useState<string>();
  const list = groups.ok ? groups.data : [];
  return (
    <Container
      header={
        <ContainerHeader
          title="User groups membership"
          counter={groups.ok ? list.length : undefined}
          description="The user gets the permissions of every group it is in. A user can be in up to 10 groups."
          actions={<Button onClick={() => setAdding(true)}>Add user to groups</Button>}
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <ErrorAlert error={groups.ok ? undefined : groups} className="mx-5 mb-3" />
      <Table aria-label="Groups">
        <THead>
          <tr>
            <TH>Group name</TH>
            <TH>Creation time (UTC)</TH>
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {list.map((g) => (
            <TR key={g.GroupId}>
              <TD className="font-bold">
                <Link href={groupHref(g.GroupName)} className="text-link hover:underline">
                  {g.GroupName}
                </Link>
              </TD>
              <TD className="whitespace-nowrap">{formatShortDateTime(g.CreateDate)}</TD>
              <TD className="text-right">
                <Button
                  size="sm"
                  aria-label={`Remove from ${g.GroupName}`}
                  onClick={() => setRemoving(g.GroupName)}
                >
                  Remove
                </Button>
              </TD>
            </TR>
          ))}
          {groups.ok && list.length === 0 ? (
            <EmptyRow colSpan={3} title="No groups" body="This user is not in any group." />
          ) : null}
        </TBody>
      </Table>
      <MembershipDialog
        open={adding}
        onOpenChange={setAdding}
        title={`Add ${user.UserName} to groups`}
        description="The user gets the permissions of the groups you choose."
        submitLabel="Add to groups"
        onAdd={(names) => addUserToGroupsAction(user.UserName, names)}
        success={(names) => `${user.UserName} was added to ${names.join(", ")}.`}
        picker={(selected, onChange) => (
          <GroupPicker
            groups={allGroups}
            selected={selected}
            onChange={onChange}
            member={list.map((g) => g.GroupName)}
          />
        )}
      />
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(o) => !o && setRemoving(undefined)}
        title={`Remove ${user.UserName} from ${removing ?? ""}?`}
        description="The user loses the permissions the group grants, immediately."
        confirmLabel="Remove"
        onConfirm={async () => {
          const result = await removeUserFromGroupAction(user.UserName, removing!);
          return result;
        }}
      />
    </Container>
  );
}
