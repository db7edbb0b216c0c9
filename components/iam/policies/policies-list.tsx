"use client";
// The Policies page: every policy, "Filter: Policy type" and a Search box that narrows the list as
// you type (the whole list is in the browser), with the type and search kept in the URL.
import * as React from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Loader2, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { EmptyRow, LoadingMore, Pager, SearchBox } from "../client-list";
import { ErrorAlert } from "../error-alert";
import { policyHref } from "../paths";
import { usePolicies } from "../use-policies";
import {
  POLICY_TYPE_FILTERS,
  type PolicyTypeFilter,
  filterPolicies,
  parsePolicyTypeFilter,
  usedAs,
} from "./filter";

const PAGE_SIZE = 50;

export function PoliciesList() {
  const pathname = usePathname();
  const params = useSearchParams();
  const policies = usePolicies();
  const [type, setType] = React.useState<PolicyTypeFilter>(() =>
    parsePolicyTypeFilter(params.get("type")),
  );
  const [search, setSearch] = React.useState(() => params.get("q") ?? "");
  const [page, setPage] = React.useState(0);
  const deferred = React.useDeferredValue(search);

  // The URL follows the filter (replaceState: no history entry per keystroke, no server render).
  React.useEffect(() => {
    const next = new URLSearchParams();
    if (type !== "all") next.set("type", type);
    if (search) next.set("q", search);
    const query = next.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  }, [type, search, pathname]);

  const all = policies.data;
  const filtered = React.useMemo(
    () => (all ? filterPolicies(all, type, deferred) : []),
    [all, type, deferred],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  return (
    <Container
      header={
        <ContainerHeader
          title="Policies"
          counter={all ? filtered.length.toLocaleString("en-US") : undefined}
          description="A policy is an object that defines permissions when it is attached to a user, group or role."
          actions={
            <>
              <Button
                size="icon"
                aria-label="Refresh"
                title="Refresh"
                onClick={() => policies.refetch()}
                disabled={policies.isFetching}
              >
                <RefreshCw className={cn(policies.isFetching && "animate-spin")} aria-hidden />
              </Button>
              <Button asChild variant="primary">
                <Link href="/iam/policies/create">Create policy</Link>
              </Button>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-2 px-5 pb-3">
        <Select
          aria-label="Filter: Policy type"
          className="w-64"
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
          label="Search"
          placeholder="Search policies by name or description"
        />
        <div className="ml-auto flex items-center gap-3">
          <LoadingMore count={all?.length} loading={policies.isLoadingMore} />
          <Pager page={current} pages={pages} onPage={setPage} />
        </div>
      </div>
      <ErrorAlert error={policies.error ?? undefined} className="mx-5 mb-4" />
      <Table aria-label="Policies" aria-busy={policies.isFetching}>
        <THead>
          <tr>
            <TH className="min-w-56">Policy name</TH>
            <TH>Type</TH>
            <TH>Used as</TH>
            <TH className="min-w-72">Description</TH>
          </tr>
        </THead>
        <TBody>
          {visible.map((p) => (
            <TR key={p.Arn}>
              <TD className="font-bold break-all">
                <Link href={policyHref(p.Arn)} className="text-link hover:underline">
                  {p.PolicyName}
                </Link>
              </TD>
              <TD className="whitespace-nowrap">{p.Type}</TD>
              <TD className="whitespace-nowrap">{usedAs(p)}</TD>
              <TD className="max-w-xl">
                <span className="line-clamp-2 text-muted-foreground">{p.Description ?? "-"}</span>
              </TD>
            </TR>
          ))}
          {policies.isPending ? (
            <tr>
              <td colSpan={4} className="px-5 py-12 text-center text-muted-foreground">
                <span className="inline-flex items-center gap-2">
                  <Loader2 className="size-4 animate-spin" aria-hidden /> Loading policies
                </span>
              </td>
            </tr>
          ) : all && visible.length === 0 ? (
            <EmptyRow
              colSpan={4}
              title="No matches"
              body="No policy matches the filter."
              action={
                <Button
                  onClick={() => {
                    setSearch("");
                    setType("all");
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : null}
        </TBody>
      </Table>
    </Container>
  );
}
