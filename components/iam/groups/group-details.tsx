"use client";

import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Container, ContainerHeader, KeyValue } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Breadcrumbs, PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EmptyRow } from "../client-list";
import { ConfirmDialog } from "../confirm-dialog";
import { toggled } from "../entity-table";
import { formatAge, formatDateTime, formatShortDateTime } from "../format";
import { MembershipDialog } from "../membership-dialog";
import { NamePicker, type PickItem } from "../name-picker";
import { groupHref, userHref } from "../paths";
import { PermissionsPanel, type PermissionHint } from "../permissions-panel";
import type { AttachedPolicyView, GroupView, Hints, InlinePolicyView, UserView } from "../types";
import { useInvalidatePolicies } from "../use-policies";
import { addUsersToGroupAction, deleteGroupAction, removeUsersFromGroupAction } from "./actions";

type Hint = PermissionHint | "addUser" | "removeUser" | "delete";
const TABS = ["users", "permissions"] as const;
type Tab = (typeof TABS)[number];

export function GroupDetails({
  group,
  users,
  allUsers,
  attached,
  inline,
  hints,
  initialTab,
}: {
  group: GroupView;
  users: UserView[];
  allUsers: Loaded<PickItem[]>;
  attached: Loaded<AttachedPolicyView[]>;
  inline: Loaded<InlinePolicyView[]>;
  hints: Hints<Hint>;
  initialTab?: string;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const [tab, setTab] = React.useState<Tab>(
    TABS.includes(initialTab as Tab) ? (initialTab as Tab) : "users",
  );
  const [deleting, setDeleting] = React.useState(false);
  const selectTab = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    if (value === "users") url.searchParams.delete("tab");
    else url.searchParams.set("tab", value);
    window.history.replaceState(null, "", url);
  };
  const base = groupHref(group.GroupName);
  const policyCount =
    (attached.ok ? attached.data.length : 0) + (inline.ok ? inline.data.length : 0);
  return (
    <div className="space-y-5">
      <Breadcrumbs
        items={[
          { label: "IAM", href: "/iam/users" },
          { label: "User groups", href: "/iam/groups" },
          { label: group.GroupName },
        ]}
      />
      <PageHeader
        title={group.GroupName}
        actions={
          <DisabledReason reason={hints.delete}>
            <Button onClick={() => setDeleting(true)}>Delete</Button>
          </DisabledReason>
        }
      />
      <Container header={<ContainerHeader title="Summary" />}>
        <dl className="grid gap-x-8 gap-y-4 md:grid-cols-3">
          <KeyValue label="User group name">{group.GroupName}</KeyValue>
          <KeyValue label="Creation time">{formatDateTime(group.CreateDate)}</KeyValue>
          <KeyValue label="ARN">
            <span className="inline-flex max-w-full items-start gap-1">
              <span className="min-w-0 font-mono text-[13px] break-all">{group.Arn}</span>
              <CopyButton value={group.Arn} label="Copy group ARN" />
            </span>
          </KeyValue>
        </dl>
      </Container>
      <Tabs value={tab} onValueChange={selectTab}>
        <TabsList aria-label="User group">
          <TabsTrigger value="users">Users ({users.length})</TabsTrigger>
          <TabsTrigger value="permissions">Permissions ({policyCount})</TabsTrigger>
        </TabsList>
        <TabsContent value="users">
          <GroupUsers group={group} users={users} allUsers={allUsers} hints={hints} />
        </TabsContent>
        <TabsContent value="permissions">
          <PermissionsPanel
            kind="group"
            entityName={group.GroupName}
            attached={attached}
            inline={inline}
            hints={hints}
            attachHref={`${base}/attach-policies`}
            inlineHref={(policy) =>
              `${base}/inline-policy${policy ? `?policy=${encodeURIComponent(policy)}` : ""}`
            }
          />
        </TabsContent>
      </Tabs>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${group.GroupName}?`}
        confirmLabel="Delete group"
        confirmText={group.GroupName}
        onConfirm={() => deleteGroupAction(group.GroupName)}
        onDone={() => {
          void invalidatePolicies();
          toast.success(`The user group ${group.GroupName} was deleted.`);
          router.push("/iam/groups");
          router.refresh();
        }}
      >
        <div className="space-y-2 text-sm">
          <p>IAM deletes a group only once it is empty. The console removes, in order:</p>
          <ul className="list-disc space-y-1 pl-5">
            <li>
              {users.length} user{users.length === 1 ? "" : "s"} from the group, who lose its
              permissions at once;
            </li>
            <li>
              its {policyCount} polic{policyCount === 1 ? "y" : "ies"} (managed ones are detached,
              inline ones deleted);
            </li>
            <li>then the group itself. This can&apos;t be undone.</li>
          </ul>
        </div>
      </ConfirmDialog>
    </div>
  );
}

function GroupUsers({
  group,
  users,
  allUsers,
  hints,
}: {
  group: GroupView;
  users: UserView[];
  allUsers: Loaded<PickItem[]>;
  hints: Hints<Hint>;
}) {
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [adding, setAdding] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const names = [...selected].filter((n) => users.some((u) => u.UserName === n));
  return (
    <Container
      header={
        <ContainerHeader
          title="Users in this group"
          counter={users.length}
          description="Every user here gets the group's permissions. A user can be in up to 10 groups."
          actions={
            <>
              <DisabledReason reason={hints.removeUser}>
                <Button disabled={names.length === 0} onClick={() => setRemoving(true)}>
                  Remove users
                </Button>
              </DisabledReason>
              <DisabledReason reason={hints.addUser}>
                <Button variant="primary" onClick={() => setAdding(true)}>
                  Add users
                </Button>
              </DisabledReason>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <Table aria-label="Users in this group">
        <THead>
          <tr>
            <TH className="w-10 pr-0">
              <span className="sr-only">Select</span>
            </TH>
            <TH>User name</TH>
            <TH>Last activity</TH>
            <TH>Creation time (UTC)</TH>
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <TR key={u.UserId}>
              <TD className="w-10 pr-0">
                <Checkbox
                  aria-label={u.UserName}
                  checked={selected.has(u.UserName)}
                  onCheckedChange={(on) => setSelected(toggled(selected, u.UserName, on === true))}
                />
              </TD>
              <TD className="font-bold">
                <Link href={userHref(u.UserName)} className="text-link hover:underline">
                  {u.UserName}
                </Link>
              </TD>
              <TD suppressHydrationWarning>{formatAge(u.PasswordLastUsed)}</TD>
              <TD className="whitespace-nowrap">{formatShortDateTime(u.CreateDate)}</TD>
            </TR>
          ))}
          {users.length === 0 ? (
            <EmptyRow
              colSpan={4}
              title="No users"
              body="Add users to give them the group's permissions."
            />
          ) : null}
        </TBody>
      </Table>
      <MembershipDialog
        open={adding}
        onOpenChange={setAdding}
        title={`Add users to ${group.GroupName}`}
        description="The users get the group's permissions at once."
        submitLabel="Add users"
        onAdd={(names) => addUsersToGroupAction(group.GroupName, names)}
        success={(names) => `${names.join(", ")} added to ${group.GroupName}.`}
        picker={(selected, onChange) => (
          <NamePicker
            title="Other users in this account"
            noun="user"
            items={allUsers}
            selected={selected}
            onChange={onChange}
            taken={users.map((u) => u.UserName)}
            takenLabel="in the group"
          />
        )}
      />
      <ConfirmDialog
        open={removing}
        onOpenChange={setRemoving}
        title={`Remove users from ${group.GroupName}?`}
        description="They lose the group's permissions immediately."
        confirmLabel="Remove users"
        onConfirm={async () => {
          const result = await removeUsersFromGroupAction(group.GroupName, names);
          if (!result.ok) return result;
          setSelected(new Set());
          const first = result.data.failed[0];
          return first
            ? { ok: false, code: first.code, message: `${first.item}: ${first.message}` }
            : result;
        }}
      >
        <p className="text-sm">
          <span className="font-bold">{names.join(", ")}</span>
        </p>
      </ConfirmDialog>
    </Container>
  );
}
