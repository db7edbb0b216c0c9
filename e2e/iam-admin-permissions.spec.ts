import { expect, test, type Page } from "@playwright/test";
import { createIamUser, newPassword, signInAsRoot, strongbox, uniqueName } from "./support";

// The seed's "To grant full administrator permissions to an IAM user, group, or role", steps 1-7
// as written, then the new administrator at work.

const LAMBDA_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

async function attachAwsManagedPolicy(
  page: Page,
  policyName: string,
  entities: { user: string; group: string; role: string },
) {
  // 1. In the IAM console, navigate to Policies.
  await page
    .getByRole("navigation", { name: "Console navigation" })
    .getByRole("link", { name: "Policies" })
    .click();
  await expect(page.getByRole("heading", { name: "Policies" })).toBeVisible();
  // The whole list (~1,600 policies) loads once; searching it is then instant.
  await expect(page.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });

  // 2. For Filter: Policy type, choose AWS managed, and then in the Search box, start typing the
  //    policy's name until you can see the policy in the list.
  await page.getByRole("combobox", { name: "Filter: Policy type" }).click();
  await page.getByRole("option", { name: "AWS managed", exact: true }).click();
  const search = page.getByRole("searchbox", { name: "Search" });
  await search.clear();
  const policyLink = page.getByRole("link", { name: policyName, exact: true });
  for (const character of policyName) {
    await search.press(character === " " ? "Space" : character);
    if (await policyLink.isVisible()) break;
  }
  await expect(policyLink).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(policyName) }).first()).toContainText(
    "AWS managed",
  );

  // 3. Choose the policy name.
  await policyLink.click();
  await expect(page.getByRole("heading", { name: policyName })).toBeVisible();
  // The root user may read every policy: no refusal on the page (fails fast if the engine says no).
  await expect(page.getByText("is not authorized to perform", { exact: false })).toHaveCount(0);

  // 4. Choose the Attached entities tab, and then choose Attach.
  await page.getByRole("tab", { name: /^Attached entities/ }).click();
  await page.getByRole("link", { name: "Attach", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Attach ${policyName}` })).toBeVisible();

  // 5. Check the box next to the users, groups, or roles that you want to make administrators.
  await page.getByRole("checkbox", { name: `User ${entities.user}` }).check();
  await page.getByRole("checkbox", { name: `Group ${entities.group}` }).check();
  await page.getByRole("checkbox", { name: `Role ${entities.role}` }).check();

  // 6. Choose Attach policy.
  await page.getByRole("button", { name: "Attach policy" }).click();
  await expect(page.getByText(`Policy ${policyName} attached to`)).toBeVisible();
  const attached = page.getByRole("table", { name: "Attached entities" });
  for (const name of [entities.user, entities.group, entities.role]) {
    await expect(attached.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Detach" })).toBeVisible();
}

test("grants full Secrets Manager administrator permissions with AWS managed policies", async ({
  page,
}) => {
  // Two full passes through the seed's steps, then the new administrator at work.
  test.setTimeout(120_000);
  const user = uniqueName("sm-admin");
  const group = uniqueName("sm-admins");
  const role = uniqueName("sm-admin-role");
  const password = newPassword();
  const { accountId } = await createIamUser(user, password);
  await strongbox("iam", "create-group", "--group-name", group);
  await strongbox(
    "iam",
    "create-role",
    "--role-name",
    role,
    "--assume-role-policy-document",
    LAMBDA_TRUST,
  );

  // Signed in as someone who may attach IAM policies (the root user).
  await signInAsRoot(page);
  await page.goto("/secrets");
  await attachAwsManagedPolicy(page, "SecretsManagerReadWrite", { user, group, role });
  // 7. Repeat steps 1 through 6 to also attach the IAMFullAccess policy.
  await attachAwsManagedPolicy(page, "IAMFullAccess", { user, group, role });

  // The user's Permissions tab lists both.
  await page.goto(`/iam/users/details/${user}`);
  const permissions = page.getByRole("table", { name: "Permissions policies" });
  await expect(permissions.getByRole("link", { name: "SecretsManagerReadWrite" })).toBeVisible();
  await expect(permissions.getByRole("link", { name: "IAMFullAccess" })).toBeVisible();

  // The selected user can immediately begin performing tasks in Secrets Manager.
  await page.context().clearCookies();
  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("radio", { name: "IAM user" }).check();
  await page.getByLabel("Account ID (12 digits) or account alias").fill(accountId);
  await page.getByLabel("IAM user name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/secrets$/);
  await expect(page.getByRole("button", { name: /Account menu/ })).toContainText(user);

  const secretName = uniqueName("e2e/admin-stored");
  await page.getByRole("link", { name: "Store a new secret" }).first().click();
  await page.getByLabel("Key 1").fill("token");
  await page.getByLabel("Value 1").fill("s3cr3t-value");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Secret name").fill(secretName);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Store" }).click();
  await expect(
    page.getByText(`Your secret ${secretName} has been successfully stored.`),
  ).toBeVisible();

  // IAMFullAccess lets the administrator see IAM too.
  await page.goto("/iam/users");
  await expect(
    page.getByRole("table", { name: "Users" }).getByRole("link", { name: user }),
  ).toBeVisible();
});
