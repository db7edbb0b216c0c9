// iam:ChangePassword: an IAM user changes their own console password. Authorized as
// iam:ChangePassword on the user's own ARN, which AWS's IAMUserChangePassword grants, and so does
// the account password policy's AllowUsersToChangePassword, for every user (an explicit Deny still
// refuses). The new password follows the account password policy, including
// PasswordReusePrevention; a wrong old password counts as a failed sign-in, so the operation
// cannot be used to guess passwords with an access key. An expired password may be changed here
// even under HardExpiry, as in AWS (only the console refuses it).
import { hash, verify } from "@node-rs/argon2";
import { AwsError } from "../../errors";
import {
  recordFailure,
  retryAfterSeconds,
  throttleState,
  userThrottleKey,
} from "../account/throttle";
import { defineOperation } from "../operation";
import { IamValidation, InvalidInput, NoSuchEntity, PasswordPolicyViolation } from "./common";
import { checkPasswordReuse, recordPasswordSet } from "./password-history";
import { accountPasswordGrant, checkPasswordPolicy, readPasswordPolicy } from "./password-policy";

export interface ChangePasswordInput {
  OldPassword: string;
  NewPassword: string;
}

const InvalidUserType = (message: string) =>
  new AwsError("InvalidUserType", message, { status: 400 });
const EntityTemporarilyUnmodifiable = (message: string) =>
  new AwsError("EntityTemporarilyUnmodifiable", message, { status: 409 });

/** IAM's passwordType: 1 to 512 characters of tab, newlines and Latin-1 printable. */
function checkPasswordMember(value: unknown, member: "oldPassword" | "newPassword"): string {
  const field = member === "oldPassword" ? "OldPassword" : "NewPassword";
  if (typeof value !== "string" || value.length === 0) {
    throw IamValidation(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must not be null`,
      field,
    );
  }
  if (value.length > 512 || !/^[\u0009\u000A\u000D\u0020-\u00FF]+$/.test(value)) {
    throw IamValidation(
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to 512 and satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u00FF]+`,
      field,
    );
  }
  return value;
}

export const changePassword = defineOperation<ChangePasswordInput, Record<string, never>>(
  "iam:ChangePassword",
  async (ctx, input) => {
    const oldPassword = checkPasswordMember(input?.OldPassword, "oldPassword");
    const newPassword = checkPasswordMember(input?.NewPassword, "newPassword");
    const principal = ctx.caller.principal;
    // Only IAM users have a password of their own to change here (the root user's is changed in
    // the account settings; roles have none).
    if (principal.type !== "User") {
      throw InvalidUserType("Only IAM users can change their own password with ChangePassword.");
    }
    const user = await ctx.rt.db.iamUser.findUnique({
      where: { id: principal.id },
      select: { id: true, name: true, arn: true, passwordHash: true },
    });
    const policy = await readPasswordPolicy(ctx.rt.db);
    await ctx.authorize({
      resource: user?.arn ?? principal.arn,
      resourcePolicy: accountPasswordGrant(policy, principal, "iam:ChangePassword"),
    });
    if (!user || user.arn !== principal.arn) {
      throw NoSuchEntity(`The user with name ${principal.name} cannot be found.`);
    }
    if (!user.passwordHash) {
      throw NoSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    }
    const keys = [userThrottleKey(user.name)];
    const state = await throttleState(ctx.rt, keys);
    if (state.lockedUntil > 0) {
      const minutes = Math.ceil(retryAfterSeconds(ctx.rt, state) / 60);
      throw EntityTemporarilyUnmodifiable(
        `Too many failed password attempts for user ${user.name}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }
    const oldMatches = await verify(user.passwordHash, oldPassword).catch(() => false);
    if (!oldMatches) {
      await recordFailure(ctx.rt, ctx.rt.db, keys);
      throw InvalidInput("The old password is incorrect", "OldPassword");
    }
    await checkPasswordPolicy(ctx.rt.db, newPassword);
    await checkPasswordReuse(ctx.rt.db, user, newPassword, policy);
    if (newPassword === oldPassword) {
      throw PasswordPolicyViolation("The new password must be different from the old password.");
    }
    const passwordHash = await hash(newPassword);
    await ctx.rt.db.$transaction(async (tx) => {
      await tx.iamUser.update({
        where: { id: user.id },
        data: { passwordHash, passwordResetRequired: false },
      });
      await recordPasswordSet(tx, user.id, passwordHash, ctx.rt.now());
      // The user has just proved the old password: earlier wrong guesses no longer count.
      await tx.signInThrottle.deleteMany({ where: { key: keys[0] } });
      await ctx.auditIn(tx);
    });
    return {};
  },
);
