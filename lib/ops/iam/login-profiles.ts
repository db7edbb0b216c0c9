// Console passwords of IAM users (IAM's login profiles), checked against the account's password
// policy. Each password set is remembered for PasswordReusePrevention and starts MaxPasswordAge.
import { hash } from "@node-rs/argon2";
import { defineOperation } from "../operation";
import { EntityAlreadyExists, NoSuchEntity, checkName } from "./common";
import { checkPasswordReuse, recordPasswordSet } from "./password-history";
import { checkPasswordPolicy } from "./password-policy";
import { authorizedUser } from "./users";

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
  const password = await checkPasswordPolicy(ctx.rt.db, input.Password);
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
    await recordPasswordSet(tx, user.id, passwordHash, now);
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
  let passwordHash: string | undefined;
  if (input.Password !== undefined) {
    const password = await checkPasswordPolicy(ctx.rt.db, input.Password);
    await checkPasswordReuse(ctx.rt.db, user, password);
    passwordHash = await hash(password);
  }
  await ctx.rt.db.$transaction(async (tx) => {
    await tx.iamUser.update({
      where: { id: user.id },
      data: { passwordHash, passwordResetRequired: input.PasswordResetRequired },
    });
    if (passwordHash) await recordPasswordSet(tx, user.id, passwordHash, ctx.rt.now());
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
        data: {
          passwordHash: null,
          loginProfileCreateDate: null,
          passwordLastChanged: null,
          passwordResetRequired: false,
        },
      });
      await ctx.auditIn(tx);
    });
    return {};
  },
);
