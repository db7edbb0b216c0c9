// The policy editor on the pages that use it: a customer managed policy created in the visual
// editor and edited in JSON, and the guide's grant of a master secret to a rotation role's
// SecretsManager<Template>1 inline policy, by both paths ("Add additional permissions" →
// Service → Actions → "Add ARN" → "Review policy" → "Save changes", and the JSON tab). Then how
// quickly the JSON editor shows diagnostics on a role inline policy near its 10,240-character
// quota, and axe on the editor pages.
import { expect, test, type Page } from "@playwright/test";
import { axeSource, seriousViolations, signInAsRoot, strongbox, uniqueName } from "./support";

const LAMBDA_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
  ],
});

/** The name the rotation templates give the Secrets Manager policy of a function's role. */
const ROTATION_POLICY = "SecretsManagerPostgreSQLRotationMultiUser1";

interface Statement {
  Sid?: string;
  Effect: string;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: unknown;
}
interface PolicyDocument {
  Version?: string;
  Statement: Statement[];
}

/** A document as the CLI prints it: an object, JSON text, or URL-encoded JSON text (as IAM). */
function documentOf(value: unknown): PolicyDocument {
  if (typeof value !== "string") return value as PolicyDocument;
  const text = value.trimStart().startsWith("{") ? value : decodeURIComponent(value);
  return JSON.parse(text) as PolicyDocument;
}

function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The policy SecretsManager<Template>1 that rotation creates (lib/iam/managed/rotation-role-policies.ts). */
function rotationPolicy(accountId: string, functionName: string): PolicyDocument {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Action: [
          "secretsmanager:DescribeSecret",
          "secretsmanager:GetSecretValue",
          "secretsmanager:PutSecretValue",
          "secretsmanager:UpdateSecretVersionStage",
        ],
        Resource: `arn:aws:secretsmanager:us-east-1:${accountId}:secret:*`,
        Condition: {
          StringEquals: {
            "secretsmanager:resource/AllowRotationLambdaArn": `arn:aws:lambda:us-east-1:${accountId}:function:${functionName}`,
          },
        },
      },
      { Effect: "Allow", Action: ["secretsmanager:GetRandomPassword"], Resource: "*" },
    ],
  };
}

/** A master secret (its ARN) and a rotation role with the template's inline policy. */
async function seedRotationRole(): Promise<{
  role: string;
  masterArn: string;
  original: PolicyDocument;
}> {
  const master = (await strongbox(
    "secretsmanager",
    "create-secret",
    "--name",
    uniqueName("rds-master"),
    "--secret-string",
    JSON.stringify({ engine: "postgres", username: "postgres", password: "Master-pw-1" }),
  )) as { ARN: string };
  const accountId = master.ARN.split(":")[4];
  const role = uniqueName("SecretsManagerRotationRole");
  await strongbox(
    "iam",
    "create-role",
    "--role-name",
    role,
    "--assume-role-policy-document",
    LAMBDA_TRUST,
  );
  const original = rotationPolicy(accountId, uniqueName("rotation-fn"));
  await strongbox(
    "iam",
    "put-role-policy",
    "--role-name",
    role,
    "--policy-name",
    ROTATION_POLICY,
    "--policy-document",
    JSON.stringify(original, null, 4),
  );
  return { role, masterArn: master.ARN, original };
}

async function rolePolicy(role: string, policy: string): Promise<PolicyDocument> {
  const out = await strongbox(
    "iam",
    "get-role-policy",
    "--role-name",
    role,
    "--policy-name",
    policy,
  );
  return documentOf(out.PolicyDocument);
}

async function defaultVersion(policyArn: string): Promise<{ id: string; doc: PolicyDocument }> {
  const { Policy } = (await strongbox("iam", "get-policy", "--policy-arn", policyArn)) as {
    Policy: { DefaultVersionId: string };
  };
  const { PolicyVersion } = (await strongbox(
    "iam",
    "get-policy-version",
    "--policy-arn",
    policyArn,
    "--version-id",
    Policy.DefaultVersionId,
  )) as { PolicyVersion: { Document: unknown } };
  return { id: Policy.DefaultVersionId, doc: documentOf(PolicyVersion.Document) };
}

async function accountId(): Promise<string> {
  const { Role } = (await strongbox(
    "iam",
    "create-role",
    "--role-name",
    uniqueName("account-probe"),
    "--assume-role-policy-document",
    LAMBDA_TRUST,
  )) as { Role: { Arn: string } };
  return Role.Arn.split(":")[4];
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const axe = axeSource();
  expect(axe, "axe-core is installed").toBeDefined();
  expect(await seriousViolations(page, axe!)).toEqual([]);
}

/** The rotation role's Permissions tab, the policy opened with the arrow on its left, "Edit policy". */
async function openRotationPolicyEditor(page: Page, role: string): Promise<void> {
  await page.goto(`/iam/roles/details/${encodeURIComponent(role)}?tab=permissions`);
  const policies = page.getByRole("table", { name: "Permissions policies" });
  await policies.getByRole("button", { name: `Expand ${ROTATION_POLICY}` }).click();
  await expect(policies.getByText("secretsmanager:PutSecretValue")).toBeVisible();
  await policies.getByRole("link", { name: "Edit policy" }).click();
  await expect(
    page.getByRole("heading", { name: `Modify permissions in ${ROTATION_POLICY}` }),
  ).toBeVisible();
}

/** "Review policy", then "Save changes": back on the role's Permissions tab. */
async function reviewAndSave(page: Page, saved: RegExp | string): Promise<void> {
  await page.getByRole("button", { name: "Review policy" }).click();
  await expect(page.getByRole("heading", { name: "Review policy" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Errors/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(saved)).toBeVisible();
}

function expectMasterSecretGrant(doc: PolicyDocument, original: PolicyDocument, arn: string) {
  expect(doc.Statement.slice(0, original.Statement.length)).toEqual(original.Statement);
  expect(doc.Statement).toHaveLength(original.Statement.length + 1);
  const added = doc.Statement[original.Statement.length];
  expect(added.Effect).toBe("Allow");
  expect(asList(added.Action)).toEqual(["secretsmanager:GetSecretValue"]);
  expect(asList(added.Resource)).toEqual([arn]);
  expect(added.Condition).toBeUndefined();
}

test("creates a customer managed policy in the visual editor", async ({ page }) => {
  const account = await accountId();
  const name = uniqueName("ReadAppSecret");
  const secretArn = `arn:aws:secretsmanager:us-east-1:${account}:secret:app/db-AbCdEf`;
  await signInAsRoot(page);
  await page.goto("/iam/policies/create");
  await expect(page.getByRole("heading", { name: "Create policy" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Visual editor" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  const block = page.getByRole("region", { name: "Permission block 1" });
  await block.getByRole("combobox", { name: "Service" }).fill("Secrets Manager");
  await block.getByRole("option", { name: "Secrets Manager", exact: true }).click();
  await block.getByRole("textbox", { name: "Filter actions" }).fill("GetSecretValue");
  await block.getByLabel("GetSecretValue", { exact: true }).check();
  await block
    .getByRole("group", { name: "Secret resources" })
    .getByRole("button", { name: "Add ARN" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Add ARN(s)" });
  await dialog.getByLabel("ARN", { exact: true }).fill(secretArn);
  await dialog.getByRole("button", { name: "Add ARNs" }).click();
  await expect(dialog).toBeHidden();
  await expect(block.getByText(secretArn)).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Review policy" }).click();
  await page.getByLabel("Policy name").fill(name);
  await page.getByLabel("Description").fill("Reads the app's database secret.");
  const summary = page.getByRole("table", { name: /^Allow \(1 of/ });
  await expect(summary.getByRole("row", { name: /Secrets Manager/ })).toContainText(secretArn);
  await summary.getByRole("button", { name: "Secrets Manager" }).click();
  await expect(summary.getByText("GetSecretValue").first()).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByText(`Policy ${name} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: new RegExp(`^${name}`) })).toBeVisible();

  const arn = `arn:aws:iam::${account}:policy/${name}`;
  const { id, doc } = await defaultVersion(arn);
  expect(id).toBe("v1");
  expect(doc).toEqual({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Statement1",
        Effect: "Allow",
        Action: "secretsmanager:GetSecretValue",
        Resource: secretArn,
      },
    ],
  });
});

test("edits a customer managed policy in JSON: a new default version", async ({ page }) => {
  const name = uniqueName("EditedInJson");
  const { Policy } = (await strongbox(
    "iam",
    "create-policy",
    "--policy-name",
    name,
    "--policy-document",
    JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" }],
    }),
  )) as { Policy: { Arn: string } };
  const next = {
    Version: "2012-10-17",
    Statement: [
      { Sid: "List", Effect: "Allow", Action: "secretsmanager:ListSecrets", Resource: "*" },
      {
        Sid: "Describe",
        Effect: "Allow",
        Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetResourcePolicy"],
        Resource: "arn:aws:secretsmanager:*:*:secret:app/*",
      },
    ],
  };
  await signInAsRoot(page);
  await page.goto(`/iam/policies/edit/${Policy.Arn.split(":")[4]}/${name}`);
  await expect(page.getByRole("heading", { name: `Modify permissions in ${name}` })).toBeVisible();
  await page.getByRole("tab", { name: "JSON" }).click();
  const editor = page.getByRole("textbox", { name: `Policy editor: ${name}` });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(JSON.stringify(next, null, 2));
  await expect(editor).toContainText('"Sid": "Describe"');
  await expect(page.getByRole("button", { name: "Errors: 0" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Review policy" }).click();
  await expect(page.getByText("The changes are saved as a new version")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Policy ${name} updated: v2 is the default version.`)).toBeVisible();

  const { id, doc } = await defaultVersion(Policy.Arn);
  expect(id).toBe("v2");
  expect(doc).toEqual(next);
});

test("grants the master secret to the rotation role in the visual editor", async ({ page }) => {
  const { role, masterArn, original } = await seedRotationRole();
  await signInAsRoot(page);
  await openRotationPolicyEditor(page, role);
  await expect(page.getByRole("region", { name: "Permission block 2" })).toBeVisible();

  await page.getByRole("button", { name: "Add additional permissions" }).click();
  const block = page.getByRole("region", { name: "Permission block 3" });
  await block.getByRole("combobox", { name: "Service" }).fill("Secrets Manager");
  await block.getByRole("option", { name: "Secrets Manager", exact: true }).click();
  await block.getByRole("textbox", { name: "Filter actions" }).fill("GetSecretValue");
  await block.getByLabel("GetSecretValue", { exact: true }).check();
  await block
    .getByRole("group", { name: "Secret resources" })
    .getByRole("button", { name: "Add ARN" })
    .click();
  const dialog = page.getByRole("dialog", { name: "Add ARN(s)" });
  await dialog.getByLabel("ARN", { exact: true }).fill(masterArn);
  await dialog.getByRole("button", { name: "Add ARNs" }).click();
  await expect(block.getByText(masterArn)).toBeVisible();
  await expectNoSeriousViolations(page);

  await reviewAndSave(page, `Policy ${ROTATION_POLICY} updated.`);
  expectMasterSecretGrant(await rolePolicy(role, ROTATION_POLICY), original, masterArn);
});

test("grants the master secret to the rotation role in JSON", async ({ page }) => {
  const { role, masterArn, original } = await seedRotationRole();
  await signInAsRoot(page);
  await openRotationPolicyEditor(page, role);
  await page.getByRole("tab", { name: "JSON" }).click();
  const editor = page.getByRole("textbox", { name: `Policy editor: ${ROTATION_POLICY}` });
  await editor.click();
  // The document ends "    }\n  ]\n}": after the last statement's brace, add one more.
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.insertText(
    `, { "Action": "secretsmanager:GetSecretValue", "Resource": "${masterArn}", "Effect": "Allow" }`,
  );
  await expect(editor).toContainText(`"Resource": "${masterArn}"`);
  await expect(page.getByRole("button", { name: "Errors: 0" })).toBeVisible();
  await expectNoSeriousViolations(page);

  await reviewAndSave(page, `Policy ${ROTATION_POLICY} updated.`);
  expectMasterSecretGrant(await rolePolicy(role, ROTATION_POLICY), original, masterArn);
});

/** A role inline policy just under IAM's 10,240-character quota (whitespace not counted). */
function largePolicy(account: string): PolicyDocument {
  const statements: Statement[] = [];
  const size = (s: Statement[]) => JSON.stringify({ Version: "2012-10-17", Statement: s }).length;
  const last: Statement = {
    Sid: "Last",
    Effect: "Allow",
    Resource: `arn:aws:secretsmanager:us-east-1:${account}:secret:bench/last-AbCdEf`,
    Action: "secretsmanager:GetSecretValue",
  };
  // Six secrets per statement, one ARN at a time, until the next would pass 10,150 characters.
  for (let n = 0; ; n++) {
    const arn = `arn:aws:secretsmanager:us-east-1:${account}:secret:app${Math.floor(n / 6)}/svc${n % 6}-AbCdEf`;
    const candidate =
      n % 6 === 0
        ? [
            ...statements,
            {
              Sid: `App${n / 6}`,
              Effect: "Allow",
              Action: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"],
              Resource: [arn],
            },
          ]
        : [
            ...statements.slice(0, -1),
            {
              ...statements[statements.length - 1],
              Resource: [...asList(statements[statements.length - 1].Resource), arn],
            },
          ];
    if (size([...candidate, last]) > 10_150) break;
    statements.splice(0, statements.length, ...candidate);
  }
  return { Version: "2012-10-17", Statement: [...statements, last] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

test("the JSON editor shows diagnostics promptly on a 10,240-character policy", async ({
  page,
}) => {
  const account = await accountId();
  const role = uniqueName("BenchRole");
  const policy = "LargeInlinePolicy";
  const doc = largePolicy(account);
  const compact = JSON.stringify(doc).length;
  expect(compact).toBeGreaterThan(10_000);
  expect(compact).toBeLessThanOrEqual(10_240);
  await strongbox(
    "iam",
    "create-role",
    "--role-name",
    role,
    "--assume-role-policy-document",
    LAMBDA_TRUST,
  );
  await strongbox(
    "iam",
    "put-role-policy",
    "--role-name",
    role,
    "--policy-name",
    policy,
    "--policy-document",
    JSON.stringify(doc),
  );
  await signInAsRoot(page);
  await page.goto(
    `/iam/roles/details/${encodeURIComponent(role)}/inline-policy?policy=${encodeURIComponent(policy)}`,
  );
  await page.getByRole("tab", { name: "JSON" }).click();
  await expect(
    page.getByText(`${compact.toLocaleString("en-US")} of 10,240 characters`),
  ).toBeVisible();
  const validation = page.getByRole("region", { name: "Policy validation" });
  const errors = (n: number) => validation.getByRole("button", { name: `Errors: ${n}` });
  await expect(errors(0)).toBeVisible();
  await expectNoSeriousViolations(page);

  // Measured in the page: from the key's keydown to the DOM change that shows the diagnostic
  // (the findings' error counter, which follows the editor's inline lint marks).
  await page.evaluate(() => {
    type Bench = { start: number; want?: string; took?: number };
    const bench: Bench = { start: 0 };
    (window as unknown as { __bench: Bench }).__bench = bench;
    document.addEventListener("keydown", (e) => (bench.start = e.timeStamp), true);
    const counter = () =>
      [...document.querySelectorAll('section[aria-label="Policy validation"] button')]
        .map((b) => b.textContent ?? "")
        .find((t) => t.startsWith("Errors:"));
    new MutationObserver(() => {
      if (bench.want !== undefined && bench.took === undefined && counter() === bench.want) {
        bench.took = performance.now() - bench.start;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const arm = (want: string) =>
    page.evaluate((w) => {
      const bench = (window as unknown as { __bench: { want?: string; took?: number } }).__bench;
      bench.want = w;
      bench.took = undefined;
    }, want);
  const took = async () => {
    const handle = await page.waitForFunction(
      () => (window as unknown as { __bench: { took?: number } }).__bench.took,
    );
    return (await handle.jsonValue()) as number;
  };

  // The last line of the last statement is its Action: put the cursor before its closing quote.
  const editor = page.getByRole("textbox", { name: `Policy editor: ${policy}` });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowLeft");

  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    // "GetSecretValuex" is no action of Secrets Manager: an error...
    await arm("Errors: 1");
    await page.keyboard.type("x");
    samples.push(await took());
    await expect(errors(1)).toBeVisible();
    await expect(
      validation
        .getByRole("list", { name: "Findings" })
        .getByRole("listitem")
        .filter({ hasText: /secretsmanager:GetSecretValuex. does not exist/ }),
    ).toBeVisible();
    // ...which goes away when the x does.
    await arm("Errors: 0");
    await page.keyboard.press("Backspace");
    samples.push(await took());
    await expect(errors(0)).toBeVisible();
  }
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `Policy editor responsiveness (${compact.toLocaleString("en-US")}-character role inline policy, ${samples.length} keystrokes, keydown → diagnostic shown): median ${percentile(sorted, 0.5).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms, all ${samples.map((s) => s.toFixed(0)).join(", ")} ms`,
  );
  expect(samples).toHaveLength(20);
});

test("edits a role's trust policy: a principal * is a security warning to acknowledge", async ({
  page,
}) => {
  const account = await accountId();
  const role = uniqueName("TrustEdited");
  await strongbox(
    "iam",
    "create-role",
    "--role-name",
    role,
    "--assume-role-policy-document",
    LAMBDA_TRUST,
  );
  const next = {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "sts:AssumeRole",
      },
    ],
  };
  await signInAsRoot(page);
  await page.goto(`/iam/roles/details/${encodeURIComponent(role)}/trust-policy`);
  await expect(page.getByRole("heading", { name: "Edit trust policy" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("tab", { name: "JSON" }).click();
  const editor = page.getByRole("textbox", { name: "Trust policy" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(
    JSON.stringify({ ...next, Statement: [{ ...next.Statement[0], Principal: "*" }] }, null, 2),
  );
  await page.getByRole("button", { name: "Review policy" }).click();
  const save = page.getByRole("button", { name: "Save changes" });
  await expect(page.getByRole("region", { name: /^Security warnings/ })).toBeVisible();
  await expect(save).toBeDisabled();
  await expect(page.getByText("Acknowledge the security warnings before saving.")).toBeAttached();
  await page.getByRole("checkbox", { name: /I acknowledge the security warnings/ }).check();
  await expect(save).toBeEnabled();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Previous" }).click();

  await page.getByRole("tab", { name: "JSON" }).click();
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(JSON.stringify(next, null, 2));
  await page.getByRole("button", { name: "Review policy" }).click();
  await save.click();
  await expect(page.getByText(`The trust policy of ${role} was updated.`)).toBeVisible();
  const { Role } = (await strongbox("iam", "get-role", "--role-name", role)) as {
    Role: { AssumeRolePolicyDocument: unknown };
  };
  expect(documentOf(Role.AssumeRolePolicyDocument)).toEqual(next);
});

test("creates a role with a custom trust policy: errors and unacknowledged warnings stop Next", async ({
  page,
}) => {
  const account = await accountId();
  const name = uniqueName("CustomTrust");
  const trust = (principal: unknown, action = "sts:AssumeRole") =>
    JSON.stringify(
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: principal, Action: action }],
      },
      null,
      2,
    );
  await signInAsRoot(page);
  await page.goto("/iam/roles/create");
  await page.getByRole("radio", { name: /Custom trust policy/ }).click();
  const editor = page.getByRole("textbox", { name: "Custom trust policy" });
  await expect(editor).toBeVisible();
  const replace = async (text: string) => {
    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.insertText(text);
  };
  const validation = page.getByRole("region", { name: "Policy validation" });

  // An action that does not exist is an error: Next stays on the step.
  await replace(trust({ AWS: `arn:aws:iam::${account}:root` }, "sts:AssumeRoleNow"));
  await expect(validation.getByRole("button", { name: "Errors: 1" })).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(
    page.getByText("Fix the errors in the trust policy before you continue."),
  ).toBeVisible();

  // A principal "*" is a security warning: Next needs it acknowledged.
  await replace(trust("*"));
  await expect(validation.getByRole("button", { name: "Security warnings: 1" })).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(
    page.getByText("Acknowledge the security warnings before you continue."),
  ).toBeVisible();
  await expectNoSeriousViolations(page);

  await replace(trust({ AWS: `arn:aws:iam::${account}:root` }));
  await expect(validation.getByRole("button", { name: "Errors: 0" })).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Add permissions" })).toBeVisible();
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await page.getByLabel("Role name").fill(name);
  await page.getByRole("button", { name: "Create role" }).click();
  await expect(page.getByText(`Role ${name} created.`)).toBeVisible();
  const { Role } = (await strongbox("iam", "get-role", "--role-name", name)) as {
    Role: { AssumeRolePolicyDocument: unknown };
  };
  expect(documentOf(Role.AssumeRolePolicyDocument)).toEqual(
    JSON.parse(trust({ AWS: `arn:aws:iam::${account}:root` })),
  );
});

test("edits a secret's resource policy in the editor on its Resource permissions tab", async ({
  page,
}) => {
  const secret = (await strongbox(
    "secretsmanager",
    "create-secret",
    "--name",
    uniqueName("shared-secret"),
    "--secret-string",
    "s3cr3t-value",
  )) as { ARN: string; Name: string };
  const account = secret.ARN.split(":")[4];
  const policy = {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AccountReads",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${account}:root` },
        Action: "secretsmanager:GetSecretValue",
        Resource: "*",
      },
    ],
  };
  await signInAsRoot(page);
  await page.goto(`/secrets/${secret.Name}?tab=permissions`);
  await page.getByRole("button", { name: "Edit permissions" }).click();
  await page.getByRole("tab", { name: "JSON" }).click();
  const editor = page.getByRole("textbox", { name: "Resource policy" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(JSON.stringify(policy, null, 2));
  await expect(page.getByText(/^\d+ of 20,480 characters$/)).toBeVisible();
  await page.getByRole("tab", { name: "Visual editor" }).click();
  const block = page.getByRole("region", { name: "Permission block 1" });
  await expect(block).toContainText("AccountReads");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Review policy" }).click();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("The resource policy was saved.")).toBeVisible();
  await expect(page.getByText('"Sid": "AccountReads"')).toBeVisible();
  const stored = await strongbox(
    "secretsmanager",
    "get-resource-policy",
    "--secret-id",
    secret.ARN,
  );
  expect(JSON.parse(stored.ResourcePolicy as string)).toEqual(policy);
});
