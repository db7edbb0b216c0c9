import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
} from "@aws-sdk/client-secrets-manager";
import { expect, test } from "@playwright/test";
import {
  apiStep,
  createAccessKey,
  createIamUser,
  createSecret,
  guideStep,
  newPassword,
  notAuthorized,
  policyDocument,
  rejectionOf,
  secretHref,
  secretsManagerClient,
  signInAsIamUser,
  signInAsRoot,
  strongbox,
  uniqueName,
} from "./support";

// The guide's "Limiting Access to Specific Secrets", "Example: Granting permissions to a single
// secret by name": metadata of every secret, and every action on a_specific_secret_name (by its
// full ARN) and on another_secret_name-?????? (its 6 random characters). The `-*` form matches
// more than meant, and the validator says so; deleting and recreating the secret with the same
// name keeps the `-??????` grant, as the guide warns.

/** The guide's policy, for secrets under a test's own prefix. */
function singleSecretPolicy(specificArn: string, anotherArnPattern: string): string {
  return policyDocument([
    {
      Effect: "Allow",
      Action: ["secretsmanager:DescribeSecret", "secretsmanager:List*"],
      Resource: "*",
    },
    {
      Effect: "Allow",
      Action: "secretsmanager:*",
      Resource: [specificArn, anotherArnPattern],
    },
  ]);
}

test("grants one secret by name and another by -??????, which survives deleting and recreating it", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const prefix = uniqueName("e2e-by-name");
  const specific = `${prefix}/a_specific_secret_name`;
  const another = `${prefix}/another_secret_name`;
  // Starts with "another_secret_name-": a `-*` grant would match it, `-??????` does not.
  const lookalike = `${another}-extra`;
  const userName = uniqueName("by-name");
  const password = newPassword();
  const { arn: userArn, accountId } = await createIamUser(userName, password);
  const specificArn = await createSecret(specific, '{"value":"specific"}');
  const anotherArn = await createSecret(another, '{"token":"first"}');
  const lookalikeArn = await createSecret(lookalike, '{"token":"not-granted"}');
  const arnPrefix = `arn:aws:secretsmanager:us-east-1:${accountId}:secret:`;
  expect(anotherArn).toMatch(new RegExp(`^${arnPrefix}${another}-[A-Za-z0-9]{6}$`));

  await strongbox(
    "iam",
    "put-user-policy",
    "--user-name",
    userName,
    "--policy-name",
    "SingleSecretByName",
    "--policy-document",
    singleSecretPolicy(specificArn, `${arnPrefix}${another}-??????`),
  );
  const client = secretsManagerClient(baseURL, await createAccessKey(userName));
  const value = async (secretId: string) =>
    (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;

  await apiStep("Statement 1: DescribeSecret and List* on every secret", async () => {
    const listed = await client.send(
      new ListSecretsCommand({ Filters: [{ Key: "name", Values: [prefix] }] }),
    );
    const names = (listed.SecretList ?? []).map((s) => s.Name).sort();
    expect(names).toEqual([specific, another, lookalike].sort());
    const described = await client.send(new DescribeSecretCommand({ SecretId: lookalike }));
    expect(described.ARN).toBe(lookalikeArn);
    return { ListSecrets: names, DescribeSecret: described.ARN };
  });

  await apiStep(
    "Statement 2: every action on the two secrets, by name and by -??????",
    async () => {
      expect(await value(specific)).toBe('{"value":"specific"}');
      expect(await value(another)).toBe('{"token":"first"}');
      const put = await client.send(
        new PutSecretValueCommand({ SecretId: another, SecretString: '{"token":"second"}' }),
      );
      expect(await value(another)).toBe('{"token":"second"}');
      return { GetSecretValue: [specific, another], PutSecretValue: put.VersionId };
    },
  );

  await apiStep("-?????? matches exactly 6 characters: the look-alike is refused", async () => {
    const refused = await rejectionOf(value(lookalike));
    expect(refused).toEqual({
      name: "AccessDeniedException",
      message: notAuthorized(userArn, "secretsmanager:GetSecretValue", lookalikeArn),
    });
    return refused;
  });

  await signInAsIamUser(page, { accountId, userName, password });
  await guideStep(page, "In the console: the granted secret's value", async () => {
    await page.goto(secretHref(another));
    await expect(page.getByRole("heading", { name: another })).toBeVisible();
    await page.getByRole("button", { name: "Retrieve secret value" }).click();
    await expect(page.getByRole("row", { name: /token/ })).toContainText("second");
  });
  await guideStep(page, "In the console: the look-alike's value is refused", async () => {
    await page.goto(secretHref(lookalike));
    await expect(page.getByRole("heading", { name: lookalike })).toBeVisible();
    await page.getByRole("button", { name: "Retrieve secret value" }).click();
    await expect(
      page.getByText(notAuthorized(userArn, "secretsmanager:GetSecretValue", lookalikeArn)),
    ).toBeVisible();
  });

  // "if you delete the secret and recreate it with the same name, the user automatically receives
  // permission to the new secret, even though the 6 characters will be different."
  const recreatedArn = await apiStep(
    "Delete another_secret_name and create it again with the same name",
    async () => {
      await strongbox(
        "secretsmanager",
        "delete-secret",
        "--secret-id",
        another,
        "--force-delete-without-recovery",
      );
      const arn = await createSecret(another, '{"token":"recreated"}');
      expect(arn).not.toBe(anotherArn);
      return arn;
    },
  );
  await apiStep("The user may read the new secret: the -?????? grant matches it", async () => {
    expect(await value(another)).toBe('{"token":"recreated"}');
    return { ARN: recreatedArn, previousARN: anotherArn };
  });
  await guideStep(page, "In the console: the recreated secret, new ARN, same grant", async () => {
    await page.goto(secretHref(another));
    await expect(page.getByText(recreatedArn, { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Retrieve secret value" }).click();
    await expect(page.getByRole("row", { name: /token/ })).toContainText("recreated");
  });
  client.destroy();
});

test("the `-*` form also grants look-alike secrets: the engine allows them, the validator warns", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const prefix = uniqueName("e2e-star");
  const another = `${prefix}/another_secret_name`;
  const lookalike = `${another}-extra`;
  const userName = uniqueName("star");
  const { accountId } = await createIamUser(userName, newPassword());
  await createSecret(another, '{"token":"meant"}');
  await createSecret(lookalike, '{"token":"not-meant"}');
  const starPolicy = policyDocument({
    Effect: "Allow",
    Action: "secretsmanager:GetSecretValue",
    Resource: `arn:aws:secretsmanager:us-east-1:${accountId}:secret:${another}-*`,
  });
  await strongbox(
    "iam",
    "put-user-policy",
    "--user-name",
    userName,
    "--policy-name",
    "StarSuffix",
    "--policy-document",
    starPolicy,
  );
  const client = secretsManagerClient(baseURL, await createAccessKey(userName));

  await apiStep(
    "another_secret_name-* matches another_secret_name-<anything-here>a1b2c3",
    async () => {
      const read = await client.send(new GetSecretValueCommand({ SecretId: lookalike }));
      expect(read.SecretString).toBe('{"token":"not-meant"}');
      return { GetSecretValue: read.Name };
    },
  );
  client.destroy();

  await apiStep("Access Analyzer's validate-policy warns", async () => {
    const { findings } = (await strongbox(
      "accessanalyzer",
      "validate-policy",
      "--policy-type",
      "IDENTITY_POLICY",
      "--policy-document",
      starPolicy,
    )) as { findings: { findingType: string; issueCode: string; findingDetails: string }[] };
    expect(findings).toEqual([
      expect.objectContaining({
        findingType: "WARNING",
        issueCode: "SECRET_ARN_WILDCARD_SUFFIX",
        findingDetails: expect.stringContaining(`Use "${another}-??????"`),
      }),
    ]);
    return findings;
  });

  await signInAsRoot(page);
  await guideStep(
    page,
    "The policy editor shows the warning as the policy is written",
    async () => {
      await page.goto("/iam/policies/create");
      await page.getByRole("tab", { name: "JSON" }).click();
      await page.getByRole("textbox", { name: /^Policy editor/ }).click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.insertText(JSON.stringify(JSON.parse(starPolicy), null, 2));
      await expect(page.getByRole("button", { name: "Warnings: 1" })).toBeVisible();
      const validation = page.getByRole("region", { name: "Policy validation" });
      await expect(validation).toContainText(`Use "${another}-??????"`);
    },
  );
});
