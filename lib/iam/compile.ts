/**
 * Compiling a policy: parse once, pre-lower-case actions, compile wildcards and condition values,
 * index statements by service prefix. `compilePolicy` keeps compiled policies in a bounded LRU
 * cache keyed by document text, so a policy attached to many principals is compiled once.
 * Identical resource patterns and conditions are shared across policies (./memo.ts), and each
 * policy remembers, per action, which of its statements that action matches.
 */
import type { Effect, PolicyDocument, PolicyKind, PolicyVersion, Span, Statement } from "./ast";
import { compileCondition, type CompiledCondition } from "./condition";
import { compileGlob, globMatch, type Glob } from "./glob";
import { LruCache } from "./lru";
import { InternTable } from "./memo";
import { parsePolicy } from "./parse";
import { compilePrincipal, type CompiledPrincipal } from "./principal";
import { compileResource, type ResourceMatcher } from "./resource";

export type { ResourceMatcher } from "./resource";

export interface CompiledStatement {
  index: number;
  sid?: string;
  span: Span;
  effect: Effect;
  deny: boolean;
  /** Lower-cased action patterns (Action or NotAction). */
  actions: Glob[];
  actionsNegated: boolean;
  /** Absent for trust policies, which name no resource. */
  resources?: ResourceMatcher[];
  resourcesNegated: boolean;
  principal?: CompiledPrincipal;
  /** Shared with identical conditions elsewhere (see ./memo.ts). */
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
  /** Filled by `statementsFor`, per action. */
  actionIndex?: ActionIndex;
}

/** The statements of a policy whose Action (or NotAction) lets one action through. */
export interface ActionStatements {
  /** In scan order: those indexed under the action's service, then those for any service. */
  statements: readonly CompiledStatement[];
  /** Whether scan order is policy order (else matched statements are sorted for reporting). */
  inOrder: boolean;
  /** Whether any of them is a Deny. */
  hasDeny: boolean;
}

export interface ActionIndex {
  /** The policy it was built for (a copy of a compiled policy builds its own). */
  policy: CompiledPolicy;
  byAction: Map<string, ActionStatements>;
  /** The last action asked for (requests tend to repeat one), and its entry. */
  lastAction: string;
  last: ActionStatements | undefined;
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
  return { kind, version, document, statements, byService, anyService, actionIndex: undefined };
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
      const key = JSON.stringify([
        version,
        op.operator,
        entry.key,
        entry.values.map((v) => v.value),
      ]);
      conditions.push(
        sharedConditions.intern(key, () =>
          compileCondition(op.operator, op.parsed, entry, version),
        ),
      );
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
    resources: resourceElement?.values.map((r) => compileResource(r.value, version)),
    resourcesNegated: !statement.resource && !!statement.notResource,
    principal: principalElement && compilePrincipal(principalElement, !statement.principal),
    conditions,
  };
}

const sharedConditions = new InternTable<CompiledCondition>();

const ACTION_INDEX_LIMIT = 4096;

/**
 * The statements whose Action (or NotAction) lets `action` (lower case, of `service`) through,
 * worked out once per policy and action.
 */
export function statementsFor(
  policy: CompiledPolicy,
  action: string,
  service: string,
): ActionStatements {
  let index = policy.actionIndex;
  if (index?.policy !== policy) {
    index = policy.actionIndex = { policy, byAction: new Map(), lastAction: "", last: undefined };
  }
  if (index.lastAction === action && index.last) return index.last;
  let entry = index.byAction.get(action);
  if (entry === undefined) {
    const statements: CompiledStatement[] = [];
    for (const statement of policy.byService.get(service) ?? []) {
      if (actionApplies(statement, action)) statements.push(statement);
    }
    for (const statement of policy.anyService) {
      if (actionApplies(statement, action)) statements.push(statement);
    }
    entry = {
      statements,
      inOrder: statements.every((s, i) => i === 0 || statements[i - 1].index < s.index),
      hasDeny: statements.some((s) => s.deny),
    };
    if (index.byAction.size >= ACTION_INDEX_LIMIT) index.byAction.clear();
    index.byAction.set(action, entry);
  }
  index.lastAction = action;
  index.last = entry;
  return entry;
}

function actionApplies(statement: CompiledStatement, action: string): boolean {
  let matches = false;
  for (const pattern of statement.actions) {
    if (globMatch(pattern, action)) {
      matches = true;
      break;
    }
  }
  return matches !== statement.actionsNegated;
}
