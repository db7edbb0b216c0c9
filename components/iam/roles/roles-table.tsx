"use client";

import * as React from "react";
import type { Loaded } from "@/components/actions/result";
import { formatAge } from "../format";
import { EntityTable, Missing, NameCell, TimeCell, type EntityColumn } from "../entity-table";
import { roleHref } from "../paths";
import type { RoleView } from "../types";
import { deleteRoleAction } from "./actions";
import { trustedEntities } from "./trust";

type Row = RoleView & { trusted: string[] };

const match = (r: Row, needle: string) =>
  r.RoleName.toLowerCase().includes(needle) ||
  r.trusted.some((t) => t.toLowerCase().includes(needle)) ||
  (r.Description ?? "").toLowerCase().includes(needle);

const columns: EntityColumn<Row>[] = [
  {
    header: "Role name",
    cell: (r) => (
      <NameCell name={r.RoleName} href={roleHref(r.RoleName)}>
        {r.Description ? (
          <div className="line-clamp-1 text-xs font-normal text-muted-foreground">
            {r.Description}
          </div>
        ) : null}
      </NameCell>
    ),
  },
  {
    header: "Trusted entities",
    cell: (r) =>
      r.trusted.length > 0 ? (
        <ul>
          {r.trusted.map((t) => (
            <li key={t} className="break-all">
              {t}
            </li>
          ))}
        </ul>
      ) : (
        <Missing />
      ),
  },
  {
    header: "Last activity",
    className: "whitespace-nowrap",
    relative: true,
    cell: (r) => (r.LastUsedDate ? formatAge(r.LastUsedDate) : "-"),
  },
  {
    header: "Creation time (UTC)",
    className: "whitespace-nowrap",
    cell: (r) => <TimeCell value={r.CreateDate} />,
  },
];

export function RolesTable({ roles }: { roles: Loaded<RoleView[]> }) {
  const rows = React.useMemo(
    (): Loaded<Row[]> =>
      roles.ok
        ? {
            ok: true,
            data: roles.data.map((r) => ({
              ...r,
              trusted: trustedEntities(r.AssumeRolePolicyDocument),
            })),
          }
        : roles,
    [roles],
  );
  return (
    <EntityTable
      items={rows}
      title="Roles"
      description="A role is an identity with permissions that trusted entities assume for temporary credentials, such as a rotation function."
      noun="role"
      createHref="/iam/roles/create"
      createLabel="Create role"
      emptyTitle="No roles"
      emptyBody="Create a role for a service or another account to act in this one."
      match={match}
      rowKey={(r) => r.RoleId}
      rowName={(r) => r.RoleName}
      columns={columns}
      onDelete={deleteRoleAction}
      deleteDescription="The console detaches each role's managed policies and deletes its inline ones, then the role. Services and functions that use it (a rotation function's execution role) stop working. This can't be undone."
    />
  );
}
