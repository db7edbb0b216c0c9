import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { verifyRootUser, signInIamUser } from "@/lib/ops/account";
import { DEMO_PASSWORD, DEMO_ROOT, DemoRefused, resetDemo } from "@/lib/demo/reset";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

describe("demo reset", () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
  });
  afterAll(async () => t.dispose());

  it("refuses to wipe a database that has data and is not a demo", async () => {
    await sm.createSecret(t.root, { Name: "real/data", SecretString: "keep me" });
    await expect(resetDemo()).rejects.toBeInstanceOf(DemoRefused);
    expect((await sm.getSecretValue(t.root, { SecretId: "real/data" })).SecretString).toBe(
      "keep me",
    );
  });

  it("builds the deterministic account, twice alike, and the demo users work as documented", async () => {
    const first = await resetDemo({ force: true });
    const second = await resetDemo();
    expect(second.Users.map((u) => u.UserName)).toEqual(first.Users.map((u) => u.UserName));
    expect(second.Secrets).toEqual(first.Secrets);
    expect(second.Secrets).toEqual(
      expect.arrayContaining(["prod/payments/db", "dev/api/stripe", "another_secret_name"]),
    );
    await expect(sm.describeSecret(t.root, { SecretId: "real/data" })).rejects.toMatchObject({
      code: "ResourceNotFoundException",
    });
    expect(await verifyRootUser(DEMO_ROOT)).toBeDefined();

    const signIn = async (name: string): Promise<Caller> => {
      const result = await signInIamUser({
        account: t.accountId,
        userName: name,
        password: DEMO_PASSWORD,
      });
      if (!result.ok) throw new Error(`${name} could not sign in`);
      return { principal: result.principal, via: "console" };
    };
    const app = await signIn("app");
    expect((await sm.getSecretValue(app, { SecretId: "prod/api/stripe" })).SecretString).toContain(
      "sk_demo",
    );
    await expect(sm.getSecretValue(app, { SecretId: "dev/api/stripe" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    const reader = await signIn("secrets-reader");
    expect((await sm.listSecrets(reader, {})).SecretList.length).toBe(second.Secrets.length);
    await expect(sm.createSecret(reader, { Name: "x", SecretString: "y" })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    const rw = await signIn("secrets-rw");
    await expect(
      iam.createRole(rw, { RoleName: "r", AssumeRolePolicyDocument: "{}" }),
    ).rejects.toMatchObject({ code: "AccessDeniedException" });
    const labels = await sm.describeSecret(t.root, { SecretId: "ProdAnalytics" });
    expect(Object.values(labels.VersionIdsToStages!).flat().sort()).toEqual([
      "AWSCURRENT",
      "AWSPREVIOUS",
      "STAGING",
      "canary",
    ]);
  });
});
