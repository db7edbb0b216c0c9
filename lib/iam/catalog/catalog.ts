/**
 * The catalogue: every AWS service's actions, resource types and condition keys, read from a
 * CatalogSource (files on the server, a snapshot in the browser) and indexed on first use of
 * each service. Lookups are synchronous and case-insensitive, as IAM is for action names and
 * condition keys.
 */
import { parseArn } from "./arn";
import {
  ACTION_CORRECTIONS,
  CONDITION_KEY_CORRECTIONS,
  GLOBAL_KEY_DESCRIPTIONS,
  NOT_IMPLEMENTED,
  STRONGBOX_SUPPORT,
  correctedAccessLevel,
  primaryAccessLevel,
} from "./corrections";
import { globToRegExp, globsIntersect, tokenizeGlob, type GlobToken } from "./glob";
import type {
  CatalogAction,
  CatalogConditionKey,
  CatalogResourceType,
  CatalogService,
  CatalogServiceSummary,
  CatalogSource,
  ConditionKeyType,
  RawConditionKey,
  RawServiceData,
} from "./types";

const KEY_TYPES = new Set<ConditionKeyType>([
  "String",
  "ArrayOfString",
  "Numeric",
  "ArrayOfNumeric",
  "Bool",
  "ArrayOfBool",
  "Date",
  "ArrayOfDate",
  "IPAddress",
  "ArrayOfIPAddress",
  "ARN",
  "ArrayOfARN",
  "Binary",
  "ArrayOfBinary",
]);

/** An unknown type in the data is treated as String, the type every operator family can read. */
function keyType(raw: string): ConditionKeyType {
  return KEY_TYPES.has(raw as ConditionKeyType) ? (raw as ConditionKeyType) : "String";
}

/** A condition key name with a placeholder (`${TagKey}`, `<key>`, a trailing `tag-key`) matches a family of keys. */
function isKeyTemplate(name: string): boolean {
  return /\$\{[^}]*\}|<[^>]*>|\/tag-key$/.test(name);
}

function keyTemplateRegExp(name: string): RegExp {
  const parts = name.split(/(\$\{[^}]*\}|<[^>]*>|(?<=\/)tag-key$)/);
  let source = "^";
  for (const part of parts) {
    if (part === "") continue;
    if (/^(\$\{[^}]*\}|<[^>]*>|tag-key)$/.test(part)) source += ".+";
    else source += part.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(source + "$", "i");
}

/** Exact names and templates of condition keys, looked up case-insensitively. */
class KeyIndex {
  private readonly exact = new Map<string, CatalogConditionKey>();
  private readonly templates: { re: RegExp; key: CatalogConditionKey }[] = [];

  add(key: CatalogConditionKey): void {
    const lower = key.name.toLowerCase();
    if (this.exact.has(lower)) return;
    this.exact.set(lower, key);
    if (isKeyTemplate(key.name)) this.templates.push({ re: keyTemplateRegExp(key.name), key });
  }

  find(name: string): CatalogConditionKey | undefined {
    const hit = this.exact.get(name.toLowerCase());
    if (hit) return hit;
    for (const t of this.templates) if (t.re.test(name)) return t.key;
    return undefined;
  }

  all(): CatalogConditionKey[] {
    return [...this.exact.values()];
  }
}

interface ResourceTypeEntry extends CatalogResourceType {
  /** The resource field of the ARN pattern, tokenised as a template. */
  resourceTokens: GlobToken[];
  /** The ARN pattern's service field (usually the prefix; a few services use another). */
  serviceField: string;
  region: string;
  account: string;
}

interface ServiceIndex {
  summary: CatalogServiceSummary;
  actions: Map<string, CatalogAction>;
  actionList: CatalogAction[];
  resourceTypes: Map<string, ResourceTypeEntry>;
  keys: KeyIndex;
  /** Per action (lower-cased name): the condition key names it supports, resource-type keys included. */
  actionKeys: Map<string, string[]>;
}

export class Catalog {
  private readonly names: Map<string, CatalogServiceSummary>;
  private readonly services = new Map<string, ServiceIndex | null>();
  private readonly globals = new KeyIndex();
  private readonly patternCache = new Map<string, RegExp>();
  private readonly keyMatchers = new Map<string, RegExp | string>();
  /** Memos for the validator, which asks the same questions on every keystroke. */
  private readonly arnTypes = new Map<string, CatalogResourceType[]>();
  private readonly applies = new Map<string, boolean>();
  readonly version?: string;

  constructor(readonly source: CatalogSource) {
    this.version = source.version;
    this.names = new Map();
    for (const [prefix, name] of Object.entries(source.serviceNames())) {
      this.names.set(prefix.toLowerCase(), {
        prefix,
        name,
        strongbox: STRONGBOX_SUPPORT[prefix] ?? NOT_IMPLEMENTED,
      });
    }
    for (const raw of source.globalConditionKeys()) {
      this.globals.add({
        name: raw.key,
        type: keyType(raw.type),
        description: raw.description || GLOBAL_KEY_DESCRIPTIONS[raw.key.toLowerCase()] || "",
        global: true,
        category: raw.category,
      });
    }
  }

  // ----- services -------------------------------------------------------------------------

  listServices(): CatalogServiceSummary[] {
    return [...this.names.values()].sort((a, b) => a.prefix.localeCompare(b.prefix));
  }

  hasService(prefix: string): boolean {
    return this.names.has(prefix.toLowerCase());
  }

  /**
   * Whether the service's actions are at hand. A snapshot knows every service's name but holds
   * data for some only: callers must not call an action unknown when its service has no data.
   */
  hasServiceData(prefix: string): boolean {
    return this.index(prefix) !== undefined;
  }

  getService(prefix: string): CatalogService | undefined {
    const index = this.index(prefix);
    if (!index) return undefined;
    return {
      ...index.summary,
      actions: index.actionList,
      resourceTypes: [...index.resourceTypes.values()].map(publicResourceType),
      conditionKeys: index.keys.all(),
    };
  }

  /** Services whose prefix matches a `*`/`?` pattern. */
  matchServices(pattern: string): CatalogServiceSummary[] {
    if (!/[*?]/.test(pattern)) {
      const hit = this.names.get(pattern.toLowerCase());
      return hit ? [hit] : [];
    }
    const re = this.regexp(pattern);
    return this.listServices().filter((s) => re.test(s.prefix));
  }

  // ----- actions --------------------------------------------------------------------------

  /** `getAction("secretsmanager:GetSecretValue")`; undefined for unknown names and for patterns. */
  getAction(fullName: string): CatalogAction | undefined {
    const colon = fullName.indexOf(":");
    if (colon <= 0) return undefined;
    return this.index(fullName.slice(0, colon))?.actions.get(
      fullName.slice(colon + 1).toLowerCase(),
    );
  }

  /**
   * Every action an Action-element pattern matches ("secretsmanager:Get*", "iam:*User*", "*").
   * A wildcard in the service part loads every matching service's data.
   */
  expandActionPattern(pattern: string): CatalogAction[] {
    if (pattern === "*")
      return this.listServices().flatMap((s) => this.index(s.prefix)?.actionList ?? []);
    const colon = pattern.indexOf(":");
    if (colon <= 0) return [];
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const out: CatalogAction[] = [];
    for (const service of this.matchServices(servicePart)) {
      const index = this.index(service.prefix);
      if (!index) continue;
      if (actionPart === "*") {
        out.push(...index.actionList);
      } else if (!/[*?]/.test(actionPart)) {
        const hit = index.actions.get(actionPart.toLowerCase());
        if (hit) out.push(hit);
      } else {
        const re = this.regexp(actionPart);
        for (const action of index.actionList) if (re.test(action.name)) out.push(action);
      }
    }
    return out;
  }

  /** Same as `expandActionPattern(pattern).length > 0`, without building the list. */
  actionPatternMatches(pattern: string): boolean {
    if (pattern === "*") return true;
    const colon = pattern.indexOf(":");
    if (colon <= 0) return false;
    const actionPart = pattern.slice(colon + 1);
    const re = /[*?]/.test(actionPart) ? this.regexp(actionPart) : undefined;
    for (const service of this.matchServices(pattern.slice(0, colon))) {
      const index = this.index(service.prefix);
      if (!index) continue;
      if (!re) {
        if (index.actions.has(actionPart.toLowerCase())) return true;
      } else if (index.actionList.some((a) => re.test(a.name))) {
        return true;
      }
    }
    return false;
  }

  // ----- resource types -------------------------------------------------------------------

  getResourceType(service: string, name: string): CatalogResourceType | undefined {
    const entry = this.index(service)?.resourceTypes.get(name.toLowerCase());
    return entry && publicResourceType(entry);
  }

  /** The resource types an action applies to, with their ARN patterns. */
  resourceTypesForAction(action: CatalogAction): CatalogResourceType[] {
    const index = this.index(action.service);
    if (!index) return [];
    const out: CatalogResourceType[] = [];
    for (const rt of action.resourceTypes) {
      const entry = index.resourceTypes.get(rt.name.toLowerCase());
      if (entry) out.push(publicResourceType(entry));
    }
    return out;
  }

  /**
   * The resource types of `service` whose ARN pattern can match `arn` (which may itself hold
   * wildcards and policy variables). Compares the resource field only.
   */
  resourceTypesForArn(arn: string): CatalogResourceType[] {
    let types = this.arnTypes.get(arn);
    if (!types) {
      types = this.computeResourceTypesForArn(arn);
      if (this.arnTypes.size > 10_000) this.arnTypes.clear();
      this.arnTypes.set(arn, types);
    }
    return types;
  }

  private computeResourceTypesForArn(arn: string): CatalogResourceType[] {
    const parts = parseArn(arn);
    if (!parts) return [];
    const index = this.index(parts.service);
    if (!index) return [];
    const out: CatalogResourceType[] = [];
    const collect = (resource: string) => {
      const tokens = tokenizeGlob(resource);
      for (const entry of index.resourceTypes.values()) {
        if (globsIntersect(tokens, entry.resourceTokens)) out.push(publicResourceType(entry));
      }
    };
    collect(parts.resource);
    // A `*` ending a segment before the resource part expands beyond colons (AWS).
    const spanning = out.length === 0 ? spanningResourcePart(arn) : undefined;
    if (spanning) collect(spanning.resource);
    return out;
  }

  /** Whether a policy resource pattern can name a resource the action applies to. */
  actionAppliesToResource(action: CatalogAction, resource: string): boolean {
    if (action.wildcardOnly) return resource === "*";
    if (resource === "*") return true;
    const key = `${action.fullName}\u0000${resource}`;
    let applies = this.applies.get(key);
    if (applies === undefined) {
      applies = this.computeAppliesToResource(action, resource);
      if (this.applies.size > 50_000) this.applies.clear();
      this.applies.set(key, applies);
    }
    return applies;
  }

  private computeAppliesToResource(action: CatalogAction, resource: string): boolean {
    const parts = parseArn(resource);
    if (!parts) return false;
    if (this.appliesToParts(action, parts.service, parts.resource)) return true;
    // AWS: a `*` ending a segment before the resource part expands beyond colons
    // (`arn:aws:secretsmanager:*:secret:db-*`): the resource part is then any text ending
    // with what follows that segment.
    const spanning = spanningResourcePart(resource);
    return (
      spanning !== undefined && this.appliesToParts(action, spanning.service, spanning.resource)
    );
  }

  private appliesToParts(action: CatalogAction, service: string, resource: string): boolean {
    const index = this.index(action.service);
    if (!index) return false;
    const serviceTokens = tokenizeGlob(service);
    const tokens = tokenizeGlob(resource);
    for (const rt of action.resourceTypes) {
      const entry = index.resourceTypes.get(rt.name.toLowerCase());
      // A resource type the data does not describe: assume it applies rather than report noise.
      if (!entry) return true;
      if (!globsIntersect(serviceTokens, tokenizeGlob(entry.serviceField))) continue;
      if (globsIntersect(tokens, entry.resourceTokens)) return true;
    }
    return false;
  }

  // ----- condition keys -------------------------------------------------------------------

  /** A condition key by name ("aws:SourceIp", "secretsmanager:ResourceTag/Project"). */
  conditionKey(name: string): CatalogConditionKey | undefined {
    const global = this.globals.find(name);
    if (global) return global;
    const colon = name.indexOf(":");
    if (colon <= 0) return undefined;
    const found = this.index(name.slice(0, colon))?.keys.find(name);
    // aws:* keys listed in a service's data (aws:RequestTag/${TagKey}) are global all the same.
    if (found && name.slice(0, colon).toLowerCase() === "aws") return { ...found, global: true };
    return found;
  }

  isGlobalConditionKey(name: string): boolean {
    return this.globals.find(name) !== undefined || name.toLowerCase().startsWith("aws:");
  }

  globalConditionKeys(): CatalogConditionKey[] {
    return this.globals.all();
  }

  /** Whether `key` may be used with `action`: global keys always; service keys when listed for it. */
  actionSupportsConditionKey(action: CatalogAction, key: string): boolean {
    if (this.globals.find(key)) return true;
    const names = this.index(action.service)?.actionKeys.get(action.name.toLowerCase()) ?? [];
    for (const name of names) if (this.keyMatches(name, key)) return true;
    return false;
  }

  // ----- internals ------------------------------------------------------------------------

  private keyMatches(name: string, key: string): boolean {
    let matcher = this.keyMatchers.get(name);
    if (matcher === undefined) {
      matcher = isKeyTemplate(name) ? keyTemplateRegExp(name) : name.toLowerCase();
      this.keyMatchers.set(name, matcher);
    }
    return typeof matcher === "string" ? matcher === key.toLowerCase() : matcher.test(key);
  }

  private regexp(pattern: string): RegExp {
    let re = this.patternCache.get(pattern);
    if (!re) {
      if (this.patternCache.size > 10_000) this.patternCache.clear();
      re = globToRegExp(pattern);
      this.patternCache.set(pattern, re);
    }
    return re;
  }

  private index(prefix: string): ServiceIndex | undefined {
    const lower = prefix.toLowerCase();
    const cached = this.services.get(lower);
    if (cached !== undefined) return cached ?? undefined;
    const summary = this.names.get(lower);
    const raw = summary ? this.source.serviceData(summary.prefix) : undefined;
    const built = summary && raw ? buildIndex(summary, raw) : null;
    this.services.set(lower, built);
    return built ?? undefined;
  }
}

function publicResourceType(entry: ResourceTypeEntry): CatalogResourceType {
  return {
    service: entry.service,
    name: entry.name,
    arn: entry.arn,
    conditionKeys: entry.conditionKeys,
  };
}

function buildIndex(summary: CatalogServiceSummary, raw: RawServiceData): ServiceIndex {
  const prefix = summary.prefix;
  const resourceTypes = new Map<string, ResourceTypeEntry>();
  for (const [lower, rt] of Object.entries(raw.resourceTypes)) {
    const parts = parseArn(rt.arn);
    resourceTypes.set(lower, {
      service: prefix,
      name: rt.key,
      arn: rt.arn,
      conditionKeys: rt.conditionKeys,
      resourceTokens: tokenizeGlob(parts?.resource ?? rt.arn, { template: true }),
      serviceField: parts?.service ?? prefix,
      region: parts?.region ?? "",
      account: parts?.account ?? "",
    });
  }

  const keys = new KeyIndex();
  for (const rk of Object.values(raw.conditionKeys)) keys.add(conditionKeyFrom(rk));

  const actions = new Map<string, CatalogAction>();
  const actionList: CatalogAction[] = [];
  const actionKeys = new Map<string, string[]>();
  for (const [lower, ra] of Object.entries(raw.actions)) {
    const fullName = `${prefix}:${ra.name}`;
    const correction = ACTION_CORRECTIONS[fullName.toLowerCase()];
    const rule = correctedAccessLevel(ra.name, primaryAccessLevel(ra.accessLevel));
    const action: CatalogAction = {
      service: prefix,
      name: ra.name,
      fullName,
      description: ra.description,
      accessLevel: correction?.accessLevel ?? rule.level,
      resourceTypes: ra.resourceTypes.map((rt) => ({
        name: rt.name,
        required: rt.required,
        conditionKeys: rt.conditionKeys,
        dependentActions: rt.dependentActions,
      })),
      conditionKeys: ra.conditionKeys,
      dependentActions: ra.dependentActions,
      wildcardOnly: ra.resourceTypes.length === 0,
    };
    const note = correction?.note ?? rule.note;
    if (note) action.note = note;
    actions.set(lower, action);
    actionList.push(action);

    const supported = new Set<string>(ra.conditionKeys);
    for (const rt of ra.resourceTypes) {
      for (const k of rt.conditionKeys) supported.add(k);
      for (const k of resourceTypes.get(rt.name.toLowerCase())?.conditionKeys ?? [])
        supported.add(k);
    }
    actionKeys.set(lower, [...supported]);
  }
  actionList.sort((a, b) => a.name.localeCompare(b.name));
  return { summary, actions, actionList, resourceTypes, keys, actionKeys };
}

function conditionKeyFrom(raw: RawConditionKey): CatalogConditionKey {
  const correction = CONDITION_KEY_CORRECTIONS[raw.key.toLowerCase()];
  const key: CatalogConditionKey = {
    name: raw.key,
    type: correction?.type ?? keyType(raw.type),
    description: correction ? joinSentences(raw.description, correction.note) : raw.description,
    global: raw.key.toLowerCase().startsWith("aws:"),
  };
  return key;
}

/** A catalogue over `source`. Services are indexed on first use. */
export function createCatalog(source: CatalogSource): Catalog {
  return new Catalog(source);
}

function joinSentences(a: string, b: string): string {
  if (!a) return b;
  return /[.!?]$/.test(a) ? `${a} ${b}` : `${a}. ${b}`;
}

/**
 * For a resource pattern whose segment before the resource part ends with `*` (AWS lets that `*`
 * expand beyond colons, as in `arn:aws:secretsmanager:*:secret:db-*`): the resource part the
 * text after that segment stands for when the `*` takes the colons up to the resource part.
 * Only when that text starts with a literal resource type (`secret:...`): a pattern such as
 * `...:*:*:vault:x` is read component by component, as before. Undefined when no such segment.
 */
function spanningResourcePart(resource: string): { service: string; resource: string } | undefined {
  const segments = resource.split(":");
  for (let i = 3; i < Math.min(5, segments.length - 1); i++) {
    if (!segments[i].endsWith("*")) continue;
    const rest = segments.slice(i + 1).join(":");
    if (rest === "" || rest.startsWith("*") || rest.startsWith("?")) return undefined;
    return { service: segments[2], resource: rest };
  }
  return undefined;
}
