"use client";
// "Permissions policies" with a checkbox per policy: pick managed policies to attach. Every policy
// is held in the browser (usePolicies), so the type filter and search narrow as you type.
import * as React from "react";
import Link from "next/link";
import { Loader2, RefreshCw } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, LoadingMore, Pager, SearchBox } from "./client-list";
import { ErrorAlert } from "./error-alert";
import { policyHref } from "./paths";
import { POLICY_TYPE_FILTERS, type PolicyTypeFilter, filterPolicies } from "./policies/filter";
import { usePolicies } from "./use-policies";

const PAGE_SIZE = 25;

export function PolicyPicker({
  selected,
  onChange,
  attached = [],
  max = 20,
  title = "Permissions policies",
}: {
  selected: string[];
  onChange: (arns: string[]) => void;
  /** Policies already attached: shown, not selectable. */
  attached?: string[];
  max?: number;
  title?: string;
}) {
  const policies = usePolicies();
  const [type, setType] = React.useState<PolicyTypeFilter>("all");
  const [search, setSearch] = React.useState("");
  const [page, setPage] = React.useState(0);
  const deferredSearch = React.useDeferredValue(search);
  const all = policies.data;
  const filtered = React.useMemo(
    () => (all ? filterPolicies(all, type, deferredSearch) : []),
    [all, type, deferredSearch],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);
  const chosen = new Set(selected);
  const already = new Set(attached);
  const full = selected.length + attached.length >= max;

  const toggle = (arn: string, on: boolean) =>
    onChange(on ? [...selected, arn] : selected.filter((a) => a !== arn));

  return (
    <div className="overflow-hidden rounded-lg border">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b bg-muted/60 px-4 py-2.5">
        <h3 className="text-base font-bold">
          {title}{" "}
          <span className="font-normal text-muted-foreground">
            ({selected.length}/{all ? all.length : "…"} selected)
          </span>
        </h3>
        <Button
          size="icon"
          variant="icon"
          aria-label="Refresh policies"
          onClick={() => policies.refetch()}
          disabled={policies.isFetching}
        >
          <RefreshCw className={cn(policies.isFetching && "animate-spin")} aria-hidden />
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-2 px-4 py-3">
        <Select
          aria-label="Filter: Policy type"
          className="w-56"
          value={type}
          onValueChange={(v) => {
            setType(v as PolicyTypeFilter);
            setPage(0);
          }}
          options={POLICY_TYPE_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
        />
        <SearchBox
          value={search}
          onChange={(v) => {
            setSearch(v);
            setPage(0);
          }}
          label="Search policies"
          placeholder="Search policies by name or description"
        />
        <div className="ml-auto flex items-center gap-3">
          <LoadingMore count={all?.length} loading={policies.isLoadingMore} />
          <span className="text-sm text-muted-foreground">
            {all && !policies.isLoadingMore ? `${filtered.length} matches` : null}
          </span>
          <Pager page={current} pages={pages} onPage={setPage} />
        </div>
      </div>
      {full ? (
        <p className="px-4 pb-2 text-xs text-muted-foreground">
          An identity can have at most {max} managed policies attached.
        </p>
      ) : null}
      <ErrorAlert error={policies.error ?? undefined} className="mx-4 mb-3" />
      <Table aria-label={title}>
        <THead>
          <tr>
            <TH className="w-10 pr-0">
              <span className="sr-only">Select</span>
            </TH>
            <TH>Policy name</TH>
            <TH>Type</TH>
            <TH>Attached entities</TH>
            <TH className="min-w-56">Description</TH>
          </tr>
        </THead>
        <TBody>
          {visible.map((p) => {
            const isAttached = already.has(p.Arn);
            const checked = isAttached || chosen.has(p.Arn);
            return (
              <TR key={p.Arn} className={cn(checked && "bg-accent hover:bg-accent")}>
                <TD className="w-10 pr-0">
                  <Checkbox
                    aria-label={p.PolicyName}
                    checked={checked}
                    disabled={isAttached || (!checked && full)}
                    onCheckedChange={(value) => toggle(p.Arn, value === true)}
                  />
                </TD>
                <TD className="font-bold break-all">
                  <Link
                    href={policyHref(p.Arn)}
                    prefetch={false}
                    target="_blank"
                    className="text-link hover:underline"
                  >
                    {p.PolicyName}
                  </Link>
                  {isAttached ? (
                    <Badge className="ml-2" tone="neutral">
                      Attached
                    </Badge>
                  ) : null}
                </TD>
                <TD className="whitespace-nowrap">{p.Type}</TD>
                <TD>{p.AttachmentCount}</TD>
                <TD className="max-w-md">
                  <span className="line-clamp-2 text-muted-foreground">{p.Description ?? "-"}</span>
                </TD>
              </TR>
            );
          })}
          {policies.isPending ? (
            <tr>
              <td colSpan={5} className="px-5 py-10 text-center text-muted-foreground">
                <span className="inline-flex items-center gap-2">
                  <Loader2 className="size-4 animate-spin" aria-hidden /> Loading policies
                </span>
              </td>
            </tr>
          ) : all && visible.length === 0 ? (
            <EmptyRow colSpan={5} title="No matches" body="No policy matches the filter." />
          ) : null}
        </TBody>
      </Table>
    </div>
  );
}
