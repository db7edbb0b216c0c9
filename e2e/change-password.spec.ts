import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import Database from "better-sqlite3";
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

/** Makes an IAM user's console password `days` days old, as if it had been set back then. */
function agePassword(userName: string, days: number): void {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const db = new Database(path.join(dataDir, "strongbox.db"), { timeout: 5000 });
  try {
    const then = new Date(Date.now() - days * 86_400_000).toISOString().replace("Z", "+00:00");
    const { changes } = db
      .prepare('UPDATE "IamUser" SET "passwordLastChanged" = ? WHERE "name" = ?')
      .run(then, userName);
    expect(changes).toBe(1);
  } finally {
    db.close();
  }
}

async function signInAsIamUserInTheForm(
  page: Page,
  user: { accountId: string; userName: string; password: string },
) {
  await page.goto("/signin");
  await page.getByRole("radio", { name: "IAM user" }).check();
  await page.getByLabel("Account ID (12 digits) or account alias").fill(user.accountId);
  await page.getByLabel("IAM user name").fill(user.userName);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("an expired password is replaced at sign-in, and refused when only an administrator may reset it", async ({
  page,
}) => {
  const userName = uniqueName("expiring");
  const first = newPassword();
  const second = newPassword();
  const { accountId } = await createIamUser(userName, first);
  await strongbox(
    "iam",
    "attach-user-policy",
    "--user-name",
    userName,
    "--policy-arn",
    "arn:aws:iam::aws:policy/IAMUserChangePassword",
  );

  try {
    await guideStep(page, "Turn on password expiration: 90 days", async () => {
      await signInAsRoot(page);
      await page.goto("/iam/account-settings");
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      await page.getByRole("checkbox", { name: "Turn on password expiration" }).check();
      await page.getByRole("textbox", { name: "Expiration period (in days)" }).fill("90");
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("The password policy was updated.")).toBeVisible();
    });

    await guideStep(page, "A password older than 90 days must be replaced at sign-in", async () => {
      agePassword(userName, 91);
      await page.context().clearCookies();
      await signInAsIamUserInTheForm(page, { accountId, userName, password: first });
      await expect(page).toHaveURL(/\/account\/change-password$/);
      await expect(page.getByText("Your password has expired")).toBeVisible();
      await page.getByLabel("Current password").fill(first);
      await page.getByLabel("New password", { exact: true }).fill(second);
      await page.getByLabel("Confirm new password").fill(second);
      await page.getByRole("button", { name: "Confirm password change" }).click();
      await expect(page).toHaveURL(/\/secrets$/);
    });

    await guideStep(page, "Password expiration requires administrator reset", async () => {
      await page.context().clearCookies();
      await signInAsRoot(page);
      await page.goto("/iam/account-settings");
      await page.getByRole("button", { name: "Edit", exact: true }).click();
      await page
        .getByRole("checkbox", { name: "Password expiration requires administrator reset" })
        .check();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.getByText("The password policy was updated.")).toBeVisible();

      agePassword(userName, 91);
      await page.context().clearCookies();
      await signInAsIamUserInTheForm(page, { accountId, userName, password: second });
      await expect(
        page
          .getByRole("alert")
          .filter({ hasText: "Your password has expired and you can't change it." }),
      ).toContainText("Contact your administrator to reset your password.");
      await expect(page).toHaveURL(/\/signin/);
    });
  } finally {
    await strongbox("iam", "delete-account-password-policy").catch(() => undefined);
  }
});
