// Console sign-in attempts in the audit log, as CloudTrail records them: eventSource
// signin.amazonaws.com, eventName ConsoleLogin, the principal who tried (or, for a user name
// that names nobody, HIDDEN_DUE_TO_SECURITY_REASONS: people type passwords into that field),
// "Failed authentication" on failure. Sign-in is no AWS action a policy could refuse, so these
// rows are written here rather than through defineOperation.
import type { Db, Tx } from "../../db/client";
import { writeAudit, type AuditRecord } from "../audit";
import type { Runtime } from "../runtime";

export const CONSOLE_LOGIN_ACTION = "signin:ConsoleLogin";
export const HIDDEN_USER_NAME = "HIDDEN_DUE_TO_SECURITY_REASONS";
export const FAILED_AUTHENTICATION = "Failed authentication";

/** Where a sign-in attempt came from, as the request told it. */
export interface SignInAttemptContext {
  sourceIp?: string;
  userAgent?: string;
}

export type ConsoleLoginOutcome = "Success" | "Failure" | "Throttled";

export function consoleLoginRecord(
  rt: Runtime,
  principalArn: string,
  outcome: ConsoleLoginOutcome,
  context: SignInAttemptContext = {},
): AuditRecord {
  return {
    time: rt.now(),
    principalArn,
    action: CONSOLE_LOGIN_ACTION,
    decision: outcome === "Success" ? "allowed" : "denied",
    via: "console",
    sourceIp: context.sourceIp,
    userAgent: context.userAgent?.slice(0, 512),
    // A refusal while locked out is still a failed authentication; the code tells them apart.
    errorCode: outcome === "Throttled" ? "Throttling" : undefined,
    errorMessage: outcome === "Success" ? undefined : FAILED_AUTHENTICATION,
  };
}

export async function recordConsoleLogin(
  rt: Runtime,
  tx: Tx | Db,
  principalArn: string,
  outcome: ConsoleLoginOutcome,
  context?: SignInAttemptContext,
): Promise<void> {
  await writeAudit(tx, consoleLoginRecord(rt, principalArn, outcome, context));
}

/** The ARN recorded for an attempt at a user name that names no user of this account. */
export const hiddenUserArn = (accountId: string) =>
  `arn:aws:iam::${accountId}:user/${HIDDEN_USER_NAME}`;
