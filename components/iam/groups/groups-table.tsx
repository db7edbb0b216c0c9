"use client";

import type { Loaded } from "@/components/actions/result";
import { EntityTable, Missing, NameCell, TimeCell, type EntityColumn } from "../entity-table";
import { groupHref } from "../paths";
import type { GroupListItem } from "../types";
import { deleteGroupAction } from "./actions";

const match = (g: GroupListItem, needle: string) => g.GroupName.toLowerCase().includes(needle);

const columns: EntityColumn<GroupListItem>[] = [
  {
    header: "Group name",
    cell: (g) => <NameCell name={g.GroupName} href={groupHref(g.GroupName)} />,
  },
  { header: "Path", className: "font-mono text-[13px]", cell: (g) => g.Path },
  { header: "Users", cell: (g) => g.UserCount ?? <Missing /> },
  {
    header: "Creation time (UTC)",
    className: "whitespace-nowrap",
    cell: (g) => <TimeCell value={g.CreateDate} />,
  },
];

export function GroupsTable({ groups }: { groups: Loaded<GroupListItem[]> }) {
  return (
    <EntityTable
      items={groups}
      title="User groups"
      description="A user group is a collection of IAM users. Use groups to give several users the same permissions."
      noun="group"
      createHref="/iam/groups/create"
      createLabel="Create group"
      emptyTitle="No user groups"
      emptyBody="Create a group to give several users the same permissions."
      match={match}
      rowKey={(g) => g.GroupId}
      rowName={(g) => g.GroupName}
      columns={columns}
      onDelete={deleteGroupAction}
      deleteDescription="The console removes each group's users, who lose its permissions at once, and its policies, then the group. This can't be undone."
    />
  );
}
