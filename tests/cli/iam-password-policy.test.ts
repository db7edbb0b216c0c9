// `strongbox iam update-account-password-policy | get-account-password-policy` with the AWS CLI's
// flags: integers (--max-password-age 90) and booleans with their --no- forms (--require-symbols,
// --no-require-numbers), first as parsed for the operation, then as a user types them.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError, parseOperationArgs } from "@/lib/cli/args";
import { iamCommands } from "@/lib/cli/iam";
import { getAccountPasswordPolicy } from "@/lib/ops/iam";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../..");

const FLAGS = [
  "--max-password-age",
  "90",
  "--minimum-password-length",
  "12",
  "--password-reuse-prevention",
  "5",
  "--require-symbols",
  "--no-require-numbers",
  "--allow-users-to-change-password",
  "--hard-expiry",
];

const EXPECTED_POLICY = {
  MinimumPasswordLength: 12,
  RequireSymbols: true,
  RequireNumbers: false,
  RequireUppercaseCharacters: false,
  RequireLowercaseCharacters: false,
  AllowUsersToChangePassword: true,
  ExpirePasswords: true,
  MaxPasswordAge: 90,
  PasswordReusePrevention: 5,
  HardExpiry: true,
};

describe("iam update-account-password-policy's flags", () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime("sqlite");
  });
  afterAll(async () => t?.dispose());

  const parse = (argv: string[]) =>
    parseOperationArgs(argv, iamCommands["update-account-password-policy"].params).input;

  it("reads integers and booleans, --no- forms included, into the request", async () => {
    expect(parse(FLAGS)).toEqual({
      MaxPasswordAge: 90,
      MinimumPasswordLength: 12,
      PasswordReusePrevention: 5,
      RequireSymbols: true,
      RequireNumbers: false,
      AllowUsersToChangePassword: true,
      HardExpiry: true,
    });
    expect(
      parse([
        "--no-require-symbols",
        "--require-uppercase-characters",
        "--no-require-lowercase-characters",
        "--no-allow-users-to-change-password",
        "--no-hard-expiry",
      ]),
    ).toEqual({
      RequireSymbols: false,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      HardExpiry: false,
    });
    // Other IAM booleans gain their --no- form too.
    expect(
      parseOperationArgs(
        ["--user-name", "alice", "--no-password-reset-required"],
        iamCommands["update-login-profile"].params,
      ).input,
    ).toEqual({ UserName: "alice", PasswordResetRequired: false });

    const { op } = iamCommands["update-account-password-policy"];
    await op(t.root as never, parse(FLAGS) as never);
    const { PasswordPolicy } = await getAccountPasswordPolicy(t.root, {});
    expect(PasswordPolicy).toEqual(EXPECTED_POLICY);
  });

  it("refuses a value that is not an integer", () => {
    expect(() => parse(["--max-password-age", "ninety"])).toThrow(UsageError);
    expect(() => parse(["--max-password-age", "ninety"])).toThrow(
      "argument --max-password-age: expected an integer",
    );
    expect(() => parse(["--max-password-age"])).toThrow("expected one argument");
  });
});

describe("bin/strongbox iam update-account-password-policy", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const strongbox = (...args: string[]) =>
    run(path.join(REPO, "bin/strongbox"), args, { cwd: REPO, env });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-cli-password-policy-"));
    env = {
      ...process.env,
      STRONGBOX_DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, "strongbox.db")}`,
      STRONGBOX_ACCOUNT_ID: "111122223333",
    };
    await strongbox("db", "migrate");
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sets the policy as the AWS CLI does, and get-account-password-policy reads it", async () => {
    const updated = await strongbox("iam", "update-account-password-policy", ...FLAGS);
    // Like the AWS CLI: no output for an operation that returns nothing.
    expect(updated.stdout).toBe("");
    const { stdout } = await strongbox("iam", "get-account-password-policy");
    expect(JSON.parse(stdout)).toEqual({ PasswordPolicy: EXPECTED_POLICY });

    const refused = await strongbox(
      "iam",
      "update-account-password-policy",
      "--max-password-age",
      "2000",
    ).catch((error: unknown) => error as { code: number; stderr: string });
    expect(refused).toMatchObject({ code: 254 });
    expect((refused as { stderr: string }).stderr).toContain(
      "An error occurred (ValidationError) when calling the UpdateAccountPasswordPolicy operation: 1 validation error detected: Value '2000' at 'maxPasswordAge' failed to satisfy constraint: Member must have value less than or equal to 1095",
    );
  }, 60_000);
});
