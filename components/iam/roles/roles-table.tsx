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
import { roleHref } from "../paths";
import type { RoleView } from "../types";
import { trustedEntities } from "./trust";

type Row = RoleView & { trusted: string[] };

const match = (r: Row, needle: string) =>
  r.RoleName.toLowerCase().includes(needle) ||
  r.trusted.some((t) => t.toLowerCase().includes(needle)) ||
  (r.Description ?? "").toLowerCase().includes(needle);

export function RolesTable({ roles }: { roles: Loaded<RoleView[]> }) {
  const items = React.useMemo(
    () =>
      roles.ok
        ? roles.data.map((r) => ({ ...r, trusted: trustedEntities(r.AssumeRolePolicyDocument) }))
        : [],
    [roles],
  );
  const list = useClientList(items, match);
  return (
    <Container
      header={
        <ContainerHeader
          title="Roles"
          counter={roles.ok ? items.length : undefined}
          description="A role is an identity with permissions that trusted entities assume for temporary credentials, such as a rotation function."
          actions={
            <Button asChild variant="primary">
              <Link href="/iam/roles/create">Create role</Link>
            </Button>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
        <SearchBox value={list.query} onChange={list.setQuery} label="Search roles" />
        <div className="ml-auto">
          <Pager page={list.page} pages={list.pages} onPage={list.setPage} />
        </div>
      </div>
      <ErrorAlert error={roles.ok ? undefined : roles} className="mx-5 mb-4" />
      <Table aria-label="Roles">
        <THead>
          <tr>
            <TH>Role name</TH>
            <TH>Trusted entities</TH>
            <TH>Last activity</TH>
            <TH>Creation time (UTC)</TH>
          </tr>
        </THead>
        <TBody>
          {list.visible.map((r) => (
            <TR key={r.RoleId}>
              <TD className="font-bold break-all">
                <Link href={roleHref(r.RoleName)} className="text-link hover:underline">
                  {r.RoleName}
                </Link>
                {r.Description ? (
                  <div className="line-clamp-1 text-xs font-normal text-muted-foreground">
                    {r.Description}
                  </div>
                ) : null}
              </TD>
              <TD>
                {r.trusted.length > 0 ? (
                  <ul>
                    {r.trusted.map((t) => (
                      <li key={t} className="break-all">
                        {t}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted-foreground">-</span>
                )}
              </TD>
              <TD className="whitespace-nowrap" suppressHydrationWarning>
                {r.LastUsedDate ? formatAge(r.LastUsedDate) : "-"}
              </TD>
              <TD className="whitespace-nowrap">
                <time dateTime={r.CreateDate} title={formatDateTime(r.CreateDate)}>
                  {formatShortDateTime(r.CreateDate)}
                </time>
              </TD>
            </TR>
          ))}
          {roles.ok && list.visible.length === 0 ? (
            items.length === 0 ? (
              <EmptyRow
                colSpan={4}
                title="No roles"
                body="Create a role for a service or another account to act in this one."
                action={
                  <Button asChild>
                    <Link href="/iam/roles/create">Create role</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyRow colSpan={4} title="No matches" body="No role matches the search." />
            )
          ) : null}
        </TBody>
      </Table>
    </Container>
  );
}
