// The AWS CLI v2 (Debian's `awscli`) and boto3 (Debian's `python3-boto3`) against Strongbox:
// create, get, put, list, delete. Skipped, with the reason printed, where they are not installed
// (CI installs both: see README).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_POLICY, startHarness, type ApiHarness, type TestUser } from "./harness";

const run = promisify(execFile);

/** The AWS CLI v2: $STRONGBOX_TEST_AWS_CLI, Debian's /usr/bin/aws, else `aws` on PATH. */
async function findAwsCli(): Promise<string | undefined> {
  const candidates = [process.env.STRONGBOX_TEST_AWS_CLI, "/usr/bin/aws", "aws"].filter(
    (c): c is string => !!c && (c === "aws" || existsSync(c)),
  );
  for (const candidate of candidates) {
    try {
      const { stdout, stderr } = await run(candidate, ["--version"]);
      if (/^aws-cli\/2\./.test(`${stdout}${stderr}`.trim())) return candidate;
    } catch {
      // Not runnable here: try the next.
    }
  }
  return undefined;
}

async function findBoto3Python(): Promise<string | undefined> {
  for (const candidate of [process.env.STRONGBOX_TEST_PYTHON, "/usr/bin/python3", "python3"]) {
    if (!candidate) continue;
    try {
      await run(candidate, ["-c", "import boto3"]);
      return candidate;
    } catch {
      // No boto3 for this interpreter.
    }
  }
  return undefined;
}

const awsCli = await findAwsCli();
const python = await findBoto3Python();
if (!awsCli)
  console.warn(
    "tests/api/cli.test.ts: AWS CLI v2 not found (apt-get install awscli): skipping its test",
  );
if (!python)
  console.warn(
    "tests/api/cli.test.ts: boto3 not found (apt-get install python3-boto3): skipping its test",
  );

let h: ApiHarness;
let user: TestUser;
let dir: string;

beforeAll(async () => {
  if (!awsCli && !python) return;
  h = await startHarness();
  user = await h.user("cli-user", ADMIN_POLICY);
  dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-cli-"));
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A clean environment: these credentials and nothing from the machine's own AWS configuration. */
function awsEnv(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")),
  ) as NodeJS.ProcessEnv;
  return {
    ...inherited,
    HOME: dir,
    AWS_ACCESS_KEY_ID: user.accessKeyId,
    AWS_SECRET_ACCESS_KEY: user.secretAccessKey,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: path.join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "credentials"),
    AWS_PAGER: "",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

describe.skipIf(!awsCli)("the AWS CLI v2", { timeout: 120_000 }, () => {
  async function aws(...args: string[]) {
    const { stdout } = await run(
      awsCli!,
      ["--endpoint-url", h.endpoint, "--output", "json", ...args],
      {
        env: awsEnv(),
      },
    );
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  }

  it("creates, reads, updates, lists and deletes a secret", async () => {
    const created = await aws(
      "secretsmanager",
      "create-secret",
      "--name",
      "cli/db",
      "--secret-string",
      '{"user":"app"}',
      "--tags",
      "Key=team,Value=ops",
    );
    expect(created.Name).toBe("cli/db");
    expect(await aws("secretsmanager", "get-secret-value", "--secret-id", "cli/db")).toMatchObject({
      SecretString: '{"user":"app"}',
      VersionStages: ["AWSCURRENT"],
    });
    await aws(
      "secretsmanager",
      "put-secret-value",
      "--secret-id",
      "cli/db",
      "--secret-string",
      "v2",
    );
    expect(
      (await aws("secretsmanager", "get-secret-value", "--secret-id", "cli/db")).SecretString,
    ).toBe("v2");

    const file = path.join(dir, "key.bin");
    writeFileSync(file, Buffer.from([0, 159, 146, 150]));
    await aws(
      "secretsmanager",
      "create-secret",
      "--name",
      "cli/binary",
      "--secret-binary",
      `fileb://${file}`,
    );
    const binary = await aws("secretsmanager", "get-secret-value", "--secret-id", "cli/binary");
    expect(Buffer.from(binary.SecretBinary as string, "base64")).toEqual(
      Buffer.from([0, 159, 146, 150]),
    );

    const listed = await aws("secretsmanager", "list-secrets", "--filters", "Key=name,Values=cli/");
    expect((listed.SecretList as { Name: string }[]).map((s) => s.Name).sort()).toEqual([
      "cli/binary",
      "cli/db",
    ]);
    const described = await aws("secretsmanager", "describe-secret", "--secret-id", "cli/db");
    expect(typeof described.CreatedDate).toBe("string");

    const deleted = await aws(
      "secretsmanager",
      "delete-secret",
      "--secret-id",
      "cli/db",
      "--force-delete-without-recovery",
    );
    expect(deleted.Name).toBe("cli/db");
  });

  it("prints AWS's error and exits 254", async () => {
    const failure = await run(
      awsCli!,
      [
        "--endpoint-url",
        h.endpoint,
        "secretsmanager",
        "get-secret-value",
        "--secret-id",
        "cli/none",
      ],
      { env: awsEnv() },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 254 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      "An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.",
    );
  });

  it("speaks the query protocol: sts get-caller-identity, iam list-users", async () => {
    expect((await aws("sts", "get-caller-identity")).Arn).toBe(user.arn);
    const users = await aws("iam", "list-users");
    expect((users.Users as { UserName: string }[]).map((u) => u.UserName)).toContain("cli-user");
  });
});

const BOTO3_SCRIPT = `
import json, os, sys, boto3
from botocore.exceptions import ClientError
sm = boto3.client("secretsmanager", endpoint_url=os.environ["ENDPOINT"], region_name="us-east-1")
out = {}
out["create"] = sm.create_secret(Name="boto/db", SecretString="one")["Name"]
out["get"] = sm.get_secret_value(SecretId="boto/db")["SecretString"]
sm.put_secret_value(SecretId="boto/db", SecretString="two")
out["get2"] = sm.get_secret_value(SecretId="boto/db")["SecretString"]
sm.create_secret(Name="boto/bin", SecretBinary=bytes([0, 1, 254, 255]))
out["binary"] = list(sm.get_secret_value(SecretId="boto/bin")["SecretBinary"])
out["list"] = sorted(s["Name"] for s in sm.list_secrets(Filters=[{"Key": "name", "Values": ["boto/"]}])["SecretList"])
out["created_is_datetime"] = type(sm.describe_secret(SecretId="boto/db")["CreatedDate"]).__name__
out["delete"] = sm.delete_secret(SecretId="boto/db", ForceDeleteWithoutRecovery=True)["Name"]
try:
    sm.get_secret_value(SecretId="boto/db")
except ClientError as e:
    out["error"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
sts = boto3.client("sts", endpoint_url=os.environ["ENDPOINT"], region_name="us-east-1")
out["whoami"] = sts.get_caller_identity()["Arn"]
json.dump(out, sys.stdout)
`;

describe.skipIf(!python)("boto3", { timeout: 120_000 }, () => {
  it("creates, reads, updates, lists and deletes a secret", async () => {
    const { stdout } = await run(python!, ["-c", BOTO3_SCRIPT], {
      env: { ...awsEnv(), ENDPOINT: h.endpoint },
    });
    expect(JSON.parse(stdout)).toEqual({
      create: "boto/db",
      get: "one",
      get2: "two",
      binary: [0, 1, 254, 255],
      list: ["boto/bin", "boto/db"],
      created_is_datetime: "datetime",
      delete: "boto/db",
      error: ["ResourceNotFoundException", 400],
      whoami: user.arn,
    });
  });
});
