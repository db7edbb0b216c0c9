import { GetSecretValueCommand, ListSecretsCommand } from "@aws-sdk/client-secrets-manager";
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

// The guide's "For the Consuming Application: Granting Read Access to One Secret": an application
// user allowed only secretsmanager:GetSecretValue on its secret's ARN reads it with the unmodified
// AWS SDK and is refused every other secret, in AWS's words.

test("the consuming application reads its one secret through the API and is denied another", async ({
  page,
  baseURL,
}) => {
  // Seeding runs bin/strongbox once per call: a few seconds each on a busy machine.
  test.setTimeout(120_000);
  const prefix = uniqueName("e2e-app");
  const appSecret = `${prefix}/payments/db`;
  const otherSecret = `${prefix}/billing/db`;
  const userName = uniqueName("payments-app");
  const password = newPassword();
  const { arn: userArn, accountId } = await createIamUser(userName, password);
  const appSecretArn = await createSecret(
    appSecret,
    '{"username":"payments_app","password":"only-for-the-app"}',
  );
  const otherSecretArn = await createSecret(otherSecret, '{"password":"not-for-the-app"}');

  // The guide's policy, with the ARN of the secret the app needs to access.
  const policy = policyDocument({
    Effect: "Allow",
    Action: "secretsmanager:GetSecretValue",
    Resource: appSecretArn,
  });
  await strongbox(
    "iam",
    "put-user-policy",
    "--user-name",
    userName,
    "--policy-name",
    "ReadOneSecret",
    "--policy-document",
    policy,
  );
  const key = await createAccessKey(userName);
  const client = secretsManagerClient(baseURL, key);

  await signInAsRoot(page);
  await guideStep(page, "Get the secret's ARN from its Details page", async () => {
    await page.goto(secretHref(appSecret));
    await expect(page.getByRole("heading", { name: appSecret })).toBeVisible();
    await expect(page.getByText(appSecretArn, { exact: true })).toBeVisible();
  });

  await guideStep(
    page,
    "The application's user has one policy: GetSecretValue on that ARN",
    async () => {
      await page.goto(`/iam/users/details/${userName}`);
      const permissions = page.getByRole("table", { name: "Permissions policies" });
      await permissions.getByRole("button", { name: "Expand ReadOneSecret" }).click();
      const document = page.getByLabel("ReadOneSecret policy document");
      await expect(document).toContainText('"Action": "secretsmanager:GetSecretValue"');
      await expect(document).toContainText(`"Resource": "${appSecretArn}"`);
    },
  );

  const read = await apiStep("The application reads its secret with GetSecretValue", async () => {
    const byName = await client.send(new GetSecretValueCommand({ SecretId: appSecret }));
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: appSecretArn }));
    expect(byArn.SecretString).toBe(byName.SecretString);
    return { ARN: byName.ARN, Name: byName.Name, VersionStages: byName.VersionStages };
  });
  expect(read.ARN).toBe(appSecretArn);
  const value = await client.send(new GetSecretValueCommand({ SecretId: appSecret }));
  expect(JSON.parse(value.SecretString!)).toEqual({
    username: "payments_app",
    password: "only-for-the-app",
  });

  await apiStep("The application is denied another secret", async () => {
    const refused = await rejectionOf(
      client.send(new GetSecretValueCommand({ SecretId: otherSecret })),
    );
    expect(refused).toEqual({
      name: "AccessDeniedException",
      message: notAuthorized(userArn, "secretsmanager:GetSecretValue", otherSecretArn),
    });
    return refused;
  });

  await apiStep("The application may do nothing else, not even list secrets", async () => {
    const refused = await rejectionOf(client.send(new ListSecretsCommand({})));
    expect(refused).toEqual({
      name: "AccessDeniedException",
      message: notAuthorized(userArn, "secretsmanager:ListSecrets", "*"),
    });
    return refused;
  });
  client.destroy();

  // The same user in the console: only GetSecretValue, so even a secret's page is refused.
  await page.context().clearCookies();
  await signInAsIamUser(page, { accountId, userName, password });
  await guideStep(
    page,
    "In the console, the application's user is denied the other secret",
    async () => {
      await page.goto(secretHref(otherSecret));
      await expect(page.getByRole("heading", { name: otherSecret })).toBeVisible();
      await expect(
        page.getByText(notAuthorized(userArn, "secretsmanager:DescribeSecret", otherSecretArn)),
      ).toBeVisible();
    },
  );
});
