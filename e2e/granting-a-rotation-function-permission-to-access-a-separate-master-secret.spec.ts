import { expect, test, type Page } from "@playwright/test";
import {
  apiStep,
  createSecret,
  guideStep,
  secretHref,
  signInAsRoot,
  strongbox,
  PG,
  pgQuery,
} from "./support";

// The guide's "Granting a Rotation Function Permission to Access a Separate Master Secret", "Using
// the console": rotation configured with a master secret, the console's message, the ARN copied,
// the role link followed, the SecretsManager<Template>1 inline policy expanded and edited — once
// with the IAM visual editor, once with the JSON editor — "Review policy", "Save changes"; then
// the rotation succeeds against the real PostgreSQL server (127.0.0.1:5432, trust authentication,
// superuser postgres): the alternating-users template creates <user>_clone with a new password.

/** The inline policy ending with "1" of the PostgreSQL alternating-users template's role. */
const POLICY_1 = "SecretsManagerPostgreSQLRotationMultiUser1";
const POLICY_0 = "SecretsManagerPostgreSQLRotationMultiUser0";

// The Copy button writes the master secret's ARN to the clipboard; the test reads it back.
test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** The PostgreSQL users the tests create, dropped afterwards (clones first: they are members). */
const dbUsers: string[] = [];

test.afterAll(async () => {
  for (const user of dbUsers) await pgQuery(`DROP ROLE IF EXISTS ${user}_clone`);
  for (const user of dbUsers) await pgQuery(`DROP ROLE IF EXISTS ${user}`);
});

interface Setup {
  dbUser: string;
  secretName: string;
  masterName: string;
  masterArn: string;
  functionName: string;
}

const credentials = (username: string, password: string) =>
  JSON.stringify({
    engine: "postgres",
    host: PG.host,
    port: PG.port,
    username,
    password,
    dbname: "postgres",
  });

/** A throwaway PostgreSQL user, its secret, and a master secret with the superuser's credentials. */
async function seed(tag: string): Promise<Setup> {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const dbUser = `sbx_guide6_${tag}_${id}`;
  dbUsers.push(dbUser);
  await pgQuery(`CREATE ROLE ${dbUser} WITH LOGIN PASSWORD 'first-password'`);
  const masterName = `guide6/${tag}/MyDatabaseMasterSecret-${id}`;
  const masterArn = await createSecret(
    masterName,
    credentials("postgres", "trust-auth-ignores-it"),
  );
  const secretName = `guide6/${tag}/MyNewSecret-${id}`;
  await createSecret(secretName, credentials(dbUser, "first-password"));
  return { dbUser, secretName, masterName, masterArn, functionName: `Guide6${tag}${id}` };
}

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

interface Statement {
  Effect: string;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}

async function rolePolicy(role: string): Promise<{ Statement: Statement[] }> {
  const out = await strongbox(
    "iam",
    "get-role-policy",
    "--role-name",
    role,
    "--policy-name",
    POLICY_1,
  );
  const doc = out.PolicyDocument;
  if (typeof doc !== "string") return doc as { Statement: Statement[] };
  return JSON.parse(doc.trimStart().startsWith("{") ? doc : decodeURIComponent(doc)) as {
    Statement: Statement[];
  };
}

const asList = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The statements that allow GetSecretValue on the master secret, unconditionally. */
function masterGrants(doc: { Statement: Statement[] }, masterArn: string): Statement[] {
  return doc.Statement.filter(
    (s) =>
      s.Effect === "Allow" &&
      s.Condition === undefined &&
      asList(s.Action).includes("secretsmanager:GetSecretValue") &&
      asList(s.Resource).includes(masterArn),
  );
}

/**
 * Configuring rotation in the console with a master secret, through the guide's message: returns
 * the role named in it and the ARN copied from it (guide steps 1 and 2).
 */
async function configureRotationWithMasterSecret(
  page: Page,
  setup: Setup,
): Promise<{ roleName: string; copiedArn: string }> {
  await guideStep(page, "Open the secret's Rotation tab", async () => {
    await signInAsRoot(page);
    await page.goto(`${secretHref(setup.secretName)}?tab=rotation`);
    await expect(page.getByRole("heading", { name: "Rotation configuration" })).toBeVisible();
    await expect(page.getByText(/To finish configuring rotation/)).toHaveCount(0);
  });

  await guideStep(
    page,
    'Edit rotation: a new function from the "PostgreSQL alternating users" template, rotated with the master secret',
    async () => {
      await page.getByRole("button", { name: "Edit rotation" }).click();
      const dialog = page.getByRole("dialog", { name: "Edit rotation configuration" });
      await dialog.getByRole("switch", { name: "Automatic rotation" }).click();
      await dialog
        .getByRole("checkbox", { name: "Rotate immediately when the secret is stored" })
        .uncheck();
      await dialog.getByRole("radio", { name: "Create a rotation function" }).click();
      await dialog.getByRole("textbox", { name: "Function name" }).fill(setup.functionName);
      await dialog.getByRole("combobox", { name: "Template" }).click();
      await page.getByRole("option", { name: "PostgreSQL alternating users" }).click();
      await dialog
        .getByRole("checkbox", { name: "Use separate credentials to rotate this secret" })
        .check();
      // "You must have the GetSecretValue permission for the master secret to select it."
      await dialog.getByRole("combobox", { name: "Master secret" }).click();
      await page.getByRole("option", { name: setup.masterName, exact: true }).click();
      await expect(dialog.getByRole("combobox", { name: "Master secret" })).toHaveText(
        setup.masterName,
      );
      await dialog.getByRole("button", { name: "Save" }).click();
      await expect(dialog).toBeHidden();
    },
  );

  const roleLink = page.getByRole("link", { name: new RegExp(`^${setup.functionName}-role-`) });
  const roleName = await guideStep(
    page,
    "1. The console displays the message: grant the role permission to retrieve the master secret",
    async () => {
      await expect(roleLink).toBeVisible();
      const name = (await roleLink.textContent())!.trim();
      await expect(
        page.getByText(
          `Your secret ${setup.secretName} has been successfully stored and secret rotation is enabled. To finish configuring rotation, you need to grant the role ${name} permission to retrieve the secret ${setup.masterArn}.`,
          { exact: true },
        ),
      ).toBeVisible();
      return name;
    },
  );

  const copiedArn = await guideStep(
    page,
    "2. Copy the ARN of the master secret in the message to your clipboard",
    async () => {
      const message = page.getByText(/^Your secret .* To finish configuring rotation/);
      const shown = /permission to retrieve the secret (arn:\S+)\.$/.exec(
        (await message.textContent()) ?? "",
      )?.[1];
      expect(shown, "the message names the master secret's ARN").toBe(setup.masterArn);
      await page.getByRole("button", { name: "Copy master secret ARN" }).click();
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(setup.masterArn);
      return shown!;
    },
  );
  return { roleName, copiedArn };
}

/** Guide steps 3-5 up to the editor: the role link, the policy ending with "1", "Edit policy". */
async function openPolicyEndingWith1(page: Page, roleName: string): Promise<void> {
  await guideStep(page, "3. Choose the role name in the message: the role in IAM", async () => {
    await page.getByRole("link", { name: roleName, exact: true }).click();
    await expect(page).toHaveURL(/\/iam\/roles\/details\/.*tab=permissions/);
    await expect(page.getByRole("heading", { name: roleName, level: 1 })).toBeVisible();
  });

  const policies = page.getByRole("table", { name: "Permissions policies" });
  await guideStep(
    page,
    '4. On the Permissions tab, expand the policy ending with "1" and examine its permissions',
    async () => {
      // "There can be one or two inline policies": ...0 (VPC access) and ...1 (Secrets Manager).
      await expect(policies.getByRole("button", { name: `Expand ${POLICY_0}` })).toBeVisible();
      await policies.getByRole("button", { name: `Expand ${POLICY_1}` }).click();
      await expect(policies.getByText("secretsmanager:PutSecretValue")).toBeVisible();
    },
  );

  await guideStep(page, "5. Choose Edit policy", async () => {
    await policies.getByRole("link", { name: "Edit policy" }).click();
    await expect(
      page.getByRole("heading", { name: `Modify permissions in ${POLICY_1}` }),
    ).toBeVisible();
  });
}

/** Guide step 6: "Review policy", and then "Save changes". */
async function reviewAndSave(page: Page): Promise<void> {
  await guideStep(page, "6. Choose Review policy", async () => {
    await page.getByRole("button", { name: "Review policy" }).click();
    await expect(page.getByRole("heading", { name: "Review policy" })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Errors/ })).toHaveCount(0);
  });
  await guideStep(page, "6. Choose Save changes", async () => {
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Policy ${POLICY_1} updated.`)).toBeVisible();
    await expect(page.getByRole("table", { name: "Permissions policies" })).toBeVisible();
  });
}

/** "Rotate secret immediately": the newest attempt in the history, once it has ended. */
async function rotateImmediately(page: Page) {
  await page.getByRole("button", { name: "Rotate secret immediately" }).click();
  const confirm = page.getByRole("dialog", { name: "Rotate secret immediately" });
  await confirm.getByRole("button", { name: "Rotate" }).click();
  await expect(confirm).toBeHidden();
  const latest = page.getByRole("table", { name: "Rotation history" }).getByRole("row").nth(1);
  await expect(latest.getByText(/^(Succeeded|Failed)$/)).toBeVisible({ timeout: 30_000 });
  return latest;
}

/** Guide step 7 and after: back in Secrets Manager, a rotation that signs in as the master. */
async function rotationSucceeds(page: Page, setup: Setup, firstVersion: string): Promise<void> {
  await guideStep(
    page,
    "7. Return to the Secrets Manager console: the message is gone",
    async () => {
      await page.goto(`${secretHref(setup.secretName)}?tab=rotation`);
      await expect(page.getByRole("heading", { name: "Rotation configuration" })).toBeVisible();
      await expect(page.getByText(/To finish configuring rotation/)).toHaveCount(0);
    },
  );

  await guideStep(page, "Rotate secret immediately: the rotation succeeds", async () => {
    const latest = await rotateImmediately(page);
    await expect(latest.getByText("Succeeded", { exact: true })).toBeVisible();
    await expect(latest).toContainText("setSecret: Succeeded");
    await expect(latest).toContainText("finishSecret: Succeeded");
  });

  await apiStep(
    `The new AWSCURRENT credentials sign in to PostgreSQL as ${setup.dbUser}_clone`,
    async () => {
      const current = await secretValue(setup.secretName);
      expect(current.versionId).not.toBe(firstVersion);
      expect(current.value.username).toBe(`${setup.dbUser}_clone`);
      expect(current.value.password).not.toBe("first-password");
      expect(current.value.masterarn).toBe(setup.masterArn);
      const who = await pgQuery<{ who: string }>(
        "SELECT current_user AS who",
        [],
        String(current.value.username),
        String(current.value.password),
      );
      expect(who[0].who).toBe(`${setup.dbUser}_clone`);
      return { VersionId: current.versionId, username: current.value.username, signedInAs: who };
    },
  );
}

test("grants the rotation function's role the master secret with the IAM visual editor", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const setup = await seed("visual");
  const firstVersion = (await secretValue(setup.secretName)).versionId;
  const { roleName, copiedArn } = await configureRotationWithMasterSecret(page, setup);
  expect((await secretValue(setup.secretName)).value.masterarn).toBe(setup.masterArn);

  await guideStep(
    page,
    "Until the grant, a rotation fails: the role may not retrieve the master secret",
    async () => {
      const latest = await rotateImmediately(page);
      await expect(latest.getByText("Failed", { exact: true })).toBeVisible();
      await expect(latest).toContainText("AccessDeniedException");
      await expect(latest).toContainText(
        `assumed-role/${roleName}/${setup.functionName} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${setup.masterArn}`,
      );
      expect((await secretValue(setup.secretName)).value.username).toBe(setup.dbUser);
    },
  );
  expect(masterGrants(await rolePolicy(roleName), setup.masterArn)).toEqual([]);

  await openPolicyEndingWith1(page, roleName);

  const block = page.getByRole("region", { name: "Permission block 3" });
  await guideStep(
    page,
    "Visual editor: Add additional permissions; Service Secrets Manager; Actions GetSecretValue",
    async () => {
      await expect(page.getByRole("tab", { name: "Visual editor" })).toHaveAttribute(
        "aria-selected",
        "true",
      );
      // The policy's two statements are blocks 1 and 2; the new permissions are block 3.
      await expect(page.getByRole("region", { name: "Permission block 2" })).toBeVisible();
      await page.getByRole("button", { name: "Add additional permissions" }).click();
      await block.getByRole("combobox", { name: "Service" }).fill("Secrets Manager");
      await block.getByRole("option", { name: "Secrets Manager", exact: true }).click();
      await block.getByRole("textbox", { name: "Filter actions" }).fill("GetSecretValue");
      await block.getByLabel("GetSecretValue", { exact: true }).check();
      await expect(block.getByLabel("GetSecretValue", { exact: true })).toBeChecked();
    },
  );

  await guideStep(
    page,
    "Resources: Add ARN next to the secret resource type; paste the master secret's ARN",
    async () => {
      await block
        .getByRole("group", { name: "Secret resources" })
        .getByRole("button", { name: "Add ARN" })
        .click();
      const dialog = page.getByRole("dialog", { name: "Add ARN(s)" });
      const arnField = dialog.getByLabel("ARN", { exact: true });
      await arnField.focus();
      await page.keyboard.press("ControlOrMeta+V");
      await expect(arnField).toHaveValue(copiedArn);
      await dialog.getByRole("button", { name: "Add ARNs" }).click();
      await expect(dialog).toBeHidden();
      await expect(block.getByText(setup.masterArn)).toBeVisible();
    },
  );

  await reviewAndSave(page);

  await apiStep(`${POLICY_1} allows GetSecretValue on the master secret`, async () => {
    const doc = await rolePolicy(roleName);
    // The template's two statements are kept; the visual editor's block is added after them.
    expect(doc.Statement).toHaveLength(3);
    expect(asList(doc.Statement[0].Action)).toContain("secretsmanager:PutSecretValue");
    const grants = masterGrants(doc, setup.masterArn);
    expect(grants).toHaveLength(1);
    expect(asList(grants[0].Action)).toEqual(["secretsmanager:GetSecretValue"]);
    expect(asList(grants[0].Resource)).toEqual([setup.masterArn]);
    return doc;
  });

  await rotationSucceeds(page, setup, firstVersion);
});

test("grants the rotation function's role the master secret with the JSON editor", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const setup = await seed("json");
  const firstVersion = (await secretValue(setup.secretName)).versionId;
  const { roleName, copiedArn } = await configureRotationWithMasterSecret(page, setup);
  await openPolicyEndingWith1(page, roleName);

  const line = `{ "Action": "secretsmanager:GetSecretValue", "Resource": "${copiedArn}", "Effect": "Allow" },`;
  await guideStep(
    page,
    'JSON editor: between line 3 ("Statement": [) and line 4 ({), enter the statement',
    async () => {
      await page.getByRole("tab", { name: "JSON" }).click();
      const editor = page.getByRole("textbox", { name: `Policy editor: ${POLICY_1}` });
      await expect(editor).toContainText('"Statement": [');
      await editor.click();
      // Line 3 is "Statement": [ — the end of it, then a new line.
      await page.keyboard.press("ControlOrMeta+Home");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("End");
      await page.keyboard.press("Enter");
      await page.keyboard.insertText(line);
      await expect(editor).toContainText(`"Resource": "${setup.masterArn}"`);
      await expect(page.getByRole("button", { name: "Errors: 0" })).toBeVisible();
    },
  );

  await reviewAndSave(page);

  await apiStep(
    `${POLICY_1} begins with the statement allowing GetSecretValue on the master secret`,
    async () => {
      const doc = await rolePolicy(roleName);
      expect(doc.Statement).toHaveLength(3);
      expect(doc.Statement[0]).toEqual({
        Action: "secretsmanager:GetSecretValue",
        Resource: setup.masterArn,
        Effect: "Allow",
      });
      expect(asList(doc.Statement[1].Action)).toContain("secretsmanager:PutSecretValue");
      expect(asList(doc.Statement[2].Action)).toEqual(["secretsmanager:GetRandomPassword"]);
      return doc;
    },
  );

  await rotationSucceeds(page, setup, firstVersion);
});
