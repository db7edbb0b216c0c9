"use client";
// Search and paging for lists the console holds in full (IAM's lists are small, policies are
// ~1,600): filtering in the browser makes the list narrow as you type.
import * as React from "react";
import { ChevronLeft, ChevronRight, Loader2, Search, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export function useClientList<T>(
  items: T[],
  match: (item: T, needle: string) => boolean,
  options: { pageSize?: number; initialQuery?: string } = {},
) {
  const pageSize = options.pageSize ?? 50;
  const [query, setQueryState] = React.useState(options.initialQuery ?? "");
  const [page, setPage] = React.useState(0);
  const deferred = React.useDeferredValue(query);
  const filtered = React.useMemo(() => {
    const needle = deferred.trim().toLowerCase();
    return needle ? items.filter((item) => match(item, needle)) : items;
  }, [items, deferred, match]);
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * pageSize, (current + 1) * pageSize);
  const setQuery = React.useCallback((q: string) => {
    setQueryState(q);
    setPage(0);
  }, []);
  return { query, setQuery, page: current, setPage, pages, filtered, visible };
}

export function SearchBox({
  value,
  onChange,
  label,
  placeholder,
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  className?: string;
}) {
  return (
    <div className={className ?? "relative min-w-[16rem] max-w-xl flex-1"}>
      <Search
        className="pointer-events-none absolute top-2 left-2.5 size-4 text-muted-foreground"
        aria-hidden
      />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="pr-8 pl-8 [&::-webkit-search-cancel-button]:hidden"
      />
      {value ? (
        <button
          type="button"
          aria-label="Clear search"
          onClick={() => onChange("")}
          className="absolute top-1.5 right-1.5 rounded-full p-0.5 text-muted-foreground hover:bg-muted hover:text-foreground"
        >
          <X className="size-4" aria-hidden />
        </button>
      ) : null}
    </div>
  );
}

export function Pager({
  page,
  pages,
  onPage,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
}) {
  return (
    <nav aria-label="Pagination" className="flex items-center gap-1">
      <Button
        variant="icon"
        size="icon"
        aria-label="Previous page"
        disabled={page === 0}
        onClick={() => onPage(page - 1)}
      >
        <ChevronLeft aria-hidden />
      </Button>
      <span className="min-w-16 text-center text-sm whitespace-nowrap" aria-live="polite">
        {page + 1} of {pages}
      </span>
      <Button
        variant="icon"
        size="icon"
        aria-label="Next page"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        <ChevronRight aria-hidden />
      </Button>
    </nav>
  );
}

/** A centred message for an empty table body. */
export function EmptyRow({
  colSpan,
  title,
  body,
  action,
}: {
  colSpan: number;
  title: string;
  body?: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <tr>
      <td colSpan={colSpan} className="px-5 py-10 text-center">
        <div className="flex flex-col items-center gap-1.5">
          <div className="font-bold">{title}</div>
          {body ? <p className="text-sm text-muted-foreground">{body}</p> : null}
          {action ? <div className="mt-2">{action}</div> : null}
        </div>
      </td>
    </tr>
  );
}

/** "Loading policies (800 so far)" while a list arrives page by page. */
export function LoadingMore({ count, loading }: { count?: number; loading: boolean }) {
  if (!loading || count === undefined) return null;
  return (
    <span
      className="inline-flex items-center gap-1.5 text-sm whitespace-nowrap text-muted-foreground"
      role="status"
    >
      <Loader2 className="size-4 animate-spin" aria-hidden />
      Loading policies ({count.toLocaleString("en-US")} so far)
    </span>
  );
}
