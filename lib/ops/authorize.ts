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

/** The context keys every request carries (DESIGN.md's list), then the operation's own. */
export function requestContext(
  caller: Caller,
  request: AuthorizationRequest,
  now: Date,
  region: string,
): Record<string, EngineContextValue> {
  const context: Record<string, EngineContextValue> = {
    "aws:CurrentTime": now.toISOString(),
    "aws:EpochTime": String(Math.floor(now.getTime() / 1000)),
    "aws:SecureTransport": caller.secureTransport ?? false,
    "aws:RequestedRegion": caller.requestedRegion ?? region,
  };
  if (caller.sourceIp) context["aws:SourceIp"] = caller.sourceIp;
  if (caller.userAgent) context["aws:UserAgent"] = caller.userAgent;
  for (const [key, value] of Object.entries(request.resourceTags ?? {})) {
    context[`aws:ResourceTag/${key}`] = value;
  }
  for (const [key, value] of Object.entries(request.context ?? {})) {
    context[key] = typeof value === "number" ? String(value) : value;
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
  const policies = await identityPoliciesFor(runtime, caller.principal);
  const set = createPolicySet({
    identity: policies.identity,
    boundary: policies.boundary,
    resource: request.resourcePolicy
      ? { label: "ResourcePolicy", document: request.resourcePolicy }
      : undefined,
  });
  const engineRequest: EngineRequest = {
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
  const result = evaluate(engineRequest, set, { explain: options.explain ?? true });
  return { decision: result.decision, result, request: engineRequest };
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
