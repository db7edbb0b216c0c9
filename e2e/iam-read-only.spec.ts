import { expect, test } from "@playwright/test";
import { createIamUser, newPassword, signInAsIamUser, strongbox, uniqueName } from "./support";

// The seed's "Limiting Access to Specific Actions": Describe*, Get* and List* on "*" is read-only
// access to secrets. The engine decides; the console shows AWS's denial where the user acted.
const READ_ONLY = JSON.stringify({
  Version: "2012-10-17",
  Statement: {
    Effect: "Allow",
    Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
    Resource: "*",
  },
});

test("a read-only user sees secrets but is refused when storing one", async ({ page }) => {
  const userName = uniqueName("reader");
  const policyName = uniqueName("SecretsReadOnly");
  const secretName = uniqueName("e2e/read-only");
  const password = newPassword();
  const { accountId, arn } = await createIamUser(userName, password);
  const created = await strongbox(
    "iam",
    "create-policy",
    "--policy-name",
    policyName,
    "--policy-document",
    READ_ONLY,
  );
  await strongbox(
    "secretsmanager",
    "create-secret",
    "--name",
    secretName,
    "--secret-string",
    '{"username":"app","password":"visible-to-readers"}',
  );
  const policyArn = (created as { Policy: { Arn: string } }).Policy.Arn;
  await strongbox("iam", "attach-user-policy", "--user-name", userName, "--policy-arn", policyArn);

  await signInAsIamUser(page, { accountId, userName, password });

  // Reading works: the list, the details and the value.
  await page.goto(`/secrets?q=${encodeURIComponent(secretName)}&key=name`);
  await page.getByRole("link", { name: secretName }).click();
  await expect(page.getByRole("heading", { name: secretName })).toBeVisible();
  await page.getByRole("button", { name: "Retrieve secret value" }).click();
  await expect(page.getByRole("row", { name: /password/ })).toContainText("visible-to-readers");

  // Writing is refused, in AWS's words, next to what the user did.
  await page.goto("/secrets/new");
  await page.getByLabel("Key 1").fill("k");
  await page.getByLabel("Value 1").fill("v");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Secret name").fill(uniqueName("e2e/not-allowed"));
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Store" }).click();
  await expect(
    page.getByText(
      `User: ${arn} is not authorized to perform: secretsmanager:CreateSecret on resource:`,
      { exact: false },
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      "because no identity-based policy allows the secretsmanager:CreateSecret action",
      { exact: false },
    ),
  ).toBeVisible();

  // Nor may the user look into IAM: the page says so in place.
  await page.goto("/iam/users");
  await expect(
    page.getByText(`User: ${arn} is not authorized to perform: iam:ListUsers`, { exact: false }),
  ).toBeVisible();
});
