// `bin/strongbox lambda ...` and `secretsmanager rotate-secret / cancel-rotate-secret` as a user
// types them, on a fresh SQLite database.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../..");

describe("the command line", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  async function strongbox(...args: string[]) {
    const { stdout } = await run(path.join(REPO, "bin/strongbox"), args, { cwd: REPO, env });
    return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
  }
  async function refused(...args: string[]): Promise<{ code: number; stderr: string }> {
    try {
      await run(path.join(REPO, "bin/strongbox"), args, { cwd: REPO, env });
    } catch (error) {
      const e = error as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
    throw new Error(`expected strongbox ${args.join(" ")} to fail`);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-cli-rotation-"));
    env = {
      ...process.env,
      STRONGBOX_DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, "strongbox.db")}`,
      STRONGBOX_ACCOUNT_ID: "111122223333",
    };
    await strongbox("db", "migrate");
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates a rotation function, rotates a secret with it, and cancels rotation", async () => {
    const fn = await strongbox(
      "lambda",
      "create-function",
      "--function-name",
      "SecretsManagerAppRotation",
      "--template",
      "generic",
    );
    expect(fn).toMatchObject({
      FunctionName: "SecretsManagerAppRotation",
      FunctionArn: "arn:aws:lambda:us-east-1:111122223333:function:SecretsManagerAppRotation",
      Runtime: "strongbox-template",
      Handler: "generic",
      State: "Active",
    });
    const listed = await strongbox("lambda", "list-functions");
    expect((listed.Functions as { FunctionName: string }[]).map((f) => f.FunctionName)).toEqual([
      "SecretsManagerAppRotation",
    ]);
    const got = await strongbox(
      "lambda",
      "get-function",
      "--function-name",
      "SecretsManagerAppRotation",
    );
    expect((got.Configuration as { Role: string }).Role).toBe(fn.Role);

    await strongbox(
      "secretsmanager",
      "create-secret",
      "--name",
      "prod/app",
      "--secret-string",
      '{"username":"app","password":"first"}',
    );
    const rotated = await strongbox(
      "secretsmanager",
      "rotate-secret",
      "--secret-id",
      "prod/app",
      "--rotation-lambda-arn",
      String(fn.FunctionArn),
      "--rotation-rules",
      "AutomaticallyAfterDays=30",
    );
    // The command waits for the rotation it started.
    const described = await strongbox(
      "secretsmanager",
      "describe-secret",
      "--secret-id",
      "prod/app",
    );
    expect(described).toMatchObject({
      RotationEnabled: true,
      RotationRules: { AutomaticallyAfterDays: 30 },
    });
    expect(described.LastRotatedDate).toBeDefined();
    expect(described.NextRotationDate).toMatch(/T00:00:00/);
    expect(
      (described.VersionIdsToStages as Record<string, string[]>)[String(rotated.VersionId)],
    ).toEqual(["AWSCURRENT"]);

    const rescheduled = await strongbox(
      "secretsmanager",
      "rotate-secret",
      "--secret-id",
      "prod/app",
      "--rotation-rules",
      '{"ScheduleExpression":"cron(0 2 ? * SUN *)","Duration":"3h"}',
      "--no-rotate-immediately",
    );
    expect(rescheduled.VersionId).toBeUndefined();
    const attempts = await strongbox(
      "secretsmanager",
      "list-rotation-attempts",
      "--secret-id",
      "prod/app",
    );
    expect((attempts.RotationAttempts as { Status: string }[]).map((a) => a.Status)).toEqual([
      "Succeeded",
    ]);

    const cancelled = await strongbox(
      "secretsmanager",
      "cancel-rotate-secret",
      "--secret-id",
      "prod/app",
    );
    expect(cancelled).toMatchObject({ Name: "prod/app" });
    const after = await strongbox("secretsmanager", "describe-secret", "--secret-id", "prod/app");
    expect(after.RotationEnabled).toBe(false);

    const bad = await refused(
      "secretsmanager",
      "rotate-secret",
      "--secret-id",
      "prod/app",
      "--rotation-rules",
      "ScheduleExpression=rate(1 hours)",
    );
    expect(bad.code).toBe(254);
    expect(bad.stderr).toMatch(
      /An error occurred \(InvalidParameterException\) when calling the RotateSecret operation: .*every four hours/,
    );

    await strongbox("lambda", "delete-function", "--function-name", "SecretsManagerAppRotation");
    const gone = await refused(
      "lambda",
      "get-function",
      "--function-name",
      "SecretsManagerAppRotation",
    );
    expect(gone.stderr).toContain(
      "(ResourceNotFoundException) when calling the GetFunction operation: Function not found",
    );
  }, 180_000);

  it("creates an http function and shows its signing secret once", async () => {
    const fn = await strongbox(
      "lambda",
      "create-function",
      "--function-name",
      "SecretsManagerWebhook",
      "--template",
      "http",
      "--endpoint",
      "https://rotate.example.com/hook",
      "--timeout",
      "10",
    );
    expect(fn).toMatchObject({
      Handler: "http",
      Endpoint: "https://rotate.example.com/hook",
      Timeout: 10,
    });
    expect(fn.SigningSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const got = await strongbox(
      "lambda",
      "get-function",
      "--function-name",
      "SecretsManagerWebhook",
    );
    expect(JSON.stringify(got)).not.toContain(String(fn.SigningSecret));
  }, 60_000);
});
