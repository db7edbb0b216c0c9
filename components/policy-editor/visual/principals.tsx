"use client";
// "Principals" of trust and resource policies: who the block applies to — an AWS account, an IAM
// user or role, an AWS service, a federated provider, or everyone (with a warning).
import * as React from "react";
import { Plus, Trash2 } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import {
  PRINCIPAL_KINDS,
  namesEveryone,
  principalProblem,
  principalRows,
  rowsToPrincipal,
  setPrincipal,
  type PermissionBlock,
  type PrincipalKind,
  type PrincipalRow,
} from "../model";

export function PrincipalList({
  idPrefix,
  block,
  onChange,
  accountId,
}: {
  idPrefix: string;
  block: PermissionBlock;
  onChange: (change: (block: PermissionBlock) => PermissionBlock) => void;
  accountId?: string;
}) {
  const rows = principalRows(block.principal);
  const not = block.principal?.element === "NotPrincipal";
  const setRows = (next: PrincipalRow[]) =>
    onChange((b) =>
      setPrincipal(
        b,
        rowsToPrincipal(next, b.principal ?? { element: "Principal", wildcard: false, groups: [] }),
      ),
    );
  const update = (i: number, patch: Partial<PrincipalRow>) =>
    setRows(
      rows.map((r, j) =>
        j === i
          ? {
              ...r,
              ...patch,
              value: patch.kind === "everyone" ? "*" : (patch.value ?? (patch.kind ? "" : r.value)),
            }
          : r,
      ),
    );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-sm font-bold">
            {not ? "Principals not affected (NotPrincipal)" : "Principals"}
          </p>
          <p className="text-xs text-muted-foreground">
            {not
              ? "The block applies to everyone except these principals."
              : "Who the block applies to."}
          </p>
        </div>
        <Button
          size="sm"
          variant="normal"
          onClick={() => {
            // The new row takes the last row's kind, so it lands at the end of the list (rows
            // are grouped by type, as the JSON groups them).
            const kind = rows.at(-1)?.kind ?? "account";
            const value = kind === "everyone" ? "*" : kind === "account" ? (accountId ?? "") : "";
            setRows([
              ...rows,
              {
                kind: kind === "everyone" ? "account" : kind,
                value: kind === "everyone" ? (accountId ?? "") : value,
              },
            ]);
          }}
        >
          <Plus aria-hidden />
          Add principal
        </Button>
      </div>
      {namesEveryone(block.principal) && !not ? (
        <Alert type="warning" header="Everyone (*)">
          {block.effect === "Deny"
            ? "This block denies everyone, in every account, including anonymous callers."
            : "This block allows anyone, in any AWS account, including anonymous callers. Limit it with a condition such as aws:PrincipalAccount or aws:SourceArn, or name the principals."}
        </Alert>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-xs text-muted-foreground">No principals yet: choose Add principal.</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((row, i) => {
            const problem =
              row.value.trim() === "" && row.kind !== "everyone"
                ? undefined
                : principalProblem(row);
            const meta = PRINCIPAL_KINDS.find((k) => k.kind === row.kind)!;
            const id = `${idPrefix}-principal-${i}`;
            return (
              <li key={i} className="grid items-start gap-2 sm:grid-cols-[14rem_1fr_auto]">
                <Select
                  aria-label={`Principal ${i + 1} type`}
                  value={row.kind}
                  onValueChange={(v) => update(i, { kind: v as PrincipalKind })}
                  options={PRINCIPAL_KINDS.map((k) => ({ value: k.kind, label: k.label }))}
                />
                <div className="space-y-1">
                  <Input
                    id={id}
                    aria-label={`Principal ${i + 1}`}
                    value={row.value}
                    disabled={row.kind === "everyone"}
                    placeholder={meta.placeholder}
                    onChange={(e) => update(i, { value: e.target.value })}
                    aria-invalid={problem ? true : undefined}
                    aria-describedby={problem ? `${id}-error` : undefined}
                    className="font-mono"
                    spellCheck={false}
                  />
                  {problem ? <FieldError id={`${id}-error`}>{problem}</FieldError> : null}
                </div>
                <Button
                  variant="ghost"
                  size="md"
                  aria-label={`Remove principal ${i + 1}`}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  <Trash2 aria-hidden />
                  Remove
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
