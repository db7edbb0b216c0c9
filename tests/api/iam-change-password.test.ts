// iam:ChangePassword over the query protocol with the AWS SDK's IAM client, signed with the
// user's own access key: the user changes their console password, and IAM's errors arrive as the
// SDK's typed exceptions. The account password policy's AllowUsersToChangePassword lets every user
// do so (and read the policy) without a policy of their own.
import {
  AttachUserPolicyCommand,
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  DeleteAccountPasswordPolicyCommand,
  EntityTemporarilyUnmodifiableException,
  GetAccountPasswordPolicyCommand,
  InvalidInputException,
  InvalidUserTypeException,
  PasswordPolicyViolationException,
  PutRolePolicyCommand,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateLoginProfileCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInIamUser, THROTTLE } from "@/lib/ops/account";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness();
  await syncAwsManagedPolicies(h.rt.db, { names: ["IAMUserChangePassword"] });
  admin = await h.user("pw-admin", ADMIN_POLICY);
});
afterAll(async () => h?.close());

const signIn = (userName: string, password: string) =>
  signInIamUser({ account: h.rt.accountId, userName, password });

describe("ChangePassword through the AWS SDK", () => {
  it("lets a user with IAMUserChangePassword change their own password", async () => {
    const iam = h.iam(admin);
    const ivy = await h.user("ivy");
    await iam.send(
      new CreateLoginProfileCommand({
        UserName: "ivy",
        Password: "Ivy-Passw0rd",
        PasswordResetRequired: true,
      }),
    );
    const asIvy = h.iam(ivy);
    const denied = await rejection(
      asIvy.send(
        new ChangePasswordCommand({ OldPassword: "Ivy-Passw0rd", NewPassword: "Ivy-N3w-Passw0rd" }),
      ),
    );
    expect(denied.name).toBe("AccessDenied");
    expect(denied.$metadata).toMatchObject({ httpStatusCode: 403 });
    expect(denied.message).toContain(`is not authorized to perform: iam:ChangePassword`);

    await iam.send(
      new AttachUserPolicyCommand({
        UserName: "ivy",
        PolicyArn: "arn:aws:iam::aws:policy/IAMUserChangePassword",
      }),
    );
    const wrongOld = await rejection(
      asIvy.send(new ChangePasswordCommand({ OldPassword: "nope", NewPassword: "Ivy-N3w-Pass" })),
    );
    expect(wrongOld.name).toBe("InvalidInputException");
    expect(wrongOld.message).toBe("The old password is incorrect");

    const weak = await rejection(
      asIvy.send(new ChangePasswordCommand({ OldPassword: "Ivy-Passw0rd", NewPassword: "weak" })),
    );
    expect(weak).toBeInstanceOf(PasswordPolicyViolationException);

    const out = await asIvy.send(
      new ChangePasswordCommand({ OldPassword: "Ivy-Passw0rd", NewPassword: "Ivy-N3w-Passw0rd" }),
    );
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect((await signIn("ivy", "Ivy-Passw0rd")).ok).toBe(false);
    expect(await signIn("ivy", "Ivy-N3w-Passw0rd")).toMatchObject({
      ok: true,
      passwordResetRequired: false,
    });
    asIvy.destroy();
    iam.destroy();
  });

  it("answers EntityTemporarilyUnmodifiable after repeated wrong old passwords", async () => {
    const iam = h.iam(admin);
    const jack = await h.user("jack", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "iam:ChangePassword", Resource: "*" }],
    });
    await iam.send(new CreateLoginProfileCommand({ UserName: "jack", Password: "Jack-Passw0rd" }));
    const asJack = h.iam(jack);
    for (let i = 0; i < THROTTLE.lockAfter; i++) {
      await rejection(
        asJack.send(new ChangePasswordCommand({ OldPassword: "guess", NewPassword: "X-y-z-123" })),
      );
    }
    const locked = await rejection(
      asJack.send(
        new ChangePasswordCommand({ OldPassword: "Jack-Passw0rd", NewPassword: "Jack-N3w-Pass" }),
      ),
    );
    expect(locked).toBeInstanceOf(EntityTemporarilyUnmodifiableException);
    asJack.destroy();
    iam.destroy();
  });

  it("answers InvalidUserType to a role session, which has no password", async () => {
    const iam = h.iam(admin);
    await iam.send(
      new CreateRoleCommand({
        RoleName: "PasswordChanger",
        AssumeRolePolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { AWS: `arn:aws:iam::${h.rt.accountId}:root` },
              Action: "sts:AssumeRole",
            },
          ],
        }),
      }),
    );
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: "PasswordChanger",
        PolicyName: "ChangePassword",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [{ Effect: "Allow", Action: "iam:ChangePassword", Resource: "*" }],
        }),
      }),
    );
    const sts = h.sts(admin);
    const { Credentials } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${h.rt.accountId}:role/PasswordChanger`,
        RoleSessionName: "s1",
      }),
    );
    const asRole = h.iam({
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretAccessKey!,
      sessionToken: Credentials!.SessionToken!,
    });
    const error = await rejection(
      asRole.send(new ChangePasswordCommand({ OldPassword: "a-Passw0rd", NewPassword: "b-Pass1" })),
    );
    expect(error).toBeInstanceOf(InvalidUserTypeException);
    asRole.destroy();
    sts.destroy();
    iam.destroy();
  });

  it("lets every user change their own password when AllowUsersToChangePassword is on", async () => {
    const iam = h.iam(admin);
    const una = await h.user("una");
    const vic = await h.user("vic");
    // An explicit Deny still refuses, as it refuses any allow.
    const wes = await h.user("wes", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", Action: "iam:ChangePassword", Resource: "*" }],
    });
    await iam.send(new CreateLoginProfileCommand({ UserName: "una", Password: "Una-Passw0rd" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "vic", Password: "Vic-Passw0rd" }));
    await iam.send(new CreateLoginProfileCommand({ UserName: "wes", Password: "Wes-Passw0rd" }));
    const asUna = h.iam(una);
    const asWes = h.iam(wes);
    const asVic = h.iam(vic);
    const change = (client: typeof asUna, OldPassword: string, NewPassword: string) =>
      client.send(new ChangePasswordCommand({ OldPassword, NewPassword }));
    try {
      // Without the setting, a user without policies may do neither.
      await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }));
      const denied = await rejection(change(asUna, "Una-Passw0rd", "Una-N3w-Passw0rd"));
      expect(denied.name).toBe("AccessDenied");
      expect(denied.message).toBe(
        `User: ${una.arn} is not authorized to perform: iam:ChangePassword on resource: ${una.arn} because no identity-based policy allows the iam:ChangePassword action`,
      );
      const unread = await rejection(asUna.send(new GetAccountPasswordPolicyCommand({})));
      expect(unread.name).toBe("AccessDenied");

      await iam.send(
        new UpdateAccountPasswordPolicyCommand({
          MinimumPasswordLength: 10,
          AllowUsersToChangePassword: true,
        }),
      );
      // "IAM automatically allows them to view the password policy."
      const { PasswordPolicy } = await asUna.send(new GetAccountPasswordPolicyCommand({}));
      expect(PasswordPolicy).toMatchObject({
        MinimumPasswordLength: 10,
        AllowUsersToChangePassword: true,
      });
      // The policy still holds for the new password.
      const short = await rejection(change(asUna, "Una-Passw0rd", "Una-Pw-1"));
      expect(short).toBeInstanceOf(PasswordPolicyViolationException);
      await change(asUna, "Una-Passw0rd", "Una-N3w-Passw0rd");
      expect((await signIn("una", "Una-N3w-Passw0rd")).ok).toBe(true);

      // Only their own: ChangePassword always acts on the caller, and the administrator's way to
      // set another user's password is not granted.
      const vicsOld = await rejection(change(asUna, "Vic-Passw0rd", "Una-Th1rd-Passw0rd"));
      expect(vicsOld).toBeInstanceOf(InvalidInputException);
      expect(vicsOld.message).toBe("The old password is incorrect");
      const vics = await rejection(
        asUna.send(new UpdateLoginProfileCommand({ UserName: "vic", Password: "Taken-Passw0rd" })),
      );
      expect(vics.name).toBe("AccessDenied");
      expect(vics.message).toContain(
        "is not authorized to perform: iam:UpdateLoginProfile on resource: ",
      );
      expect((await signIn("vic", "Vic-Passw0rd")).ok).toBe(true);

      const wesDenied = await rejection(change(asWes, "Wes-Passw0rd", "Wes-N3w-Passw0rd"));
      expect(wesDenied.name).toBe("AccessDenied");
      expect(wesDenied.message).toBe(
        `User: ${wes.arn} is not authorized to perform: iam:ChangePassword on resource: ${wes.arn} with an explicit deny in an identity-based policy`,
      );
      expect(
        (await asWes.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy,
      ).toBeDefined();
      await iam.send(
        new PutUserPolicyCommand({
          UserName: "wes",
          PolicyName: "wes-policy",
          PolicyDocument: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Deny", Action: "iam:GetAccountPasswordPolicy", Resource: "*" }],
          }),
        }),
      );
      const wesUnread = await rejection(asWes.send(new GetAccountPasswordPolicyCommand({})));
      expect(wesUnread.message).toContain("with an explicit deny in an identity-based policy");

      // The grant is the account's, not an identity-based policy: a permissions boundary that
      // allows nothing of IAM does not narrow it.
      const { Policy } = await iam.send(
        new CreatePolicyCommand({
          PolicyName: "S3Only",
          PolicyDocument: JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "s3:*", Resource: "*" }],
          }),
        }),
      );
      await iam.send(
        new PutUserPermissionsBoundaryCommand({
          UserName: "vic",
          PermissionsBoundary: Policy!.Arn,
        }),
      );
      await change(asVic, "Vic-Passw0rd", "Vic-N3w-Passw0rd");
      expect((await signIn("vic", "Vic-N3w-Passw0rd")).ok).toBe(true);

      // Turned off again (a policy update without it), the grant is gone.
      await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 10 }));
      const again = await rejection(change(asUna, "Una-N3w-Passw0rd", "Una-Th1rd-Passw0rd"));
      expect(again.name).toBe("AccessDenied");
    } finally {
      await iam.send(new DeleteAccountPasswordPolicyCommand({})).catch(() => undefined);
      asUna.destroy();
      asWes.destroy();
      asVic.destroy();
      iam.destroy();
    }
  });
});
