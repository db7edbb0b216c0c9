// The secrets list's state lives in the URL: ?q=&key=&sort=&order=&size=&deleted=1&token=...
// `token` repeats: the NextTokens that led to the current page, so "Previous" pops one.
import type { ListSecretsInput } from "@/lib/ops/secretsmanager/list-secrets";

export const FILTER_KEYS = [
  { value: "all", label: "All" },
  { value: "name", label: "Name" },
  { value: "description", label: "Description" },
  { value: "tag-key", label: "Tag key" },
  { value: "tag-value", label: "Tag value" },
] as const;
export type FilterKeyOption = (typeof FILTER_KEYS)[number]["value"];

export const SORT_FIELDS = [
  "name",
  "last-accessed-date",
  "last-changed-date",
  "created-date",
] as const;
export type SortField = (typeof SORT_FIELDS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface ListQuery {
  q: string;
  key: FilterKeyOption;
  sort: SortField;
  order: "asc" | "desc";
  size: number;
  deleted: boolean;
  tokens: string[];
}

export const DEFAULT_QUERY: ListQuery = {
  q: "",
  key: "all",
  sort: "name",
  order: "asc",
  size: DEFAULT_PAGE_SIZE,
  deleted: false,
  tokens: [],
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: RawParams, name: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(name);
  const value = params[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const first = (params: RawParams, name: string) => all(params, name)[0];

export function parseListQuery(params: RawParams): ListQuery {
  const key = first(params, "key");
  const sort = first(params, "sort");
  const size = Number(first(params, "size"));
  return {
    q: (first(params, "q") ?? "").slice(0, 512),
    key: FILTER_KEYS.some((k) => k.value === key) ? (key as FilterKeyOption) : DEFAULT_QUERY.key,
    sort: SORT_FIELDS.includes(sort as SortField) ? (sort as SortField) : DEFAULT_QUERY.sort,
    order: first(params, "order") === "desc" ? "desc" : "asc",
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    deleted: first(params, "deleted") === "1",
    tokens: all(params, "token")
      .filter((t) => /^[A-Za-z0-9_=-]{1,4096}$/.test(t))
      .slice(0, 1000),
  };
}

/** The URL search string for a query; defaults are left out so URLs stay short. */
export function listQueryToSearch(query: ListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.key !== DEFAULT_QUERY.key) params.set("key", query.key);
  if (query.sort !== DEFAULT_QUERY.sort) params.set("sort", query.sort);
  if (query.order !== DEFAULT_QUERY.order) params.set("order", query.order);
  if (query.size !== DEFAULT_QUERY.size) params.set("size", String(query.size));
  if (query.deleted) params.set("deleted", "1");
  for (const token of query.tokens) params.append("token", token);
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Search words: plain text under the chosen filter key, as the AWS console sends it. */
export function toListSecretsInput(query: ListQuery): ListSecretsInput {
  const text = query.q.trim();
  return {
    MaxResults: query.size,
    NextToken: query.tokens[query.tokens.length - 1],
    Filters: text ? [{ Key: query.key, Values: [text] }] : undefined,
    SortBy: query.sort,
    SortOrder: query.order,
    IncludePlannedDeletion: query.deleted || undefined,
  };
}

export function listQueryKey(query: ListQuery) {
  return ["secrets", "list", query] as const;
}
