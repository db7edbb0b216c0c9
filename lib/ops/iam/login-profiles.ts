// Console passwords of IAM users (IAM's login profiles), checked against the account's password
// policy.
import { hash } from "@node-rs/argon2";
import { defineOperation } from "../operation";
import { EntityAlreadyExists, NoSuchEntity, PasswordPolicyViolation, checkName } from "./common";
import { authorizedUser } from "./users";

/** The account password policy: at least 8 characters with three of the four classes. */
export const PASSWORD_POLICY = { MinimumPasswordLength: 8, RequiredClasses: 3, MaxLength: 128 };

export function checkPassword(password: unknown): string {
  if (typeof password !== "string") throw PasswordPolicyViolation("Password is required.");
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) =>
    re.test(password),
  ).length;
  if (
    password.length < PASSWORD_POLICY.MinimumPasswordLength ||
    password.length > PASSWORD_POLICY.MaxLength ||
    classes < PASSWORD_POLICY.RequiredClasses
  ) {
    throw PasswordPolicyViolation(
      `Password should have at least ${PASSWORD_POLICY.MinimumPasswordLength} characters and at least ${PASSWORD_POLICY.RequiredClasses} of: lowercase letters, uppercase letters, numbers, symbols.`,
    );
  }
  return password;
}

export interface LoginProfile {
  UserName: string;
  CreateDate: Date;
  PasswordResetRequired: boolean;
}

export const createLoginProfile = defineOperation<
  { UserName: string; Password: string; PasswordResetRequired?: boolean },
  { LoginProfile: LoginProfile }
>("iam:CreateLoginProfile", async (ctx, input) => {
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
  const password = checkPassword(input.Password);
  if (user.passwordHash)
    throw EntityAlreadyExists(`Login Profile for user ${user.name} already exists.`);
  const now = ctx.rt.now();
  const reset = input.PasswordResetRequired === true;
  const passwordHash = await hash(password);
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamUser.update({
      where: { id: user.id },
      data: { passwordHash, loginProfileCreateDate: now, passwordResetRequired: reset },
    });
    await ctx.auditIn(tx);
  });
  return { LoginProfile: { UserName: user.name, CreateDate: now, PasswordResetRequired: reset } };
});

export const getLoginProfile = defineOperation<
  { UserName: string },
  { LoginProfile: LoginProfile }
>("iam:GetLoginProfile", async (ctx, input) => {
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
  if (!user.passwordHash || !user.loginProfileCreateDate) {
    throw NoSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
  }
  return {
    LoginProfile: {
      UserName: user.name,
      CreateDate: user.loginProfileCreateDate,
      PasswordResetRequired: user.passwordResetRequired,
    },
  };
});

export const updateLoginProfile = defineOperation<
  { UserName: string; Password?: string; PasswordResetRequired?: boolean },
  Record<string, never>
>("iam:UpdateLoginProfile", async (ctx, input) => {
  const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
  if (!user.passwordHash)
    throw NoSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
  const passwordHash =
    input.Password !== undefined ? await hash(checkPassword(input.Password)) : undefined;
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamUser.update({
      where: { id: user.id },
      data: { passwordHash, passwordResetRequired: input.PasswordResetRequired },
    });
    await ctx.auditIn(tx);
  });
  return {};
});

export const deleteLoginProfile = defineOperation<{ UserName: string }, Record<string, never>>(
  "iam:DeleteLoginProfile",
  async (ctx, input) => {
    const user = await authorizedUser(ctx, checkName(input.UserName, "UserName"));
    if (!user.passwordHash)
      throw NoSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    await ctx.rt.db.$transaction(async (tx) => {
      await tx.iamUser.update({
        where: { id: user.id },
        data: { passwordHash: null, loginProfileCreateDate: null, passwordResetRequired: false },
      });
      await ctx.auditIn(tx);
    });
    return {};
  },
);
