"use client";
// The Permissions tab of a user, group or role: managed policies (attached directly or, for users,
// through groups) and inline policies. Each row opens with the arrow on its left to show its JSON.
import * as React from "react";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, Loader2, Plus } from "lucide-react";
import type { Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import { DisabledReason } from "@/components/ui/disabled-reason";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { deleteInlinePolicyAction, detachPolicyAction } from "./actions";
import { EmptyRow, SearchBox } from "./client-list";
import { ConfirmDialog } from "./confirm-dialog";
import { ErrorAlert } from "./error-alert";
import { groupHref, isAwsManaged, policyHref } from "./paths";
import { PolicyDocumentView } from "./policy-document";
import { getPolicyDocumentAction } from "./policies/actions";
import { ActionFailure, useAdjustAttachmentCounts } from "./use-policies";
import type { AttachedPolicyView, EntityKind, Hints, InlinePolicyView } from "./types";

export type PermissionHint = "attach" | "detach" | "putInline" | "deleteInline";

type Row =
  | { type: "managed"; name: string; arn: string; group?: string }
  | { type: "inline"; name: string; document: string; group?: string };

const TYPE_LABEL = (row: Row) =>
  row.type === "inline"
    ? "Customer inline"
    : isAwsManaged(row.arn)
      ? "AWS managed"
      : "Customer managed";

export function PermissionsPanel({
  kind,
  entityName,
  attached,
  inline,
  hints,
  attachHref,
  inlineHref,
}: {
  kind: EntityKind;
  entityName: string;
  attached: Loaded<AttachedPolicyView[]>;
  inline: Loaded<InlinePolicyView[]>;
  hints: Hints<PermissionHint>;
  attachHref: string;
  /** The inline policy editor: a policy's name to edit it, none to create one. */
  inlineHref: (policyName?: string) => string;
}) {
  const [query, setQuery] = React.useState("");
  const [removing, setRemoving] = React.useState<Row>();
  const adjustCounts = useAdjustAttachmentCounts();
  const rows: Row[] = [
    ...(attached.ok
      ? attached.data.map((p): Row => ({
          type: "managed",
          name: p.PolicyName,
          arn: p.PolicyArn,
          group: p.Group,
        }))
      : []),
    ...(inline.ok
      ? inline.data.map((p): Row => ({
          type: "inline",
          name: p.PolicyName,
          document: p.PolicyDocument,
          group: p.Group,
        }))
      : []),
  ];
  const needle = query.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => r.name.toLowerCase().includes(needle)) : rows;
  const removeLabel = "Remove";

  return (
    <Container
      header={
        <ContainerHeader
          title="Permissions policies"
          counter={rows.length}
          description={
            kind === "user"
              ? "Permissions are defined by policies attached to the user directly or through groups."
              : kind === "group"
                ? "Every user in the group gets these permissions. You can attach up to 20 managed policies."
                : "The role's permissions: what anyone who assumes it may do. You can attach up to 20 managed policies."
          }
          actions={
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="primary">
                  <Plus aria-hidden />
                  Add permissions
                  <ChevronDown aria-hidden />
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent>
                <DropdownMenuItem asChild disabled={!!hints.attach}>
                  <Link href={attachHref}>Attach policies</Link>
                </DropdownMenuItem>
                <DropdownMenuItem asChild disabled={!!hints.putInline}>
                  <Link href={inlineHref()}>Create inline policy</Link>
                </DropdownMenuItem>
                {hints.attach || hints.putInline ? (
                  <p className="px-3 py-1.5 text-xs text-muted-foreground">
                    {[hints.attach, hints.putInline].filter(Boolean).join(". ")}
                  </p>
                ) : null}
              </DropdownMenuContent>
            </DropdownMenu>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="px-5 pb-3">
        <SearchBox value={query} onChange={setQuery} label="Search policies" />
      </div>
      {!attached.ok || !inline.ok ? (
        <div className="space-y-2 px-5 pb-4">
          <ErrorAlert error={!attached.ok ? attached : undefined} />
          <ErrorAlert error={!inline.ok ? inline : undefined} />
        </div>
      ) : null}
      <Table aria-label="Permissions policies">
        <THead>
          <tr>
            <TH className="w-10 pr-0">
              <span className="sr-only">Expand</span>
            </TH>
            <TH>Policy name</TH>
            <TH>Type</TH>
            <TH>Attached via</TH>
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          </tr>
        </THead>
        <TBody>
          {shown.map((row) => (
            <PolicyRow
              key={`${row.type}-${row.group ?? ""}-${row.name}`}
              row={row}
              hints={hints}
              inlineHref={inlineHref}
              removeLabel={removeLabel}
              onRemove={() => setRemoving(row)}
            />
          ))}
          {shown.length === 0 ? (
            <EmptyRow
              colSpan={5}
              title={rows.length === 0 ? "No permissions policies" : "No matches"}
              body={
                rows.length === 0
                  ? "Nothing is attached yet: this identity has no permissions."
                  : "No policy matches the search."
              }
            />
          ) : null}
        </TBody>
      </Table>
      <ConfirmDialog
        open={!!removing}
        onOpenChange={(open) => !open && setRemoving(undefined)}
        title={`Remove ${removing?.name ?? ""}?`}
        description={
          removing?.type === "inline"
            ? "The inline policy is deleted permanently."
            : "The policy is detached; it stays available to attach again."
        }
        confirmLabel="Remove policy"
        onConfirm={async () => {
          const target = removing!;
          const result =
            target.type === "inline"
              ? await deleteInlinePolicyAction(kind, entityName, target.name)
              : await detachPolicyAction(kind, entityName, target.arn);
          if (result.ok && target.type === "managed") adjustCounts({ [target.arn]: -1 });
          return result;
        }}
      >
        <p className="text-sm">
          {kind === "user" ? "The user" : kind === "group" ? "Every user in the group" : "The role"}{" "}
          loses the permissions this policy grants, immediately.
        </p>
      </ConfirmDialog>
    </Container>
  );
}

function PolicyRow({
  row,
  hints,
  inlineHref,
  removeLabel,
  onRemove,
}: {
  row: Row;
  hints: Hints<PermissionHint>;
  inlineHref: (policyName?: string) => string;
  removeLabel: string;
  onRemove: () => void;
}) {
  const [open, setOpen] = React.useState(false);
  const panel = React.useId();
  const direct = !row.group;
  const removeHint = row.type === "inline" ? hints.deleteInline : hints.detach;
  return (
    <>
      <TR className={cn(open && "border-b-0 bg-muted/40")}>
        <TD className="w-10 pr-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panel}
            aria-label={`Expand ${row.name}`}
            onClick={() => setOpen((o) => !o)}
            className="rounded-md p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            {open ? (
              <ChevronDown className="size-4" aria-hidden />
            ) : (
              <ChevronRight className="size-4" aria-hidden />
            )}
          </button>
        </TD>
        <TD className="font-bold break-all">
          {row.type === "managed" ? (
            <Link href={policyHref(row.arn)} prefetch={false} className="text-link hover:underline">
              {row.name}
            </Link>
          ) : (
            row.name
          )}
        </TD>
        <TD className="whitespace-nowrap">{TYPE_LABEL(row)}</TD>
        <TD className="whitespace-nowrap">
          {row.group ? (
            <>
              Group{" "}
              <Link href={groupHref(row.group)} className="font-bold text-link hover:underline">
                {row.group}
              </Link>
            </>
          ) : (
            "Directly"
          )}
        </TD>
        <TD className="text-right whitespace-nowrap">
          {direct ? (
            <DisabledReason reason={removeHint}>
              <Button size="sm" onClick={onRemove} aria-label={`${removeLabel} ${row.name}`}>
                {removeLabel}
              </Button>
            </DisabledReason>
          ) : null}
        </TD>
      </TR>
      {open ? (
        <tr id={panel} className="border-b border-border/70 bg-muted/40">
          <td colSpan={5} className="px-5 pt-1 pb-4">
            {/* w-0 min-w-full: the document's long lines scroll inside it, not widen the table. */}
            {row.type === "inline" ? (
              <div className="w-0 min-w-full space-y-2">
                {direct ? (
                  <div className="flex justify-end">
                    <DisabledReason reason={hints.putInline}>
                      <Button size="sm" asChild={!hints.putInline}>
                        {hints.putInline ? (
                          "Edit policy"
                        ) : (
                          <Link href={inlineHref(row.name)}>Edit policy</Link>
                        )}
                      </Button>
                    </DisabledReason>
                  </div>
                ) : null}
                <PolicyDocumentView document={row.document} label={row.name} />
              </div>
            ) : (
              <div className="w-0 min-w-full">
                <ManagedDocument arn={row.arn} name={row.name} />
              </div>
            )}
          </td>
        </tr>
      ) : null}
    </>
  );
}

function ManagedDocument({ arn, name }: { arn: string; name: string }) {
  const doc = useQuery<string, ActionFailure>({
    queryKey: ["iam", "policy-document", arn],
    queryFn: async () => {
      const result = await getPolicyDocumentAction(arn);
      if (!result.ok) throw new ActionFailure(result.code, result.message);
      return result.data;
    },
    staleTime: 60_000,
  });
  if (doc.isPending) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" aria-hidden /> Loading the policy
      </p>
    );
  }
  if (doc.error) return <ErrorAlert error={doc.error} />;
  return <PolicyDocumentView document={doc.data} label={name} />;
}
