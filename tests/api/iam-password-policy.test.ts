// The account password policy over the query protocol with the AWS SDK's IAM client: set, read
// and delete it, IAM's errors as the SDK's typed exceptions, and the policy held against
// CreateLoginProfile.
import {
  CreateLoginProfileCommand,
  DeleteAccountPasswordPolicyCommand,
  GetAccountPasswordPolicyCommand,
  NoSuchEntityException,
  PasswordPolicyViolationException,
  UpdateAccountPasswordPolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
