/**
 * A policy summarised in IAM's manner: one row per effect and service, with the access levels
 * granted (full or limited), the resources and the request conditions. Pure; reads the catalogue
 * it is given (services whose data is not loaded yet are listed in `missingServices`).
 */
import { tryParsePolicy, type PolicyKind, type Statement } from "@/lib/iam";
import {
  ACCESS_LEVELS,
  globToRegExp,
  type AccessLevel,
  type Catalog,
  type CatalogAction,
} from "@/lib/iam/catalog";
import { shortServiceName } from "../model/actions";

export interface LevelSummary {
  level: AccessLevel;
  /** Names of the actions granted at this level. */
  actions: string[];
  /** How many actions the service has at this level. */
  total: number;
}

/** One action as a statement grants it: on what, under which conditions. */
export interface ActionGrant {
  /** The action's name, or "All actions" for `service:*`, or the pattern IAM could not expand. */
  action: string;
  level?: AccessLevel;
  resources: string[];
  conditions: string[];
  /** Statement (0-based) that grants it. */
  statement: number;
}

export interface SummaryRow {
  effect: "Allow" | "Deny";
  /** Service prefix, or "*" for every service. */
  prefix: string;
  service: string;
  /** "Full access", "Full: List, Read", "Limited: Write", "All actions except ...". */
  accessLevel: string;
  levels: LevelSummary[];
  /** "All resources", ARNs, "All resources except ...", or "Multiple" when statements differ. */
  resources: string[];
  /** Conditions as "key operator values"; "Multiple" when statements differ. */
  conditions: string[];
  /** Action by action, statement by statement (IAM's action-level summary). */
  grants: ActionGrant[];
  /** Principals (trust and resource policies). */
  principals: string[];
  /** Action names the catalogue does not know. */
  unrecognized: string[];
  /** Statement indexes (0-based) the row comes from. */
  statements: number[];
}

export interface PolicySummaryResult {
  rows: SummaryRow[];
  /** Set when the policy cannot be read. */
  error?: string;
  /** Services named in the policy whose data the catalogue does not hold yet. */
  missingServices: string[];
}

interface Bucket extends Omit<SummaryRow, "accessLevel" | "levels" | "resources" | "conditions"> {
  all: boolean;
  except: string[];
  granted: Map<string, CatalogAction>;
  perStatement: { resources: string[]; conditions: string[] }[];
}

export function summarizePolicy(
  text: string,
  kind: PolicyKind,
  catalog: Catalog,
): PolicySummaryResult {
  const { document, errors } = tryParsePolicy(text, { kind });
  if (!document) {
    return {
      rows: [],
      error: errors[0]
        ? `${errors[0].message}${errors[0].detail ? ` ${errors[0].detail}` : ""}`
        : "The policy cannot be read.",
      missingServices: [],
    };
  }
  const buckets = new Map<string, Bucket>();
  const missing = new Set<string>();
  const bucket = (effect: "Allow" | "Deny", prefix: string): Bucket => {
    const id = `${effect}|${prefix}`;
    let b = buckets.get(id);
    if (!b) {
      const summary = prefix === "*" ? undefined : catalog.matchServices(prefix)[0];
      b = {
        effect,
        prefix,
        service:
          prefix === "*" ? "All services" : summary ? shortServiceName(summary.name) : prefix,
        principals: [],
        grants: [],
        perStatement: [],
        unrecognized: [],
        statements: [],
        all: false,
        except: [],
        granted: new Map(),
      };
      buckets.set(id, b);
    }
    return b;
  };

  for (const statement of document.statements) {
    const effect = statement.effect.value;
    const touched = new Set<Bucket>();
    const resources = resourcesOf(statement);
    const conditions = conditionsOf(statement);
    const grant = (b: Bucket, action: string, level?: AccessLevel) =>
      b.grants.push({ action, level, resources, conditions, statement: statement.index });
    if (statement.notAction) {
      const b = bucket(effect, "*");
      b.all = true;
      const except = statement.notAction.values.map((v) => v.value);
      b.except.push(...except);
      grant(b, `All actions except ${except.join(", ")}`);
      touched.add(b);
    }
    for (const { value } of statement.action?.values ?? []) {
      const colon = value.indexOf(":");
      const servicePart = colon > 0 ? value.slice(0, colon).toLowerCase() : value;
      if (value === "*" || /[*?]/.test(servicePart)) {
        const b = bucket(effect, "*");
        b.all = true;
        grant(b, value === "*" ? "All actions" : value);
        touched.add(b);
        continue;
      }
      const b = bucket(effect, servicePart);
      touched.add(b);
      const name = value.slice(colon + 1);
      if (name === "*") {
        b.all = true;
        grant(b, "All actions");
        continue;
      }
      const service = catalog.getService(servicePart);
      if (!service) {
        if (catalog.hasService(servicePart)) missing.add(servicePart);
        else b.unrecognized.push(value);
        grant(b, value);
        continue;
      }
      const re = /[*?]/.test(name) ? globToRegExp(name) : undefined;
      const matches = re
        ? service.actions.filter((a) => re.test(a.name))
        : service.actions.filter((a) => a.name.toLowerCase() === name.toLowerCase());
      if (matches.length === 0) b.unrecognized.push(value);
      for (const a of matches) {
        b.granted.set(a.name, a);
        grant(b, a.name, a.accessLevel);
      }
    }
    const principals = principalsOf(statement);
    for (const b of touched) {
      for (const p of principals) if (!b.principals.includes(p)) b.principals.push(p);
      b.statements.push(statement.index);
      b.perStatement.push({ resources, conditions });
    }
  }

  const rows = [...buckets.values()].map((b): SummaryRow => {
    const service = b.prefix === "*" ? undefined : catalog.getService(b.prefix);
    const levels = ACCESS_LEVELS.map((level) => {
      const all = service?.actions.filter((a) => a.accessLevel === level) ?? [];
      const granted = b.all ? all : all.filter((a) => b.granted.has(a.name));
      return { level, actions: granted.map((a) => a.name), total: all.length };
    }).filter((l) => l.actions.length > 0);
    const { all: _all, except, granted, perStatement, ...row } = b;
    return {
      ...row,
      levels,
      accessLevel: accessLevelText(b.all, except, levels, granted.size),
      resources: same(perStatement.map((p) => p.resources)),
      conditions: same(perStatement.map((p) => p.conditions)),
      grants: dedupeGrants(row.grants),
    };
  });
  rows.sort(
    (a, b) =>
      (a.effect === b.effect ? 0 : a.effect === "Deny" ? -1 : 1) ||
      (a.prefix === "*" ? -1 : b.prefix === "*" ? 1 : a.service.localeCompare(b.service)),
  );
  return { rows, missingServices: [...missing] };
}

/** What every statement says, or "Multiple" (IAM's word) when they differ. */
function same(lists: string[][]): string[] {
  const first = lists[0] ?? [];
  const key = (l: string[]) => JSON.stringify(l);
  return lists.every((l) => key(l) === key(first)) ? first : ["Multiple"];
}

function dedupeGrants(grants: ActionGrant[]): ActionGrant[] {
  const seen = new Set<string>();
  return grants
    .filter((g) => {
      const k = `${g.action}|${g.statement}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.action.localeCompare(b.action) || a.statement - b.statement);
}

function accessLevelText(
  all: boolean,
  except: string[],
  levels: LevelSummary[],
  granted: number,
): string {
  if (all) return except.length ? `All actions except ${except.join(", ")}` : "Full access";
  if (granted === 0) return "None";
  const full = levels.filter((l) => l.actions.length === l.total).map((l) => l.level);
  const limited = levels.filter((l) => l.actions.length < l.total).map((l) => l.level);
  return [
    full.length ? `Full: ${full.join(", ")}` : "",
    limited.length ? `Limited: ${limited.join(", ")}` : "",
  ]
    .filter(Boolean)
    .join("  ");
}

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
      (entry) => `${entry.key} ${op.operator} ${entry.values.map((v) => v.value).join(" or ")}`,
    ),
  );
}

function principalsOf(statement: Statement): string[] {
  const element = statement.principal ?? statement.notPrincipal;
  if (!element) return [];
  const not = statement.notPrincipal ? "Everyone except " : "";
  if (element.wildcard) return [`${not}Everyone (*)`];
  return element.entries.flatMap((e) =>
    e.values.map((v) => `${not}${v.value === "*" ? "Everyone (*)" : `${e.type}: ${v.value}`}`),
  );
}
