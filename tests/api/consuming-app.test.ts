// The seed's "For the Consuming Application": an application user allowed only
// secretsmanager:GetSecretValue on one secret's ARN reads that secret with the unmodified SDK,
// and gets AccessDeniedException, in AWS's words, for any other secret and any other action.
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../helpers/runtime";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

/** Secrets Manager does not model AccessDeniedException: the SDK raises its service exception by that name. */
function expectAccessDenied(error: Error) {
  expect(error).toBeInstanceOf(SecretsManagerServiceException);
  expect(error.name).toBe("AccessDeniedException");
  expect((error as SecretsManagerServiceException).$metadata.httpStatusCode).toBe(400);
}

describe.each(await providers())("the consuming application on %s", (provider) => {
  let h: ApiHarness;
  let app: TestUser;
  let client: SecretsManagerClient;
  let dbArn: string;
  let otherArn: string;

  beforeAll(async () => {
    h = await startHarness(provider);
    const admin = h.secretsManager(await h.user("admin", ADMIN_POLICY));
    dbArn = (
      await admin.send(
        new CreateSecretCommand({
          Name: "prod/app/db",
          SecretString: '{"username":"app","password":"hunter2"}',
        }),
      )
    ).ARN!;
    otherArn = (
      await admin.send(new CreateSecretCommand({ Name: "prod/other/db", SecretString: "nope" }))
    ).ARN!;
    admin.destroy();
    app = await h.user("app", {
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: dbArn }],
    });
    client = h.secretsManager(app);
  });
  afterAll(async () => {
    client?.destroy();
    await h?.close();
  });

  it("reads its secret by name and by ARN", async () => {
    const byName = await client.send(new GetSecretValueCommand({ SecretId: "prod/app/db" }));
    expect(JSON.parse(byName.SecretString!)).toEqual({ username: "app", password: "hunter2" });
    const byArn = await client.send(new GetSecretValueCommand({ SecretId: dbArn }));
    expect(byArn.ARN).toBe(dbArn);
  });

  it("is refused any other secret", async () => {
    const error = await rejection(
      client.send(new GetSecretValueCommand({ SecretId: "prod/other/db" })),
    );
    expectAccessDenied(error);
    expect(error.message).toBe(
      `User: ${app.arn} is not authorized to perform: secretsmanager:GetSecretValue on resource: ${otherArn} because no identity-based policy allows the secretsmanager:GetSecretValue action`,
    );
  });

  it("is refused any other action, even on its own secret", async () => {
    const described = await rejection(client.send(new DescribeSecretCommand({ SecretId: dbArn })));
    expectAccessDenied(described);
    expect(described.message).toBe(
      `User: ${app.arn} is not authorized to perform: secretsmanager:DescribeSecret on resource: ${dbArn} because no identity-based policy allows the secretsmanager:DescribeSecret action`,
    );
    const put = await rejection(
      client.send(new PutSecretValueCommand({ SecretId: dbArn, SecretString: "x" })),
    );
    expectAccessDenied(put);
    expect(put.message).toContain("secretsmanager:PutSecretValue");
    const list = await rejection(client.send(new ListSecretsCommand({})));
    expectAccessDenied(list);
    expect(list.message).toBe(
      `User: ${app.arn} is not authorized to perform: secretsmanager:ListSecrets on resource: * because no identity-based policy allows the secretsmanager:ListSecrets action`,
    );
  });

  it("gets AccessDenied, not ResourceNotFound, for a secret that does not exist", async () => {
    const error = await rejection(
      client.send(new GetSecretValueCommand({ SecretId: "prod/ghost" })),
    );
    expectAccessDenied(error);
  });
});
