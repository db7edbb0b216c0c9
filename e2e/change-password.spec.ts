import { expect, test } from "@playwright/test";
import {
  createIamUser,
  guideStep,
  newPassword,
  signInAsRoot,
  strongbox,
  uniqueName,
} from "./support";

test("a user who must choose a new password changes it at sign-in, then again from the account menu", async ({
  page,
}) => {
  const userName = uniqueName("newcomer");
  const first = newPassword();
  const second = newPassword();
  const third = newPassword();
  const { accountId, arn } = await createIamUser(userName, first);
  // What the console's "Users must create a new password at next sign-in" does.
  await strongbox(
    "iam",
    "update-login-profile",
    "--user-name",
    userName,
    "--password-reset-required",
  );
  await strongbox(
    "iam",
    "attach-user-policy",
    "--user-name",
    userName,
    "--policy-arn",
    "arn:aws:iam::aws:policy/IAMUserChangePassword",
  );

  await guideStep(page, "Sign in: the console asks for a new password first", async () => {
    await page.goto("/signin");
    await page.getByRole("radio", { name: "IAM user" }).check();
    await page.getByLabel("Account ID (12 digits) or account alias").fill(accountId);
    await page.getByLabel("IAM user name").fill(userName);
    await page.getByLabel("Password").fill(first);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/change-password$/);
    await expect(page.getByRole("heading", { name: "Change password", level: 1 })).toBeVisible();
    await expect(page.getByText("Password reset required")).toBeVisible();
  });

  await test.step("Nothing else opens until then", async () => {
    await page.goto("/secrets");
    await expect(page).toHaveURL(/\/account\/change-password$/);
  });

  await guideStep(page, "Confirm password change", async () => {
    await page.getByLabel("Current password").fill(first);
    await page.getByLabel("New password", { exact: true }).fill(second);
    await page.getByLabel("Confirm new password").fill(second);
    await page.getByRole("button", { name: "Confirm password change" }).click();
    await expect(page).toHaveURL(/\/secrets$/);
  });

  await guideStep(page, "Change password from the account menu", async () => {
    await page.getByRole("button", { name: /^Account menu:/ }).click();
    await page.getByRole("menuitem", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/account\/change-password$/);
    await expect(page.getByText("Password reset required")).toHaveCount(0);
    await page.getByLabel("Current password").fill("not-my-password");
    await page.getByLabel("New password", { exact: true }).fill(third);
    await page.getByLabel("Confirm new password").fill(third);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The old password is incorrect")).toBeVisible();
    await page.getByLabel("Current password").fill(second);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(
      page.getByRole("status").getByText("Your password has been changed."),
    ).toBeVisible();
  });

  await guideStep(page, "The audit log shows each console sign-in", async () => {
    await page.context().clearCookies();
    await signInAsRoot(page);
    await page.goto("/audit");
    await page.getByLabel("Principal ARN").fill(arn);
    await page.getByLabel("Action").fill("signin:ConsoleLogin");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/action=signin/);
    const events = page.getByRole("table", { name: "Events" });
    // The sign-in with the first password, and the one the password change made.
    await expect(events.getByRole("row", { name: /signin:ConsoleLogin/ })).toHaveCount(2);
  });
});
