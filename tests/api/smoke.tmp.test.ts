import { it, expect } from "vitest";
import { CreateSecretCommand, GetSecretValueCommand } from "@aws-sdk/client-secrets-manager";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ListUsersCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { startHarness, ADMIN_POLICY } from "./harness";

it("smoke", async () => {
  const h = await startHarness();
  const admin = await h.user("admin", ADMIN_POLICY);
  const sm = h.secretsManager(admin);
  const c = await sm.send(
    new CreateSecretCommand({ Name: "a/b", SecretString: "x", Tags: [{ Key: "k", Value: "v" }] }),
  );
  console.log(c);
  const g = await sm.send(new GetSecretValueCommand({ SecretId: "a/b" }));
  console.log(g);
  const sts = h.sts(admin);
  console.log(await sts.send(new GetCallerIdentityCommand({})));
  const iam = h.iam(admin);
  console.log(
    await iam.send(new CreateUserCommand({ UserName: "bob", Tags: [{ Key: "team", Value: "x" }] })),
  );
  console.log(JSON.stringify(await iam.send(new ListUsersCommand({}))));
  await h.close();
});
