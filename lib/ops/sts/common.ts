// What STS's operations share: AWS's validation errors (the query protocol's ValidationError, in
// the words of AWS's request validation) and which callers hold temporary credentials.
import { AwsError } from "../../errors";
import type { Principal } from "../caller";

export const validation = (message: string) =>
  new AwsError("ValidationError", message, { status: 400 });

export const NOT_NULL = "Member must not be null";

/** `1 validation error detected: Value '...' at 'field' failed to satisfy constraint: ...`. */
export function constraint(value: unknown, field: string, rule: string) {
  // AWS quotes the value, or writes null for a member that was not sent.
  const shown = value === undefined || value === null ? "null" : `'${String(value)}'`;
  return validation(
    `1 validation error detected: Value ${shown} at '${field}' failed to satisfy constraint: ${rule}`,
  );
}

/** Whether the caller signed with temporary credentials (a role session, or GetSessionToken's). */
export function usesSessionCredentials(principal: Principal): boolean {
  return principal.type === "AssumedRole" || principal.session !== undefined;
}

/**
 * Whether the caller signed with credentials from GetSessionToken: the IAM user (or root user)
 * itself, marked with the session it signed with.
 */
export function usesSessionToken(principal: Principal): boolean {
  return (
    (principal.type === "User" || principal.type === "Root") && principal.session !== undefined
  );
}
