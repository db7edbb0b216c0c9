/**
 * Evaluating a request against the policies that apply to it: which statements match (action,
 * resource, principal, conditions), then ./decide.ts turns that into AWS's decision.
 */
import type { Effect, PolicyKind, Span } from "./ast";
import { arnHeadMatch, arnMatch, compileArnPattern } from "./arn";
import { compilePolicy, type CompiledPolicy, type CompiledStatement } from "./compile";
import { evaluateCondition } from "./condition";
import { FALSE, TRUE, UNKNOWN, type Tri } from "./conditions/types";
import { EvaluationContext, type AuthorizationRequest } from "./context";
import { decide, type DecisionFacts, type DecisionOutcome } from "./decide";
import { globMatch, regionEquals } from "./glob";
import { notPrincipalExcludes, principalGrant, type PrincipalGrant } from "./principal";
import { resolveGlob, resolveTemplate, type MissingKeys } from "./variables";

export type PolicyType = "identity" | "resource" | "boundary";

export interface LabelledPolicy {
  /** How the policy is shown: `user/alice/inline/ReadOnly`, `arn:aws:iam::aws:policy/...`. */
  label: string;
  policy: CompiledPolicy;
}

/** The policies that apply to one principal and resource, compiled. */
export interface PolicySet {
  /** The principal's inline and attached policies, and those of its groups. */
  identity: readonly LabelledPolicy[];
  resource?: LabelledPolicy;
  boundary?: LabelledPolicy;
}

export interface PolicyInput {
  label: string;
  /** Policy text (compiled through the cache) or an already compiled policy. */
  document: string | CompiledPolicy;
  /** The grammar for text: by default the slot's; "trust" for a role's trust policy. */
  kind?: PolicyKind;
}

export interface PolicySetInput {
  identity?: readonly PolicyInput[];
  resource?: PolicyInput;
  boundary?: PolicyInput;
}

export interface MatchedStatement {
  policyType: PolicyType;
  policy: string;
  sid?: string;
  /** 0-based index in the policy's Statement list. */
  index: number;
  effect: Effect;
  span: Span;
  /** A Deny that applied only because input could not be read (it failed closed). */
  failedClosed: boolean;
  /** For resource policies: how the statement's Principal named the caller. */
  principalGrant?: PrincipalGrant;
}

export interface EvaluationResult extends DecisionOutcome {
  /** Every statement that applied, in policy order (identity, resource, boundary). */
  matchedStatements: MatchedStatement[];
  /** Context keys that applicable statements referenced and the request lacked. */
  missingContextKeys: string[];
  facts: DecisionFacts;
}

/** Compiles (through the cache) the policies of a principal. */
export function createPolicySet(input: PolicySetInput): PolicySet {
  const labelled = (p: PolicyInput, kind: PolicyKind): LabelledPolicy => ({
    label: p.label,
    policy:
      typeof p.document === "string"
        ? compilePolicy(p.document, { kind: p.kind ?? kind })
        : p.document,
  });
  return {
    identity: (input.identity ?? []).map((p) => labelled(p, "identity")),
    resource: input.resource && labelled(input.resource, "resource"),
    boundary: input.boundary && labelled(input.boundary, "boundary"),
  };
}

class Collector implements MissingKeys {
  matched: MatchedStatement[] = [];
  missing: Map<string, string> | undefined;

  add(key: string): void {
    const lookup = key.toLowerCase();
    if (!this.missing) this.missing = new Map();
    if (!this.missing.has(lookup)) this.missing.set(lookup, key);
  }
}

interface PolicyOutcome {
  allow: boolean;
  deny: boolean;
  grant: PrincipalGrant | undefined;
}

/** Reused by evaluatePolicy: evaluation is synchronous and callers copy the fields at once. */
const policyOutcome: PolicyOutcome = { allow: false, deny: false, grant: undefined };

const GRANT_RANK: Record<PrincipalGrant, number> = { account: 1, other: 2, role: 3, direct: 4 };

/** Decides a request. Pass an EvaluationContext to reuse one prepared request across policy sets. */
export function evaluate(
  request: AuthorizationRequest | EvaluationContext,
  policies: PolicySet,
): EvaluationResult {
  const context = request instanceof EvaluationContext ? request : new EvaluationContext(request);
  const collector = new Collector();
  const root = context.principalKind === "Account";
  const hasBoundary = policies.boundary !== undefined && !root;

  let identityAllow = false;
  let identityDeny = false;
  if (!root) {
    for (const labelled of policies.identity) {
      const outcome = evaluatePolicy(labelled, "identity", context, collector, false);
      identityAllow ||= outcome.allow;
      identityDeny ||= outcome.deny;
    }
  }

  let resourceAllow: PrincipalGrant | undefined;
  let resourceDeny = false;
  if (policies.resource) {
    const outcome = evaluatePolicy(policies.resource, "resource", context, collector, hasBoundary);
    resourceAllow = outcome.grant;
    resourceDeny = outcome.deny;
  }

  let boundary: DecisionFacts["boundary"] = "absent";
  let boundaryDeny = false;
  if (hasBoundary && policies.boundary) {
    const outcome = evaluatePolicy(policies.boundary, "boundary", context, collector, false);
    boundary = outcome.allow ? "allow" : "noAllow";
    boundaryDeny = outcome.deny;
  }

  const facts: DecisionFacts = {
    root,
    crossAccount: context.crossAccount,
    identityAllow,
    identityDeny,
    resourceAllow,
    resourceDeny,
    boundary,
    boundaryDeny,
  };
  const { decision, reason } = decide(facts);
  return {
    decision,
    reason,
    matchedStatements: collector.matched,
    missingContextKeys: collector.missing ? [...collector.missing.values()] : [],
    facts,
  };
}

function evaluatePolicy(
  labelled: LabelledPolicy,
  policyType: PolicyType,
  context: EvaluationContext,
  collector: Collector,
  callerHasBoundary: boolean,
): PolicyOutcome {
  const outcome = policyOutcome;
  outcome.allow = false;
  outcome.deny = false;
  outcome.grant = undefined;
  const policy = labelled.policy;
  const first = collector.matched.length;
  const byService = policy.byService.get(context.service);
  if (byService) {
    scan(byService, labelled, policyType, context, collector, callerHasBoundary, outcome);
  }
  scan(policy.anyService, labelled, policyType, context, collector, callerHasBoundary, outcome);
  if (collector.matched.length - first > 1) {
    const mine = collector.matched.splice(first).sort((a, b) => a.index - b.index);
    collector.matched.push(...mine);
  }
  return outcome;
}

function scan(
  statements: readonly CompiledStatement[],
  labelled: LabelledPolicy,
  policyType: PolicyType,
  context: EvaluationContext,
  collector: Collector,
  callerHasBoundary: boolean,
  outcome: PolicyOutcome,
): void {
  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i];
    const applies = statementApplies(statement, context, collector, callerHasBoundary);
    if (applies === FALSE) continue;
    const grant = scratch.grant;
    if (statement.deny) {
      outcome.deny = true;
    } else {
      outcome.allow = true;
      if (grant && (!outcome.grant || GRANT_RANK[grant] > GRANT_RANK[outcome.grant])) {
        outcome.grant = grant;
      }
    }
    const matched: MatchedStatement = {
      policyType,
      policy: labelled.label,
      sid: statement.sid,
      index: statement.index,
      effect: statement.effect,
      span: statement.span,
      failedClosed: applies === UNKNOWN,
    };
    if (grant) matched.principalGrant = grant;
    collector.matched.push(matched);
  }
}

/** Set by statementApplies: how the statement's Principal named the caller. */
const scratch: { grant: PrincipalGrant | undefined } = { grant: undefined };

/**
 * TRUE when the statement applies, FALSE when not, UNKNOWN when a Deny applies only because
 * input could not be read. An Allow applies only when everything is TRUE.
 */
function statementApplies(
  statement: CompiledStatement,
  context: EvaluationContext,
  collector: Collector,
  callerHasBoundary: boolean,
): Tri {
  scratch.grant = undefined;
  let actionMatches = statement.actionMemo.get(context.action);
  if (actionMatches === undefined) {
    actionMatches = matchActions(statement, context.action);
    if (statement.actionMemo.size >= ACTION_MEMO_LIMIT) statement.actionMemo.clear();
    statement.actionMemo.set(context.action, actionMatches);
  }
  if (actionMatches === statement.actionsNegated) return FALSE;

  let result: Tri = TRUE;
  if (statement.resources) {
    const resource = matchResources(statement, context, collector);
    if (resource === FALSE) return FALSE;
    result = resource;
  }

  const principal = statement.principal;
  if (principal) {
    if (principal.negated) {
      // AWS: a Deny with NotPrincipal denies every caller that has a permissions boundary.
      const excluded =
        !(statement.deny && callerHasBoundary) &&
        notPrincipalExcludes(principal, context, statement.deny);
      if (excluded) return FALSE;
      scratch.grant = "other";
    } else {
      const grant = principalGrant(principal, context);
      if (!grant) return FALSE;
      scratch.grant = grant;
    }
  }

  const conditions = statement.conditions;
  for (let i = 0; i < conditions.length; i++) {
    const r = evaluateCondition(conditions[i], context, collector);
    if (r === FALSE) result = FALSE;
    else if (r === UNKNOWN && result === TRUE) result = UNKNOWN;
  }
  if (result === FALSE) return FALSE;
  if (result === UNKNOWN) return statement.deny ? UNKNOWN : FALSE;
  return TRUE;
}

const ACTION_MEMO_LIMIT = 4096;

function matchActions(statement: CompiledStatement, action: string): boolean {
  const actions = statement.actions;
  for (let i = 0; i < actions.length; i++) {
    if (globMatch(actions[i], action)) return true;
  }
  return false;
}

function matchResources(
  statement: CompiledStatement,
  context: EvaluationContext,
  collector: Collector,
): Tri {
  const resources = statement.resources ?? [];
  const negated = statement.resourcesNegated;
  const value = context.resource;
  let matched = false;
  let unknown = false;
  for (let i = 0; i < resources.length && !matched; i++) {
    const r = resources[i];
    if (r.any) {
      matched = true;
    } else if (r.head && r.tail) {
      const arn = context.resourceArn;
      if (!arn || !arnHeadMatch(r.head, arn)) continue;
      const prefix = r.tail.prefix ?? "";
      const start = arn.resourceStart + prefix.length;
      if (start > value.length || !regionEquals(value, arn.resourceStart, prefix)) continue;
      const glob = resolveGlob(r.tail, context, collector);
      // An unresolved variable: the element is treated as not matching (AWS).
      if (!glob) {
        if (negated) return FALSE;
        continue;
      }
      matched = globMatch(glob, value, start, value.length);
    } else if (r.template) {
      const chunks = resolveTemplate(r.template, context, collector);
      // An unresolved variable: the element is treated as not matching (AWS).
      if (!chunks) {
        if (negated) return FALSE;
        continue;
      }
      const pattern = compileArnPattern(chunks);
      const arn = context.resourceArn;
      // Not six ARN components after substitution: fails closed.
      if (!pattern) unknown = true;
      else matched = arn !== undefined && arnMatch(pattern, arn);
    } else if (r.arn) {
      const pattern = r.arn;
      if (pattern.exact !== undefined) {
        matched = value === pattern.exact;
      } else {
        const arn = context.resourceArn;
        matched = arn !== undefined && arnMatch(pattern, arn);
      }
    } else {
      // A pattern that is neither `*` nor an ARN: fails closed.
      unknown = true;
    }
  }
  if (matched) return negated ? FALSE : TRUE;
  if (unknown) return UNKNOWN;
  return negated ? TRUE : FALSE;
}
