// The audit log's filters as URL state: parsed from the query string (what the page and the
// export both read), and turned into LookupEvents input. Pure: used on both sides.
export const RANGES = [
  { value: "all", label: "Any time" },
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "custom", label: "Custom range" },
] as const;

export type Range = (typeof RANGES)[number]["value"];
export type Decision = "" | "allowed" | "denied" | "error";

export interface AuditQuery {
  range: Range;
  /** Custom range bounds, as datetime-local text in UTC ("2026-11-30T02:58"). */
  start: string;
  end: string;
  principal: string;
  action: string;
  resource: string;
  decision: Decision;
  errorCode: string;
  /** NextTokens of the pages before this one (Previous pops one). */
  tokens: string[];
}

export const EMPTY_QUERY: AuditQuery = {
  range: "all",
  start: "",
  end: "",
  principal: "",
  action: "",
  resource: "",
  decision: "",
  errorCode: "",
  tokens: [],
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function get(params: Params, key: string): string {
  if (params instanceof URLSearchParams) return params.get(key) ?? "";
  const value = params[key];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function getAll(params: Params, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return Array.isArray(value) ? value : value ? [value] : [];
}

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export function parseAuditQuery(params: Params): AuditQuery {
  const range = get(params, "range");
  const decision = get(params, "decision");
  const text = (key: string, max = 2048) => get(params, key).trim().slice(0, max);
  return {
    range: RANGES.some((r) => r.value === range) ? (range as Range) : "all",
    start: LOCAL.test(get(params, "start")) ? get(params, "start") : "",
    end: LOCAL.test(get(params, "end")) ? get(params, "end") : "",
    principal: text("principal"),
    action: text("action", 256),
    resource: text("resource"),
    decision: ["allowed", "denied", "error"].includes(decision) ? (decision as Decision) : "",
    errorCode: text("errorCode", 128),
    tokens: getAll(params, "token")
      .filter((t) => /^[\w-]{1,512}$/.test(t))
      .slice(0, 100),
  };
}

export function auditQueryToSearch(query: AuditQuery, options: { tokens?: boolean } = {}): string {
  const params = new URLSearchParams();
  if (query.range !== "all") params.set("range", query.range);
  if (query.range === "custom") {
    if (query.start) params.set("start", query.start);
    if (query.end) params.set("end", query.end);
  }
  for (const key of ["principal", "action", "resource", "decision", "errorCode"] as const) {
    if (query[key]) params.set(key, query[key]);
  }
  if (options.tokens !== false) for (const token of query.tokens) params.append("token", token);
  const text = params.toString();
  return text ? `?${text}` : "";
}

const HOUR = 3600_000;
const RELATIVE: Partial<Record<Range, number>> = {
  "1h": HOUR,
  "24h": 24 * HOUR,
  "7d": 7 * 24 * HOUR,
  "30d": 30 * 24 * HOUR,
};

/** LookupEvents' filters (without paging) for a query, relative ranges counted from `now`. */
export function toLookupFilters(query: AuditQuery, now = new Date()) {
  const relative = RELATIVE[query.range];
  const utc = (local: string) => (local ? new Date(`${local}Z`) : undefined);
  return {
    StartTime: relative
      ? new Date(now.getTime() - relative)
      : query.range === "custom"
        ? utc(query.start)
        : undefined,
    EndTime: query.range === "custom" ? utc(query.end) : undefined,
    PrincipalArn: query.principal || undefined,
    Action: query.action || undefined,
    Resource: query.resource || undefined,
    Decision: query.decision || undefined,
    ErrorCode: query.errorCode || undefined,
  };
}
