// iam:ChangePassword over the query protocol with the AWS SDK's IAM client, signed with the
// user's own access key: the user changes their console password, and IAM's errors arrive as the
// SDK's typed exceptions.
import {
  AttachUserPolicyCommand,
  ChangePasswordCommand,
  CreateLoginProfileCommand,
  CreateRoleCommand,
  EntityTemporarilyUnmodifiableException,
  InvalidUserTypeException,
  PasswordPolicyViolationException,
  PutRolePolicyCommand,
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
});
