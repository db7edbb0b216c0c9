"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  ChevronLeft,
  ChevronRight,
  KeyRound,
  Loader2,
  RefreshCw,
  Search,
  X,
} from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Container, ContainerHeader } from "@/components/ui/container";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { StatusIndicator } from "@/components/ui/status";
import { Switch } from "@/components/ui/switch";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { listSecretsAction } from "./actions";
import { formatDateTime, formatShortDate, formatShortDateTime, secretHref } from "./format";
import {
  FILTER_KEYS,
  PAGE_SIZES,
  type FilterKeyOption,
  type ListQuery,
  type SortField,
  listQueryKey,
  listQueryToSearch,
  parseListQuery,
} from "./list-query";
import type { SecretListItem, SecretListPage } from "./types";

class ListError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const SEARCH_DELAY_MS = 350;

/**
 * The secrets list. The URL is the state (search, sort, page size, token stack); changes are
 * pushed to history without a server render and React Query fetches exactly one page through
 * the ListSecrets action, keeping the previous page on screen meanwhile.
 */
export function SecretsTable({
  initialQuery,
  initialPage,
  initialError,
}: {
  initialQuery: ListQuery;
  initialPage?: SecretListPage;
  initialError?: { code: string; message: string };
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = React.useMemo(() => parseListQuery(searchParams), [searchParams]);
  const isInitial = listQueryToSearch(query) === listQueryToSearch(initialQuery);

  const navigate = React.useCallback(
    (next: ListQuery, mode: "push" | "replace" = "push") => {
      const url = `${pathname}${listQueryToSearch(next)}`;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );

  const list = useQuery({
    queryKey: listQueryKey(query),
    queryFn: async () => {
      const result = await listSecretsAction(query);
      if (!result.ok) throw new ListError(result.code, result.message);
      return result.data;
    },
    initialData: isInitial ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });
  const error =
    list.error instanceof ListError
      ? { code: list.error.code, message: list.error.message }
      : list.error
        ? { code: "Error", message: list.error.message }
        : isInitial && !initialPage
          ? initialError
          : undefined;

  // The search box is typed into locally and sent after a pause.
  const [text, setText] = React.useState(query.q);
  const [lastQ, setLastQ] = React.useState(query.q);
  if (query.q !== lastQ) {
    setLastQ(query.q);
    setText(query.q);
  }
  React.useEffect(() => {
    if (text === query.q) return;
    const timer = setTimeout(
      () => navigate({ ...query, q: text, tokens: [] }, "replace"),
      SEARCH_DELAY_MS,
    );
    return () => clearTimeout(timer);
  }, [text, query, navigate]);

  const page = list.data;
  const rows = page?.SecretList ?? [];
  const pageNumber = query.tokens.length + 1;
  const searching = query.q.trim() !== "";

  const sortBy = (field: SortField) => {
    const order =
      query.sort === field
        ? query.order === "asc"
          ? "desc"
          : "asc"
        : field === "name"
          ? "asc"
          : "desc";
    navigate({ ...query, sort: field, order, tokens: [] });
  };

  return (
    <Container
      header={
        <ContainerHeader
          title="Secrets"
          description="Store, retrieve, and rotate credentials, API keys, and other secrets."
          actions={
            <>
              <Button
                variant="normal"
                size="icon"
                aria-label="Refresh"
                title="Refresh"
                onClick={() => list.refetch()}
                disabled={list.isFetching}
              >
                <RefreshCw className={cn(list.isFetching && "animate-spin")} aria-hidden />
              </Button>
              <Button asChild variant="primary">
                <Link href="/secrets/new">Store a new secret</Link>
              </Button>
            </>
          }
        />
      }
      bodyClassName="px-0 pb-0"
    >
      <div className="flex flex-wrap items-center gap-3 px-5 pb-2">
        <form
          role="search"
          className="flex min-w-[20rem] max-w-3xl flex-1 items-center gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            navigate({ ...query, q: text, tokens: [] });
          }}
        >
          <Select
            aria-label="Filter property"
            className="w-36 shrink-0"
            value={query.key}
            onValueChange={(value) =>
              navigate({ ...query, key: value as FilterKeyOption, tokens: [] })
            }
            options={FILTER_KEYS.map((k) => ({ value: k.value, label: k.label }))}
          />
          <div className="relative flex-1">
            <Search
              className="pointer-events-none absolute top-2 left-2.5 size-4 text-muted-foreground"
              aria-hidden
            />
            <Input
              type="search"
              aria-label="Filter secrets"
              placeholder={
                query.key === "all"
                  ? "Filter secrets by name, description, tag key, tag value"
                  : `Filter secrets by ${FILTER_KEYS.find((k) => k.value === query.key)?.label.toLowerCase()}`
              }
              value={text}
              onChange={(event) => setText(event.target.value)}
              className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
            />
            {text ? (
              <button
                type="button"
                aria-label="Clear filter"
                onClick={() => {
                  setText("");
                  navigate({ ...query, q: "", tokens: [] });
                }}
                className="absolute top-1.5 right-1.5 rounded-full p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
              >
                <X className="size-4" aria-hidden />
              </button>
            ) : null}
          </div>
        </form>
        <div className="ml-auto">
          <nav aria-label="Pagination" className="flex items-center gap-1">
            <Button
              variant="icon"
              size="icon"
              aria-label="Previous page"
              disabled={query.tokens.length === 0}
              onClick={() => navigate({ ...query, tokens: query.tokens.slice(0, -1) })}
            >
              <ChevronLeft aria-hidden />
            </Button>
            <span className="min-w-14 text-center text-sm" aria-live="polite">
              Page {pageNumber}
            </span>
            <Button
              variant="icon"
              size="icon"
              aria-label="Next page"
              disabled={!page?.NextToken || list.isPlaceholderData}
              onClick={() =>
                page?.NextToken && navigate({ ...query, tokens: [...query.tokens, page.NextToken] })
              }
            >
              <ChevronRight aria-hidden />
            </Button>
          </nav>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3 px-5 pb-3">
        <label className="flex items-center gap-2 text-sm">
          <Switch
            checked={query.deleted}
            onCheckedChange={(checked) => navigate({ ...query, deleted: checked, tokens: [] })}
          />
          Show secrets scheduled for deletion
        </label>
        <div className="ml-auto">
          <div className="flex items-center gap-2 text-sm">
            <span className="text-muted-foreground" aria-hidden>
              Page size
            </span>
            <Select
              aria-label="Page size"
              className="w-20"
              value={String(query.size)}
              onValueChange={(value) => navigate({ ...query, size: Number(value), tokens: [] })}
              options={PAGE_SIZES.map((n) => ({ value: String(n), label: String(n) }))}
            />
          </div>
        </div>
      </div>

      {error ? (
        <div className="px-5 pb-4">
          <Alert type="error" header={error.code}>
            {error.message}
          </Alert>
        </div>
      ) : null}

      <div className={cn("relative transition-opacity", list.isPlaceholderData && "opacity-60")}>
        {list.isFetching && list.isPlaceholderData ? (
          <Loader2
            className="absolute top-3 right-5 size-4 animate-spin text-muted-foreground"
            aria-label="Loading"
          />
        ) : null}
        <Table aria-label="Secrets" aria-busy={list.isFetching}>
          <THead>
            <tr>
              <SortableTH field="name" query={query} onSort={sortBy} className="min-w-48">
                Secret name
              </SortableTH>
              <TH className="min-w-36">Description</TH>
              <SortableTH field="last-accessed-date" query={query} onSort={sortBy}>
                Last retrieved (UTC)
              </SortableTH>
              <SortableTH field="last-changed-date" query={query} onSort={sortBy}>
                Last changed (UTC)
              </SortableTH>
              <SortableTH field="created-date" query={query} onSort={sortBy}>
                Created (UTC)
              </SortableTH>
              <TH>Rotation</TH>
              <TH>Tags</TH>
            </tr>
          </THead>
          <TBody>
            {rows.map((secret) => (
              <SecretRow key={secret.ARN} secret={secret} />
            ))}
            {rows.length === 0 && !error ? (
              <tr>
                <td colSpan={7} className="px-5 py-12 text-center">
                  {list.isPending ? (
                    <span className="inline-flex items-center gap-2 text-muted-foreground">
                      <Loader2 className="size-4 animate-spin" aria-hidden /> Loading secrets
                    </span>
                  ) : searching ? (
                    <EmptyState
                      title="No matches"
                      body="No secrets match the filter."
                      action={
                        <Button
                          onClick={() => {
                            setText("");
                            navigate({ ...query, q: "", tokens: [] });
                          }}
                        >
                          Clear filter
                        </Button>
                      }
                    />
                  ) : pageNumber > 1 ? (
                    <EmptyState title="No more secrets" body="This is the end of the list." />
                  ) : (
                    <EmptyState
                      title="No secrets"
                      body="You don't have any secrets yet."
                      action={
                        <Button asChild>
                          <Link href="/secrets/new">Store a new secret</Link>
                        </Button>
                      }
                    />
                  )}
                </td>
              </tr>
            ) : null}
          </TBody>
        </Table>
      </div>
    </Container>
  );
}

function SortableTH({
  field,
  query,
  onSort,
  children,
  className,
}: {
  field: SortField;
  query: ListQuery;
  onSort: (field: SortField) => void;
  children: React.ReactNode;
  className?: string;
}) {
  const active = query.sort === field;
  const Icon = !active ? ArrowUpDown : query.order === "asc" ? ArrowUp : ArrowDown;
  return (
    <TH
      className={className}
      aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : "none"}
    >
      <button
        type="button"
        onClick={() => onSort(field)}
        className="group inline-flex items-center gap-1 rounded-sm font-bold hover:text-link"
      >
        {children}
        <Icon
          className={cn(
            "size-3.5",
            active ? "text-foreground" : "text-muted-foreground/60 group-hover:text-link",
          )}
          aria-hidden
        />
      </button>
    </TH>
  );
}

function SecretRow({ secret }: { secret: SecretListItem }) {
  const shownTags = secret.Tags.slice(0, 2);
  return (
    <TR>
      <TD>
        <div className="flex flex-col items-start gap-1">
          {/* No prefetch: each would run DescribeSecret (and be audited) for every row shown. */}
          <Link
            href={secretHref(secret.Name)}
            prefetch={false}
            className="font-bold [overflow-wrap:anywhere] text-link hover:underline"
          >
            {secret.Name}
          </Link>
          {secret.DeletedDate ? <Badge tone="warning">Scheduled for deletion</Badge> : null}
        </div>
      </TD>
      <TD className="max-w-xs">
        <span className="line-clamp-2 break-words text-muted-foreground">
          {secret.Description || "-"}
        </span>
      </TD>
      <TD className="whitespace-nowrap">{formatShortDate(secret.LastAccessedDate)}</TD>
      <TD className="whitespace-nowrap">
        <time dateTime={secret.LastChangedDate} title={formatDateTime(secret.LastChangedDate)}>
          {formatShortDateTime(secret.LastChangedDate)}
        </time>
      </TD>
      <TD className="whitespace-nowrap">
        <time dateTime={secret.CreatedDate} title={formatDateTime(secret.CreatedDate)}>
          {formatShortDateTime(secret.CreatedDate)}
        </time>
      </TD>
      <TD className="whitespace-nowrap">
        {secret.RotationEnabled ? (
          <StatusIndicator type="success">Enabled</StatusIndicator>
        ) : (
          <StatusIndicator type="stopped">Disabled</StatusIndicator>
        )}
      </TD>
      <TD>
        {secret.Tags.length === 0 ? (
          <span className="text-muted-foreground">-</span>
        ) : (
          <div className="flex flex-wrap items-center gap-1">
            {shownTags.map((tag) => (
              <Badge key={tag.Key} className="max-w-44 font-normal">
                <span className="truncate">
                  <span className="font-bold">{tag.Key}</span>
                  {tag.Value ? `: ${tag.Value}` : ""}
                </span>
              </Badge>
            ))}
            {secret.Tags.length > shownTags.length ? (
              <Tooltip
                content={secret.Tags.slice(2)
                  .map((t) => (t.Value ? `${t.Key}: ${t.Value}` : t.Key))
                  .join(", ")}
              >
                <button type="button" className="text-xs font-bold text-link">
                  +{secret.Tags.length - shownTags.length} more
                </button>
              </Tooltip>
            ) : null}
          </div>
        )}
      </TD>
    </TR>
  );
}

function EmptyState({
  title,
  body,
  action,
}: {
  title: string;
  body: string;
  action?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center gap-2">
      <KeyRound className="size-6 text-muted-foreground" aria-hidden />
      <div className="font-bold">{title}</div>
      <p className="text-sm text-muted-foreground">{body}</p>
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
