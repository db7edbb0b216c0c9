import { expect, test } from "@playwright/test";
import {
  createIamUser,
  createSecret,
  guideStep,
  newPassword,
  policyDocument,
  secretHref,
  signInAsIamUser,
  strongbox,
  uniqueName,
} from "./support";

// The guide's "Limiting Access to Specific Actions": Describe*, Get* and List* on "*" is read-only
// access to secrets. The read-only user lists, describes and reads; storing, changing and deleting
// are refused, and the console shows AWS's denial where the user acted.
const READ_ONLY = policyDocument({
  Effect: "Allow",
  Action: ["secretsmanager:Describe*", "secretsmanager:Get*", "secretsmanager:List*"],
  Resource: "*",
});

test("a read-only user lists and describes secrets but cannot store, change or delete them", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const userName = uniqueName("reader");
  const policyName = uniqueName("SecretsReadOnly");
  const prefix = uniqueName("e2e-read-only");
  const secretName = `${prefix}/orders/db`;
  const password = newPassword();
  const { accountId, arn } = await createIamUser(userName, password);
  const created = (await strongbox(
    "iam",
    "create-policy",
    "--policy-name",
    policyName,
    "--policy-document",
    READ_ONLY,
  )) as { Policy: { Arn: string } };
  const secretArn = await createSecret(
    secretName,
    '{"username":"orders","password":"visible-to-readers"}',
    "--description",
    "Orders database",
  );
  await strongbox(
    "iam",
    "attach-user-policy",
    "--user-name",
    userName,
    "--policy-arn",
    created.Policy.Arn,
  );
  const denial = (action: string, resource = secretArn) =>
    `User: ${arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;

  await signInAsIamUser(page, { accountId, userName, password });

  await guideStep(page, "List*: the read-only user lists the secrets", async () => {
    await page.goto(`/secrets?q=${encodeURIComponent(prefix)}&key=name`);
    await expect(
      page.getByRole("table", { name: "Secrets" }).getByRole("link", { name: secretName }),
    ).toBeVisible();
  });

  await guideStep(page, "Describe*: the read-only user opens the secret's details", async () => {
    await page.getByRole("link", { name: secretName }).click();
    await expect(page.getByRole("heading", { name: secretName })).toBeVisible();
    await expect(page.getByText(secretArn, { exact: true })).toBeVisible();
    await expect(page.getByText("Orders database")).toBeVisible();
  });

  await guideStep(page, "Get*: the read-only user retrieves the secret value", async () => {
    await page.getByRole("button", { name: "Retrieve secret value" }).click();
    await expect(page.getByRole("row", { name: /password/ })).toContainText("visible-to-readers");
  });

  await guideStep(page, "Changing the value is refused: PutSecretValue", async () => {
    await page.getByRole("button", { name: "Edit", exact: true }).click();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(denial("secretsmanager:PutSecretValue"))).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
  });

  await guideStep(page, "Changing the description is refused: UpdateSecret", async () => {
    await page.getByRole("button", { name: "Edit description" }).click();
    const dialog = page.getByRole("dialog", { name: "Edit description" });
    await dialog.getByLabel("Description").fill("Changed by a reader");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog.getByText(denial("secretsmanager:UpdateSecret"))).toBeVisible();
  });

  await guideStep(page, "Deleting is refused: DeleteSecret", async () => {
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Schedule secret deletion" });
    await dialog.getByRole("button", { name: "Schedule deletion" }).click();
    await expect(dialog.getByText(denial("secretsmanager:DeleteSecret"))).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByText("Scheduled for deletion")).toHaveCount(0);
  });

  await guideStep(page, "Storing a new secret is refused: CreateSecret", async () => {
    await page.goto("/secrets/new");
    await page.getByLabel("Key 1").fill("k");
    await page.getByLabel("Value 1").fill("v");
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Secret name").fill(`${prefix}/not-allowed`);
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
  });

  await guideStep(page, "Nor may the read-only user look into IAM", async () => {
    await page.goto("/iam/users");
    await expect(
      page.getByText(`User: ${arn} is not authorized to perform: iam:ListUsers`, { exact: false }),
    ).toBeVisible();
  });

  await guideStep(page, "Nothing changed: the secret is as it was", async () => {
    const after = (await strongbox(
      "secretsmanager",
      "describe-secret",
      "--secret-id",
      secretName,
    )) as { Description: string; DeletedDate?: string };
    expect(after.Description).toBe("Orders database");
    expect(after.DeletedDate).toBeUndefined();
    await page.goto(secretHref(secretName));
    await expect(page.getByRole("heading", { name: secretName })).toBeVisible();
    await expect(page.getByText("Orders database")).toBeVisible();
  });
});
