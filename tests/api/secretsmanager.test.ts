// Every Secrets Manager operation through the AWS SDK for JavaScript v3, unmodified, against
// Strongbox's API: requests, answers and errors as the SDK's typed exceptions.
import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  InvalidRequestException,
  ListSecretVersionIdsCommand,
  ListSecretsCommand,
  PutResourcePolicyCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  RotateSecretCommand,
  SecretsManagerClient,
  SecretsManagerServiceException,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
  ValidateResourcePolicyCommand,
  paginateListSecrets,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as secretsmanagerOps from "@/lib/ops/secretsmanager";
import { operationsOf, services } from "@/lib/api/services";
import { providers } from "../helpers/runtime";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness } from "./harness";

const TOKEN_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const TOKEN_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

describe("the operation table", () => {
  it("serves every operation lib/ops/secretsmanager exports, each one modelled by the SDK", () => {
    const served = services().byTarget.get("secretsmanager")!;
    const exported = [...operationsOf(secretsmanagerOps, "secretsmanager").keys()].sort();
    expect([...served.operations.keys()].sort()).toEqual(exported);
    expect(exported).toEqual(
      expect.arrayContaining([
        "BatchGetSecretValue",
        "CreateSecret",
        "DeleteResourcePolicy",
        "DeleteSecret",
        "DescribeSecret",
        "GetRandomPassword",
        "GetResourcePolicy",
        "GetSecretValue",
        "ListSecretVersionIds",
        "ListSecrets",
        "PutResourcePolicy",
        "PutSecretValue",
        "RestoreSecret",
        "TagResource",
        "UntagResource",
        "UpdateSecret",
        "UpdateSecretVersionStage",
        "ValidateResourcePolicy",
        "RotateSecret",
        "CancelRotateSecret",
      ]),
    );
    for (const name of exported) expect(served.model.operations[name], name).toBeDefined();
  });
});

describe.each(await providers())("Secrets Manager through the AWS SDK on %s", (provider) => {
  let h: ApiHarness;
  let sm: SecretsManagerClient;

  beforeAll(async () => {
    h = await startHarness(provider);
    sm = h.secretsManager(await h.user("admin", ADMIN_POLICY));
  });
  afterAll(async () => {
    sm?.destroy();
    await h?.close();
  });

  it("creates, reads and describes a string secret", async () => {
    const created = await sm.send(
      new CreateSecretCommand({
        Name: "prod/db/main",
        Description: "main database",
        SecretString: '{"username":"app","password":"p"}',
        ClientRequestToken: TOKEN_A,
        Tags: [{ Key: "team", Value: "payments" }],
      }),
    );
    expect(created.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:111122223333:secret:prod\/db\/main-\w{6}$/,
    );
    expect(created.Name).toBe("prod/db/main");
    expect(created.VersionId).toBe(TOKEN_A);

    const value = await sm.send(new GetSecretValueCommand({ SecretId: "prod/db/main" }));
    expect(value).toMatchObject({
      ARN: created.ARN,
      Name: "prod/db/main",
      VersionId: TOKEN_A,
      SecretString: '{"username":"app","password":"p"}',
      VersionStages: ["AWSCURRENT"],
    });
    expect(value.CreatedDate).toBeInstanceOf(Date);
    expect(value.SecretBinary).toBeUndefined();

    const described = await sm.send(new DescribeSecretCommand({ SecretId: created.ARN }));
    expect(described).toMatchObject({
      ARN: created.ARN,
      Name: "prod/db/main",
      Description: "main database",
      Tags: [{ Key: "team", Value: "payments" }],
      VersionIdsToStages: { [TOKEN_A]: ["AWSCURRENT"] },
    });
    expect(described.CreatedDate).toBeInstanceOf(Date);
    expect(Math.abs(described.CreatedDate!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(described.DeletedDate).toBeUndefined();
  });

  it("stores and returns binary secrets byte for byte", async () => {
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255]);
    await sm.send(new CreateSecretCommand({ Name: "binary/key", SecretBinary: bytes }));
    const value = await sm.send(new GetSecretValueCommand({ SecretId: "binary/key" }));
    expect(value.SecretString).toBeUndefined();
    expect(Buffer.from(value.SecretBinary!)).toEqual(Buffer.from(bytes));
  });

  it("puts new versions, moves labels, and lists versions", async () => {
    await sm.send(
      new CreateSecretCommand({
        Name: "rotating",
        SecretString: "one",
        ClientRequestToken: TOKEN_A,
      }),
    );
    const put = await sm.send(
      new PutSecretValueCommand({
        SecretId: "rotating",
        SecretString: "two",
        ClientRequestToken: TOKEN_B,
      }),
    );
    expect(put).toMatchObject({ VersionId: TOKEN_B, VersionStages: ["AWSCURRENT"] });
    expect((await sm.send(new GetSecretValueCommand({ SecretId: "rotating" }))).SecretString).toBe(
      "two",
    );
    const previous = await sm.send(
      new GetSecretValueCommand({ SecretId: "rotating", VersionStage: "AWSPREVIOUS" }),
    );
    expect(previous.SecretString).toBe("one");
    const byId = await sm.send(
      new GetSecretValueCommand({ SecretId: "rotating", VersionId: TOKEN_A }),
    );
    expect(byId.VersionStages).toEqual(["AWSPREVIOUS"]);

    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: "rotating",
        VersionStage: "AWSCURRENT",
        MoveToVersionId: TOKEN_A,
        RemoveFromVersionId: TOKEN_B,
      }),
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: "rotating" }))).SecretString).toBe(
      "one",
    );

    const versions = await sm.send(new ListSecretVersionIdsCommand({ SecretId: "rotating" }));
    expect(versions.Name).toBe("rotating");
    const stages = Object.fromEntries(
      versions.Versions!.map((v) => [v.VersionId, v.VersionStages]),
    );
    expect(stages[TOKEN_A]).toEqual(["AWSCURRENT"]);
    expect(stages[TOKEN_B]).toEqual(["AWSPREVIOUS"]);
    expect(versions.Versions![0].CreatedDate).toBeInstanceOf(Date);
  });

  it("updates a secret's description and value", async () => {
    await sm.send(new CreateSecretCommand({ Name: "to-update", SecretString: "v1" }));
    const updated = await sm.send(
      new UpdateSecretCommand({
        SecretId: "to-update",
        Description: "new words",
        SecretString: "v2",
      }),
    );
    expect(updated.Name).toBe("to-update");
    expect(updated.VersionId).toBeDefined();
    expect((await sm.send(new DescribeSecretCommand({ SecretId: "to-update" }))).Description).toBe(
      "new words",
    );
    expect((await sm.send(new GetSecretValueCommand({ SecretId: "to-update" }))).SecretString).toBe(
      "v2",
    );
  });

  it("lists with filters and pages with NextToken (the SDK's paginator)", async () => {
    for (let i = 0; i < 5; i++) {
      await sm.send(new CreateSecretCommand({ Name: `paged/item-${i}`, SecretString: "x" }));
    }
    const filtered = await sm.send(
      new ListSecretsCommand({ Filters: [{ Key: "name", Values: ["paged/"] }], MaxResults: 2 }),
    );
    expect(filtered.SecretList).toHaveLength(2);
    expect(filtered.NextToken).toBeDefined();
    expect(filtered.SecretList![0].LastChangedDate).toBeInstanceOf(Date);

    const names: string[] = [];
    for await (const page of paginateListSecrets(
      { client: sm, pageSize: 2 },
      { Filters: [{ Key: "name", Values: ["paged/"] }] },
    )) {
      names.push(...page.SecretList!.map((s) => s.Name!));
    }
    expect(names.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `paged/item-${i}`));
  });

  it("reads several secrets at once, reporting the ones it cannot", async () => {
    await sm.send(new CreateSecretCommand({ Name: "batch/a", SecretString: "A" }));
    await sm.send(new CreateSecretCommand({ Name: "batch/b", SecretString: "B" }));
    const out = await sm.send(
      new BatchGetSecretValueCommand({ SecretIdList: ["batch/a", "batch/b", "batch/missing"] }),
    );
    expect(out.SecretValues!.map((v) => v.SecretString).sort()).toEqual(["A", "B"]);
    expect(out.Errors).toEqual([
      expect.objectContaining({
        SecretId: "batch/missing",
        ErrorCode: "ResourceNotFoundException",
      }),
    ]);
  });

  it("tags and untags", async () => {
    await sm.send(new CreateSecretCommand({ Name: "tagged", SecretString: "x" }));
    await sm.send(
      new TagResourceCommand({
        SecretId: "tagged",
        Tags: [
          { Key: "env", Value: "prod" },
          { Key: "owner", Value: "ops" },
        ],
      }),
    );
    await sm.send(new UntagResourceCommand({ SecretId: "tagged", TagKeys: ["owner"] }));
    const described = await sm.send(new DescribeSecretCommand({ SecretId: "tagged" }));
    expect(described.Tags).toEqual([{ Key: "env", Value: "prod" }]);
  });

  it("deletes with a recovery window, restores, and deletes for good", async () => {
    await sm.send(new CreateSecretCommand({ Name: "doomed", SecretString: "x" }));
    const deleted = await sm.send(
      new DeleteSecretCommand({ SecretId: "doomed", RecoveryWindowInDays: 7 }),
    );
    expect(deleted.Name).toBe("doomed");
    expect(deleted.DeletionDate).toBeInstanceOf(Date);
    expect(deleted.DeletionDate!.getTime() - Date.now()).toBeGreaterThan(6.9 * 86_400_000);

    const readDeleted = await rejection(sm.send(new GetSecretValueCommand({ SecretId: "doomed" })));
    expect(readDeleted).toBeInstanceOf(InvalidRequestException);
    expect(readDeleted.message).toMatch(/marked for deletion/);
    expect(
      (await sm.send(new DescribeSecretCommand({ SecretId: "doomed" }))).DeletedDate,
    ).toBeInstanceOf(Date);

    const restored = await sm.send(new RestoreSecretCommand({ SecretId: "doomed" }));
    expect(restored.Name).toBe("doomed");
    expect((await sm.send(new GetSecretValueCommand({ SecretId: "doomed" }))).SecretString).toBe(
      "x",
    );

    await sm.send(
      new DeleteSecretCommand({ SecretId: "doomed", ForceDeleteWithoutRecovery: true }),
    );
    expect(
      await rejection(sm.send(new DescribeSecretCommand({ SecretId: "doomed" }))),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it("generates random passwords", async () => {
    const out = await sm.send(
      new GetRandomPasswordCommand({
        PasswordLength: 40,
        ExcludePunctuation: true,
        RequireEachIncludedType: true,
      }),
    );
    expect(out.RandomPassword).toMatch(/^[A-Za-z0-9]{40}$/);
  });

  it("puts, reads, validates and deletes a resource policy", async () => {
    const { ARN } = await sm.send(
      new CreateSecretCommand({ Name: "with-policy", SecretString: "x" }),
    );
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Principal: { AWS: "arn:aws:iam::111122223333:root" },
          Action: "secretsmanager:GetSecretValue",
          Resource: "*",
        },
      ],
    });
    const validated = await sm.send(new ValidateResourcePolicyCommand({ ResourcePolicy: policy }));
    expect(validated.PolicyValidationPassed).toBe(true);
    const put = await sm.send(
      new PutResourcePolicyCommand({ SecretId: "with-policy", ResourcePolicy: policy }),
    );
    expect(put.ARN).toBe(ARN);
    const got = await sm.send(new GetResourcePolicyCommand({ SecretId: "with-policy" }));
    expect(JSON.parse(got.ResourcePolicy!)).toEqual(JSON.parse(policy));
    await sm.send(new DeleteResourcePolicyCommand({ SecretId: "with-policy" }));
    expect(
      (await sm.send(new GetResourcePolicyCommand({ SecretId: "with-policy" }))).ResourcePolicy,
    ).toBeUndefined();
  });

  it("answers rotation requests (issue 6's operations, served as soon as exported)", async () => {
    await sm.send(new CreateSecretCommand({ Name: "rotation/none", SecretString: "x" }));
    const error = await rejection(sm.send(new RotateSecretCommand({ SecretId: "rotation/none" })));
    expect(error).toBeInstanceOf(InvalidRequestException);
    expect(error.message).toMatch(/RotationLambdaARN/);
    const cancelled = await sm.send(new CancelRotateSecretCommand({ SecretId: "rotation/none" }));
    expect(cancelled.Name).toBe("rotation/none");
  });

  describe("errors arrive as the SDK's typed exceptions, in AWS's words", () => {
    it("ResourceNotFoundException", async () => {
      const error = await rejection(
        sm.send(new GetSecretValueCommand({ SecretId: "no/such/secret" })),
      );
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.name).toBe("ResourceNotFoundException");
      expect(error.message).toBe("Secrets Manager can't find the specified secret.");
      expect((error as unknown as SecretsManagerServiceException).$metadata.httpStatusCode).toBe(
        400,
      );
      expect((error as unknown as SecretsManagerServiceException).$metadata.requestId).toMatch(
        /^[0-9a-f-]{36}$/,
      );
    });

    it("ResourceExistsException", async () => {
      await sm.send(new CreateSecretCommand({ Name: "twice", SecretString: "x" }));
      const error = await rejection(
        sm.send(new CreateSecretCommand({ Name: "twice", SecretString: "y" })),
      );
      expect(error).toBeInstanceOf(ResourceExistsException);
      expect(error.message).toMatch(/already exists/);
    });

    it("InvalidParameterException", async () => {
      const error = await rejection(
        sm.send(new GetRandomPasswordCommand({ PasswordLength: 5000 })),
      );
      expect(error.name).toMatch(/InvalidParameterException|ValidationException/);
      const both = await rejection(
        sm.send(
          new BatchGetSecretValueCommand({
            SecretIdList: ["a"],
            Filters: [{ Key: "name", Values: ["a"] }],
          }),
        ),
      );
      expect(both).toBeInstanceOf(InvalidParameterException);
    });

    it("InvalidRequestException for a value on a deleted secret", async () => {
      await sm.send(new CreateSecretCommand({ Name: "deleted-put", SecretString: "x" }));
      await sm.send(new DeleteSecretCommand({ SecretId: "deleted-put" }));
      const error = await rejection(
        sm.send(new PutSecretValueCommand({ SecretId: "deleted-put", SecretString: "y" })),
      );
      expect(error).toBeInstanceOf(InvalidRequestException);
    });
  });
});
