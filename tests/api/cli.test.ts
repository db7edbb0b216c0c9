// The AWS CLI v2 (Debian's `awscli`) and boto3 (Debian's `python3-boto3`) against Strongbox:
// create, get, put, list, rotate, delete, and an IAM create-user / attach / create-key round whose
// new key is then used. Skipped, with the reason printed, where they are not installed
// (CI installs both: see README).
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CreateSecretCommand } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRole, putRolePolicy } from "@/lib/ops/iam";
import { createFunction } from "@/lib/ops/lambda";
import { settleRotations } from "@/lib/rotation/in-flight";
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
/** A generic rotation function (Lambda is not served over the API: made through lib/ops). */
let rotationLambdaArn: string;

/** What a policy that allows reading one secret looks like, for the IAM rounds. */
const readOnePolicy = (secretArnPrefix: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: `${secretArnPrefix}*` },
    ],
  });

beforeAll(async () => {
  if (!awsCli && !python) return;
  h = await startHarness();
  user = await h.user("cli-user", ADMIN_POLICY);
  dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-cli-"));
  const fn = await createFunction(h.rt.root, {
    FunctionName: "SecretsManagerCliRotation",
    Template: "generic",
  });
  rotationLambdaArn = fn.FunctionArn;
});
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A clean environment: these credentials and nothing from the machine's own AWS configuration. */
function awsEnv(
  credentials: { accessKeyId: string; secretAccessKey: string } = user,
): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("AWS_")),
  ) as NodeJS.ProcessEnv;
  return {
    ...inherited,
    HOME: dir,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: path.join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, "credentials"),
    AWS_PAGER: "",
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

describe.skipIf(!awsCli)("the AWS CLI v2", { timeout: 120_000 }, () => {
  async function awsAs(
    credentials: { accessKeyId: string; secretAccessKey: string },
    args: string[],
  ) {
    const { stdout } = await run(
      awsCli!,
      ["--endpoint-url", h.endpoint, "--output", "json", ...args],
      { env: awsEnv(credentials) },
    );
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  }
  const aws = (...args: string[]) => awsAs(user, args);

  it("rotates a secret with a rotation function and reads the new version", async () => {
    const created = await aws(
      "secretsmanager",
      "create-secret",
      "--name",
      "rotation/cli",
      "--secret-string",
      '{"username":"app","password":"old-password"}',
    );
    const rotated = await aws(
      "secretsmanager",
      "rotate-secret",
      "--secret-id",
      "rotation/cli",
      "--rotation-lambda-arn",
      rotationLambdaArn,
      "--rotation-rules",
      "AutomaticallyAfterDays=30",
    );
    expect(rotated).toMatchObject({ ARN: created.ARN, Name: "rotation/cli" });
    await settleRotations();
    const described = await aws("secretsmanager", "describe-secret", "--secret-id", "rotation/cli");
    expect(described).toMatchObject({
      RotationEnabled: true,
      RotationLambdaARN: rotationLambdaArn,
      RotationRules: { AutomaticallyAfterDays: 30 },
      VersionIdsToStages: {
        [created.VersionId as string]: ["AWSPREVIOUS"],
        [rotated.VersionId as string]: ["AWSCURRENT"],
      },
    });
    expect(typeof described.NextRotationDate).toBe("string");
    const current = await aws("secretsmanager", "get-secret-value", "--secret-id", "rotation/cli");
    expect(current.VersionId).toBe(rotated.VersionId);
    expect(JSON.parse(current.SecretString as string).password).not.toBe("old-password");
    const cancelled = await aws(
      "secretsmanager",
      "cancel-rotate-secret",
      "--secret-id",
      "rotation/cli",
    );
    expect(cancelled.Name).toBe("rotation/cli");
    // Rotation is off; the function and the rules stay on the secret, as AWS keeps them.
    const after = await aws("secretsmanager", "describe-secret", "--secret-id", "rotation/cli");
    expect(after.RotationEnabled).not.toBe(true);
    expect(after).toMatchObject({ RotationLambdaARN: rotationLambdaArn });
    expect(after.NextRotationDate).toBeUndefined();
  });

  it("creates a user, attaches a policy, creates a key, and the key works at once", async () => {
    const secret = await aws(
      "secretsmanager",
      "create-secret",
      "--name",
      "app/cli-db",
      "--secret-string",
      "s3cret",
    );
    const created = await aws(
      "iam",
      "create-user",
      "--user-name",
      "cli-app",
      "--tags",
      "Key=team,Value=ops",
    );
    expect(created.User).toMatchObject({
      UserName: "cli-app",
      Path: "/",
      Tags: [{ Key: "team", Value: "ops" }],
    });
    const policy = await aws(
      "iam",
      "create-policy",
      "--policy-name",
      "cli-read-app-db",
      "--policy-document",
      readOnePolicy((secret.ARN as string).slice(0, -7)),
    );
    const policyArn = (policy.Policy as { Arn: string }).Arn;
    await aws("iam", "attach-user-policy", "--user-name", "cli-app", "--policy-arn", policyArn);
    const attached = await aws("iam", "list-attached-user-policies", "--user-name", "cli-app");
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: "cli-read-app-db", PolicyArn: policyArn },
    ]);
    const version = await aws(
      "iam",
      "get-policy-version",
      "--policy-arn",
      policyArn,
      "--version-id",
      "v1",
    );
    // The CLI decodes IAM's URL-encoded documents into JSON.
    expect((version.PolicyVersion as { Document: unknown }).Document).toEqual(
      JSON.parse(readOnePolicy((secret.ARN as string).slice(0, -7))),
    );
    const { AccessKey } = (await aws("iam", "create-access-key", "--user-name", "cli-app")) as {
      AccessKey: { AccessKeyId: string; SecretAccessKey: string; Status: string; UserName: string };
    };
    expect(AccessKey).toMatchObject({ UserName: "cli-app", Status: "Active" });
    const app = { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey };
    expect((await awsAs(app, ["sts", "get-caller-identity"])).Arn).toBe(
      (created.User as { Arn: string }).Arn,
    );
    expect(
      (await awsAs(app, ["secretsmanager", "get-secret-value", "--secret-id", "app/cli-db"]))
        .SecretString,
    ).toBe("s3cret");
    const refused = await awsAs(app, ["secretsmanager", "list-secrets"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 254 });
    expect((refused as { stderr: string }).stderr).toContain(
      "An error occurred (AccessDeniedException) when calling the ListSecrets operation: User: arn:aws:iam::",
    );
    const lastUsed = await aws(
      "iam",
      "get-access-key-last-used",
      "--access-key-id",
      app.accessKeyId,
    );
    expect(lastUsed).toMatchObject({ UserName: "cli-app" });
    expect(typeof (lastUsed.AccessKeyLastUsed as { LastUsedDate?: unknown }).LastUsedDate).toBe(
      "string",
    );
  });

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

rot = sm.create_secret(Name="boto/rotated", SecretString=json.dumps({"username": "app", "password": "old"}))
r = sm.rotate_secret(SecretId="boto/rotated", RotationLambdaARN=os.environ["ROTATION_LAMBDA_ARN"], RotationRules={"AutomaticallyAfterDays": 7})
out["rotate"] = [r["Name"], r["VersionId"] != rot["VersionId"]]

iam = boto3.client("iam", endpoint_url=os.environ["ENDPOINT"], region_name="us-east-1")
u = iam.create_user(UserName="boto-app")["User"]
p = iam.create_policy(PolicyName="boto-read", PolicyDocument=os.environ["POLICY"])["Policy"]
iam.attach_user_policy(UserName="boto-app", PolicyArn=p["Arn"])
out["attached"] = [a["PolicyName"] for a in iam.list_attached_user_policies(UserName="boto-app")["AttachedPolicies"]]
out["create_date_is_datetime"] = type(u["CreateDate"]).__name__
k = iam.create_access_key(UserName="boto-app")["AccessKey"]
app = boto3.Session(aws_access_key_id=k["AccessKeyId"], aws_secret_access_key=k["SecretAccessKey"], region_name="us-east-1")
out["app_whoami"] = app.client("sts", endpoint_url=os.environ["ENDPOINT"]).get_caller_identity()["Arn"] == u["Arn"]
app_sm = app.client("secretsmanager", endpoint_url=os.environ["ENDPOINT"])
out["app_read"] = app_sm.get_secret_value(SecretId="boto/bin")["SecretBinary"] == bytes([0, 1, 254, 255])
try:
    app_sm.list_secrets()
except ClientError as e:
    out["app_refused"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
try:
    iam.get_user(UserName="boto-nobody")
except ClientError as e:
    out["iam_error"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
json.dump(out, sys.stdout)
`;

describe.skipIf(!python)("boto3", { timeout: 120_000 }, () => {
  it("creates, reads, updates, lists, rotates and deletes a secret; an IAM user round", async () => {
    const policy = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Allow",
          Action: "secretsmanager:GetSecretValue",
          Resource: "arn:aws:secretsmanager:*:*:secret:boto/bin-*",
        },
      ],
    });
    const { stdout } = await run(python!, ["-c", BOTO3_SCRIPT], {
      env: {
        ...awsEnv(),
        ENDPOINT: h.endpoint,
        ROTATION_LAMBDA_ARN: rotationLambdaArn,
        POLICY: policy,
      },
    });
    await settleRotations();
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
      rotate: ["boto/rotated", true],
      attached: ["boto-read"],
      create_date_is_datetime: "datetime",
      app_whoami: true,
      app_read: true,
      app_refused: ["AccessDeniedException", 400],
      iam_error: ["NoSuchEntity", 404],
    });
  });

  it("assumes a role and uses the session's credentials with their token", async () => {
    await createRole(h.rt.root, {
      RoleName: "boto-app-role",
      AssumeRolePolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: user.arn }, Action: "sts:AssumeRole" }],
      }),
    });
    await putRolePolicy(h.rt.root, {
      RoleName: "boto-app-role",
      PolicyName: "read-all",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: "*" }],
      }),
    });
    const sm = h.secretsManager(user);
    await sm.send(new CreateSecretCommand({ Name: "boto/for-role", SecretString: "from-a-role" }));
    sm.destroy();
    // Debian's botocore predates AWS_ENDPOINT_URL, so a role profile's own STS call cannot be
    // pointed here: the application assumes the role itself, as many do.
    const { stdout } = await run(
      python!,
      [
        "-c",
        `
import json, os, sys, boto3
from botocore.exceptions import ClientError
endpoint = os.environ["ENDPOINT"]
sts = boto3.client("sts", endpoint_url=endpoint, region_name="us-east-1")
c = sts.assume_role(RoleArn=os.environ["ROLE_ARN"], RoleSessionName="boto-session", DurationSeconds=900)["Credentials"]
session = boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"], region_name="us-east-1")
out = {
  "key": c["AccessKeyId"][:4],
  "expiration_is_datetime": type(c["Expiration"]).__name__,
  "arn": session.client("sts", endpoint_url=endpoint).get_caller_identity()["Arn"],
  "value": session.client("secretsmanager", endpoint_url=endpoint).get_secret_value(SecretId="boto/for-role")["SecretString"],
}
tokenless = boto3.Session(aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], region_name="us-east-1")
try:
  tokenless.client("secretsmanager", endpoint_url=endpoint).get_secret_value(SecretId="boto/for-role")
except ClientError as e:
  out["without_token"] = [e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"]]
json.dump(out, sys.stdout)
`,
      ],
      {
        env: {
          ...awsEnv(),
          ENDPOINT: h.endpoint,
          ROLE_ARN: "arn:aws:iam::111122223333:role/boto-app-role",
        },
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      key: "ASIA",
      expiration_is_datetime: "datetime",
      arn: "arn:aws:sts::111122223333:assumed-role/boto-app-role/boto-session",
      value: "from-a-role",
      without_token: ["UnrecognizedClientException", 400],
    });
  });
});
