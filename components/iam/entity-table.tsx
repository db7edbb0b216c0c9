"use client";
// The list pages of IAM's users, user groups and roles, as AWS's console lays them out: a
// container with the count and "Create ...", a search box that narrows the list as you type,
// paging, a checkbox a row, and "Delete" for the rows selected. Each list gives its columns.
import * as React from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult, Loaded } from "@/components/actions/result";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, Pager, SearchBox, useClientList } from "./client-list";
import { ConfirmDialog } from "./confirm-dialog";
import { ErrorAlert } from "./error-alert";
import { formatDateTime, formatShortDateTime } from "./format";
import { useInvalidatePolicies } from "./use-policies";

export interface EntityColumn<T> {
  header: string;
  cell: (item: T) => React.ReactNode;
  className?: string;
  /** For cells that show an age ("3 days ago"), which the server and browser may word apart. */
  relative?: boolean;
}

/** The bold name that links to the entity's page (first column of every list). */
export function NameCell({
  name,
  href,
  children,
}: {
  name: string;
  href: string;
  children?: React.ReactNode;
}) {
  return (
    <>
      <Link href={href} className="text-link hover:underline">
        {name}
      </Link>
      {children}
    </>
  );
}

/** A timestamp in short UTC form with the full one on hover. */
export function TimeCell({ value }: { value: string }) {
  return (
    <time dateTime={value} title={formatDateTime(value)}>
      {formatShortDateTime(value)}
    </time>
  );
}

/** The selection with one row's checkbox changed. */
export function toggled(selected: Set<string>, name: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(name);
  else next.delete(name);
  return next;
}

/** "-" where the console could not learn a value. */
export function Missing() {
  return <span className="text-muted-foreground">-</span>;
}

export function EntityTable<T>({
  items: loaded,
  title,
  description,
  noun,
  plural = `${noun}s`,
  createHref,
  createLabel,
  emptyTitle,
  emptyBody,
  match,
  rowKey,
  rowName,
  columns,
  onDelete,
  deleteDescription,
}: {
  items: Loaded<T[]>;
  /** The container's title and the table's accessible name ("Users", "User groups", "Roles"). */
  title: string;
  description: string;
  /** "user", "group", "role": for "Search users", "No user matches the search.", toasts. */
  noun: string;
  plural?: string;
  createHref: string;
  createLabel: string;
  emptyTitle: string;
  emptyBody: string;
  match: (item: T, needle: string) => boolean;
  rowKey: (item: T) => string;
  /** The entity's name: the row checkbox's label and what Delete is given. */
  rowName: (item: T) => string;
  columns: EntityColumn<T>[];
  /** Deletes one entity (the console's delete, which first removes what IAM requires). */
  onDelete: (name: string) => Promise<ActionResult<null>>;
  deleteDescription: string;
}) {
  const router = useRouter();
  const invalidatePolicies = useInvalidatePolicies();
  const items = React.useMemo(() => (loaded.ok ? loaded.data : []), [loaded]);
  const list = useClientList(items, match);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [deleting, setDeleting] = React.useState(false);
  // Only names still listed count (a refresh drops the ones deleted elsewhere).
  const names = items.map(rowName).filter((n) => selected.has(n));
  const colSpan = columns.length + 1;
  return (
    <Container
      header={
        <ContainerHeader
          title={title}
          counter={loaded.ok ? items.length : undefined}
          description={description}
          actions={
            <>
              <Button disabled={names.length === 0} onClick={() => setDeleting(true)}>
                Delete
              </Button>
              <Button asChild variant="primary">
                <Link href={createHref}>{createLabel}</Link>
              </Button>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
        <SearchBox value={list.query} onChange={list.setQuery} label={`Search ${plural}`} />
        <div className="ml-auto">
          <Pager page={list.page} pages={list.pages} onPage={list.setPage} />
        </div>
      </div>
      <ErrorAlert error={loaded.ok ? undefined : loaded} className="mx-5 mb-4" />
      <Table aria-label={title}>
        <THead>
          <tr>
            <TH className="w-10 pr-0">
              <span className="sr-only">Select</span>
            </TH>
            {columns.map((c) => (
              <TH key={c.header}>{c.header}</TH>
            ))}
          </tr>
        </THead>
        <TBody>
          {list.visible.map((item) => {
            const name = rowName(item);
            return (
              <TR key={rowKey(item)}>
                <TD className="w-10 pr-0">
                  <Checkbox
                    aria-label={name}
                    checked={selected.has(name)}
                    onCheckedChange={(on) => setSelected(toggled(selected, name, on === true))}
                  />
                </TD>
                {columns.map((c, i) => (
                  <TD
                    key={c.header}
                    className={cn(i === 0 && "font-bold break-all", c.className)}
                    suppressHydrationWarning={c.relative}
                  >
                    {c.cell(item)}
                  </TD>
                ))}
              </TR>
            );
          })}
          {loaded.ok && list.visible.length === 0 ? (
            items.length === 0 ? (
              <EmptyRow
                colSpan={colSpan}
                title={emptyTitle}
                body={emptyBody}
                action={
                  <Button asChild>
                    <Link href={createHref}>{createLabel}</Link>
                  </Button>
                }
              />
            ) : (
              <EmptyRow
                colSpan={colSpan}
                title="No matches"
                body={`No ${noun} matches the search.`}
              />
            )
          ) : null}
        </TBody>
      </Table>
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={names.length === 1 ? `Delete ${names[0]}?` : `Delete ${names.length} ${plural}?`}
        confirmLabel="Delete"
        confirmText="delete"
        onConfirm={async () => {
          // One by one, as the console does; the first refusal stops the rest, in AWS's words.
          for (const name of names) {
            const result = await onDelete(name);
            if (!result.ok) {
              if (name !== names[0]) router.refresh();
              setSelected(new Set(names.slice(names.indexOf(name))));
              return { ...result, message: `${name}: ${result.message}` };
            }
          }
          return { ok: true, data: null };
        }}
        onDone={() => {
          void invalidatePolicies();
          toast.success(`Deleted ${names.join(", ")}.`);
          setSelected(new Set());
          router.refresh();
        }}
      >
        <div className="space-y-2 text-sm">
          <p>{deleteDescription}</p>
          <ul className="list-disc space-y-1 pl-5 font-bold break-all">
            {names.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </div>
      </ConfirmDialog>
    </Container>
  );
}
