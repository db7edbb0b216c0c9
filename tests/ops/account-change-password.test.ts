// iam:ChangePassword through the operation: an IAM user changes their own console password,
// authorized as iam:ChangePassword on their own ARN, within the account password policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInIamUser, THROTTLE } from "@/lib/ops/account";
import { lookupEvents } from "@/lib/ops/audit/lookup-events";
import type { Caller } from "@/lib/ops/caller";
import {
  attachUserPolicy,
  changePassword,
  createLoginProfile,
  createUser,
  getLoginProfile,
  putUserPolicy,
} from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const list = await providers();

describe.each(list)("iam:ChangePassword on %s", (provider) => {
  let t: TestRuntime;

  async function iamUser(name: string, options: { password?: string; reset?: boolean } = {}) {
    const { User } = await createUser(t.root, { UserName: name });
    if (options.password) {
      await createLoginProfile(t.root, {
        UserName: name,
        Password: options.password,
        PasswordResetRequired: options.reset,
      });
    }
    const caller: Caller = {
      principal: { type: "User", arn: User.Arn, accountId: ACCOUNT, name, id: User.UserId },
      via: "console",
    };
    return caller;
  }

  const canChangePassword = (name: string) =>
    attachUserPolicy(t.root, {
      UserName: name,
      PolicyArn: "arn:aws:iam::aws:policy/IAMUserChangePassword",
    });

  const signIn = (userName: string, password: string) =>
    signInIamUser({ account: ACCOUNT, userName, password });

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    await syncAwsManagedPolicies(t.db, { names: ["IAMUserChangePassword"] });
  });
  afterAll(async () => t.dispose());

  describe("iam:ChangePassword", () => {
    it("is refused without iam:ChangePassword on the user's own ARN, in AWS's words", async () => {
      const carol = await iamUser("carol", { password: "Carol-Passw0rd" });
      await expect(
        changePassword(carol, { OldPassword: "Carol-Passw0rd", NewPassword: "Carol-Passw0rd-2" }),
      ).rejects.toMatchObject({
        code: "AccessDeniedException",
        message: `User: arn:aws:iam::${ACCOUNT}:user/carol is not authorized to perform: iam:ChangePassword on resource: arn:aws:iam::${ACCOUNT}:user/carol because no identity-based policy allows the iam:ChangePassword action`,
      });
      expect((await signIn("carol", "Carol-Passw0rd")).ok).toBe(true);
    });

    it("changes the password with IAMUserChangePassword: the new one signs in, the old no more", async () => {
      const dave = await iamUser("dave", { password: "Dave-Passw0rd", reset: true });
      await canChangePassword("dave");
      await expect(
        changePassword(dave, { OldPassword: "Dave-Passw0rd", NewPassword: "Dave-N3w-Passw0rd" }),
      ).resolves.toEqual({});
      expect((await signIn("dave", "Dave-Passw0rd")).ok).toBe(false);
      const after = await signIn("dave", "Dave-N3w-Passw0rd");
      expect(after).toMatchObject({ ok: true, passwordResetRequired: false });
      const { LoginProfile } = await getLoginProfile(t.root, { UserName: "dave" });
      expect(LoginProfile.PasswordResetRequired).toBe(false);

      const { Events } = await lookupEvents(t.root, { Action: "iam:ChangePassword" });
      const event = Events.find((e) => e.PrincipalArn === dave.principal.arn && !e.ErrorCode)!;
      expect(event.Decision).toBe("allowed");
      expect(JSON.parse(event.RequestParameters!)).toEqual({
        OldPassword: "HIDDEN_DUE_TO_SECURITY_REASONS",
        NewPassword: "HIDDEN_DUE_TO_SECURITY_REASONS",
      });
    });

    it("another user's ARN in a policy does not let a user change their own", async () => {
      const erin = await iamUser("erin", { password: "Erin-Passw0rd" });
      await putUserPolicy(t.root, {
        UserName: "erin",
        PolicyName: "others",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Action: "iam:ChangePassword",
              Resource: `arn:aws:iam::${ACCOUNT}:user/someone-else`,
            },
          ],
        }),
      });
      await expect(
        changePassword(erin, { OldPassword: "Erin-Passw0rd", NewPassword: "Erin-N3w-Passw0rd" }),
      ).rejects.toMatchObject({ code: "AccessDeniedException" });
    });

    it("says the old password is incorrect, and locks after repeated wrong ones", async () => {
      const frank = await iamUser("frank", { password: "Frank-Passw0rd" });
      await canChangePassword("frank");
      await expect(
        changePassword(frank, { OldPassword: "nope", NewPassword: "Frank-N3w-Passw0rd" }),
      ).rejects.toMatchObject({ code: "InvalidInput", message: "The old password is incorrect" });
      for (let i = 1; i < THROTTLE.lockAfter; i++) {
        await changePassword(frank, { OldPassword: "nope", NewPassword: "x" }).catch(() => {});
      }
      await expect(
        changePassword(frank, { OldPassword: "Frank-Passw0rd", NewPassword: "Frank-N3w-Passw0rd" }),
      ).rejects.toMatchObject({ code: "EntityTemporarilyUnmodifiable" });
      // The same lock stands at the console sign-in: ChangePassword is no way around it.
      expect(await signIn("frank", "Frank-Passw0rd")).toMatchObject({
        ok: false,
        reason: "locked",
      });
    });

    it("holds the new password to the account password policy", async () => {
      const gina = await iamUser("gina", { password: "Gina-Passw0rd" });
      await canChangePassword("gina");
      await expect(
        changePassword(gina, { OldPassword: "Gina-Passw0rd", NewPassword: "short" }),
      ).rejects.toMatchObject({ code: "PasswordPolicyViolation" });
      await expect(
        changePassword(gina, { OldPassword: "Gina-Passw0rd", NewPassword: "alllowercase" }),
      ).rejects.toMatchObject({ code: "PasswordPolicyViolation" });
      await expect(
        changePassword(gina, { OldPassword: "Gina-Passw0rd", NewPassword: "Gina-Passw0rd" }),
      ).rejects.toMatchObject({ code: "PasswordPolicyViolation" });
      await expect(
        changePassword(gina, { OldPassword: "Gina-Passw0rd", NewPassword: "" }),
      ).rejects.toMatchObject({ code: "ValidationError" });
      expect((await signIn("gina", "Gina-Passw0rd")).ok).toBe(true);
    });

    it("refuses the root user (InvalidUserType) and a user without a console password", async () => {
      await expect(
        changePassword(t.root, { OldPassword: "a-Passw0rd", NewPassword: "b-Passw0rd" }),
      ).rejects.toMatchObject({ code: "InvalidUserType" });
      const hank = await iamUser("hank");
      await canChangePassword("hank");
      await expect(
        changePassword(hank, { OldPassword: "a-Passw0rd", NewPassword: "b-Passw0rd" }),
      ).rejects.toMatchObject({
        code: "NoSuchEntity",
        message: "Login Profile for User hank cannot be found.",
      });
    });
  });
});
