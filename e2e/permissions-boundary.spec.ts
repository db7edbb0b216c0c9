import { expect, test } from "@playwright/test";
import {
  createIamUser,
  createSecret,
  expectAccessible,
  newPassword,
  policyDocument,
  signInAsIamUser,
  signInAsRoot,
  strongbox,
  uniqueName,
} from "./support";

// A permissions boundary set in the console: the user keeps SecretsManagerReadWrite attached, but a
// customer managed boundary allowing only ListSecrets and DescribeSecret caps what it may do.

const READ_WRITE = "arn:aws:iam::aws:policy/SecretsManagerReadWrite";

async function boundaryOf(userName: string): Promise<string | undefined> {
  const { User } = (await strongbox("iam", "get-user", "--user-name", userName)) as {
    User: { PermissionsBoundary?: { PermissionsBoundaryArn: string } };
  };
  return User.PermissionsBoundary?.PermissionsBoundaryArn;
}

test("sets and removes a user's permissions boundary", async ({ browser }) => {
  test.setTimeout(180_000);
  const userName = uniqueName("bounded");
  const boundaryName = uniqueName("ListAndDescribeOnly");
  const password = newPassword();
  const { arn, accountId } = await createIamUser(userName, password);
  await strongbox("iam", "attach-user-policy", "--user-name", userName, "--policy-arn", READ_WRITE);
  const { Policy } = (await strongbox(
    "iam",
    "create-policy",
    "--policy-name",
    boundaryName,
    "--policy-document",
    policyDocument({
      Effect: "Allow",
      Action: ["secretsmanager:ListSecrets", "secretsmanager:DescribeSecret"],
      Resource: "*",
    }),
  )) as { Policy: { Arn: string } };
  expect(await boundaryOf(userName)).toBeUndefined();
  const visible = uniqueName("bounded/visible");
  await createSecret(visible, "listed");

  const rootContext = await browser.newContext();
  const page = await rootContext.newPage();
  await signInAsRoot(page);

  await test.step("Set the permissions boundary in the console", async () => {
    await page.goto(`/iam/users/details/${userName}`);
    await expect(page.getByRole("heading", { name: userName, level: 1 })).toBeVisible();
    await expect(page.getByText("Permissions boundary (not set)")).toBeVisible();
    await page.getByRole("button", { name: "Set permissions boundary" }).click();
    const dialog = page.getByRole("dialog", { name: "Set permissions boundary" });
    await expect(dialog.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });
    await dialog.getByRole("combobox", { name: "Filter: Policy type" }).click();
    await page.getByRole("option", { name: "Customer managed", exact: true }).click();
    await dialog.getByRole("searchbox", { name: "Search policies" }).fill(boundaryName);
    await dialog.getByRole("checkbox", { name: boundaryName }).check();
    await expectAccessible(page, "Set permissions boundary dialog");
    await dialog.getByRole("button", { name: "Set boundary" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Permissions boundary (set)")).toBeVisible();
    const table = page.getByRole("table", { name: "Permissions boundary" });
    await expect(table.getByRole("link", { name: boundaryName })).toHaveAttribute(
      "href",
      /\/iam\/policies\/details\//,
    );
    await expect(table).toContainText("Customer managed");
    await expectAccessible(page, "User permissions with a boundary");
    expect(await boundaryOf(userName)).toBe(Policy.Arn);
  });

  await test.step("The user may not store a secret: no permissions boundary allows it", async () => {
    const userContext = await browser.newContext();
    const userPage = await userContext.newPage();
    await signInAsIamUser(userPage, { accountId, userName, password });
    await userPage.goto("/secrets/new");
    await userPage.getByLabel("Key 1").fill("k");
    await userPage.getByLabel("Value 1").fill("v");
    await userPage.getByRole("button", { name: "Next" }).click();
    await userPage.getByLabel("Secret name").fill(uniqueName("bounded/not-allowed"));
    await userPage.getByRole("button", { name: "Next" }).click();
    await userPage.getByRole("button", { name: "Next" }).click();
    await userPage.getByRole("button", { name: "Store" }).click();
    await expect(
      userPage.getByText(
        `User: ${arn} is not authorized to perform: secretsmanager:CreateSecret on resource:`,
        { exact: false },
      ),
    ).toBeVisible();
    await expect(
      userPage.getByText(
        "because no permissions boundary allows the secretsmanager:CreateSecret action",
        { exact: false },
      ),
    ).toBeVisible();
    // The boundary allows listing: the secret made as root shows in the user's list.
    await userPage.goto(`/secrets?q=${encodeURIComponent(visible)}&key=name`);
    await expect(userPage.getByRole("link", { name: visible })).toBeVisible();
    await expect(userPage.getByText("is not authorized to perform", { exact: false })).toHaveCount(
      0,
    );
    await userContext.close();
  });

  await test.step("Remove the boundary, with confirmation", async () => {
    await page.reload();
    await page.getByRole("button", { name: "Remove boundary" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove permissions boundary?" });
    await dialog.getByRole("button", { name: "Remove boundary" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Permissions boundary (not set)")).toBeVisible();
    expect(await boundaryOf(userName)).toBeUndefined();
  });
  await rootContext.close();
});

test("an IAM user without the permission sees why the boundary buttons are disabled", async ({
  page,
}) => {
  const userName = uniqueName("viewer");
  const password = newPassword();
  const { accountId } = await createIamUser(userName, password);
  await strongbox(
    "iam",
    "attach-user-policy",
    "--user-name",
    userName,
    "--policy-arn",
    "arn:aws:iam::aws:policy/IAMReadOnlyAccess",
  );
  await signInAsIamUser(page, { accountId, userName, password });
  await page.goto(`/iam/users/details/${userName}`);
  const set = page.getByRole("button", { name: "Set permissions boundary" });
  await expect(set).toBeDisabled();
  await expect(set).toHaveAccessibleDescription("You need iam:PutUserPermissionsBoundary");
});

test("sets an AWS managed policy as a role's permissions boundary", async ({ page }) => {
  const roleName = uniqueName("bounded-role");
  await strongbox(
    "iam",
    "create-role",
    "--role-name",
    roleName,
    "--assume-role-policy-document",
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
        },
      ],
    }),
  );
  await signInAsRoot(page);
  await page.goto(`/iam/roles/details/${roleName}`);
  await page.getByRole("button", { name: "Set permissions boundary" }).click();
  const dialog = page.getByRole("dialog", { name: "Set permissions boundary" });
  await expect(dialog.getByText("Loading policies")).toBeHidden({ timeout: 30_000 });
  await dialog.getByRole("combobox", { name: "Filter: Policy type" }).click();
  await page.getByRole("option", { name: "AWS managed", exact: true }).click();
  await dialog.getByRole("searchbox", { name: "Search policies" }).fill("SecretsManagerReadWrite");
  await dialog.getByRole("checkbox", { name: "SecretsManagerReadWrite", exact: true }).check();
  await dialog.getByRole("button", { name: "Set boundary" }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole("table", { name: "Permissions boundary" });
  await expect(table.getByRole("link", { name: "SecretsManagerReadWrite" })).toBeVisible();
  await expect(table).toContainText("AWS managed");
  const { Role } = (await strongbox("iam", "get-role", "--role-name", roleName)) as {
    Role: { PermissionsBoundary?: { PermissionsBoundaryArn: string } };
  };
  expect(Role.PermissionsBoundary?.PermissionsBoundaryArn).toBe(
    "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
  );
});
