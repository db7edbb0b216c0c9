"use client";

import * as React from "react";
import Link from "next/link";
import type { Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, Pager, SearchBox, useClientList } from "../client-list";
import { ErrorAlert } from "../error-alert";
import { formatDateTime, formatShortDateTime } from "../format";
import { groupHref } from "../paths";
import type { GroupListItem } from "../types";

const match = (g: GroupListItem, needle: string) => g.GroupName.toLowerCase().includes(needle);

export function GroupsTable({ groups }: { groups: Loaded<GroupListItem[]> }) {
  const items = React.useMemo(() => (groups.ok ? groups.data : []), [groups]);
  const list = useClientList(items, match);
  return (
    <Container
      header={
        <ContainerHeader
          title="User groups"
          counter={groups.ok ? items.length : undefined}
          description="A user group is a collection of IAM users. Use groups to give several users the same permissions."
          actions={
            <Button asChild variant="primary">
              <Link href="/iam/groups/create">Create group</Link>
            </Button>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
        <SearchBox value={list.query} onChange={list.setQuery} label="Search groups" />
        <div className="ml-auto">
          <Pager page={list.page} pages={list.pages} onPage={list.setPage} />
        </div>
      </div>
      <ErrorAlert error={groups.ok ? undefined : groups} className="mx-5 mb-4" />
      <Table aria-label="User groups">
        <THead>
          <tr>
            <TH>Group name</TH>
            <TH>Path</TH>
            <TH>Users</TH>
            <TH>Creation time (UTC)</TH>
          </tr>
        </THead>
        <TBody>
          {list.visible.map((g) => (
            <TR key={g.GroupId}>
              <TD className="font-bold break-all">
                <Link href={groupHref(g.GroupName)} className="text-link hover:underline">
                  {g.GroupName}
                </Link>
              </TD>
              <TD className="font-mono text-[13px]">{g.Path}</TD>
              <TD>{g.UserCount ?? <span className="text-muted-foreground">-</span>}</TD>
              <TD className="whitespace-nowrap">
                <time dateTime={g.CreateDate} title={formatDateTime(g.CreateDate)}>
                  {formatShortDateTime(g.CreateDate)}
                </time>
              </TD>
            </TR>
          ))}
          {groups.ok && list.visible.length === 0 ? (
            items.length === 0 ? (
              <EmptyRow
                colSpan={4}
                title="No user groups"
                body="Create a group to give several users the same permissions."
                action={
                  <Button asChild>
                    <Link href="/iam/groups/create">Create group</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyRow colSpan={4} title="No matches" body="No group matches the search." />
            )
          ) : null}
        </TBody>
      </Table>
    </Container>
  );
}
