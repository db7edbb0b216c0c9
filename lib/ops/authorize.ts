// The one decision point. Every operation calls ctx.authorize() before it reads or changes
// anything the caller names. Until the policy engine is wired in (issue 3/4) the root user is
// allowed everything in its account and every other principal is refused.
import { AccessDenied } from "../errors";
import type { Caller } from "./caller";

export type ContextValue = string | string[] | number | boolean;

export interface AuthorizationRequest {
  action: string;
  /** The resource ARN ("*" for actions without a resource). */
  resource: string;
  /** Request context keys (secretsmanager:*, aws:RequestTag/*, ...). */
  context?: Record<string, ContextValue>;
  /** The resource's own policy, when it has one (a secret's resource policy). */
  resourcePolicy?: string | null;
  /** The resource's tags, offered as aws:ResourceTag/* and <service>:ResourceTag/*. */
  resourceTags?: Record<string, string>;
}

export type Decision = "allowed" | "explicitDeny" | "implicitDeny";

export interface AuthorizationResult {
  decision: Decision;
  /** Where the deciding deny came from, for AWS's message. */
  denySource?: "identity-based policy" | "resource-based policy" | "permissions boundary";
}

export async function decide(
  caller: Caller,
  request: AuthorizationRequest,
): Promise<AuthorizationResult> {
  const { principal } = caller;
  // Root of this account may do anything to this account's resources.
  if (principal.type === "Root" && resourceAccount(request.resource, principal.accountId)) {
    return { decision: "allowed" };
  }
  // No engine yet: everyone else fails closed.
  return { decision: "implicitDeny" };
}

function resourceAccount(resource: string, accountId: string): boolean {
  if (resource === "*") return true;
  const account = resource.split(":")[4];
  return account === undefined || account === "" || account === accountId;
}

/** AWS's wording of a denial. */
export function denialMessage(
  caller: Caller,
  request: Pick<AuthorizationRequest, "action" | "resource">,
  result: AuthorizationResult,
): string {
  const who = caller.principal.arn;
  const base = `User: ${who} is not authorized to perform: ${request.action} on resource: ${request.resource}`;
  if (result.decision === "explicitDeny") {
    return `${base} with an explicit deny in a ${result.denySource ?? "identity-based policy"}`;
  }
  return `${base} because no ${result.denySource ?? "identity-based policy"} allows the ${request.action} action`;
}

export async function authorize(caller: Caller, request: AuthorizationRequest): Promise<void> {
  const result = await decide(caller, request);
  if (result.decision !== "allowed") throw AccessDenied(denialMessage(caller, request, result));
}
