import { expect, test, type Page } from "@playwright/test";
import {
  createIamUser,
  guideStep,
  newPassword,
  signInAsRoot,
  strongbox,
  uniqueName,
} from "./support";

// The guide's "Granting Full Secrets Manager Administrator Permissions to a User": "To grant full
// administrator permissions to an IAM user, group, or role", steps 1-7 as written, then the new
// administrator at work.

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
  await guideStep(page, `${policyName}: 1. In the IAM console, navigate to Policies`, async () => {
    await page
      .getByRole("navigation", { name: "Console navigation" })
      .getByRole("link", { name: "Policies" })
      .click();
    await expect(page.getByRole("heading", { name: "Policies" })).toBeVisible();
    // The whole list (~1,600 policies) loads once; searching it is then instant.
    await expect(page.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });
  });

  const policyLink = page.getByRole("link", { name: policyName, exact: true });
  await guideStep(
    page,
    `${policyName}: 2. For Filter: Policy type, choose AWS managed, and then in the Search box, start typing ${policyName}`,
    async () => {
      await page.getByRole("combobox", { name: "Filter: Policy type" }).click();
      await page.getByRole("option", { name: "AWS managed", exact: true }).click();
      const search = page.getByRole("searchbox", { name: "Search" });
      await search.clear();
      // "... until you can see the policy in the list."
      for (const character of policyName) {
        await search.press(character === " " ? "Space" : character);
        if (await policyLink.isVisible()) break;
      }
      await expect(policyLink).toBeVisible();
      await expect(page.getByRole("row", { name: new RegExp(policyName) }).first()).toContainText(
        "AWS managed",
      );
    },
  );

  await guideStep(page, `${policyName}: 3. Choose the ${policyName} policy name`, async () => {
    await policyLink.click();
    await expect(page.getByRole("heading", { name: policyName })).toBeVisible();
    // The root user may read every policy: no refusal on the page.
    await expect(page.getByText("is not authorized to perform", { exact: false })).toHaveCount(0);
  });

  await guideStep(
    page,
    `${policyName}: 4. Choose the Attached entities tab, and then choose Attach`,
    async () => {
      await page.getByRole("tab", { name: /^Attached entities/ }).click();
      await page.getByRole("link", { name: "Attach", exact: true }).click();
      await expect(page.getByRole("heading", { name: `Attach ${policyName}` })).toBeVisible();
    },
  );

  await guideStep(
    page,
    `${policyName}: 5. Check the box next to the users, groups, or roles that you want to make a Secrets Manager administrator`,
    async () => {
      await page.getByRole("checkbox", { name: `User ${entities.user}` }).check();
      await page.getByRole("checkbox", { name: `Group ${entities.group}` }).check();
      await page.getByRole("checkbox", { name: `Role ${entities.role}` }).check();
    },
  );

  await guideStep(page, `${policyName}: 6. Choose Attach policy`, async () => {
    await page.getByRole("button", { name: "Attach policy" }).click();
    await expect(page.getByText(`Policy ${policyName} attached to`)).toBeVisible();
    const attached = page.getByRole("table", { name: "Attached entities" });
    for (const name of [entities.user, entities.group, entities.role]) {
      await expect(attached.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("button", { name: "Detach" })).toBeVisible();
  });
}

test("grants full Secrets Manager administrator permissions with AWS managed policies", async ({
  page,
}) => {
  // Two full passes through the guide's steps, then the new administrator at work.
  test.setTimeout(180_000);
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

  // 1. "Sign in ... as a user who has permissions to attach IAM policies to other IAM users."
  await guideStep(
    page,
    "Sign in as a user who may attach IAM policies (the root user)",
    async () => {
      await signInAsRoot(page);
      await page.goto("/secrets");
      await expect(page.getByRole("heading", { name: "Secrets", exact: true })).toBeVisible();
    },
  );
  await attachAwsManagedPolicy(page, "SecretsManagerReadWrite", { user, group, role });
  // 7. Repeat steps 1 through 6 to also attach the IAMFullAccess policy.
  await attachAwsManagedPolicy(page, "IAMFullAccess", { user, group, role });

  await guideStep(page, "The user's Permissions tab lists both policies", async () => {
    await page.goto(`/iam/users/details/${user}`);
    const permissions = page.getByRole("table", { name: "Permissions policies" });
    await expect(permissions.getByRole("link", { name: "SecretsManagerReadWrite" })).toBeVisible();
    await expect(permissions.getByRole("link", { name: "IAMFullAccess" })).toBeVisible();
  });

  // "The selected users, groups, and roles can immediately begin performing tasks in Secrets Manager."
  await guideStep(page, "The new administrator signs in", async () => {
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
  });

  const secretName = uniqueName("e2e/admin-stored");
  await guideStep(page, "The new administrator stores a secret", async () => {
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
  });

  await guideStep(page, "IAMFullAccess lets the administrator see IAM too", async () => {
    await page.goto("/iam/users");
    await expect(
      page.getByRole("table", { name: "Users" }).getByRole("link", { name: user }),
    ).toBeVisible();
  });
});
