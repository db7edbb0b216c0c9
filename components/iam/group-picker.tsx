"use client";

import * as React from "react";
import Link from "next/link";
import type { Loaded } from "@/components/actions/result";
import { NamePicker } from "./name-picker";
import { groupHref } from "./paths";
import type { GroupView } from "./types";

/** "User groups" with a checkbox per group (create user, add user to groups). */
export function GroupPicker({
  groups,
  selected,
  onChange,
  member = [],
}: {
  groups: Loaded<GroupView[]>;
  selected: string[];
  onChange: (names: string[]) => void;
  member?: string[];
}) {
  const items = React.useMemo(
    () =>
      groups.ok
        ? {
            ok: true as const,
            data: groups.data.map((g) => ({
              name: g.GroupName,
              href: groupHref(g.GroupName),
              created: g.CreateDate,
            })),
          }
        : groups,
    [groups],
  );
  return (
    <NamePicker
      title="User groups"
      noun="group"
      items={items}
      selected={selected}
      onChange={onChange}
      taken={member}
      takenLabel="already a member"
      empty={
        <>
          <Link href="/iam/groups/create" className="text-link underline">
            Create a user group
          </Link>{" "}
          to manage the permissions of several users at once.
        </>
      }
    />
  );
}
