"use client";

import * as React from "react";
import Link from "next/link";
import type { Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, Pager, SearchBox, useClientList } from "../client-list";
import { ErrorAlert } from "../error-alert";
import { formatAge, formatDateTime, formatShortDateTime } from "../format";
import { userHref } from "../paths";
import type { UserListItem } from "../types";

const match = (u: UserListItem, needle: string) =>
  u.UserName.toLowerCase().includes(needle) || u.Arn.toLowerCase().includes(needle);

export function UsersTable({ users }: { users: Loaded<UserListItem[]> }) {
  const items = React.useMemo(() => (users.ok ? users.data : []), [users]);
  const list = useClientList(items, match);
  return (
    <Container
      header={
        <ContainerHeader
          title="Users"
          counter={users.ok ? items.length : undefined}
          description="An IAM user is an identity with long-term credentials: a console password, access keys, or both."
          actions={
            <Button asChild variant="primary">
              <Link href="/iam/users/create">Create user</Link>
            </Button>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
        <SearchBox value={list.query} onChange={list.setQuery} label="Search users" />
        <div className="ml-auto">
          <Pager page={list.page} pages={list.pages} onPage={list.setPage} />
        </div>
      </div>
      <ErrorAlert error={users.ok ? undefined : users} className="mx-5 mb-4" />
      <Table aria-label="Users">
        <THead>
          <tr>
            <TH>User name</TH>
            <TH>Path</TH>
            <TH>Groups</TH>
            <TH>Last activity</TH>
            <TH>Console last sign-in</TH>
            <TH>Creation time (UTC)</TH>
          </tr>
        </THead>
        <TBody>
          {list.visible.map((u) => (
            <TR key={u.UserId}>
              <TD className="font-bold break-all">
                <Link href={userHref(u.UserName)} className="text-link hover:underline">
                  {u.UserName}
                </Link>
              </TD>
              <TD className="font-mono text-[13px]">{u.Path}</TD>
              <TD>{u.GroupCount ?? <span className="text-muted-foreground">-</span>}</TD>
              <TD className="whitespace-nowrap" suppressHydrationWarning>
                {u.PasswordLastUsed ? formatAge(u.PasswordLastUsed) : "-"}
              </TD>
              <TD className="whitespace-nowrap">
                {u.PasswordLastUsed ? (
                  <time dateTime={u.PasswordLastUsed} title={formatDateTime(u.PasswordLastUsed)}>
                    {formatShortDateTime(u.PasswordLastUsed)}
                  </time>
                ) : (
                  <span className="text-muted-foreground">Never</span>
                )}
              </TD>
              <TD className="whitespace-nowrap">
                <time dateTime={u.CreateDate} title={formatDateTime(u.CreateDate)}>
                  {formatShortDateTime(u.CreateDate)}
                </time>
              </TD>
            </TR>
          ))}
          {users.ok && list.visible.length === 0 ? (
            items.length === 0 ? (
              <EmptyRow
                colSpan={6}
                title="No users"
                body="Create IAM users for the people and applications that use this account."
                action={
                  <Button asChild>
                    <Link href="/iam/users/create">Create user</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyRow colSpan={6} title="No matches" body="No user matches the search." />
            )
          ) : null}
        </TBody>
      </Table>
    </Container>
  );
}
