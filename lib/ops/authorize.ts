// The one decision point. Every operation calls ctx.authorize() before it reads or changes
// anything the caller names; the policy engine (lib/iam) decides with the caller's whole policy
// set (inline, attached, groups', boundary), the resource's policy, and the request's context.
import {
  accessDeniedMessage,
  createPolicySet,
  evaluate,
  type AuthorizationRequest as EngineRequest,
  type ContextValue as EngineContextValue,
  type EvaluationResult,
  type RequestPrincipal,
} from "../iam";
import type { ReadScope } from "../db/sql-store";
import { AccessDenied } from "../errors";
import type { Caller, Principal } from "./caller";
import { identityPoliciesFor } from "./iam/policy-set";
import { getRuntime, type Runtime } from "./runtime";

export type ContextValue = string | string[] | number | boolean;

export interface AuthorizationRequest {
  action: string;
  /** The resource ARN ("*" for actions without a resource). */
  resource: string;
  /** Request context keys (secretsmanager:*, aws:RequestTag/*, ...). */
  context?: Record<string, ContextValue>;
  /** The resource's own policy, when it has one (a secret's resource policy). */
  resourcePolicy?: string | null;
  /** The resource's tags, offered as aws:ResourceTag/*. */
  resourceTags?: Record<string, string>;
  /** The operation's reads, when it made some already (see ReadScope in lib/db/sql-store.ts). */
  readScope?: ReadScope;
}

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

function enginePrincipal(principal: Principal): RequestPrincipal {
  switch (principal.type) {
    case "Root":
      return {
        arn: principal.arn,
        type: "Account",
        accountId: principal.accountId,
        userId: principal.id,
      };
    case "User":
      return {
        arn: principal.arn,
        type: "User",
        accountId: principal.accountId,
        userId: principal.id,
        username: principal.name,
        tags: principal.tags,
      };
    case "AssumedRole":
    case "Role":
      return {
        arn: principal.arn,
        type: "AssumedRole",
        accountId: principal.accountId,
        userId: principal.id,
        tags: principal.tags,
      };
  }
}

// Requests in the same millisecond (second) share their aws:CurrentTime (aws:EpochTime) text.
let lastTimeMs = NaN;
let lastTimeText = "";
let lastEpochSecond = NaN;
let lastEpochText = "";

function currentTime(now: Date): string {
  const ms = now.getTime();
  if (ms !== lastTimeMs) {
    lastTimeMs = ms;
    lastTimeText = now.toISOString();
  }
  return lastTimeText;
}

function epochTime(now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastEpochSecond) {
    lastEpochSecond = second;
    lastEpochText = String(second);
  }
  return lastEpochText;
}

/** The context keys every request carries (DESIGN.md's list), then the operation's own. */
export function requestContext(
  caller: Caller,
  request: AuthorizationRequest,
  now: Date,
  region: string,
): Record<string, EngineContextValue> {
  const context: Record<string, EngineContextValue> = {
    "aws:CurrentTime": currentTime(now),
    "aws:EpochTime": epochTime(now),
    "aws:SecureTransport": caller.secureTransport ?? false,
    "aws:RequestedRegion": caller.requestedRegion ?? region,
  };
  if (caller.sourceIp) context["aws:SourceIp"] = caller.sourceIp;
  if (caller.userAgent) context["aws:UserAgent"] = caller.userAgent;
  const tags = request.resourceTags;
  if (tags) for (const key in tags) context[`aws:ResourceTag/${key}`] = tags[key];
  const own = request.context;
  if (own) {
    for (const key in own) {
      const value = own[key];
      context[key] = typeof value === "number" ? String(value) : value;
    }
  }
  return context;
}

export interface AuthorizationOutcome {
  decision: Decision;
  result: EvaluationResult;
  request: EngineRequest;
}

/**
 * Decides a request. `explain: false` (what authorize() uses) stops at the first certain answer
 * and skips collecting every matched statement; the decision and its reason are the same.
 */
export async function decide(
  caller: Caller,
  request: AuthorizationRequest,
  rt?: Runtime,
  options: { explain?: boolean } = {},
): Promise<AuthorizationOutcome> {
  const runtime = rt ?? (await getRuntime());
  const policies = await identityPoliciesFor(runtime, caller.principal, request.readScope);
  const set = createPolicySet({
    identity: policies.identity,
    boundary: policies.boundary,
    session: policies.session,
    resource: request.resourcePolicy
      ? { label: "ResourcePolicy", document: request.resourcePolicy }
      : undefined,
  });
  const engineRequest = engineRequestFor(caller, request, runtime);
  const result = evaluate(engineRequest, set, { explain: options.explain ?? true });
  return { decision: result.decision, result, request: engineRequest };
}

function engineRequestFor(
  caller: Caller,
  request: AuthorizationRequest,
  runtime: Runtime,
): EngineRequest {
  return {
    principal: enginePrincipal(caller.principal),
    action: request.action,
    resource: request.resource,
    // AWS managed policies (arn:aws:iam::aws:policy/...) are readable and attachable in every
    // account: decide them as the caller's own, not as another account's resource.
    resourceAccount: request.resource.startsWith("arn:aws:iam::aws:")
      ? caller.principal.accountId
      : undefined,
    context: requestContext(caller, request, runtime.now(), runtime.region),
  };
}

/**
 * Decides many requests of one caller (resources without policies of their own) with one look at
 * the caller's policy set: lists that check each row stay at a constant number of queries.
 */
export async function decideEach(
  caller: Caller,
  requests: Omit<AuthorizationRequest, "resourcePolicy">[],
  rt?: Runtime,
): Promise<Decision[]> {
  const runtime = rt ?? (await getRuntime());
  const policies = await identityPoliciesFor(runtime, caller.principal);
  const set = createPolicySet({
    identity: policies.identity,
    boundary: policies.boundary,
    session: policies.session,
  });
  return requests.map(
    (request) =>
      evaluate(engineRequestFor(caller, request, runtime), set, { explain: false }).decision,
  );
}

export async function authorize(
  caller: Caller,
  request: AuthorizationRequest,
  rt?: Runtime,
): Promise<void> {
  const outcome = await decide(caller, request, rt, { explain: false });
  if (outcome.decision !== "allowed") {
    throw AccessDenied(accessDeniedMessage(outcome.request, outcome.result));
  }
}
