import { InvalidNextToken, InvalidParameter, ValidationError } from "../../errors";
import type { Prisma } from "../../db/client";
import { defineOperation } from "../operation";
import type { Runtime } from "../runtime";
import { describeShape, secretSelect, versionIdsToStages } from "./secrets";
import { decodeToken, encodeToken } from "./paging";
import { searchWords } from "./words";
import { optionalBoolean, optionalInteger, optionalString } from "./validate";

export type FilterKey =
  "description" | "name" | "tag-key" | "tag-value" | "primary-region" | "owning-service" | "all";

export interface ListSecretsInput {
  MaxResults?: number;
  NextToken?: string;
  Filters?: { Key: FilterKey; Values: string[] }[];
  SortOrder?: "asc" | "desc";
  /** Newer AWS field: what to sort by (default created-date). */
  SortBy?: "created-date" | "last-accessed-date" | "last-changed-date" | "name";
  IncludePlannedDeletion?: boolean;
}

export type SecretListEntry = ReturnType<typeof describeShape> & {
  SecretVersionsToStages?: Record<string, string[]>;
};

export interface ListSecretsOutput {
  SecretList: SecretListEntry[];
  NextToken?: string;
}

const FILTER_KEYS = new Set<string>([
  "description",
  "name",
  "tag-key",
  "tag-value",
  "primary-region",
  "owning-service",
  "all",
]);
const FILTER_VALUE = /^!?[a-zA-Z0-9 :_@/+=.\-!]*$/;
const SORT_FIELDS = {
  "created-date": "createdDate",
  "last-changed-date": "lastChangedDate",
  "last-accessed-date": "lastAccessedDate",
  name: "name",
} as const;

type Where = Prisma.SecretWhereInput;
type StringFilter = Prisma.StringFilter;

/** A case-sensitive prefix match that both databases answer from an index. */
function prefix(rt: Pick<Runtime, "provider">, value: string): StringFilter {
  // SQLite's LIKE ignores ASCII case, so SQLite gets a binary range; PostgreSQL's LIKE is exact.
  return rt.provider === "sqlite" ? { gte: value, lt: `${value}\uffff` } : { startsWith: value };
}

function wordMatch(rt: Pick<Runtime, "provider">, fields: string[], word: string): Where {
  return { words: { some: { field: { in: fields }, word: prefix(rt, word) } } };
}

function filterClause(rt: Pick<Runtime, "provider">, key: FilterKey, value: string): Where {
  switch (key) {
    case "name":
      return { name: prefix(rt, value) };
    case "tag-key":
      return { tags: { some: { key: prefix(rt, value) } } };
    case "tag-value":
      return { tags: { some: { value: prefix(rt, value) } } };
    case "primary-region":
      return { primaryRegion: prefix(rt, value) };
    case "owning-service":
      return { owningService: prefix(rt, value) };
    case "description": {
      const words = searchWords(value);
      return { AND: words.map((w) => wordMatch(rt, ["d"], w)) };
    }
    case "all": {
      const words = searchWords(value);
      return { OR: words.map((w) => wordMatch(rt, ["n", "d", "k", "v"], w)) };
    }
  }
}

export function filtersWhere(
  rt: Pick<Runtime, "provider">,
  filters: ListSecretsInput["Filters"],
): Where[] {
  if (filters === undefined || filters === null) return [];
  if (!Array.isArray(filters)) {
    throw InvalidParameter(
      `Invalid type for parameter Filters, value: ${String(filters)}`,
      "Filters",
    );
  }
  if (filters.length > 10) {
    throw ValidationError(
      `1 validation error detected: Value at 'filters' failed to satisfy constraint: Member must have length less than or equal to 10`,
      "Filters",
    );
  }
  // Shape constraints answer as AWS's front end does: ValidationException, AWS's wording.
  return filters.map((filter, i) => {
    const at = `filters.${i + 1}.member`;
    if (!filter || !FILTER_KEYS.has(filter.Key)) {
      throw ValidationError(
        `1 validation error detected: Value '${String(filter?.Key)}' at '${at}.key' failed to satisfy constraint: Member must satisfy enum value set: [${[...FILTER_KEYS].join(", ")}]`,
        "Filters",
      );
    }
    const values = filter.Values;
    if (!Array.isArray(values) || values.length < 1 || values.length > 10) {
      throw ValidationError(
        `1 validation error detected: Value '${JSON.stringify(values ?? null)}' at '${at}.values' failed to satisfy constraint: Member must have length between 1 and 10`,
        "Filters",
      );
    }
    const clauses = values.map((raw) => {
      if (typeof raw !== "string" || raw.length > 512 || !FILTER_VALUE.test(raw)) {
        throw ValidationError(
          `1 validation error detected: Value '${String(raw)}' at '${at}.values' failed to satisfy constraint: Member must have length less than or equal to 512 and satisfy regular expression pattern: ^\\!?[a-zA-Z0-9 :_@\\/\\+\\=\\.\\-\\!]*$`,
          "Filters",
        );
      }
      const negated = raw.startsWith("!");
      const clause = filterClause(rt, filter.Key, negated ? raw.slice(1) : raw);
      return negated ? { NOT: clause } : clause;
    });
    return clauses.length === 1 ? clauses[0] : { OR: clauses };
  });
}

interface Cursor {
  /** Sort value of the last row (ISO date or name), or the offset for last-accessed-date. */
  v?: string | null;
  i?: string;
  o?: number;
}

/** One page of secrets for a ListSecrets-shaped query (authorization is the caller's). */
export async function listSecretsPage(rt: Runtime, input: ListSecretsInput) {
  const raw = (input ?? {}) as unknown as Record<string, unknown>;
  const max = optionalInteger(raw, "MaxResults", { min: 1, max: 100 }) ?? 100;
  const token = optionalString(raw, "NextToken", { min: 1, max: 4096 });
  const includeDeleted = optionalBoolean(raw, "IncludePlannedDeletion") ?? false;
  const order = input?.SortOrder ?? "asc";
  if (order !== "asc" && order !== "desc") {
    throw ValidationError(
      `1 validation error detected: Value '${String(order)}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]`,
      "SortOrder",
    );
  }
  const sortBy = input?.SortBy ?? "created-date";
  const field = Object.hasOwn(SORT_FIELDS, sortBy) ? SORT_FIELDS[sortBy] : undefined;
  if (!field) {
    throw ValidationError(
      `1 validation error detected: Value '${String(sortBy)}' at 'sortBy' failed to satisfy constraint: Member must satisfy enum value set: [created-date, last-accessed-date, last-changed-date, name]`,
      "SortBy",
    );
  }
  const where: Where[] = filtersWhere(rt, input?.Filters);
  if (!includeDeleted) where.push({ deletedDate: null });
  const cursor = token ? decodeToken<Cursor>(token) : undefined;
  if (token && (!cursor || typeof cursor !== "object")) {
    throw InvalidNextToken("The NextToken value is invalid.");
  }
  let skip = 0;
  if (cursor && field === "lastAccessedDate") {
    skip = typeof cursor.o === "number" && cursor.o > 0 ? cursor.o : 0;
  } else if (cursor) {
    if (typeof cursor.v !== "string" || typeof cursor.i !== "string") {
      throw InvalidNextToken("The NextToken value is invalid.");
    }
    const value = field === "name" ? cursor.v : new Date(cursor.v);
    const cmp = order === "asc" ? "gt" : "lt";
    where.push({
      OR: [{ [field]: { [cmp]: value } }, { [field]: value, id: { [cmp]: cursor.i } }],
    });
  }

  const rows = await rt.db.secret.findMany({
    where: { AND: where },
    orderBy:
      field === "lastAccessedDate"
        ? [{ lastAccessedDate: { sort: order, nulls: "last" } }, { id: order }]
        : [{ [field]: order }, { id: order }],
    skip,
    take: max + 1,
    select: secretSelect,
  });
  const page = rows.slice(0, max);
  const last = page[page.length - 1];
  let nextToken: string | undefined;
  if (rows.length > max && last) {
    nextToken =
      field === "lastAccessedDate"
        ? encodeToken({ o: skip + max })
        : encodeToken({
            v: field === "name" ? last.name : (last[field] as Date).toISOString(),
            i: last.id,
          });
  }
  return { rows: page, nextToken };
}

export const listSecrets = defineOperation<ListSecretsInput, ListSecretsOutput>(
  "secretsmanager:ListSecrets",
  async (ctx, input) => {
    // Bad input is reported before the decision, as AWS validates requests first.
    filtersWhere(ctx.rt, input?.Filters);
    await ctx.authorize({ resource: "*" });
    const { rows, nextToken } = await listSecretsPage(ctx.rt, input);
    return {
      SecretList: rows.map((secret) => {
        const stages = versionIdsToStages(secret);
        return {
          ...describeShape(secret),
          SecretVersionsToStages: Object.keys(stages).length > 0 ? stages : undefined,
        };
      }),
      NextToken: nextToken,
    };
  },
);
