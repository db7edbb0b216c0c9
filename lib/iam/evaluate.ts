/**
 * Evaluating a request against the policies that apply to it: which statements match (action,
 * resource, principal, conditions), then ./decide.ts turns that into AWS's decision.
 *
 * Hot path: each policy hands over only the statements whose Action matches (./compile.ts);
 * resource patterns and conditions shared by several statements are computed once per
 * evaluation (./memo.ts); with `{ explain: false }` the scan stops at the first explicit deny
 * and skips Allow statements once an allow is known.
 */
import type { Effect, PolicyKind, Span } from "./ast";
import {
  compilePolicy,
  statementsFor,
  type CompiledPolicy,
  type CompiledStatement,
} from "./compile";
import { evaluateCondition, type CompiledCondition } from "./condition";
import { FALSE, TRUE, UNKNOWN, type Tri } from "./conditions/types";
import { EvaluationContext, type AuthorizationRequest } from "./context";
import { decide, type DecisionFacts, type DecisionOutcome } from "./decide";
import { nextEpoch } from "./memo";
import { notPrincipalExcludes, principalGrant, type PrincipalGrant } from "./principal";
import { MALFORMED, MATCH, UNRESOLVED, matchResource, type ResourceMatcher } from "./resource";
import type { MissingKeys } from "./variables";

export type PolicyType = "identity" | "resource" | "boundary" | "session";

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
  /**
   * Session policies (inline and managed, passed when the session was made): the session's
   * permissions are the identity policies' inside them. Absent or empty: no session policy.
   */
  session?: readonly LabelledPolicy[];
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
  session?: readonly PolicyInput[];
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
  /** Every statement that applied, in policy order (identity, resource, boundary, session). Empty with `explain: false`. */
  matchedStatements: MatchedStatement[];
  /** Context keys that applicable statements referenced and the request lacked. Empty with `explain: false`. */
  missingContextKeys: string[];
  /**
   * What each kind of policy said. With `explain: false` only what was learnt before the
   * decision was certain: after an explicit deny the later policies are not read (their facts
   * stay "no allow, no deny").
   */
  facts: DecisionFacts;
}

export interface EvaluateOptions {
  /**
   * true (the default): every statement that applied and every context key the request lacked,
   * for explain() and the simulator. false: decision, reason and facts only — enough for
   * `accessDeniedMessage` — and faster: the scan stops at the first explicit deny and skips
   * Allow statements once an allow is known.
   */
  explain?: boolean;
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
    session: input.session?.map((p) => labelled(p, "identity")),
  };
}

/** How specifically a resource policy's Principal names the caller (decide() takes the most). */
const GRANT_RANK: Record<PrincipalGrant, number> = { account: 1, other: 2, role: 3, direct: 4 };

/**
 * Decides a request. Pass an EvaluationContext to reuse one prepared request across policy sets,
 * and `{ explain: false }` when only the decision and its reason are needed.
 */
export function evaluate(
  request: AuthorizationRequest | EvaluationContext,
  policies: PolicySet,
  options?: EvaluateOptions,
): EvaluationResult {
  const context = request instanceof EvaluationContext ? request : new EvaluationContext(request);
  const run = new Evaluation(context, options?.explain !== false);
  const root = context.principalKind === "Account";
  const hasBoundary = policies.boundary !== undefined && !root;
  const facts: DecisionFacts = {
    root,
    crossAccount: context.crossAccount,
    identityAllow: false,
    identityDeny: false,
    resourceAllow: undefined,
    resourceDeny: false,
    boundary: "absent",
    boundaryDeny: false,
    session: "absent",
    sessionDeny: false,
  };

  // An explicit deny anywhere decides (./decide.ts): without explain, stop at the first one.
  if (!root) {
    const identity = policies.identity;
    for (let i = 0; i < identity.length; i++) {
      run.scan(identity[i], "identity", false, facts.identityAllow);
      facts.identityAllow ||= run.allow;
      facts.identityDeny ||= run.deny;
      if (run.decided) return run.result(facts);
    }
  }

  if (policies.resource) {
    run.scan(policies.resource, "resource", hasBoundary, false);
    facts.resourceAllow = run.grant;
    facts.resourceDeny = run.deny;
    if (run.decided) return run.result(facts);
  }

  if (hasBoundary && policies.boundary) {
    run.scan(policies.boundary, "boundary", false, false);
    facts.boundary = run.allow ? "allow" : "noAllow";
    facts.boundaryDeny = run.deny;
    if (run.decided) return run.result(facts);
  }

  const session = policies.session;
  if (!root && session && session.length > 0) {
    let allow = false;
    for (let i = 0; i < session.length; i++) {
      run.scan(session[i], "session", false, allow);
      allow ||= run.allow;
      facts.sessionDeny ||= run.deny;
      if (run.decided) break;
    }
    facts.session = allow ? "allow" : "noAllow";
  }
  return run.result(facts);
}

const NO_STATEMENTS: readonly CompiledStatement[] = [];

/** One evaluation: the request, its evaluation number, and what it has found so far. */
class Evaluation implements MissingKeys {
  readonly epoch = nextEpoch();
  /** Hears missing context keys; undefined without explain. */
  readonly missing: MissingKeys | undefined;
  readonly matched: MatchedStatement[] = [];
  private missingKeys: Map<string, string> | undefined;

  /** What the policy last scanned said. */
  allow = false;
  deny = false;
  grant: PrincipalGrant | undefined = undefined;
  /** Without explain: an explicit deny was found, nothing else can change the decision. */
  decided = false;
  /** How the statement last matched named the caller. */
  private statementGrant: PrincipalGrant | undefined = undefined;

  constructor(
    readonly context: EvaluationContext,
    readonly explain: boolean,
  ) {
    this.missing = explain ? this : undefined;
  }

  add(key: string): void {
    const lookup = key.toLowerCase();
    if (!this.missingKeys) this.missingKeys = new Map();
    if (!this.missingKeys.has(lookup)) this.missingKeys.set(lookup, key);
  }

  result(facts: DecisionFacts): EvaluationResult {
    const { decision, reason } = decide(facts);
    return {
      decision,
      reason,
      matchedStatements: this.matched,
      missingContextKeys: this.missingKeys ? [...this.missingKeys.values()] : [],
      facts,
    };
  }

  /**
   * Scans one policy's statements for the request's action. `allowKnown`: an earlier policy of
   * the same kind already allows (without explain its Allow statements need not be read).
   */
  scan(
    labelled: LabelledPolicy,
    policyType: PolicyType,
    callerHasBoundary: boolean,
    allowKnown: boolean,
  ): void {
    this.allow = false;
    this.deny = false;
    this.grant = undefined;
    const context = this.context;
    const explain = this.explain;
    const entry = statementsFor(labelled.policy, context.action, context.service);
    const statements = explain || !allowKnown || entry.hasDeny ? entry.statements : NO_STATEMENTS;
    const first = this.matched.length;
    for (let i = 0; i < statements.length; i++) {
      const statement = statements[i];
      // Without explain, once an allow is known (for a resource policy: naming the caller
      // directly, the strongest grant) only Deny statements can change the decision.
      if (!explain && !statement.deny) {
        if (allowKnown || (policyType === "resource" ? this.grant === "direct" : this.allow)) {
          continue;
        }
      }
      const applies = this.applies(statement, callerHasBoundary);
      if (applies === FALSE) continue;
      const grant = this.statementGrant;
      if (statement.deny) {
        this.deny = true;
        if (!explain) {
          this.decided = true;
          return;
        }
      } else {
        this.allow = true;
        if (grant && (!this.grant || GRANT_RANK[grant] > GRANT_RANK[this.grant])) {
          this.grant = grant;
        }
      }
      if (explain) this.record(labelled, policyType, statement, applies, grant);
    }
    if (!entry.inOrder && this.matched.length - first > 1) {
      const mine = this.matched.splice(first).sort((a, b) => a.index - b.index);
      this.matched.push(...mine);
    }
  }

  private record(
    labelled: LabelledPolicy,
    policyType: PolicyType,
    statement: CompiledStatement,
    applies: Tri,
    grant: PrincipalGrant | undefined,
  ): void {
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
    this.matched.push(matched);
  }

  /**
   * TRUE when the statement (whose action matches) applies, FALSE when not, UNKNOWN when a Deny
   * applies only because input could not be read. An Allow applies only when everything is TRUE.
   */
  private applies(statement: CompiledStatement, callerHasBoundary: boolean): Tri {
    this.statementGrant = undefined;
    let result: Tri = TRUE;
    if (statement.resources) {
      result = this.resources(statement.resources, statement.resourcesNegated);
      if (result === FALSE) return FALSE;
    }

    const principal = statement.principal;
    if (principal) {
      const context = this.context;
      if (principal.negated) {
        // AWS: a Deny with NotPrincipal denies every caller that has a permissions boundary.
        const excluded =
          !(statement.deny && callerHasBoundary) &&
          notPrincipalExcludes(principal, context, statement.deny);
        if (excluded) return FALSE;
        this.statementGrant = "other";
      } else {
        const grant = principalGrant(principal, context);
        if (!grant) return FALSE;
        this.statementGrant = grant;
      }
    }

    const conditions = statement.conditions;
    for (let i = 0; i < conditions.length; i++) {
      const r = this.condition(conditions[i]);
      if (r === FALSE) {
        result = FALSE;
        // With explain the other conditions are still read, for the missing context keys.
        if (!this.explain) break;
      } else if (r === UNKNOWN && result === TRUE) {
        result = UNKNOWN;
      }
    }
    if (result === FALSE) return FALSE;
    if (result === UNKNOWN) return statement.deny ? UNKNOWN : FALSE;
    return TRUE;
  }

  /** A condition, computed once per evaluation however many statements share it. */
  private condition(condition: CompiledCondition): Tri {
    if (condition.epoch !== this.epoch) {
      condition.result = evaluateCondition(condition, this.context, this.missing);
      condition.epoch = this.epoch;
    }
    return condition.result;
  }

  private resources(resources: readonly ResourceMatcher[], negated: boolean): Tri {
    let unknown = false;
    for (let i = 0; i < resources.length; i++) {
      const outcome = matchResource(resources[i], this.context, this.missing, this.epoch);
      if (outcome === MATCH) return negated ? FALSE : TRUE;
      // An unresolved variable: the element is treated as not matching (AWS).
      if (outcome === UNRESOLVED && negated) return FALSE;
      if (outcome === MALFORMED) unknown = true;
    }
    if (unknown) return UNKNOWN;
    return negated ? TRUE : FALSE;
  }
}
