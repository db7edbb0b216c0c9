// The account password policy through the operations: Get/Update/DeleteAccountPasswordPolicy in
// AWS's shapes and words, and the policy held against CreateLoginProfile, UpdateLoginProfile and
// ChangePassword (the built-in default when none is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  generatePassword,
  passwordConstraint,
  passwordProblem,
} from "@/components/iam/users/password";
import { signInIamUser } from "@/lib/ops/account";
import { lookupEvents } from "@/lib/ops/audit/lookup-events";
import type { Caller } from "@/lib/ops/caller";
import { flushAudit } from "@/lib/ops/operation";
import {
  attachUserPolicy,
  changePassword,
  createLoginProfile,
  createUser,
  deleteAccountPasswordPolicy,
  getAccountPasswordPolicy,
  updateAccountPasswordPolicy,
  updateLoginProfile,
} from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";

const ACCOUNT = "111122223333";
const list = await providers();

describe.each(list)("the account password policy on %s", (provider) => {
  let t: TestRuntime;

  async function iamUser(name: string): Promise<Caller> {
    const { User } = await createUser(t.root, { UserName: name });
    return {
      principal: { type: "User", arn: User.Arn, accountId: ACCOUNT, name, id: User.UserId },
      via: "console",
    };
  }

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    await syncAwsManagedPolicies(t.db, { names: ["IAMUserChangePassword"] });
  });
  afterAll(async () => t.dispose());

  it("has no policy until one is set, in AWS's words", async () => {
    await expect(getAccountPasswordPolicy(t.root, {})).rejects.toMatchObject({
      code: "NoSuchEntity",
      status: 404,
      message: `The Password Policy with domain name ${ACCOUNT} cannot be found.`,
    });
    await expect(deleteAccountPasswordPolicy(t.root, {})).rejects.toMatchObject({
      code: "NoSuchEntity",
      message: "The account policy with name PasswordPolicy cannot be found.",
    });
  });

  it("keeps the default without a policy: 8 characters and three of four classes", async () => {
    await iamUser("dflt");
    await expect(
      createLoginProfile(t.root, { UserName: "dflt", Password: "abcdefgh" }),
    ).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
      message:
        "Password should have at least 8 characters and at least 3 of: lowercase letters, uppercase letters, numbers, symbols.",
    });
    await expect(
      createLoginProfile(t.root, { UserName: "dflt", Password: "abcdEFG1" }),
    ).resolves.toMatchObject({ LoginProfile: { UserName: "dflt" } });
  });

  it("sets a policy, returns it, and resets what an update leaves out to the defaults", async () => {
    await expect(
      updateAccountPasswordPolicy(t.root, {
        MinimumPasswordLength: 12,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 5,
        HardExpiry: true,
      }),
    ).resolves.toEqual({});
    expect(await getAccountPasswordPolicy(t.root, {})).toEqual({
      PasswordPolicy: {
        MinimumPasswordLength: 12,
        RequireSymbols: true,
        RequireNumbers: true,
        RequireUppercaseCharacters: true,
        RequireLowercaseCharacters: true,
        AllowUsersToChangePassword: true,
        ExpirePasswords: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 5,
        HardExpiry: true,
      },
    });
    await updateAccountPasswordPolicy(t.root, { RequireNumbers: true });
    expect(await getAccountPasswordPolicy(t.root, {})).toEqual({
      PasswordPolicy: {
        MinimumPasswordLength: 6,
        RequireSymbols: false,
        RequireNumbers: true,
        RequireUppercaseCharacters: false,
        RequireLowercaseCharacters: false,
        AllowUsersToChangePassword: false,
        ExpirePasswords: false,
        HardExpiry: false,
      },
    });
    await flushAudit();
    const { Events } = await lookupEvents(t.root, { Action: "iam:UpdateAccountPasswordPolicy" });
    expect(Events.filter((e) => e.Decision === "allowed" && !e.ErrorCode)).toHaveLength(2);
  });

  it("refuses values out of AWS's ranges, all of them in one message", async () => {
    await expect(
      updateAccountPasswordPolicy(t.root, { MinimumPasswordLength: 5 }),
    ).rejects.toMatchObject({
      code: "ValidationError",
      message:
        "1 validation error detected: Value '5' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value greater than or equal to 6",
    });
    await expect(
      updateAccountPasswordPolicy(t.root, {
        MinimumPasswordLength: 129,
        MaxPasswordAge: 1096,
        PasswordReusePrevention: 0,
      }),
    ).rejects.toMatchObject({
      code: "ValidationError",
      message:
        "3 validation errors detected: Value '129' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128; Value '1096' at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095; Value '0' at 'passwordReusePrevention' failed to satisfy constraint: Member must have value greater than or equal to 1",
    });
    // The refused update changed nothing.
    const { PasswordPolicy } = await getAccountPasswordPolicy(t.root, {});
    expect(PasswordPolicy.MinimumPasswordLength).toBe(6);
  });

  it("holds CreateLoginProfile, UpdateLoginProfile and ChangePassword to the policy", async () => {
    await updateAccountPasswordPolicy(t.root, {
      MinimumPasswordLength: 10,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    const hana = await iamUser("hana");
    const refused = (password: string) =>
      createLoginProfile(t.root, { UserName: "hana", Password: password });
    await expect(refused("Aa1!short")).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
      message: "Password should have a minimum length of 10",
    });
    await expect(refused("lowercase1!x")).rejects.toMatchObject({
      message: "Password should have at least one uppercase letter",
    });
    await expect(refused("UPPERCASE1!X")).rejects.toMatchObject({
      message: "Password should have at least one lowercase letter",
    });
    await expect(refused("NoNumbers!xx")).rejects.toMatchObject({
      message: "Password should have at least one number",
    });
    await expect(refused("NoSymbols1xx")).rejects.toMatchObject({
      message: "Password should have at least one symbol",
    });
    await createLoginProfile(t.root, { UserName: "hana", Password: "Hana-Passw0rd" });
    await expect(
      updateLoginProfile(t.root, { UserName: "hana", Password: "Hana-Pass" }),
    ).rejects.toMatchObject({ message: "Password should have a minimum length of 10" });

    await attachUserPolicy(t.root, {
      UserName: "hana",
      PolicyArn: "arn:aws:iam::aws:policy/IAMUserChangePassword",
    });
    await expect(
      changePassword(hana, { OldPassword: "Hana-Passw0rd", NewPassword: "hana-passw0rd-2" }),
    ).rejects.toMatchObject({
      code: "PasswordPolicyViolation",
      message: "Password should have at least one uppercase letter",
    });
    await expect(
      changePassword(hana, { OldPassword: "Hana-Passw0rd", NewPassword: "Hana-Passw0rd-2" }),
    ).resolves.toEqual({});
    expect(
      (await signInIamUser({ account: ACCOUNT, userName: "hana", password: "Hana-Passw0rd-2" })).ok,
    ).toBe(true);
  });

  it("a looser policy accepts what the default refuses; deleting it restores the default", async () => {
    await updateAccountPasswordPolicy(t.root, { MinimumPasswordLength: 6 });
    await iamUser("ivan");
    await expect(
      createLoginProfile(t.root, { UserName: "ivan", Password: "simple" }),
    ).resolves.toMatchObject({ LoginProfile: { UserName: "ivan" } });
    await expect(deleteAccountPasswordPolicy(t.root, {})).resolves.toEqual({});
    await expect(getAccountPasswordPolicy(t.root, {})).rejects.toMatchObject({
      code: "NoSuchEntity",
    });
    await expect(
      updateLoginProfile(t.root, { UserName: "ivan", Password: "simple" }),
    ).rejects.toMatchObject({ code: "PasswordPolicyViolation" });
  });

  it("is authorized on resource * like any IAM action", async () => {
    const jo = await iamUser("jo");
    await expect(getAccountPasswordPolicy(jo, {})).rejects.toMatchObject({
      code: "AccessDeniedException",
      message: `User: arn:aws:iam::${ACCOUNT}:user/jo is not authorized to perform: iam:GetAccountPasswordPolicy on resource: * because no identity-based policy allows the iam:GetAccountPasswordPolicy action`,
    });
    await expect(
      updateAccountPasswordPolicy(jo, { MinimumPasswordLength: 6 }),
    ).rejects.toMatchObject({ code: "AccessDeniedException" });
    await expect(deleteAccountPasswordPolicy(jo, {})).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
  });
});

describe("the console's password field rules", () => {
  const strict = {
    MinimumPasswordLength: 10,
    RequireSymbols: true,
    RequireNumbers: false,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: false,
    AllowUsersToChangePassword: false,
    ExpirePasswords: false,
    HardExpiry: false,
  };

  it("say what the operation says, for the default, a custom and an unreadable policy", () => {
    expect(passwordProblem("abcdefgh")).toBe(
      "Password should have at least 8 characters and at least 3 of: lowercase letters, uppercase letters, numbers, symbols.",
    );
    expect(passwordProblem("Abcdefg1")).toBeUndefined();
    expect(passwordProblem("Abcdefgh1!", strict)).toBeUndefined();
    expect(passwordProblem("abcdefgh1!", strict)).toBe(
      "Password should have at least one uppercase letter",
    );
    expect(passwordProblem("short", "unknown")).toBeUndefined();
    expect(passwordProblem("", "unknown")).toBe("Enter a password.");
    expect(passwordConstraint(strict)).toBe(
      "At least 10 characters, with at least an uppercase letter, a symbol (! @ # $ % ^ & * ( ) _ + - = [ ] { } | ').",
    );
  });

  it("make up passwords that meet a strict policy", () => {
    const all = { ...strict, RequireNumbers: true, RequireLowercaseCharacters: true };
    for (let i = 0; i < 50; i++) expect(passwordProblem(generatePassword(), all)).toBeUndefined();
  });
});
