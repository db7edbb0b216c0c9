/**
 * Principal and NotPrincipal in resource-based and trust policies.
 *
 * How a caller is named, from most to least specific (a `PrincipalGrant`):
 * - "direct": its own ARN (an IAM user, an assumed-role session, a federated user);
 * - "role": the role of an assumed-role session (`arn:aws:iam::ACCOUNT:role/ROLE` matches
 *   `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`);
 * - "other": everyone (`"*"`, `{"AWS": "*"}`) or a service principal;
 * - "account": its account (`"111122223333"` or `arn:aws:iam::111122223333:root`), which
 *   delegates to the account's own identity policies.
 */
import type { PrincipalElement } from "./ast";
import { parseArn } from "./arn";
import type { EvaluationContext } from "./context";

export type PrincipalGrant = "direct" | "role" | "other" | "account";

export interface CompiledPrincipal {
  negated: boolean;
  wildcard: boolean;
  accounts: Set<string>;
  arns: Set<string>;
  /** `ACCOUNT/ROLE-NAME` of each role ARN named. */
  roles: Set<string>;
  services: Set<string>;
  federated: Set<string>;
  canonicalUsers: Set<string>;
}

const ACCOUNT_ID = /^\d{12}$/;

export function compilePrincipal(element: PrincipalElement, negated: boolean): CompiledPrincipal {
  const compiled: CompiledPrincipal = {
    negated,
    wildcard: element.wildcard !== undefined,
    accounts: new Set(),
    arns: new Set(),
    roles: new Set(),
    services: new Set(),
    federated: new Set(),
    canonicalUsers: new Set(),
  };
  for (const entry of element.entries) {
    for (const { value } of entry.values) {
      switch (entry.type) {
        case "AWS":
          addAwsPrincipal(compiled, value);
          break;
        case "Service":
          if (value === "*") compiled.wildcard = true;
          else compiled.services.add(value);
          break;
        case "Federated":
          compiled.federated.add(value);
          break;
        case "CanonicalUser":
          compiled.canonicalUsers.add(value);
          break;
      }
    }
  }
  return compiled;
}

function addAwsPrincipal(compiled: CompiledPrincipal, value: string): void {
  if (value === "*") {
    compiled.wildcard = true;
    return;
  }
  if (ACCOUNT_ID.test(value)) {
    compiled.accounts.add(value);
    return;
  }
  const arn = parseArn(value);
  // Not an ARN (the parser reports it): it names nobody.
  if (!arn) return;
  if (arn.service === "iam" && arn.resource === "root") {
    compiled.accounts.add(arn.account);
  } else if (arn.service === "iam" && arn.resource.startsWith("role/")) {
    compiled.roles.add(`${arn.account}/${arn.resource.slice(arn.resource.lastIndexOf("/") + 1)}`);
    compiled.arns.add(value);
  } else {
    compiled.arns.add(value);
  }
}

/** How the Principal element names the caller, or undefined when it does not. */
export function principalGrant(
  principal: CompiledPrincipal,
  context: EvaluationContext,
): PrincipalGrant | undefined {
  const arn = context.request.principal.arn;
  const kind = context.principalKind;
  if (principal.arns.has(arn)) return arn.includes(":role/") ? "role" : "direct";
  if (kind === "AssumedRole" && principal.roles.has(roleKey(context))) return "role";
  if (principal.wildcard) return "other";
  if (kind === "Service" && principal.services.has(arn)) return "other";
  if (principal.federated.has(arn) || principal.canonicalUsers.has(arn)) return "other";
  if (
    kind !== "Service" &&
    context.principalAccount !== undefined &&
    principal.accounts.has(context.principalAccount)
  ) {
    return "account";
  }
  return undefined;
}

function roleKey(context: EvaluationContext): string {
  const role = context.roleArn ?? "";
  return `${context.principalAccount}/${role.slice(role.lastIndexOf("/") + 1)}`;
}

/**
 * Whether NotPrincipal leaves the caller out. A caller has several names (session, role,
 * account). A Deny leaves the caller out only when every one of its names is listed — AWS's
 * documented reason for listing the account too; an Allow leaves it out when any is listed.
 * Both err toward denying.
 */
export function notPrincipalExcludes(
  principal: CompiledPrincipal,
  context: EvaluationContext,
  deny: boolean,
): boolean {
  if (principal.wildcard) return true;
  const arn = context.request.principal.arn;
  const kind = context.principalKind;
  const names: boolean[] = [];
  switch (kind) {
    case "Account":
      names.push(principal.accounts.has(context.principalAccount ?? "") || principal.arns.has(arn));
      break;
    case "User":
    case "FederatedUser":
      names.push(principal.arns.has(arn));
      names.push(principal.accounts.has(context.principalAccount ?? ""));
      break;
    case "AssumedRole":
      names.push(principal.arns.has(arn));
      names.push(principal.roles.has(roleKey(context)));
      names.push(principal.accounts.has(context.principalAccount ?? ""));
      break;
    case "Service":
      names.push(principal.services.has(arn));
      break;
    default:
      // An anonymous caller is named only by "*".
      names.push(false);
  }
  return deny ? names.every(Boolean) : names.some(Boolean);
}
