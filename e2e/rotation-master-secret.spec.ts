import { expect, test, type Page } from "@playwright/test";
import {
  axeSource,
  createIamUser,
  newPassword,
  seriousViolations,
  signInAsIamUser,
  signInAsRoot,
  strongbox,
  uniqueName,
  PG,
  pgQuery,
} from "./support";

// The seed's "Granting a Rotation Function Permission to Access a Separate Master Secret", against
// the real PostgreSQL server (127.0.0.1:5432, trust authentication, superuser postgres): rotation
// configured in the console with the PostgreSQL alternating-users template and a master secret,
// the seed's message, AccessDenied until the role may read the master secret, "Grant access",
// then a rotation that creates the clone user.
test.describe.configure({ mode: "serial" });

const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const dbUser = `sbx_e2e_${id}`;
const cloneUser = `${dbUser}_clone`;
const masterName = `e2e/rotation/master-${id}`;
const secretName = `e2e/rotation/app-${id}`;
const otherName = `e2e/rotation/other-${id}`;
const functionName = `SecretsManagerE2E${id}`;
let masterArn = "";
let secretArn = "";
let firstVersion = "";
let roleName = "";

async function secretValue(secretId: string) {
  const out = (await strongbox("secretsmanager", "get-secret-value", "--secret-id", secretId)) as {
    VersionId: string;
    SecretString: string;
  };
  return {
    versionId: out.VersionId,
    value: JSON.parse(out.SecretString) as Record<string, unknown>,
  };
}

async function noSeriousViolations(page: Page, where: string) {
  const axe = axeSource();
  expect(axe, "axe-core must be installed").toBeTruthy();
  expect(await seriousViolations(page, axe!), where).toEqual([]);
}

const rotationTab = (name: string) => `/secrets/${name}?tab=rotation`;

test.beforeAll(async () => {
  await pgQuery(`CREATE ROLE ${dbUser} WITH LOGIN PASSWORD 'first-password'`);
  const credentials = (username: string, password: string, extra = {}) =>
    JSON.stringify({
      engine: "postgres",
      host: PG.host,
      port: PG.port,
      username,
      password,
      dbname: "postgres",
      ...extra,
    });
  masterArn = (
    (await strongbox(
      "secretsmanager",
      "create-secret",
      "--name",
      masterName,
      "--secret-string",
      credentials("postgres", "trust-auth-ignores-it"),
    )) as { ARN: string }
  ).ARN;
  secretArn = (
    (await strongbox(
      "secretsmanager",
      "create-secret",
      "--name",
      secretName,
      "--secret-string",
      credentials(dbUser, "first-password"),
    )) as { ARN: string }
  ).ARN;
  await strongbox("secretsmanager", "create-secret", "--name", otherName, "--secret-string", "{}");
  firstVersion = (await secretValue(secretArn)).versionId;
});

test.afterAll(async () => {
  // The clone is a member of the original: drop it first.
  await pgQuery(`DROP ROLE IF EXISTS ${cloneUser}`);
  await pgQuery(`DROP ROLE IF EXISTS ${dbUser}`);
});

test("configures rotation with a master secret; the seed's message names the role and the master secret", async ({
  page,
}) => {
  await signInAsRoot(page);
  await page.goto(rotationTab(secretName));
  await expect(page.getByRole("heading", { name: "Rotation configuration" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate secret immediately" })).toBeDisabled();
  await page.getByRole("button", { name: "Edit rotation" }).click();

  const dialog = page.getByRole("dialog", { name: "Edit rotation configuration" });
  await dialog.getByRole("switch", { name: "Automatic rotation" }).click();

  // The schedule, with the next five rotation dates; a bad expression is refused in AWS's words.
  const dates = dialog.getByRole("list", { name: "Next five rotation dates (UTC)" });
  await expect(dates.getByRole("listitem")).toHaveCount(5);
  await dialog.getByRole("radio", { name: "Schedule expression", exact: true }).click();
  await dialog.getByRole("textbox", { name: "Schedule expression" }).fill("rate(2 hours)");
  await expect(
    dialog.getByText(/you can rotate a secret as often as every four hours/),
  ).toBeVisible();
  await dialog.getByRole("textbox", { name: "Schedule expression" }).fill("rate(10 days)");
  await expect(dates.getByRole("listitem")).toHaveCount(5);
  await dialog.getByRole("textbox", { name: "Window duration" }).fill("3");
  await dialog
    .getByRole("checkbox", { name: "Rotate immediately when the secret is stored" })
    .uncheck();

  // A new function from the PostgreSQL alternating users template.
  await dialog.getByRole("radio", { name: "Create a rotation function" }).click();
  await dialog.getByRole("textbox", { name: "Function name" }).fill(functionName);
  await dialog.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "PostgreSQL alternating users" }).click();

  // "You must have the GetSecretValue permission for the master secret to select it."
  await dialog
    .getByRole("checkbox", { name: "Use separate credentials to rotate this secret" })
    .check();
  await dialog.getByRole("combobox", { name: "Master secret" }).click();
  await expect(page.getByRole("option", { name: masterName, exact: true })).toBeVisible();
  // The secret being configured is not its own master.
  await expect(page.getByRole("option", { name: secretName, exact: true })).toHaveCount(0);
  await noSeriousViolations(page, "Edit rotation dialog");
  await page.getByRole("option", { name: masterName, exact: true }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // The seed's message, in its words: the role a link to its permissions, the ARN copyable.
  const roleLink = page.getByRole("link", { name: new RegExp(`^${functionName}-role-`) });
  await expect(roleLink).toBeVisible();
  roleName = (await roleLink.textContent())!.trim();
  await expect(roleLink).toHaveAttribute("href", `/iam/roles/details/${roleName}?tab=permissions`);
  const message = `Your secret ${secretName} has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${roleName} permission to retrieve the secret ${masterArn}.`;
  await expect(page.getByText(message, { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy master secret ARN" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Grant access" })).toBeVisible();

  // The secret's value now names its master secret (masterarn), as AWS's console writes it.
  expect((await secretValue(secretArn)).value.masterarn).toBe(masterArn);

  // Still there on the Rotation tab after a reload, while the grant is missing.
  await page.reload();
  await expect(page.getByText(message, { exact: true })).toBeVisible();
  await expect(page.getByText("rate(10 days) (window 3h)")).toBeVisible();
  await noSeriousViolations(page, "Rotation tab with the master-secret message");
});

test("rotation fails with AccessDenied until Grant access; then the users alternate", async ({
  page,
}) => {
  await signInAsRoot(page);
  await page.goto(rotationTab(secretName));
  const history = page.getByRole("table", { name: "Rotation history" });

  await page.getByRole("button", { name: "Rotate secret immediately" }).click();
  const confirm = page.getByRole("dialog", { name: "Rotate secret immediately" });
  await confirm.getByRole("button", { name: "Rotate" }).click();
  await expect(confirm).toBeHidden();
  const failed = history.getByRole("row").nth(1);
  await expect(failed.getByText("Failed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(failed).toContainText("AccessDeniedException");
  await expect(failed).toContainText(
    `assumed-role/${roleName}/${functionName} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${masterArn}`,
  );
  await expect(failed).toContainText("createSecret: Succeeded");
  await expect(failed).toContainText("setSecret: Failed");
  // AWSCURRENT is untouched.
  expect((await secretValue(secretArn)).versionId).not.toBe("");
  expect((await secretValue(secretArn)).value.username).toBe(dbUser);

  await page.getByRole("button", { name: "Grant access" }).click();
  await expect(
    page.getByText(`The role ${roleName} may now retrieve the secret ${masterArn}.`),
  ).toBeVisible();
  await expect(page.getByText(/To finish configuring rotation/)).toHaveCount(0);

  await page.getByRole("button", { name: "Rotate secret immediately" }).click();
  await confirm.getByRole("button", { name: "Rotate" }).click();
  await expect(confirm).toBeHidden();
  const succeeded = history.getByRole("row").nth(1);
  await expect(succeeded.getByText("Succeeded", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(succeeded).toContainText("finishSecret: Succeeded");
  await noSeriousViolations(page, "Rotation tab with its history");

  // The clone user exists and signs in with the new AWSCURRENT credentials.
  const current = await secretValue(secretArn);
  expect(current.versionId).not.toBe(firstVersion);
  expect(current.value.username).toBe(cloneUser);
  expect(current.value.password).not.toBe("first-password");
  expect(current.value.masterarn).toBe(masterArn);
  expect(await pgQuery("SELECT 1 FROM pg_roles WHERE rolname = $1", [cloneUser])).toHaveLength(1);
  const who = await pgQuery<{ who: string }>(
    "SELECT current_user AS who",
    [],
    cloneUser,
    String(current.value.password),
  );
  expect(who[0].who).toBe(cloneUser);
  // The clone holds the original's privileges through membership.
  const member = await pgQuery(
    "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = $1 AND u.rolname = $2",
    [dbUser, cloneUser],
  );
  expect(member).toHaveLength(1);
});

test("the create-secret wizard configures rotation with a master secret and shows the seed's message after Store", async ({
  page,
}) => {
  const wizardName = `e2e/rotation/wizard-${id}`;
  const master2 = (await strongbox(
    "secretsmanager",
    "create-secret",
    "--name",
    `e2e/rotation/master2-${id}`,
    "--secret-string",
    JSON.stringify({
      engine: "postgres",
      host: PG.host,
      port: PG.port,
      username: "postgres",
      password: "x",
    }),
  )) as { ARN: string; Name: string };
  await signInAsRoot(page);
  await page.goto("/secrets/new");
  await page.getByRole("radio", { name: "Credentials for a database" }).check();
  await page.getByLabel("User name").fill(dbUser);
  await page.getByLabel("Password").fill("wizard-password");
  await page.getByLabel("Server address").fill(PG.host);
  await page.getByLabel("Database name").fill("postgres");
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByLabel("Secret name").fill(wizardName);
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Configure rotation - optional" })).toBeVisible();
  await page.getByRole("switch", { name: "Automatic rotation" }).click();
  await page
    .getByRole("checkbox", { name: "Rotate immediately when the secret is stored" })
    .uncheck();
  await page.getByRole("combobox", { name: "Rotation function" }).click();
  await page.getByRole("option", { name: new RegExp(`^${functionName} `) }).click();
  await page
    .getByRole("checkbox", { name: "Use separate credentials to rotate this secret" })
    .check();
  await page.getByRole("combobox", { name: "Master secret" }).click();
  await page.getByRole("option", { name: master2.Name, exact: true }).click();
  await noSeriousViolations(page, "Configure rotation step");
  await page.getByRole("button", { name: "Next" }).click();

  await expect(page.getByRole("heading", { name: "Review" })).toBeVisible();
  await expect(page.getByText("Every 30 days")).toBeVisible();
  await page.getByRole("button", { name: "Store" }).click();

  await expect(page.getByRole("heading", { name: wizardName, level: 1 })).toBeVisible();
  await expect(
    page.getByText(
      `Your secret ${wizardName} has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${roleName} permission to retrieve the secret ${master2.ARN}.`,
      { exact: true },
    ),
  ).toBeVisible();
  // Stored with masterarn in its first version: no second version was needed.
  const stored = await secretValue(wizardName);
  expect(stored.value).toMatchObject({ username: dbUser, masterarn: master2.ARN });
  const versions = (await strongbox(
    "secretsmanager",
    "list-secret-version-ids",
    "--secret-id",
    wizardName,
  )) as {
    Versions: unknown[];
  };
  expect(versions.Versions).toHaveLength(1);
});

test("the Rotation functions page lists the function, its role and its secret; a function is created and deleted", async ({
  page,
}) => {
  await signInAsRoot(page);
  await page.goto("/secrets");
  await page.getByRole("link", { name: "Rotation functions" }).click();
  await expect(page.getByRole("heading", { name: /^Rotation functions/ })).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(functionName) });
  await expect(row.getByRole("cell", { name: "PostgreSQL alternating users" })).toBeVisible();
  await expect(row.getByRole("link", { name: roleName })).toHaveAttribute(
    "href",
    `/iam/roles/details/${roleName}?tab=permissions`,
  );
  await expect(row.getByRole("link", { name: secretName })).toBeVisible();
  await noSeriousViolations(page, "Rotation functions");

  await row.getByRole("link", { name: functionName, exact: true }).click();
  await expect(page.getByRole("heading", { name: functionName, level: 1 })).toBeVisible();
  await expect(page.getByText(`arn:aws:lambda:us-east-1:`)).toBeVisible();
  await noSeriousViolations(page, "Rotation function details");

  // Create one from the generic template, then delete it with confirmation.
  const throwaway = `E2EGeneric${id}`;
  await page.goto("/rotation/functions");
  await page.getByRole("button", { name: "Create function" }).click();
  const create = page.getByRole("dialog", { name: "Create rotation function" });
  await create.getByRole("textbox", { name: "Function name" }).fill(functionName);
  await create.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "Generic password" }).click();
  await create.getByRole("button", { name: "Create function" }).click();
  await expect(create.getByText(`Function already exist: ${functionName}`)).toBeVisible();
  await create.getByRole("textbox", { name: "Function name" }).fill(throwaway);
  await create.getByRole("button", { name: "Create function" }).click();
  await expect(page.getByRole("heading", { name: throwaway, level: 1 })).toBeVisible();
  await expect(page.getByText("Generic password")).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("dialog", { name: `Delete ${throwaway}?` });
  await expect(del.getByRole("button", { name: "Delete" })).toBeDisabled();
  await del.getByRole("textbox").fill(throwaway);
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/rotation\/functions$/);
  await expect(page.getByRole("link", { name: throwaway })).toHaveCount(0);
});

test("an IAM user with SecretsManagerReadWrite but no GetSecretValue on the master secret is not offered it", async ({
  page,
}) => {
  const userName = uniqueName("e2e-rotation-admin");
  const password = newPassword();
  const { accountId } = await createIamUser(userName, password);
  await strongbox(
    "iam",
    "attach-user-policy",
    "--user-name",
    userName,
    "--policy-arn",
    "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
  );
  await strongbox(
    "iam",
    "put-user-policy",
    "--user-name",
    userName,
    "--policy-name",
    "NoMasterSecret",
    "--policy-document",
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: masterArn }],
    }),
  );
  await signInAsIamUser(page, { accountId, userName, password });
  await page.goto(rotationTab(secretName));
  await page.getByRole("button", { name: "Edit rotation" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit rotation configuration" });
  await dialog.getByRole("radio", { name: "Create a rotation function" }).click();
  await dialog.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "PostgreSQL alternating users" }).click();
  await dialog
    .getByRole("checkbox", { name: "Use separate credentials to rotate this secret" })
    .check();
  await dialog.getByRole("combobox", { name: "Master secret" }).click();
  await expect(page.getByRole("option", { name: otherName, exact: true })).toBeVisible();
  await expect(page.getByRole("option", { name: masterName, exact: true })).toHaveCount(0);
  await page.getByRole("option", { name: otherName, exact: true }).click();

  // Creating the function needs IAM permissions SecretsManagerReadWrite doesn't have (the seed).
  await dialog.getByRole("textbox", { name: "Function name" }).fill(`E2EDenied${id}`);
  await dialog.getByRole("combobox", { name: "Template" }).click();
  await page.getByRole("option", { name: "Generic password" }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText(
    /is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::\d{12}:role\/service-role\/E2EDenied/,
  );
});

test("turning automatic rotation off is CancelRotateSecret", async ({ page }) => {
  await signInAsRoot(page);
  await page.goto(rotationTab(secretName));
  const status = page.getByRole("definition").filter({ hasText: /^(Enabled|Disabled)$/ });
  await expect(status).toHaveText("Enabled");
  await page.getByRole("button", { name: "Edit rotation" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit rotation configuration" });
  // The dialog opens on the secret's own configuration, master secret included.
  await expect(dialog.getByRole("switch", { name: "Automatic rotation" })).toBeChecked();
  await expect(
    dialog.getByRole("checkbox", { name: "Use separate credentials to rotate this secret" }),
  ).toBeChecked();
  await expect(dialog.getByRole("combobox", { name: "Master secret" })).toHaveText(masterName);
  await dialog.getByRole("switch", { name: "Automatic rotation" }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Automatic rotation is turned off for ${secretName}.`)).toBeVisible();
  await expect(status).toHaveText("Disabled");
  const described = (await strongbox(
    "secretsmanager",
    "describe-secret",
    "--secret-id",
    secretArn,
  )) as {
    RotationEnabled?: boolean;
    RotationLambdaARN?: string;
  };
  expect(described.RotationEnabled ?? false).toBe(false);
  expect(described.RotationLambdaARN).toMatch(new RegExp(`:function:${functionName}$`));
});
