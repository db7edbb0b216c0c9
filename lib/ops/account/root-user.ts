// The root user of the account: created once (setup page or `strongbox init`), then signs in
// with email and password. Hashes are argon2id.
import { hash, verify } from "@node-rs/argon2";
import { InvalidParameter, InvalidRequest } from "../../errors";
import { rootPrincipal, type Principal } from "../caller";
import { getRuntime } from "../runtime";
import { recordConsoleLogin, type SignInAttemptContext } from "./console-login";
import type { SignInResult } from "./sign-in";
import {
  addressThrottleKey,
  recordFailure,
  retryAfterSeconds,
  slowDown,
  throttleState,
} from "./throttle";

const ROOT_THROTTLE_KEY = "root";

export interface AccountStatus {
  accountId: string;
  region: string;
  rootConfigured: boolean;
}

export async function getAccountStatus(): Promise<AccountStatus> {
  const rt = await getRuntime();
  const account = await rt.db.account.findUnique({
    where: { id: rt.accountId },
    select: { rootPasswordHash: true },
  });
  return {
    accountId: rt.accountId,
    region: rt.region,
    rootConfigured: !!account?.rootPasswordHash,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_ROOT_PASSWORD = 8;

/** Creates the root user; refused once one exists (the setup page is a one-time door). */
export async function initRootUser(input: { email: string; password: string }): Promise<Principal> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw InvalidParameter("Enter a valid email address.", "email");
  if (input.password.length < MIN_ROOT_PASSWORD || input.password.length > 128) {
    throw InvalidParameter(
      `The root password must be ${MIN_ROOT_PASSWORD} to 128 characters long.`,
      "password",
    );
  }
  const rt = await getRuntime();
  const passwordHash = await hash(input.password);
  const updated = await rt.db.account.updateMany({
    where: { id: rt.accountId, rootPasswordHash: null },
    data: { rootEmail: email, rootPasswordHash: passwordHash },
  });
  if (updated.count === 0) throw InvalidRequest("The root user of this account already exists.");
  return rootPrincipal(rt.accountId);
}

/**
 * Signs the root user in, throttled like IAM users (per root user and per address). Every attempt
 * is recorded as a ConsoleLogin event against the root ARN: the account has one root user.
 */
export async function signInRootUser(
  input: { email: string; password: string } & SignInAttemptContext,
): Promise<SignInResult> {
  const rt = await getRuntime();
  const context = { sourceIp: input.sourceIp, userAgent: input.userAgent };
  const principal = rootPrincipal(rt.accountId);
  const keys = [ROOT_THROTTLE_KEY, ...(input.sourceIp ? [addressThrottleKey(input.sourceIp)] : [])];
  const state = await throttleState(rt, keys);
  if (state.lockedUntil > 0) {
    await recordConsoleLogin(rt, rt.db, principal.arn, "Throttled", context);
    return { ok: false, reason: "locked", retryAfterSeconds: retryAfterSeconds(rt, state) };
  }
  await slowDown(state);
  const account = await rt.db.account.findUnique({
    where: { id: rt.accountId },
    select: { rootEmail: true, rootPasswordHash: true },
  });
  const email = input.email.trim().toLowerCase();
  const ok =
    !!account?.rootPasswordHash &&
    account.rootEmail === email &&
    (await verify(account.rootPasswordHash, input.password).catch(() => false));
  await rt.db.$transaction(async (tx) => {
    if (ok) await tx.signInThrottle.deleteMany({ where: { key: ROOT_THROTTLE_KEY } });
    else await recordFailure(rt, tx, keys);
    await recordConsoleLogin(rt, tx, principal.arn, ok ? "Success" : "Failure", context);
  });
  return ok
    ? { ok: true, principal, passwordResetRequired: false }
    : { ok: false, reason: "invalid" };
}

/** Checks root credentials; undefined when they don't match (callers say nothing more). */
export async function verifyRootUser(
  input: { email: string; password: string } & SignInAttemptContext,
): Promise<Principal | undefined> {
  const result = await signInRootUser(input);
  return result.ok ? result.principal : undefined;
}
