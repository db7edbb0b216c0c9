import { expect, test } from "@playwright/test";
import { expectAccessible, signInAsRoot, strongbox, uniqueName } from "./support";

// IAM → Account settings: the administrator sets the account password policy in the console;
// the operations then hold every IAM user's password to it, in AWS's words.

test("the account password policy set in the console applies to new console passwords", async ({
  page,
}) => {
  await signInAsRoot(page);
  await page.goto("/iam/users");
  await page
    .getByRole("navigation", { name: "Console navigation" })
    .getByRole("link", { name: "Account settings" })
    .click();
  await expect(page.getByRole("heading", { name: "Password policy" })).toBeVisible();
  await expectAccessible(page, "account settings");

  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Edit password policy" })).toBeVisible();
  const minimum = page.getByRole("textbox", { name: "Password minimum length" });
  await minimum.fill("5");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/must have value greater than or equal to 6/)).toBeVisible();
  await minimum.fill("14");
  await page.getByRole("checkbox", { name: /Require at least one non-alphanumeric/ }).check();
  await page.getByRole("checkbox", { name: "Require at least one number" }).check();
  await expectAccessible(page, "edit password policy");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The password policy was updated.")).toBeVisible();

  const { PasswordPolicy } = (await strongbox("iam", "get-account-password-policy")) as {
    PasswordPolicy: Record<string, unknown>;
  };
  expect(PasswordPolicy).toMatchObject({
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: false,
  });

  // The operation holds a new console password to it.
  const userName = uniqueName("policy-user");
  await strongbox("iam", "create-user", "--user-name", userName);
  const refused = strongbox(
    "iam",
    "create-login-profile",
    "--user-name",
    userName,
    "--password",
    "Short-Pass1!",
  );
  await expect(refused).rejects.toThrow(/PasswordPolicyViolation|minimum length of 14/);
  await strongbox(
    "iam",
    "create-login-profile",
    "--user-name",
    userName,
    "--password",
    "Long-enough-Passw0rd!",
  );

  // Delete returns the account to the default policy.
  await page.reload();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete" }).click();
  await expect(
    page.getByText("This account uses the following default password policy."),
  ).toBeVisible();
  await expect(strongbox("iam", "get-account-password-policy")).rejects.toThrow(/NoSuchEntity/);
});
