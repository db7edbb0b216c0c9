/**
 * Compiling a policy: parse once, pre-lower-case actions, compile wildcards and condition values,
 * index statements by service prefix. `compilePolicy` keeps compiled policies in a bounded LRU
 * cache keyed by document text, so a policy attached to many principals is compiled once.
 */
import type { Effect, PolicyDocument, PolicyKind, PolicyVersion, Span, Statement } from "./ast";
import { compileArnPattern, type ArnPattern } from "./arn";
import { compileCondition, type CompiledCondition } from "./condition";
import { compileGlob, type Glob } from "./glob";
import type { Template } from "./variables";
import { LruCache } from "./lru";
import { parsePolicy } from "./parse";
import { compilePrincipal, type CompiledPrincipal } from "./principal";
import { parseTemplate, withPrefix } from "./variables";

export interface ResourceMatcher {
  /** The pattern as written. */
  text: string;
  any: boolean;
  arn?: ArnPattern;
  template?: Template;
  /**
   * For a template whose variables all sit in the resource part (as AWS requires): the first
   * five components compiled, and the resource part's template.
   */
  head?: Glob[];
  tail?: Template;
  /** Not `*` and not an ARN with six components: fails closed. */
  malformed: boolean;
}

export interface CompiledStatement {
  index: number;
  sid?: string;
  span: Span;
  effect: Effect;
  deny: boolean;
  /** Lower-cased action patterns (Action or NotAction). */
  actions: Glob[];
  /** Whether a lower-cased action matches `actions` (there are few actions; each is matched once). */
  actionMemo: Map<string, boolean>;
  actionsNegated: boolean;
  /** Absent for trust policies, which name no resource. */
  resources?: ResourceMatcher[];
  resourcesNegated: boolean;
  principal?: CompiledPrincipal;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  kind: PolicyKind;
  version: PolicyVersion;
  document: PolicyDocument;
  statements: CompiledStatement[];
  /** Statements whose every action pattern names this exact service prefix (lower case). */
  byService: ReadonlyMap<string, readonly CompiledStatement[]>;
  /** Statements that may apply to any service (NotAction, or a wildcard in the prefix). */
  anyService: readonly CompiledStatement[];
}

export interface CompileOptions {
  kind?: PolicyKind;
}

const DEFAULT_CACHE_SIZE = 2000;
let cache = new LruCache<string, CompiledPolicy>(DEFAULT_CACHE_SIZE);

/** Parses and compiles a policy, or returns the cached result for the same text and kind. */
export function compilePolicy(text: string, options: CompileOptions = {}): CompiledPolicy {
  const kind = options.kind ?? "identity";
  const key = `${kind}\u0000${text}`;
  let compiled = cache.get(key);
  if (!compiled) {
    compiled = compileDocument(parsePolicy(text, { kind }), kind);
    cache.set(key, compiled);
  }
  return compiled;
}

/** Resizes (and empties) the compiled-policy cache. */
export function setPolicyCacheSize(size: number): void {
  cache = new LruCache<string, CompiledPolicy>(size);
}

export function policyCacheSize(): number {
  return cache.size;
}

/** Compiles an already parsed document (no cache). */
export function compileDocument(
  document: PolicyDocument,
  kind: PolicyKind = "identity",
): CompiledPolicy {
  const version = document.effectiveVersion;
  const statements = document.statements.map((s) => compileStatement(s, version));
  const byService = new Map<string, CompiledStatement[]>();
  const anyService: CompiledStatement[] = [];
  for (const statement of statements) {
    const services = statement.actionsNegated ? undefined : exactServices(statement.actions);
    if (!services) {
      anyService.push(statement);
      continue;
    }
    for (const service of services) {
      let list = byService.get(service);
      if (!list) byService.set(service, (list = []));
      list.push(statement);
    }
  }
  return { kind, version, document, statements, byService, anyService };
}

/** The service prefixes of the action patterns, or undefined when one may match any service. */
function exactServices(actions: Glob[]): Set<string> | undefined {
  const services = new Set<string>();
  for (const action of actions) {
    const text = action.kind === "exact" || action.kind === "prefix" ? action.text : "";
    const colon = text.indexOf(":");
    if (colon < 0) return undefined;
    services.add(text.slice(0, colon));
  }
  return services;
}

function compileStatement(statement: Statement, version: PolicyVersion): CompiledStatement {
  const actionElement = statement.action ?? statement.notAction;
  const resourceElement = statement.resource ?? statement.notResource;
  const principalElement = statement.principal ?? statement.notPrincipal;
  const conditions: CompiledCondition[] = [];
  for (const op of statement.condition?.operators ?? []) {
    for (const entry of op.entries) {
      conditions.push(compileCondition(op.operator, op.parsed, entry, version));
    }
  }
  return {
    index: statement.index,
    sid: statement.sid?.value,
    span: statement.span,
    effect: statement.effect.value,
    deny: statement.effect.value === "Deny",
    actions: (actionElement?.values ?? []).map((a) => compileGlob(a.value.toLowerCase())),
    actionsNegated: !statement.action && !!statement.notAction,
    actionMemo: new Map(),
    resources: resourceElement?.values.map((r) => compileResource(r.value, version)),
    resourcesNegated: !statement.resource && !!statement.notResource,
    principal: principalElement && compilePrincipal(principalElement, !statement.principal),
    conditions,
  };
}

/** Splits a resource template at its fifth colon when no variable comes before it. */
function splitTemplate(template: Template): { head?: Glob[]; tail?: Template } {
  let head = "";
  let colons = 0;
  for (let i = 0; i < template.parts.length; i++) {
    const part = template.parts[i];
    // A variable before the resource part: matched the slow way, after substitution.
    if (typeof part !== "string") return {};
    for (let j = 0; j < part.length; j++) {
      if (part.charCodeAt(j) === 0x3a && ++colons === 5) {
        const pattern = compileArnPattern([
          { text: `${head}${part.slice(0, j)}:`, literal: false },
        ]);
        if (!pattern) return {};
        const rest = part.slice(j + 1);
        const parts = [...(rest ? [rest] : []), ...template.parts.slice(i + 1)];
        const tail = withPrefix({ parts, variables: template.variables });
        return { head: pattern.parts.slice(0, 5), tail };
      }
    }
    head += part;
  }
  return {};
}

function compileResource(text: string, version: PolicyVersion): ResourceMatcher {
  if (text === "*") return { text, any: true, malformed: false };
  const template = version === "2012-10-17" ? parseTemplate(text) : undefined;
  if (template) return { text, any: false, template, malformed: false, ...splitTemplate(template) };
  const arn = compileArnPattern([{ text, literal: false }]);
  return { text, any: false, arn, malformed: !arn };
}
