// The account password policy: GetAccountPasswordPolicy, UpdateAccountPasswordPolicy and
// DeleteAccountPasswordPolicy, kept as one Setting row, and the check every new IAM user password
// goes through (CreateLoginProfile, UpdateLoginProfile, ChangePassword). Without a policy the
// account default applies: at least 8 characters with three of the four character classes.
// AllowUsersToChangePassword is a grant IAM applies at the account level (accountPasswordGrant).
import type { Db, Tx } from "../../db/client";
import type { Principal } from "../caller";
import { defineOperation } from "../operation";
import { IamValidation, NoSuchEntity, PasswordPolicyViolation } from "./common";
import { passwordViolation, type PasswordPolicy } from "./password-rules";

export { passwordViolation, type PasswordPolicy } from "./password-rules";

export const PASSWORD_POLICY_KEY = "iam.passwordPolicy";

export interface UpdateAccountPasswordPolicyInput {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

export async function readPasswordPolicy(db: Db | Tx): Promise<PasswordPolicy | undefined> {
  const row = await db.setting.findUnique({ where: { key: PASSWORD_POLICY_KEY } });
  if (!row) return undefined;
  return JSON.parse(row.value) as PasswordPolicy;
}

/** Checks a new password against the account's policy; PasswordPolicyViolation when it fails. */
export async function checkPasswordPolicy(db: Db | Tx, password: unknown): Promise<string> {
  if (typeof password !== "string") throw PasswordPolicyViolation("Password is required.");
  const violation = passwordViolation(password, await readPasswordPolicy(db));
  if (violation) throw PasswordPolicyViolation(violation);
  return password;
}

/**
 * What AllowUsersToChangePassword grants, as IAM describes it: every IAM user may call
 * iam:ChangePassword "for only their user" and iam:GetAccountPasswordPolicy, "applied at the
 * account-level for all users" rather than attached to each. Returned as a policy that names the
 * calling user's own ARN, for ctx.authorize's resourcePolicy: the engine decides a grant that names
 * the caller directly as AWS decides any grant outside the identity policies, so a permissions
 * boundary does not narrow it, while an explicit Deny in any of the user's policies (identity,
 * group, boundary) still refuses, as an explicit deny always does in AWS's evaluation logic.
 * Undefined when the policy does not allow it or the caller is no IAM user.
 */
export function accountPasswordGrant(
  policy: PasswordPolicy | undefined,
  principal: Principal,
  action: "iam:ChangePassword" | "iam:GetAccountPasswordPolicy",
): string | undefined {
  if (!policy?.AllowUsersToChangePassword || principal.type !== "User") return undefined;
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AllowUsersToChangePassword",
        Effect: "Allow",
        Principal: { AWS: principal.arn },
        Action: action,
        Resource: action === "iam:ChangePassword" ? principal.arn : "*",
      },
    ],
  });
}

function validate(input: UpdateAccountPasswordPolicyInput): PasswordPolicy {
  const errors: string[] = [];
  let field: string | undefined;
  const int = (name: keyof UpdateAccountPasswordPolicyInput, min: number, max: number) => {
    const value = input[name];
    if (value === undefined || value === null) return undefined;
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    if (typeof value !== "number" || !Number.isInteger(value)) {
      errors.push(
        `Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must be an integer`,
      );
    } else if (value < min) {
      errors.push(
        `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`,
      );
    } else if (value > max) {
      errors.push(
        `Value '${value}' at '${member}' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
      );
    } else return value;
    field ??= name;
    return undefined;
  };
  const bool = (name: keyof UpdateAccountPasswordPolicyInput) => {
    const value = input[name];
    if (value === undefined || value === null) return false;
    if (typeof value !== "boolean") {
      const member = name.charAt(0).toLowerCase() + name.slice(1);
      errors.push(
        `Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must be a boolean`,
      );
      field ??= name;
      return false;
    }
    return value;
  };
  const minimum = int("MinimumPasswordLength", 6, 128);
  const maxAge = int("MaxPasswordAge", 1, 1095);
  const reuse = int("PasswordReusePrevention", 1, 24);
  const policy: PasswordPolicy = {
    MinimumPasswordLength: minimum ?? 6,
    RequireSymbols: bool("RequireSymbols"),
    RequireNumbers: bool("RequireNumbers"),
    RequireUppercaseCharacters: bool("RequireUppercaseCharacters"),
    RequireLowercaseCharacters: bool("RequireLowercaseCharacters"),
    AllowUsersToChangePassword: bool("AllowUsersToChangePassword"),
    ExpirePasswords: maxAge !== undefined,
    ...(maxAge !== undefined ? { MaxPasswordAge: maxAge } : {}),
    ...(reuse !== undefined ? { PasswordReusePrevention: reuse } : {}),
    HardExpiry: bool("HardExpiry"),
  };
  if (errors.length > 0) {
    const n = errors.length;
    throw IamValidation(
      `${n} validation error${n === 1 ? "" : "s"} detected: ${errors.join("; ")}`,
      field,
    );
  }
  return policy;
}

export const getAccountPasswordPolicy = defineOperation<
  Record<string, never>,
  { PasswordPolicy: PasswordPolicy }
>("iam:GetAccountPasswordPolicy", async (ctx) => {
  const policy = await readPasswordPolicy(ctx.rt.db);
  await ctx.authorize({
    resource: "*",
    resourcePolicy: accountPasswordGrant(
      policy,
      ctx.caller.principal,
      "iam:GetAccountPasswordPolicy",
    ),
  });
  if (!policy) {
    throw NoSuchEntity(`The Password Policy with domain name ${ctx.rt.accountId} cannot be found.`);
  }
  return { PasswordPolicy: policy };
});

/** Sets the whole policy: a parameter left out returns to its default (no partial updates). */
export const updateAccountPasswordPolicy = defineOperation<
  UpdateAccountPasswordPolicyInput,
  Record<string, never>
>("iam:UpdateAccountPasswordPolicy", async (ctx, input) => {
  await ctx.authorize({ resource: "*" });
  const value = JSON.stringify(validate(input ?? {}));
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: PASSWORD_POLICY_KEY },
      create: { key: PASSWORD_POLICY_KEY, value },
      update: { value },
    });
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteAccountPasswordPolicy = defineOperation<
  Record<string, never>,
  Record<string, never>
>("iam:DeleteAccountPasswordPolicy", async (ctx) => {
  await ctx.authorize({ resource: "*" });
  await ctx.rt.db.$transaction(async (tx) => {
    const { count } = await tx.setting.deleteMany({ where: { key: PASSWORD_POLICY_KEY } });
    if (count === 0) {
      throw NoSuchEntity("The account policy with name PasswordPolicy cannot be found.");
    }
    await ctx.auditIn(tx);
  });
  return {};
});
