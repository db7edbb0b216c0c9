"use client";

import * as React from "react";
import Link from "next/link";
import type { Loaded } from "@/components/actions/result";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, SearchBox, useClientList } from "./client-list";
import { ErrorAlert } from "./error-alert";
import { formatShortDateTime } from "./format";

export interface PickItem {
  name: string;
  href: string;
  created: string;
}

const match = (item: PickItem, needle: string) => item.name.toLowerCase().includes(needle);

/** A searchable checkbox list of users or groups, by name (add to group, add users). */
export function NamePicker({
  title,
  noun,
  items: loaded,
  selected,
  onChange,
  taken = [],
  takenLabel,
  empty,
}: {
  title: string;
  /** "group", "user": for the column header and messages. */
  noun: string;
  items: Loaded<PickItem[]>;
  selected: string[];
  onChange: (names: string[]) => void;
  /** Names that can't be picked (already members), shown checked. */
  taken?: string[];
  takenLabel?: string;
  empty?: React.ReactNode;
}) {
  const items = React.useMemo(() => (loaded.ok ? loaded.data : []), [loaded]);
  const list = useClientList(items, match, { pageSize: 100 });
  const chosen = new Set(selected);
  const already = new Set(taken);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <div className="overflow-hidden rounded-lg border">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b bg-muted/60 px-4 py-2.5">
        <h3 className="text-base font-bold">
          {title}{" "}
          <span className="font-normal text-muted-foreground">
            ({selected.length}/{items.length} selected)
          </span>
        </h3>
        <SearchBox
          value={list.query}
          onChange={list.setQuery}
          label={`Search ${noun}s`}
          className="relative w-72"
        />
      </div>
      <ErrorAlert error={loaded.ok ? undefined : loaded} className="m-4" />
      <div className="max-h-[28rem] overflow-y-auto">
        <Table aria-label={title}>
          <THead>
            <tr>
              <TH className="w-10 pr-0">
                <span className="sr-only">Select</span>
              </TH>
              <TH>{Noun} name</TH>
              <TH>Creation time (UTC)</TH>
            </tr>
          </THead>
          <TBody>
            {list.visible.map((item) => {
              const isTaken = already.has(item.name);
              const checked = isTaken || chosen.has(item.name);
              return (
                <TR key={item.name} className={cn(checked && "bg-accent hover:bg-accent")}>
                  <TD className="w-10 pr-0">
                    <Checkbox
                      aria-label={item.name}
                      checked={checked}
                      disabled={isTaken}
                      onCheckedChange={(on) =>
                        onChange(
                          on === true
                            ? [...selected, item.name]
                            : selected.filter((n) => n !== item.name),
                        )
                      }
                    />
                  </TD>
                  <TD className="font-bold break-all">
                    <Link href={item.href} target="_blank" className="text-link hover:underline">
                      {item.name}
                    </Link>
                    {isTaken && takenLabel ? (
                      <span className="ml-2 text-xs font-normal text-muted-foreground">
                        ({takenLabel})
                      </span>
                    ) : null}
                  </TD>
                  <TD className="whitespace-nowrap">{formatShortDateTime(item.created)}</TD>
                </TR>
              );
            })}
            {loaded.ok && list.visible.length === 0 ? (
              <EmptyRow
                colSpan={3}
                title={items.length === 0 ? `No ${noun}s` : "No matches"}
                body={items.length === 0 ? empty : `No ${noun} matches the search.`}
              />
            ) : null}
          </TBody>
        </Table>
      </div>
    </div>
  );
}
