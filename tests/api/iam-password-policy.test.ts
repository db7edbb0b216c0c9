// The account password policy over the query protocol with the AWS SDK's IAM client: set, read
// and delete it, IAM's errors as the SDK's typed exceptions, and the policy held against
// CreateLoginProfile, UpdateLoginProfile and ChangePassword (PasswordReusePrevention) and console
// sign-in (MaxPasswordAge, HardExpiry).
import {
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  GetLoginProfileCommand,
  NoSuchEntityException,
  PasswordPolicyViolationException,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignInError, authenticate } from "@/lib/auth/sign-in";
import { updateLoginProfile } from "@/lib/ops/iam";
import { HARD_EXPIRED_MESSAGE, PASSWORD_REUSE_MESSAGE } from "@/lib/ops/iam/password-rules";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;
let iam: IAMClient;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("pp-admin", ADMIN_POLICY);
  iam = h.iam(admin);
});
afterAll(async () => {
  iam?.destroy();
  await h?.close();
});

describe("the account password policy through the AWS SDK", () => {
  it("is absent until set, then returned in AWS's shape, then deleted", async () => {
    const missing = await rejection(iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
    expect(missing.message).toBe(
      `The Password Policy with domain name ${h.rt.accountId} cannot be found.`,
    );
    expect(missing.$metadata).toMatchObject({ httpStatusCode: 404 });

    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireUppercaseCharacters: true,
        RequireNumbers: true,
        MaxPasswordAge: 90,
        PasswordReusePrevention: 24,
      }),
    );
    const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
    expect(PasswordPolicy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: false,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    });

    await h.user("pp-user");
    const weak = await rejection(
      iam.send(new CreateLoginProfileCommand({ UserName: "pp-user", Password: "Short-Pw1" })),
    );
    expect(weak).toBeInstanceOf(PasswordPolicyViolationException);
    expect(weak.message).toBe("Password should have a minimum length of 14");
    const noUpper = await rejection(
      iam.send(
        new CreateLoginProfileCommand({ UserName: "pp-user", Password: "no-uppercase-1234" }),
      ),
    );
    expect(noUpper.message).toBe("Password should have at least one uppercase letter");
    const { LoginProfile } = await iam.send(
      new CreateLoginProfileCommand({ UserName: "pp-user", Password: "Long-Enough-1234" }),
    );
    expect(LoginProfile?.UserName).toBe("pp-user");

    await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    const gone = await rejection(iam.send(new GetAccountPasswordPolicyCommand({})));
    expect(gone).toBeInstanceOf(NoSuchEntityException);
    const again = await rejection(iam.send(new DeleteAccountPasswordPolicyCommand({})));
    expect(again.message).toBe("The account policy with name PasswordPolicy cannot be found.");
  });

  it("refuses out-of-range values with a ValidationError", async () => {
    const refused = await rejection(
      iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 200 })),
    );
    expect(refused.name).toBe("ValidationError");
    expect(refused.$metadata).toMatchObject({ httpStatusCode: 400 });
    expect(refused.message).toBe(
      "1 validation error detected: Value '200' at 'minimumPasswordLength' failed to satisfy constraint: Member must have value less than or equal to 128",
    );
  });

  it("refuses a user without permission in AWS's words", async () => {
    const nobody = await h.user("pp-nobody");
    const client = h.iam(nobody);
    try {
      const denied = await rejection(
        client.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8 })),
      );
      expect(denied.name).toBe("AccessDenied");
      expect(denied.message).toContain(
        "is not authorized to perform: iam:UpdateAccountPasswordPolicy on resource: *",
      );
    } finally {
      client.destroy();
    }
  });
});

const CHANGE_OWN_PASSWORD = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Action: "iam:ChangePassword", Resource: "*" }],
};

describe("PasswordReusePrevention", () => {
  it("refuses any of the user's last N passwords on UpdateLoginProfile and ChangePassword", async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ PasswordReusePrevention: 2 }));
    const kim = await h.user("pp-kim", CHANGE_OWN_PASSWORD);
    const asKim = h.iam(kim);
    try {
      await iam.send(new CreateLoginProfileCommand({ UserName: "pp-kim", Password: "First-Pw-1" }));
      const same = await rejection(
        iam.send(new UpdateLoginProfileCommand({ UserName: "pp-kim", Password: "First-Pw-1" })),
      );
      expect(same).toBeInstanceOf(PasswordPolicyViolationException);
      expect(same.message).toBe(PASSWORD_REUSE_MESSAGE);
      expect(same.$metadata).toMatchObject({ httpStatusCode: 400 });

      await iam.send(
        new UpdateLoginProfileCommand({ UserName: "pp-kim", Password: "Second-Pw-2" }),
      );
      const back = await rejection(
        asKim.send(
          new ChangePasswordCommand({ OldPassword: "Second-Pw-2", NewPassword: "First-Pw-1" }),
        ),
      );
      expect(back).toBeInstanceOf(PasswordPolicyViolationException);
      expect(back.message).toBe(PASSWORD_REUSE_MESSAGE);

      await asKim.send(
        new ChangePasswordCommand({ OldPassword: "Second-Pw-2", NewPassword: "Third-Pw-3" }),
      );
      // Remembered: Third and Second. First has left the window of 2 and may come back.
      const second = await rejection(
        asKim.send(
          new ChangePasswordCommand({ OldPassword: "Third-Pw-3", NewPassword: "Second-Pw-2" }),
        ),
      );
      expect(second.message).toBe(PASSWORD_REUSE_MESSAGE);
      await asKim.send(
        new ChangePasswordCommand({ OldPassword: "Third-Pw-3", NewPassword: "First-Pw-1" }),
      );
      expect(await authenticate(iamCredentials("pp-kim", "First-Pw-1"))).toBeDefined();
    } finally {
      asKim.destroy();
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    }
  });

  it("keeps only the hashes of the last 24 passwords", async () => {
    await h.user("pp-lee");
    await iam.send(new CreateLoginProfileCommand({ UserName: "pp-lee", Password: "Lee-Pw-00" }));
    for (let i = 1; i <= 25; i++) {
      await updateLoginProfile(h.rt.root, { UserName: "pp-lee", Password: `Lee-Pw-${i}` });
    }
    const user = await h.rt.db.iamUser.findUniqueOrThrow({ where: { name: "pp-lee" } });
    const history = await h.rt.db.iamPasswordHistory.findMany({ where: { userId: user.id } });
    expect(history).toHaveLength(24);
    expect(history.map((r) => r.passwordHash)).toContain(user.passwordHash);
    for (const row of history) expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

function iamCredentials(userName: string, password: string) {
  return { kind: "iam" as const, account: h.rt.accountId, userName, password };
}

describe("MaxPasswordAge and HardExpiry at console sign-in", () => {
  const DAY = 86_400_000;
  const realNow = () => new Date();
  const travel = (days: number) => {
    const at = Date.now() + days * DAY;
    h.rt.now = () => new Date(at);
  };

  it("asks for a new password once the password is older than MaxPasswordAge", async () => {
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 30 }));
    const max = await h.user("pp-max", CHANGE_OWN_PASSWORD);
    const asMax = h.iam(max);
    try {
      const { PasswordPolicy } = await iam.send(new GetAccountPasswordPolicyCommand({}));
      expect(PasswordPolicy).toMatchObject({ ExpirePasswords: true, MaxPasswordAge: 30 });
      await iam.send(new CreateLoginProfileCommand({ UserName: "pp-max", Password: "Max-Pw-1" }));
      travel(29);
      expect(await authenticate(iamCredentials("pp-max", "Max-Pw-1"))).toMatchObject({
        passwordResetRequired: false,
      });
      travel(31);
      expect(await authenticate(iamCredentials("pp-max", "Max-Pw-1"))).toMatchObject({
        passwordResetRequired: true,
      });
      // A wrong password still reads as one, expired or not.
      expect(await authenticate(iamCredentials("pp-max", "Wrong-Pw-1"))).toBeUndefined();
      // The login profile itself is unchanged.
      const { LoginProfile } = await iam.send(new GetLoginProfileCommand({ UserName: "pp-max" }));
      expect(LoginProfile).toMatchObject({ UserName: "pp-max", PasswordResetRequired: false });

      // A new password starts a new MaxPasswordAge.
      await asMax.send(
        new ChangePasswordCommand({ OldPassword: "Max-Pw-1", NewPassword: "Max-Pw-2" }),
      );
      expect(await authenticate(iamCredentials("pp-max", "Max-Pw-2"))).toMatchObject({
        passwordResetRequired: false,
      });
    } finally {
      h.rt.now = realNow;
      asMax.destroy();
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    }
  });

  it("refuses an expired password under HardExpiry until an administrator resets it", async () => {
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({ MaxPasswordAge: 30, HardExpiry: true }),
    );
    await h.user("pp-hal");
    try {
      await iam.send(new CreateLoginProfileCommand({ UserName: "pp-hal", Password: "Hal-Pw-1" }));
      travel(31);
      const refused = await authenticate(iamCredentials("pp-hal", "Hal-Pw-1")).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(SignInError);
      expect((refused as Error).message).toBe(HARD_EXPIRED_MESSAGE);
      // Only a proved password learns that it expired.
      expect(await authenticate(iamCredentials("pp-hal", "Wrong-Pw-1"))).toBeUndefined();

      await iam.send(new UpdateLoginProfileCommand({ UserName: "pp-hal", Password: "Hal-Pw-2" }));
      expect(await authenticate(iamCredentials("pp-hal", "Hal-Pw-2"))).toMatchObject({
        passwordResetRequired: false,
      });
    } finally {
      h.rt.now = realNow;
      await iam.send(new DeleteAccountPasswordPolicyCommand({}));
    }
  });
});
