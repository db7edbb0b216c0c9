// The console's master-secret picker and the masterarn it writes: only secrets the signed-in
// principal may GetSecretValue are offered (identity policy, explicit deny, resource policy),
// decided by the engine exactly as GetSecretValue decides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { masterSecretCandidates, withMasterArn } from "@/lib/rotation/master-secret-candidates";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

describe("master-secret candidates", () => {
  let t: TestRuntime;
  let root: Caller;

  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
    root = t.root;
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite"] });
  });
  afterAll(async () => {
    await t.dispose();
  });

  async function user(name: string): Promise<Caller> {
    const { User } = await iam.createUser(root, { UserName: name });
    await iam.attachUserPolicy(root, {
      UserName: name,
      PolicyArn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
    });
    return {
      principal: { type: "User", arn: User.Arn, accountId: t.accountId, name, id: User.UserId },
      via: "console",
    };
  }

  it("offers only the secrets the caller may read, and never the secret being configured", async () => {
    const master = await sm.createSecret(root, { Name: "db/master", SecretString: "{}" });
    const denied = await sm.createSecret(root, { Name: "db/denied", SecretString: "{}" });
    const fenced = await sm.createSecret(root, { Name: "db/fenced", SecretString: "{}" });
    const app = await sm.createSecret(root, { Name: "db/app", SecretString: "{}" });
    const empty = await sm.createSecret(root, { Name: "db/no-value" });
    const alice = await user("alice");
    await iam.putUserPolicy(root, {
      UserName: "alice",
      PolicyName: "NoDenied",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Deny", Action: "secretsmanager:GetSecretValue", Resource: denied.ARN },
        ],
      }),
    });
    await sm.putResourcePolicy(root, {
      SecretId: fenced.ARN,
      ResourcePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Deny",
            Principal: { AWS: `arn:aws:iam::${t.accountId}:user/alice` },
            Action: "secretsmanager:GetSecretValue",
            Resource: "*",
          },
        ],
      }),
    });

    const names = (await masterSecretCandidates(alice, { excludeArn: app.ARN })).map((c) => c.Name);
    expect(names).toEqual(["db/master"]);
    expect(names).not.toContain(empty.Name);

    // What the picker says matches what GetSecretValue decides for her.
    await expect(sm.getSecretValue(alice, { SecretId: master.ARN })).resolves.toMatchObject({
      ARN: master.ARN,
    });
    await expect(sm.getSecretValue(alice, { SecretId: denied.ARN })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });
    await expect(sm.getSecretValue(alice, { SecretId: fenced.ARN })).rejects.toMatchObject({
      code: "AccessDeniedException",
    });

    // The root user may read every secret with a value.
    expect((await masterSecretCandidates(root)).map((c) => c.Name)).toEqual([
      "db/app",
      "db/denied",
      "db/fenced",
      "db/master",
    ]);
  });

  it("a caller who may not list secrets is refused in AWS's words", async () => {
    const { User } = await iam.createUser(root, { UserName: "bob" });
    const bob: Caller = {
      principal: {
        type: "User",
        arn: User.Arn,
        accountId: t.accountId,
        name: "bob",
        id: User.UserId,
      },
      via: "console",
    };
    const error = await masterSecretCandidates(bob).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toBe(
      `User: ${User.Arn} is not authorized to perform: secretsmanager:ListSecrets on resource: * because no identity-based policy allows the secretsmanager:ListSecrets action`,
    );
  });
});

describe("withMasterArn", () => {
  const arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:db/master-AbCdEf";

  it("adds masterarn to the secret's JSON, keeping every other key", () => {
    const out = withMasterArn('{"engine":"postgres","username":"app","password":"pw"}', arn);
    expect(JSON.parse(out)).toEqual({
      engine: "postgres",
      username: "app",
      password: "pw",
      masterarn: arn,
    });
  });

  it("leaves the value as it is when it already names that master secret", () => {
    const text = JSON.stringify({ username: "app", masterarn: arn });
    expect(withMasterArn(text, arn)).toBe(text);
    expect(JSON.parse(withMasterArn(text, `${arn}x`)).masterarn).toBe(`${arn}x`);
  });

  it("refuses a value that is not a JSON object", () => {
    for (const value of ["plain text", "[1,2]", "null", undefined]) {
      expect(() => withMasterArn(value, arn)).toThrow(/must be a JSON object/);
    }
  });
});
