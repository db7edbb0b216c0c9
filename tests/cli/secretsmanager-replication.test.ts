// `strongbox secretsmanager replicate-secret-to-regions | remove-regions-from-replication |
// stop-replication-to-replica`: the AWS CLI's flags become the operations' requests, and the
// operations answer as they do over the API (a one-region installation has no replicas).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import { createSecret } from "@/lib/ops/secretsmanager";
import { REPLICATION_UNSUPPORTED } from "@/lib/ops/secretsmanager/replication";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";
import { parseOperationArgs } from "@/lib/cli/args";
import { secretsmanagerCommands } from "@/lib/cli/secretsmanager";

let t: TestRuntime;

beforeAll(async () => {
  t = await createTestRuntime("sqlite");
  await createSecret(t.root, { Name: "prod/replicated", SecretString: "s3cr3t" });
});
afterAll(async () => t?.dispose());

/** Parses the command line as `strongbox secretsmanager <command> ...` does and runs it. */
async function cli(command: string, argv: string[]) {
  const spec = secretsmanagerCommands[command];
  expect(spec, `secretsmanager ${command}`).toBeDefined();
  const { input } = parseOperationArgs(argv, spec.params);
  const outcome = await spec.op(t.root as never, input as never).catch((error: unknown) => error);
  return { input, outcome };
}

describe("secretsmanager replication commands", () => {
  it("replicate-secret-to-regions takes AWS's shorthand and JSON for --add-replica-regions", async () => {
    const { input, outcome } = await cli("replicate-secret-to-regions", [
      "--secret-id",
      "prod/replicated",
      "--add-replica-regions",
      "Region=eu-west-1,KmsKeyId=alias/eu",
      "Region=us-west-2",
      "--force-overwrite-replica-secret",
    ]);
    expect(input).toEqual({
      SecretId: "prod/replicated",
      AddReplicaRegions: [{ Region: "eu-west-1", KmsKeyId: "alias/eu" }, { Region: "us-west-2" }],
      ForceOverwriteReplicaSecret: true,
    });
    expect(outcome).toBeInstanceOf(AwsError);
    expect(outcome).toMatchObject({ code: "InvalidRequestException" });
    expect((outcome as AwsError).message).toBe(REPLICATION_UNSUPPORTED);

    const json = await cli("replicate-secret-to-regions", [
      "--secret-id",
      "prod/replicated",
      "--add-replica-regions",
      '[{"Region":"eu-west-1"}]',
      "--no-force-overwrite-replica-secret",
    ]);
    expect(json.input).toEqual({
      SecretId: "prod/replicated",
      AddReplicaRegions: [{ Region: "eu-west-1" }],
      ForceOverwriteReplicaSecret: false,
    });
  });

  it("replicate-secret-to-regions checks the regions as the API does", async () => {
    const { outcome } = await cli("replicate-secret-to-regions", [
      "--secret-id",
      "prod/replicated",
      "--add-replica-regions",
      "Region=Not A Region",
    ]);
    expect(outcome).toMatchObject({ code: "ValidationException" });
  });

  it("remove-regions-from-replication takes the regions as a list", async () => {
    const { input, outcome } = await cli("remove-regions-from-replication", [
      "--secret-id",
      "prod/replicated",
      "--remove-replica-regions",
      "eu-west-1",
      "us-west-2",
    ]);
    expect(input).toEqual({
      SecretId: "prod/replicated",
      RemoveReplicaRegions: ["eu-west-1", "us-west-2"],
    });
    expect(outcome).toMatchObject({ code: "InvalidRequestException" });
    expect((outcome as AwsError).message).toBe(
      `The secret prod/replicated isn't replicated to eu-west-1, us-west-2. ${REPLICATION_UNSUPPORTED}`,
    );
  });

  it("stop-replication-to-replica names the secret, and a missing one is not found", async () => {
    const { input, outcome } = await cli("stop-replication-to-replica", [
      "--secret-id",
      "prod/replicated",
    ]);
    expect(input).toEqual({ SecretId: "prod/replicated" });
    expect(outcome).toMatchObject({ code: "InvalidRequestException" });
    expect((outcome as AwsError).message).toBe(
      `The secret prod/replicated is not a replica secret. ${REPLICATION_UNSUPPORTED}`,
    );
    const missing = await cli("stop-replication-to-replica", ["--secret-id", "prod/nothing"]);
    expect(missing.outcome).toMatchObject({ code: "ResourceNotFoundException" });
  });
});
