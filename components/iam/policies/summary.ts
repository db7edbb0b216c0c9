// Summarises a policy document by service with the IAM catalogue (server only: the catalogue reads
// its data files on first use of each service).
import "server-only";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { ACCESS_LEVELS, type AccessLevel, type CatalogAction } from "@/lib/iam/catalog";
import { tryParsePolicy, type PolicyKind, type Statement } from "@/lib/iam";
import type { PolicySummary, ServiceSummary } from "./summary-types";

interface Bucket {
  effect: "Allow" | "Deny";
  prefix: string;
  service: string;
  actions: Map<string, AccessLevel>;
  all: boolean;
  except?: string[];
  resources: Set<string>;
  conditions: Set<string>;
  unrecognized: Set<string>;
}

const ALL = "*";

function resourcesOf(statement: Statement): string[] {
  if (statement.notResource) {
    return [`All resources except ${statement.notResource.values.map((v) => v.value).join(", ")}`];
  }
  const values = statement.resource?.values.map((v) => v.value) ?? [];
  return values.includes("*") ? ["All resources"] : values;
}

function conditionsOf(statement: Statement): string[] {
  return (statement.condition?.operators ?? []).flatMap((op) =>
    op.entries.map(
      (entry) => `${entry.key} ${op.operator} ${entry.values.map((v) => v.value).join(", ")}`,
    ),
  );
}

function accessLevelText(bucket: Bucket, serviceActions: CatalogAction[]): string {
  if (bucket.all) {
    return bucket.except?.length ? `All actions except ${bucket.except.join(", ")}` : "Full access";
  }
  const full: string[] = [];
  const limited: string[] = [];
  for (const level of ACCESS_LEVELS) {
    const total = serviceActions.filter((a) => a.accessLevel === level).length;
    const granted = [...bucket.actions.values()].filter((l) => l === level).length;
    if (granted === 0) continue;
    (granted >= total && total > 0 ? full : limited).push(level);
  }
  if (limited.length === 0 && full.length === ACCESS_LEVELS.length) return "Full access";
  if (limited.length === 0 && full.length > 0) {
    const everyLevel = ACCESS_LEVELS.every(
      (level) => full.includes(level) || !serviceActions.some((a) => a.accessLevel === level),
    );
    if (everyLevel) return "Full access";
  }
  return [
    full.length ? `Full: ${full.join(", ")}` : "",
    limited.length ? `Limited: ${limited.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("  ");
}

export function summarizePolicy(document: string, kind: PolicyKind = "identity"): PolicySummary {
  const { document: parsed, errors } = tryParsePolicy(document, { kind });
  if (!parsed) return { rows: [], error: errors[0]?.message ?? "The policy could not be read." };
  const catalog = loadCatalog();
  const buckets = new Map<string, Bucket>();
  const bucket = (effect: "Allow" | "Deny", prefix: string): Bucket => {
    const key = `${effect}|${prefix}`;
    let b = buckets.get(key);
    if (!b) {
      const service =
        prefix === ALL ? "All services" : (catalog.getService(prefix)?.name ?? prefix);
      b = {
        effect,
        prefix,
        service,
        actions: new Map(),
        all: false,
        resources: new Set(),
        conditions: new Set(),
        unrecognized: new Set(),
      };
      buckets.set(key, b);
    }
    return b;
  };

  for (const statement of parsed.statements) {
    const effect = statement.effect.value;
    const touched: Bucket[] = [];
    if (statement.notAction) {
      const b = bucket(effect, ALL);
      b.all = true;
      b.except = [...(b.except ?? []), ...statement.notAction.values.map((v) => v.value)];
      touched.push(b);
    }
    for (const { value: pattern } of statement.action?.values ?? []) {
      const colon = pattern.indexOf(":");
      const servicePart = colon > 0 ? pattern.slice(0, colon) : pattern;
      if (pattern === "*" || /[*?]/.test(servicePart)) {
        const b = bucket(effect, ALL);
        b.all = true;
        touched.push(b);
        continue;
      }
      const prefix = servicePart.toLowerCase();
      const b = bucket(effect, prefix);
      touched.push(b);
      if (pattern.slice(colon + 1) === "*") {
        b.all = true;
        continue;
      }
      const matched = catalog.expandActionPattern(pattern);
      if (matched.length === 0) b.unrecognized.add(pattern);
      for (const action of matched) b.actions.set(action.fullName, action.accessLevel);
    }
    for (const b of new Set(touched)) {
      resourcesOf(statement).forEach((r) => b.resources.add(r));
      conditionsOf(statement).forEach((c) => b.conditions.add(c));
    }
  }

  const rows: ServiceSummary[] = [...buckets.values()].map((b) => {
    const serviceActions = b.prefix === ALL ? [] : (catalog.getService(b.prefix)?.actions ?? []);
    const resources = [...b.resources];
    return {
      effect: b.effect,
      service: b.service,
      prefix: b.prefix,
      accessLevel: b.actions.size === 0 && !b.all ? "None" : accessLevelText(b, serviceActions),
      resource: resources.includes("All resources")
        ? "All resources"
        : resources.length === 1
          ? resources[0]
          : resources.length === 0
            ? "None"
            : `${resources.length} resources`,
      condition: b.conditions.size === 0 ? "None" : [...b.conditions].join("; "),
      unrecognized: [...b.unrecognized],
    };
  });
  rows.sort(
    (a, b) =>
      a.effect.localeCompare(b.effect) ||
      (a.prefix === ALL ? -1 : b.prefix === ALL ? 1 : a.service.localeCompare(b.service)),
  );
  return { rows };
}
