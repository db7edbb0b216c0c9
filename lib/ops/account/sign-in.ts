// Console sign-in of IAM users (account id or alias, user name, password), with failed attempts
// slowed and then refused for a while, per user and per address. Every attempt is recorded as a
// ConsoleLogin event. The account password policy's MaxPasswordAge is decided here too, once the
// password is proved right: an expired password must be replaced first, and under HardExpiry the
// attempt fails (a ConsoleLogin Failure, the password not counted as used).
import { verify } from "@node-rs/argon2";
import { writeAudit } from "../audit";
import type { Principal } from "../caller";
import { passwordExpiry } from "../iam/password-history";
import { readPasswordPolicy } from "../iam/password-policy";
import { getRuntime } from "../runtime";
import {
  consoleLoginRecord,
  hiddenUserArn,
  recordConsoleLogin,
  type SignInAttemptContext,
} from "./console-login";
import {
  addressThrottleKey,
  recordFailure,
  retryAfterSeconds,
  slowDown,
  throttleState,
  userThrottleKey,
} from "./throttle";

export { THROTTLE } from "./throttle";

/**
 * "expired": the password was right but expired under HardExpiry, so only an administrator may
 * reset it; nothing else tells a caller that a password was right without signing them in.
 */
export type SignInResult =
  | { ok: true; principal: Principal; passwordResetRequired: boolean }
  | { ok: false; reason: "invalid" | "locked" | "expired"; retryAfterSeconds?: number };

/** The ConsoleLogin event's errorMessage when the password expired under HardExpiry. */
export const PASSWORD_EXPIRED = "Password expired";

/** Checks an IAM user's console password. The account may be given by id or alias. */
export async function signInIamUser(
  input: {
    account: string;
    userName: string;
    password: string;
  } & SignInAttemptContext,
): Promise<SignInResult> {
  const rt = await getRuntime();
  const context = { sourceIp: input.sourceIp, userAgent: input.userAgent };
  const account = await rt.db.account.findFirst({ select: { id: true, alias: true } });
  const keys = [
    userThrottleKey(input.userName),
    ...(input.sourceIp ? [addressThrottleKey(input.sourceIp)] : []),
  ];
  const accountMatches =
    !!account &&
    (input.account === account.id || (!!account.alias && input.account === account.alias));
  const user = accountMatches
    ? await rt.db.iamUser.findUnique({
        where: { name: input.userName },
        select: {
          id: true,
          arn: true,
          name: true,
          passwordHash: true,
          passwordResetRequired: true,
          passwordLastChanged: true,
          loginProfileCreateDate: true,
        },
      })
    : null;
  const attemptedArn = user?.arn ?? hiddenUserArn(rt.accountId);
  const state = await throttleState(rt, keys);
  if (state.lockedUntil > 0) {
    await recordConsoleLogin(rt, rt.db, attemptedArn, "Throttled", context);
    return { ok: false, reason: "locked", retryAfterSeconds: retryAfterSeconds(rt, state) };
  }
  await slowDown(state);
  const ok = user?.passwordHash
    ? await verify(user.passwordHash, input.password).catch(() => false)
    : false;
  if (!ok || !user) {
    await rt.db.$transaction(async (tx) => {
      await recordFailure(rt, tx, keys);
      await recordConsoleLogin(rt, tx, attemptedArn, "Failure", context);
    });
    return { ok: false, reason: "invalid" };
  }
  // Passwords set before their date was kept count from the login profile's creation.
  const expiry = passwordExpiry(
    user.passwordLastChanged ?? user.loginProfileCreateDate,
    await readPasswordPolicy(rt.db),
    rt.now(),
  );
  if (expiry.expired && expiry.hardExpiry) {
    // Not a wrong guess: the failure counters are left as they are.
    await writeAudit(rt.db, {
      ...consoleLoginRecord(rt, user.arn, "Failure", context),
      errorCode: "PasswordExpired",
      errorMessage: PASSWORD_EXPIRED,
    });
    return { ok: false, reason: "expired" };
  }
  await rt.db.$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: keys[0] } });
    await tx.iamUser.update({ where: { id: user.id }, data: { passwordLastUsed: rt.now() } });
    await recordConsoleLogin(rt, tx, user.arn, "Success", context);
  });
  const tags = await rt.db.iamTag.findMany({ where: { resourceArn: user.arn } });
  return {
    ok: true,
    // An administrator asked for a new password, or MaxPasswordAge did.
    passwordResetRequired: user.passwordResetRequired || expiry.expired,
    principal: {
      type: "User",
      arn: user.arn,
      accountId: rt.accountId,
      name: user.name,
      id: user.id,
      tags: Object.fromEntries(tags.map((t) => [t.key, t.value])),
    },
  };
}
