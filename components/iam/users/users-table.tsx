"use client";

import type { Loaded } from "@/components/actions/result";
import { formatAge, formatDateTime, formatShortDateTime } from "../format";
import { EntityTable, Missing, NameCell, TimeCell, type EntityColumn } from "../entity-table";
import { userHref } from "../paths";
import type { UserListItem } from "../types";
import { deleteUserAction } from "./actions";

const match = (u: UserListItem, needle: string) =>
  u.UserName.toLowerCase().includes(needle) || u.Arn.toLowerCase().includes(needle);

const columns: EntityColumn<UserListItem>[] = [
  { header: "User name", cell: (u) => <NameCell name={u.UserName} href={userHref(u.UserName)} /> },
  { header: "Path", className: "font-mono text-[13px]", cell: (u) => u.Path },
  { header: "Groups", cell: (u) => u.GroupCount ?? <Missing /> },
  {
    header: "Last activity",
    className: "whitespace-nowrap",
    relative: true,
    cell: (u) => (u.PasswordLastUsed ? formatAge(u.PasswordLastUsed) : "-"),
  },
  {
    header: "Console last sign-in",
    className: "whitespace-nowrap",
    cell: (u) =>
      u.PasswordLastUsed ? (
        <time dateTime={u.PasswordLastUsed} title={formatDateTime(u.PasswordLastUsed)}>
          {formatShortDateTime(u.PasswordLastUsed)}
        </time>
      ) : (
        <span className="text-muted-foreground">Never</span>
      ),
  },
  {
    header: "Creation time (UTC)",
    className: "whitespace-nowrap",
    cell: (u) => <TimeCell value={u.CreateDate} />,
  },
];

export function UsersTable({ users }: { users: Loaded<UserListItem[]> }) {
  return (
    <EntityTable
      items={users}
      title="Users"
      description="An IAM user is an identity with long-term credentials: a console password, access keys, or both."
      noun="user"
      createHref="/iam/users/create"
      createLabel="Create user"
      emptyTitle="No users"
      emptyBody="Create IAM users for the people and applications that use this account."
      match={match}
      rowKey={(u) => u.UserId}
      rowName={(u) => u.UserName}
      columns={columns}
      onDelete={deleteUserAction}
      deleteDescription="The console removes each user's password, access keys, group memberships and policies, then the user. Requests signed with its access keys are refused from then on. This can't be undone."
    />
  );
}
