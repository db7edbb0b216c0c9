import { expect, test } from "@playwright/test";
import { ROOT, axeSource, seriousViolations, signInAsRoot } from "./support";

// One fresh server for the run (scripts/e2e-server.sh): e2e/first-run.spec.ts meets first-run
// setup; these tests build on the root user and on the secret the first of them stores.
test.describe.configure({ mode: "serial" });

const secretName = `e2e/payments-api/${Date.now().toString(36)}`;
const apiKey = `sk_live_${Math.random().toString(36).slice(2)}`;

test("an unauthenticated visit to /secrets asks to sign in", async ({ page }) => {
  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsecrets$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("signs in as the root user and signs out", async ({ page }) => {
  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/signin/);
  await page.getByRole("radio", { name: "Root user" }).check();
  await page.getByLabel("Root user email address").fill(ROOT.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Your authentication information is incorrect.")).toBeVisible();

  await page.getByLabel("Password").fill(ROOT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/secrets$/);

  await page.getByRole("button", { name: /Account menu/ }).click();
  await expect(page.getByText(/^arn:aws:iam::\d{12}:root$/)).toBeVisible();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await page.goto("/secrets");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsecrets$/);
});

test("stores a new secret as key/value pairs", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto("/secrets");
  await page.getByRole("link", { name: "Store a new secret" }).first().click();

  await expect(page.getByRole("heading", { name: "Choose secret type" })).toBeVisible();
  await page.getByRole("radio", { name: "Other type of secret" }).check();
  await page.getByLabel("Key 1").fill("api_key");
  await page.getByLabel("Value 1").fill(apiKey);
  await page.getByRole("button", { name: "Add row" }).click();
  await page.getByLabel("Key 2").fill("endpoint");
  await page.getByLabel("Value 2").fill("https://payments.example.com");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Configure secret" })).toBeVisible();
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter a secret name.")).toBeVisible();
  await page.getByLabel("Secret name").fill(secretName);
  await page.getByLabel("Description").fill("Payments API credentials");
  await page.getByRole("button", { name: "Add tag" }).click();
  await page.getByLabel("Tag key 1").fill("team");
  await page.getByLabel("Tag value 1").fill("payments");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Configure rotation - optional" })).toBeVisible();
  await expect(page.getByRole("switch", { name: "Automatic rotation" })).not.toBeChecked();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByText(secretName)).toBeVisible();
  await expect(page.getByText(apiKey)).toHaveCount(0);
  await page.getByRole("button", { name: "Store" }).click();

  await expect(
    page.getByText(`Your secret ${secretName} has been successfully stored.`),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: secretName })).toBeVisible();
  await expect(
    page.getByText(/^arn:aws:secretsmanager:us-east-1:\d{12}:secret:e2e\//),
  ).toBeVisible();
});

test("refuses a second secret with the same name, next to the name field", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto("/secrets/new");
  await page.getByLabel("Key 1").fill("k");
  await page.getByLabel("Value 1").fill("v");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Secret name").fill(secretName);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Store" }).click();

  await expect(page.getByRole("heading", { name: "Configure secret" })).toBeVisible();
  await expect(
    page.getByText(`The operation failed because the secret ${secretName} already exists.`),
  ).toBeVisible();
  await expect(page.getByLabel("Secret name")).toHaveAttribute("aria-invalid", "true");
});

test("finds the secret and retrieves its value", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto("/secrets");
  await page.getByLabel("Filter secrets").fill("payments");
  await expect(page).toHaveURL(/q=payments/);
  await page.getByRole("link", { name: secretName }).click();

  await expect(page.getByRole("heading", { name: secretName })).toBeVisible();
  // The value is not on the page until asked for.
  expect(await page.content()).not.toContain(apiKey);
  await page.getByRole("button", { name: "Retrieve secret value" }).click();

  const pairs = page.getByRole("table", { name: "Secret key/value pairs" });
  await expect(pairs.getByRole("row", { name: /api_key/ })).toContainText(apiKey);
  await expect(pairs.getByRole("button", { name: "Copy value of api_key" })).toBeVisible();

  await page.getByRole("tab", { name: "Plaintext" }).click();
  await expect(page.getByText(`"api_key":"${apiKey}"`)).toBeVisible();
});

test("edits the secret's resource permissions", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto(`/secrets/${secretName}`);
  const arn = await page.getByText(/^arn:aws:secretsmanager:/).textContent();
  const account = arn!.split(":")[4];
  await page.getByRole("tab", { name: "Resource permissions" }).click();
  await expect(page.getByText("No resource policy.")).toBeVisible();
  await page.getByRole("button", { name: "Edit permissions" }).click();
  await page.getByRole("tab", { name: "JSON" }).click();
  await page.getByRole("textbox", { name: "Resource policy" }).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: `arn:aws:iam::${account}:root` },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        },
      ],
    }),
  );
  await page.getByRole("button", { name: "Review policy" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The resource policy was saved.")).toBeVisible();
  await expect(page.getByText('"Action": "secretsmanager:GetSecretValue"')).toBeVisible();
});

test("edits the secret value, which makes a new current version", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto(`/secrets/${secretName}`);
  await page.getByRole("button", { name: "Retrieve secret value" }).click();
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByLabel("Value 1").fill(`${apiKey}-rotated`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The secret value was saved as a new version.")).toBeVisible();
  await expect(page.getByRole("row", { name: /api_key/ })).toContainText(`${apiKey}-rotated`);

  await page.getByRole("tab", { name: "Versions" }).click();
  const versions = page.getByRole("table", { name: "Versions" });
  await expect(versions.getByRole("row")).toHaveCount(3);
  await expect(versions.getByText("AWSCURRENT")).toBeVisible();
  await expect(versions.getByText("AWSPREVIOUS")).toBeVisible();
});

test("schedules the secret for deletion, then cancels the deletion", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto(`/secrets/${secretName}`);
  await page.getByRole("button", { name: "Delete" }).click();

  const dialog = page.getByRole("dialog", { name: "Schedule secret deletion" });
  await expect(dialog.getByLabel("Waiting period")).toHaveValue("30");
  await dialog.getByLabel("Waiting period").fill("3");
  await dialog.getByRole("button", { name: "Schedule deletion" }).click();
  await expect(dialog.getByText("Enter a number of days between 7 and 30.")).toBeVisible();
  await dialog.getByLabel("Waiting period").fill("7");
  await dialog.getByRole("button", { name: "Schedule deletion" }).click();

  await expect(page.getByText(/This secret is scheduled for deletion on/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Retrieve secret value" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Edit description" })).toBeDisabled();

  // The list hides it unless asked to show secrets scheduled for deletion.
  await page.goto(`/secrets?q=${encodeURIComponent(secretName)}&key=name`);
  await expect(page.getByText("No secrets match the filter.")).toBeVisible();
  await page.getByRole("switch", { name: "Show secrets scheduled for deletion" }).click();
  const row = page.getByRole("row", { name: new RegExp(secretName) });
  await expect(row.getByText("Scheduled for deletion")).toBeVisible();
  await row.getByRole("link", { name: secretName }).click();

  await page.getByRole("button", { name: "Cancel deletion" }).click();
  await expect(page.getByText(`The deletion of ${secretName} was canceled.`)).toBeVisible();
  await expect(page.getByText(/This secret is scheduled for deletion/)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Retrieve secret value" })).toBeEnabled();
});

test("console pages have no serious accessibility violations", async ({ page }) => {
  const axe = axeSource();
  expect(axe, "axe-core (from @axe-core/playwright) must be installed").toBeTruthy();
  await page.goto("/signin");
  expect(await seriousViolations(page, axe!)).toEqual([]);
  await signInAsRoot(page);
  for (const path of ["/secrets", "/secrets/new", `/secrets/${secretName}`]) {
    await page.goto(path);
    await page.waitForLoadState("load");
    await expect(page.getByRole("main")).toBeVisible();
    expect(await seriousViolations(page, axe!), path).toEqual([]);
  }
});
