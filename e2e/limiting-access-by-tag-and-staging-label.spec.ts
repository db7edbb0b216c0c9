import { DescribeSecretCommand, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
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
  strongbox,
  uniqueName,
} from "./support";

// The guide's "Limiting Access to Secrets That Have Specific Staging Labels or Tags": DescribeSecret
// on any secret tagged ServerName=ServerABC, and the value of any secret whose name begins with
// Prod, only for the version labelled AWSCURRENT (the guide's GetSecret is GetSecretValue).

// "Example: Granting permission to a secret with metadata that has a certain tag key and value"
const BY_TAG = policyDocument([
  {
    Effect: "Allow",
    Action: "secretsmanager:DescribeSecret",
    Resource: "*",
    Condition: { StringEquals: { "secretsmanager:ResourceTag/ServerName": "ServerABC" } },
  },
]);

// "Example: Granting permission to the version of the secret that has a certain staging label"
const BY_STAGING_LABEL = policyDocument([
  {
    Effect: "Allow",
    Action: "secretsmanager:GetSecretValue",
    Resource: "arn:aws:secretsmanager:*:*:secret:Prod*",
    Condition: { "ForAnyValue:StringEquals": { "secretsmanager:VersionStage": "AWSCURRENT" } },
  },
]);

test("DescribeSecret by the ServerName=ServerABC tag; GetSecretValue on Prod* only for AWSCURRENT", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const id = uniqueName("e2e");
  const abc = `Prod-${id}/orders`;
  const xyz = `Prod-${id}/reports`;
  const notProd = `Dev-${id}/orders`;
  const userName = uniqueName("tag-label");
  const password = newPassword();
  const { arn: userArn, accountId } = await createIamUser(userName, password);
  const abcArn = await createSecret(
    abc,
    '{"password":"first"}',
    "--tags",
    "Key=ServerName,Value=ServerABC",
    "Key=env,Value=prod",
  );
  const xyzArn = await createSecret(
    xyz,
    '{"password":"xyz"}',
    "--tags",
    "Key=ServerName,Value=ServerXYZ",
  );
  const notProdArn = await createSecret(
    notProd,
    '{"password":"dev"}',
    "--tags",
    "Key=ServerName,Value=ServerABC",
  );
  // A second version: the first becomes AWSPREVIOUS and also gets a custom label.
  const first = (await strongbox("secretsmanager", "describe-secret", "--secret-id", abc)) as {
    VersionIdsToStages: Record<string, string[]>;
  };
  const firstVersion = Object.keys(first.VersionIdsToStages)[0];
  await strongbox(
    "secretsmanager",
    "put-secret-value",
    "--secret-id",
    abc,
    "--secret-string",
    '{"password":"second"}',
  );
  await strongbox(
    "secretsmanager",
    "update-secret-version-stage",
    "--secret-id",
    abc,
    "--version-stage",
    "canary",
    "--move-to-version-id",
    firstVersion,
  );
  for (const [name, document] of [
    ["DescribeServerABC", BY_TAG],
    ["ReadProdCurrent", BY_STAGING_LABEL],
  ]) {
    await strongbox(
      "iam",
      "put-user-policy",
      "--user-name",
      userName,
      "--policy-name",
      name,
      "--policy-document",
      document,
    );
  }
  const client = secretsManagerClient(baseURL, await createAccessKey(userName));

  await apiStep("DescribeSecret is allowed where ServerName is ServerABC", async () => {
    const described = await client.send(new DescribeSecretCommand({ SecretId: abc }));
    expect(described.Tags).toEqual(
      expect.arrayContaining([{ Key: "ServerName", Value: "ServerABC" }]),
    );
    return { ARN: described.ARN, Tags: described.Tags };
  });

  await apiStep("DescribeSecret is refused where ServerName is ServerXYZ", async () => {
    const refused = await rejectionOf(client.send(new DescribeSecretCommand({ SecretId: xyz })));
    expect(refused).toEqual({
      name: "AccessDeniedException",
      message: notAuthorized(userArn, "secretsmanager:DescribeSecret", xyzArn),
    });
    return refused;
  });

  await apiStep("GetSecretValue on a Prod* secret: the AWSCURRENT version", async () => {
    const current = await client.send(new GetSecretValueCommand({ SecretId: abc }));
    expect(current.SecretString).toBe('{"password":"second"}');
    expect(current.VersionStages).toContain("AWSCURRENT");
    const named = await client.send(
      new GetSecretValueCommand({ SecretId: abc, VersionStage: "AWSCURRENT" }),
    );
    expect(named.VersionId).toBe(current.VersionId);
    return { VersionId: current.VersionId, VersionStages: current.VersionStages };
  });

  await apiStep(
    "Any other version of it is refused: AWSPREVIOUS, canary, by VersionId",
    async () => {
      const refusals = [
        await rejectionOf(
          client.send(new GetSecretValueCommand({ SecretId: abc, VersionStage: "AWSPREVIOUS" })),
        ),
        await rejectionOf(
          client.send(new GetSecretValueCommand({ SecretId: abc, VersionStage: "canary" })),
        ),
        await rejectionOf(
          client.send(new GetSecretValueCommand({ SecretId: abc, VersionId: firstVersion })),
        ),
      ];
      for (const refused of refusals) {
        expect(refused).toEqual({
          name: "AccessDeniedException",
          message: notAuthorized(userArn, "secretsmanager:GetSecretValue", abcArn),
        });
      }
      return refusals;
    },
  );

  await apiStep("A secret whose name does not begin with Prod is refused", async () => {
    const refused = await rejectionOf(
      client.send(new GetSecretValueCommand({ SecretId: notProd })),
    );
    expect(refused).toEqual({
      name: "AccessDeniedException",
      message: notAuthorized(userArn, "secretsmanager:GetSecretValue", notProdArn),
    });
    return refused;
  });
  client.destroy();

  await signInAsIamUser(page, { accountId, userName, password });
  await guideStep(page, "In the console: the ServerABC secret's details and tags", async () => {
    await page.goto(secretHref(abc));
    await expect(page.getByRole("heading", { name: abc })).toBeVisible();
    await page.getByRole("tab", { name: /^Tags/ }).click();
    await expect(page.getByRole("table", { name: "Tags" })).toContainText("ServerABC");
  });
  await guideStep(page, "In the console: its AWSCURRENT value", async () => {
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("button", { name: "Retrieve secret value" }).click();
    await expect(page.getByRole("row", { name: /password/ })).toContainText("second");
  });
  await guideStep(page, "In the console: the ServerXYZ secret is refused", async () => {
    await page.goto(secretHref(xyz));
    await expect(
      page.getByText(notAuthorized(userArn, "secretsmanager:DescribeSecret", xyzArn)),
    ).toBeVisible();
  });
});
