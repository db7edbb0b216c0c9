// Rotation functions and RotateSecret / CancelRotateSecret through the operations, on SQLite
// and (where a server answers) PostgreSQL: AWS's staging-label rules, the execution role's
// permissions, the http template's signed steps, failures, retries and the scheduler's windows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as iam from "@/lib/ops/iam";
import * as lambda from "@/lib/ops/lambda";
import { syncAwsManagedPolicies } from "@/lib/ops/iam/managed-policies";
import * as sm from "@/lib/ops/secretsmanager";
import { settleRotations } from "@/lib/rotation/in-flight";
import { createScheduler, type Scheduler } from "@/lib/rotation/scheduler";
import { createTestRuntime, providers, type TestRuntime } from "../helpers/runtime";
import {
  failure,
  lastAttempt,
  newFunction,
  rotate,
  stagesOf,
  startEndpoint,
  type Endpoint,
} from "./helpers/rotation";

/** Ticks until nothing more is due (SQLite's scheduler claims one at a time). */
async function drain(scheduler: Scheduler): Promise<number> {
  let total = 0;
  for (let claimed = await scheduler.tick(); claimed > 0; claimed = await scheduler.tick()) {
    total += claimed;
    await scheduler.idle();
  }
  await scheduler.idle();
  return total;
}

const PREVIOUS_INCOMPLETE =
  "A previous rotation isn't complete. That rotation will be reattempted.";
const list = await providers();

describe.each(list)("rotation on %s", (provider) => {
  let t: TestRuntime;
  let root: Caller;
  let endpoint: Endpoint;
  let n = 0;
  const unique = (base: string) => `${base}-${++n}x`;

  beforeAll(async () => {
    t = await createTestRuntime(provider);
    root = t.root;
    await syncAwsManagedPolicies(t.db, { names: ["SecretsManagerReadWrite", "IAMFullAccess"] });
    endpoint = await startEndpoint();
  });
  afterAll(async () => {
    await endpoint.close();
    await t.dispose();
  });

  /** An http function pointed at the test endpoint, which answers every step with 200. */
  async function httpFunction() {
    const fn = await newFunction(root, "http", { Endpoint: endpoint.url, Timeout: 5 });
    endpoint.signingSecret = fn.SigningSecret;
    endpoint.requests = [];
    endpoint.handler = async () => ({});
    return fn;
  }

  async function secretWith(value: string) {
    return sm.createSecret(root, { Name: unique("app"), SecretString: value });
  }

  describe("rotation functions", () => {
    it("CreateFunction creates the execution role with SecretsManager<Template>0 and 1", async () => {
      const fn = await newFunction(root, "generic");
      expect(fn.FunctionArn).toBe(
        `arn:aws:lambda:us-east-1:111122223333:function:${fn.FunctionName}`,
      );
      expect(fn).toMatchObject({
        Runtime: "strongbox-template",
        Handler: "generic",
        State: "Active",
        Timeout: 30,
        Version: "$LATEST",
      });
      expect(fn.LastModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      expect(fn.Role).toMatch(
        /^arn:aws:iam::111122223333:role\/service-role\/SecretsManager.*-role-[a-z0-9]{8}$/,
      );
      const roleName = fn.Role.split("/").pop()!;
      const { Role } = await iam.getRole(root, { RoleName: roleName });
      expect(JSON.parse(Role.AssumeRolePolicyDocument!).Statement[0]).toMatchObject({
        Principal: { Service: "lambda.amazonaws.com" },
        Action: "sts:AssumeRole",
      });
      const { PolicyNames } = await iam.listRolePolicies(root, { RoleName: roleName });
      expect(PolicyNames).toEqual([
        "SecretsManagerGenericPasswordRotation0",
        "SecretsManagerGenericPasswordRotation1",
      ]);
      const one = await iam.getRolePolicy(root, { RoleName: roleName, PolicyName: PolicyNames[1] });
      expect(JSON.parse(one.PolicyDocument).Statement[0].Condition).toEqual({
        StringEquals: { "secretsmanager:resource/AllowRotationLambdaArn": fn.FunctionArn },
      });
    });

    it("gets, lists, updates and deletes a function, in Lambda's shapes and words", async () => {
      const fn = await newFunction(root, "generic");
      const got = await lambda.getFunction(root, { FunctionName: fn.FunctionArn });
      expect(got.Configuration.FunctionName).toBe(fn.FunctionName);
      const listed = await lambda.listFunctions(root, {});
      expect(listed.Functions.map((f) => f.FunctionName)).toContain(fn.FunctionName);
      const updated = await lambda.updateFunctionConfiguration(root, {
        FunctionName: fn.FunctionName,
        Timeout: 60,
        Description: "rotates the app's password",
        Environment: { Variables: { PASSWORD_LENGTH: "40" } },
      });
      expect(updated).toMatchObject({ Timeout: 60, Description: "rotates the app's password" });
      expect(updated.Environment).toEqual({ Variables: { PASSWORD_LENGTH: "40" } });
      expect(updated.RevisionId).not.toBe(fn.RevisionId);
      const stale = await failure(
        lambda.updateFunctionConfiguration(root, {
          FunctionName: fn.FunctionName,
          Timeout: 5,
          RevisionId: fn.RevisionId,
        }),
      );
      expect(stale.code).toBe("PreconditionFailedException");
      const again = await failure(
        lambda.createFunction(root, { FunctionName: fn.FunctionName, Template: "generic" }),
      );
      expect(again.code).toBe("ResourceConflictException");
      expect(again.message).toBe(`Function already exist: ${fn.FunctionName}`);
      await lambda.deleteFunction(root, { FunctionName: fn.FunctionName });
      const gone = await failure(lambda.getFunction(root, { FunctionName: fn.FunctionName }));
      expect(gone.code).toBe("ResourceNotFoundException");
      expect(gone.message).toBe(`Function not found: ${fn.FunctionArn}`);
    });

    it("refuses an unknown template and an http function without an endpoint", async () => {
      expect((await failure(newFunction(root, "oracle-single-user"))).code).toBe(
        "InvalidParameterValueException",
      );
      const http = await failure(newFunction(root, "http"));
      expect(http.code).toBe("InvalidParameterValueException");
      expect(http.message).toMatch(/Endpoint/);
    });

    it("SecretsManagerReadWrite alone can't create a rotation function; with IAMFullAccess added it can", async () => {
      const name = unique("admin");
      const { User } = await iam.createUser(root, { UserName: name });
      const admin: Caller = {
        principal: { type: "User", arn: User.Arn, accountId: t.accountId, name, id: User.UserId },
        via: "console",
      };
      await iam.attachUserPolicy(root, {
        UserName: name,
        PolicyArn: "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
      });
      const functionName = `SecretsManagerRotation${n}`;
      const denied = await failure(
        lambda.createFunction(admin, { FunctionName: functionName, Template: "generic" }),
      );
      expect(denied.code).toBe("AccessDeniedException");
      expect(denied.message).toMatch(
        new RegExp(
          `^User: ${User.Arn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111122223333:role/service-role/${functionName}-role-`,
        ),
      );
      // Nothing half-made is left behind.
      expect(
        (await lambda.listFunctions(root, {})).Functions.map((f) => f.FunctionName),
      ).not.toContain(functionName);
      const roles = await iam.listRoles(root, { PathPrefix: "/service-role/" });
      expect(
        roles.Roles.map((r) => r.RoleName).filter((r) => r.startsWith(`${functionName}-`)),
      ).toEqual([]);

      await iam.attachUserPolicy(root, {
        UserName: name,
        PolicyArn: "arn:aws:iam::aws:policy/IAMFullAccess",
      });
      const fn = await lambda.createFunction(admin, {
        FunctionName: functionName,
        Template: "generic",
      });
      expect(fn.FunctionName).toBe(functionName);
      // And rotation with it works for that administrator (lambda:InvokeFunction on SecretsManager*).
      const secret = await secretWith("initial");
      const out = await rotate(admin, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
      const current = await sm.getSecretValue(root, { SecretId: secret.ARN });
      expect(current.VersionId).toBe(out.VersionId);
      expect(current.SecretString).not.toBe("initial");
    });
  });

  describe("RotateSecret", () => {
    it("rotates a generic secret and schedules the next window; DescribeSecret shows it", async () => {
      const secret = await secretWith(
        JSON.stringify({ username: "app", password: "old-password" }),
      );
      const fn = await newFunction(root, "generic");
      const out = await rotate(root, {
        SecretId: secret.Name,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 30 },
      });
      expect(out.VersionId).toMatch(/^[0-9a-f-]{36}$/);
      const described = await sm.describeSecret(root, { SecretId: secret.ARN });
      expect(described).toMatchObject({
        RotationEnabled: true,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 30 },
      });
      const last = described.LastRotatedDate!;
      const day = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate());
      expect(described.NextRotationDate).toEqual(new Date(day + 30 * 86_400_000));
      // AWSPENDING is gone; AWSPREVIOUS keeps the old value.
      expect(described.VersionIdsToStages).toEqual({
        [secret.VersionId!]: ["AWSPREVIOUS"],
        [out.VersionId!]: ["AWSCURRENT"],
      });
      const current = JSON.parse(
        (await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString!,
      );
      expect(current.username).toBe("app");
      expect(current.password).not.toBe("old-password");
      expect(current.password).toHaveLength(32);
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt).toMatchObject({
        VersionId: out.VersionId,
        PreviousVersionId: secret.VersionId,
        Status: "Succeeded",
        Trigger: "RotateSecret",
      });
      expect(attempt.Steps.map((s) => [s.Step, s.Outcome])).toEqual([
        ["createSecret", "Succeeded"],
        ["setSecret", "Succeeded"],
        ["testSecret", "Succeeded"],
        ["finishSecret", "Succeeded"],
      ]);
    });

    it("registers AWSPENDING (VersionId = ClientRequestToken) without a value before the function runs", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("api-key-1");
      const token = "11111111-2222-4333-8444-555555555555";
      const seen: { stages?: string[]; pendingRead?: string; pendingReadById?: string } = {};
      endpoint.handler = async (request) => {
        if (request.Step === "createSecret") {
          const versions = await sm.listSecretVersionIds(root, { SecretId: secret.ARN });
          seen.stages = versions.Versions.find((v) => v.VersionId === token)?.VersionStages;
          const read = await failure(
            sm.getSecretValue(root, { SecretId: secret.ARN, VersionStage: "AWSPENDING" }),
          );
          seen.pendingRead = read.code;
          // By its VersionId too: the version exists (listed above) but has no value yet.
          const byId = await failure(
            sm.getSecretValue(root, { SecretId: secret.ARN, VersionId: token }),
          );
          seen.pendingReadById = byId.code;
          return { body: { SecretString: "api-key-2" } };
        }
        return {};
      };
      const out = await rotate(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        ClientRequestToken: token,
      });
      expect(out.VersionId).toBe(token);
      expect(seen).toEqual({
        stages: ["AWSPENDING"],
        pendingRead: "ResourceNotFoundException",
        pendingReadById: "ResourceNotFoundException",
      });
      expect(
        endpoint.requests.map((r) => [r.Step, r.signatureValid, r.ClientRequestToken]),
      ).toEqual([
        ["createSecret", true, token],
        ["setSecret", true, token],
        ["testSecret", true, token],
        ["finishSecret", true, token],
      ]);
      expect(endpoint.requests[1].SecretString).toBe("api-key-2");
      expect(endpoint.requests[3].SecretString).toBeUndefined();
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).toBe(
        "api-key-2",
      );
    });

    it("after a failure keeps AWSCURRENT, refuses a new rotation until AWSPENDING is cleared, and CancelRotateSecret says so", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("v1");
      endpoint.handler = async (r) =>
        r.Step === "setSecret" ? { status: 503, body: { message: "down" } } : {};
      const first = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt).toMatchObject({ Status: "Failed", ErrorCode: "RotationStepError" });
      expect(attempt.ErrorMessage).toMatch(/setSecret: the endpoint answered 503/);
      expect(attempt.Steps.map((s) => s.Outcome)).toEqual(["Succeeded", "Failed"]);
      // AWSCURRENT still opens, with the old value; AWSPENDING stays on the new version.
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).toBe("v1");
      expect(await stagesOf(root, secret.ARN)).toEqual({
        [secret.VersionId!]: ["AWSCURRENT"],
        [first.VersionId!]: ["AWSPENDING"],
      });

      const blocked = await failure(sm.rotateSecret(root, { SecretId: secret.ARN }));
      expect(blocked.code).toBe("InvalidRequestException");
      expect(blocked.message).toBe(PREVIOUS_INCOMPLETE);

      const cancelled = await sm.cancelRotateSecret(root, { SecretId: secret.ARN });
      expect(cancelled.VersionId).toBe(first.VersionId);
      expect(cancelled.Message).toContain(
        `Version ${first.VersionId} still has the staging label AWSPENDING`,
      );
      expect(cancelled.Message).toContain(PREVIOUS_INCOMPLETE);
      const described = await sm.describeSecret(root, { SecretId: secret.ARN });
      expect(described.RotationEnabled).toBeFalsy();
      expect(described.RotationLambdaARN).toBe(fn.FunctionArn);
      expect((await failure(sm.rotateSecret(root, { SecretId: secret.ARN }))).message).toBe(
        PREVIOUS_INCOMPLETE,
      );

      await sm.updateSecretVersionStage(root, {
        SecretId: secret.ARN,
        VersionStage: "AWSPENDING",
        RemoveFromVersionId: first.VersionId,
      });
      endpoint.handler = async () => ({});
      const second = await rotate(root, { SecretId: secret.ARN });
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
      expect(await stagesOf(root, secret.ARN)).toEqual({
        [secret.VersionId!]: ["AWSPREVIOUS"],
        [second.VersionId!]: ["AWSCURRENT"],
      });
    });

    it("an AWSPENDING put by hand on another version blocks RotateSecret too; its token resumes with that value", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      const staged = await sm.putSecretValue(root, {
        SecretId: secret.ARN,
        SecretString: "staged-by-hand",
        VersionStages: ["AWSPENDING"],
      });
      const blocked = await failure(
        sm.rotateSecret(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn }),
      );
      expect(blocked.code).toBe("InvalidRequestException");
      expect(blocked.message).toBe(PREVIOUS_INCOMPLETE);
      // Refused before anything changed: rotation stays off, no version registered.
      expect((await sm.describeSecret(root, { SecretId: secret.ARN })).RotationEnabled).toBeFalsy();
      expect(await stagesOf(root, secret.ARN)).toEqual({
        [secret.VersionId!]: ["AWSCURRENT"],
        [staged.VersionId]: ["AWSPENDING"],
      });
      const cancelled = await sm.cancelRotateSecret(root, { SecretId: secret.ARN });
      expect(cancelled.VersionId).toBe(staged.VersionId);
      expect(cancelled.Message).toContain(`RemoveFromVersionId ${staged.VersionId}`);

      // With that version's id as ClientRequestToken, the rotation takes it over: createSecret
      // keeps the value already there, and it becomes AWSCURRENT.
      const out = await rotate(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        ClientRequestToken: staged.VersionId,
      });
      expect(out.VersionId).toBe(staged.VersionId);
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt.Status).toBe("Succeeded");
      expect(attempt.VersionId).toBe(staged.VersionId);
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).toBe(
        "staged-by-hand",
      );
      expect(await stagesOf(root, secret.ARN)).toEqual({
        [secret.VersionId!]: ["AWSPREVIOUS"],
        [staged.VersionId]: ["AWSCURRENT"],
      });
    });

    it("resumes the incomplete rotation when called with its ClientRequestToken", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("v1");
      endpoint.handler = async (r) => (r.Step === "testSecret" ? { status: 500 } : {});
      const first = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Failed");
      const pendingValue = (
        await sm.getSecretValue(root, { SecretId: secret.ARN, VersionStage: "AWSPENDING" })
      ).SecretString;
      endpoint.handler = async () => ({});
      const again = await rotate(root, {
        SecretId: secret.ARN,
        ClientRequestToken: first.VersionId,
      });
      expect(again.VersionId).toBe(first.VersionId);
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
      // createSecret ran once: the resumed run found the pending value and kept it.
      expect(endpoint.requests.filter((r) => r.Step === "createSecret")).toHaveLength(1);
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).toBe(
        pendingValue,
      );
      // Retrying the finished request changes nothing.
      const retried = await rotate(root, {
        SecretId: secret.ARN,
        ClientRequestToken: first.VersionId,
      });
      expect(retried.VersionId).toBe(first.VersionId);
      expect(
        (await sm.listRotationAttempts(root, { SecretId: secret.ARN })).RotationAttempts,
      ).toHaveLength(2);
    });

    it("retries a failed rotation with backoff from the scheduler", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("v1");
      endpoint.handler = async (r) => (r.Step === "createSecret" ? { status: 500 } : {});
      const first = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      const lease = await t.db.rotationLease.findUnique({
        where: {
          secretId: (await t.db.secret.findUniqueOrThrow({ where: { arn: secret.ARN } })).id,
        },
      });
      expect(lease).toMatchObject({ failures: 1, holder: null, windowEnd: null });
      expect(lease!.dueAt.getTime()).toBeGreaterThan(Date.now() + 30_000);

      endpoint.handler = async () => ({});
      const scheduler = createScheduler(t, { holder: "test-scheduler" });
      await scheduler.tick();
      await scheduler.idle();
      expect(await sm.listRotationAttempts(root, { SecretId: secret.ARN })).toMatchObject({
        RotationAttempts: [{ Status: "Failed" }],
      });
      const realNow = t.now;
      t.now = () => new Date(Date.now() + 61_000);
      try {
        expect(await drain(scheduler)).toBeGreaterThanOrEqual(1);
      } finally {
        t.now = realNow;
      }
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt).toMatchObject({
        Status: "Succeeded",
        Trigger: "Retry",
        VersionId: first.VersionId,
      });
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).VersionId).toBe(
        first.VersionId,
      );
    });

    it("moves only AWSPENDING: other labels stay where they are", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      const v2 = await sm.putSecretValue(root, {
        SecretId: secret.ARN,
        SecretString: "v2",
        VersionStages: ["KEEP", "AWSCURRENT"],
      });
      await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      let stages = await stagesOf(root, secret.ARN);
      expect(stages[v2.VersionId]).toEqual(["AWSPREVIOUS", "KEEP"]);
      // A finished rotation's AWSPENDING left on the AWSCURRENT version does not block the next.
      const current = Object.entries(stages).find(([, s]) => s.includes("AWSCURRENT"))![0];
      await sm.updateSecretVersionStage(root, {
        SecretId: secret.ARN,
        VersionStage: "AWSPENDING",
        MoveToVersionId: current,
      });
      const next = await rotate(root, { SecretId: secret.ARN });
      stages = await stagesOf(root, secret.ARN);
      expect(stages).toEqual({
        [v2.VersionId]: ["KEEP"],
        [current]: ["AWSPREVIOUS"],
        [next.VersionId!]: ["AWSCURRENT"],
      });
    });

    it("a PutSecretValue during the rotation becomes AWSPREVIOUS when the rotation finishes, as in AWS", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("v1");
      let put: string | undefined;
      endpoint.handler = async (r) => {
        if (r.Step === "setSecret") {
          put = (await sm.putSecretValue(root, { SecretId: secret.ARN, SecretString: "by-hand" }))
            .VersionId;
        }
        return {};
      };
      const out = await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
      // v1 has no label left (AWSPREVIOUS moved on to the hand-made version).
      expect(await stagesOf(root, secret.ARN)).toEqual({
        [put!]: ["AWSPREVIOUS"],
        [out.VersionId!]: ["AWSCURRENT"],
      });
    });

    it("records a step the execution role may not take as AccessDeniedException", async () => {
      const fn = await newFunction(root, "generic");
      const roleName = fn.Role.split("/").pop()!;
      await iam.deleteRolePolicy(root, {
        RoleName: roleName,
        PolicyName: "SecretsManagerGenericPasswordRotation1",
      });
      const secret = await secretWith("v1");
      await rotate(root, { SecretId: secret.ARN, RotationLambdaARN: fn.FunctionArn });
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt).toMatchObject({ Status: "Failed", ErrorCode: "AccessDeniedException" });
      expect(attempt.ErrorMessage).toBe(
        `User: arn:aws:sts::111122223333:assumed-role/${roleName}/${fn.FunctionName} is not authorized to perform: secretsmanager:DescribeSecret on resource: ${secret.ARN} because no identity-based policy allows the secretsmanager:DescribeSecret action`,
      );
      expect(attempt.Steps[0]).toMatchObject({
        Step: "createSecret",
        Outcome: "Failed",
        ErrorCode: "AccessDeniedException",
      });
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).toBe("v1");
    });

    it("checks an alternating-users secret (masterarn, engine, host, user, password) before turning rotation on", async () => {
      const fn = await newFunction(root, "postgres-alternating-users");
      const base = { engine: "postgres", host: "db.example", username: "app", password: "pw" };
      const noMaster = await secretWith(JSON.stringify(base));
      const missing = await failure(
        sm.rotateSecret(root, { SecretId: noMaster.ARN, RotationLambdaARN: fn.FunctionArn }),
      );
      expect(missing.code).toBe("InvalidParameterException");
      expect(missing.message).toMatch(/masterarn/);
      expect(
        (await sm.describeSecret(root, { SecretId: noMaster.ARN })).RotationEnabled,
      ).toBeFalsy();

      const ghost = await secretWith(
        JSON.stringify({
          ...base,
          masterarn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:nope-abcdef",
        }),
      );
      const unresolved = await failure(
        sm.rotateSecret(root, { SecretId: ghost.ARN, RotationLambdaARN: fn.FunctionArn }),
      );
      expect(unresolved.message).toMatch(/master secret .*nope-abcdef.* doesn't exist/);

      const master = await secretWith(JSON.stringify({ ...base, username: "postgres" }));
      const noHost = await secretWith(
        JSON.stringify({
          engine: "postgres",
          username: "app",
          password: "pw",
          masterarn: master.ARN,
        }),
      );
      const host = await failure(
        sm.rotateSecret(root, { SecretId: noHost.ARN, RotationLambdaARN: fn.FunctionArn }),
      );
      expect(host.message).toMatch(/missing host/);
      const mysql = await secretWith(
        JSON.stringify({ ...base, engine: "mysql", masterarn: master.ARN }),
      );
      expect(
        (
          await failure(
            sm.rotateSecret(root, { SecretId: mysql.ARN, RotationLambdaARN: fn.FunctionArn }),
          )
        ).message,
      ).toMatch(/engine mysql/);
      // Nothing was rotated, nothing registered.
      expect(await stagesOf(root, mysql.ARN)).toEqual({ [mysql.VersionId!]: ["AWSCURRENT"] });

      // Each of engine, host, username and password, in the secret and in its master secret.
      for (const key of ["engine", "username", "password"] as const) {
        const partial: Record<string, string> = { ...base, masterarn: master.ARN };
        delete partial[key];
        const without = await secretWith(JSON.stringify(partial));
        const refusal = await failure(
          sm.rotateSecret(root, { SecretId: without.ARN, RotationLambdaARN: fn.FunctionArn }),
        );
        expect(refusal.code).toBe("InvalidParameterException");
        expect(refusal.message).toMatch(new RegExp(`^The secret is missing ${key}`));
        expect(
          (await sm.describeSecret(root, { SecretId: without.ARN })).RotationEnabled,
        ).toBeFalsy();
      }
      const masterWithoutPassword = await secretWith(
        JSON.stringify({ engine: "postgres", host: "db.example", username: "postgres" }),
      );
      const weak = await secretWith(
        JSON.stringify({ ...base, masterarn: masterWithoutPassword.ARN }),
      );
      const weakRefusal = await failure(
        sm.rotateSecret(root, { SecretId: weak.ARN, RotationLambdaARN: fn.FunctionArn }),
      );
      expect(weakRefusal.message).toMatch(/^The master secret is missing password/);
      const elsewhere = await secretWith(
        JSON.stringify({ ...base, host: "other.example", masterarn: master.ARN }),
      );
      expect(
        (
          await failure(
            sm.rotateSecret(root, { SecretId: elsewhere.ARN, RotationLambdaARN: fn.FunctionArn }),
          )
        ).message,
      ).toMatch(/must sign in to the same database server/);
      expect(await stagesOf(root, weak.ARN)).toEqual({ [weak.VersionId!]: ["AWSCURRENT"] });
    });

    it("validates RotationRules, and with RotateImmediately false only schedules", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      const bad = await failure(
        sm.rotateSecret(root, {
          SecretId: secret.ARN,
          RotationLambdaARN: fn.FunctionArn,
          RotationRules: { AutomaticallyAfterDays: 0 },
        }),
      );
      expect(bad.code).toBe("InvalidParameterException");
      const out = await rotate(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { ScheduleExpression: "cron(0 3 * * ? *)", Duration: "2h" },
        RotateImmediately: false,
      });
      expect(out.VersionId).toBeUndefined();
      const described = await sm.describeSecret(root, { SecretId: secret.ARN });
      expect(described.RotationEnabled).toBe(true);
      expect(described.NextRotationDate!.getUTCHours()).toBe(3);
      expect(described.NextRotationDate!.getTime()).toBeGreaterThan(Date.now());
      expect(described.VersionIdsToStages).toEqual({ [secret.VersionId!]: ["AWSCURRENT"] });
    });

    it("never runs a secret's rotation twice at once", async () => {
      const fn = await httpFunction();
      const secret = await secretWith("v1");
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      let reached: () => void = () => undefined;
      const inCreate = new Promise<void>((resolve) => (reached = resolve));
      endpoint.handler = async (r) => {
        if (r.Step === "createSecret") {
          reached();
          await held;
        }
        return {};
      };
      const started = sm.rotateSecret(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
      });
      await started;
      await inCreate;
      expect((await failure(sm.rotateSecret(root, { SecretId: secret.ARN }))).message).toBe(
        PREVIOUS_INCOMPLETE,
      );
      const other = createScheduler(t, { holder: "another-instance" });
      await other.tick();
      const secretRow = await t.db.secret.findUniqueOrThrow({ where: { arn: secret.ARN } });
      const lease = await t.db.rotationLease.findUniqueOrThrow({
        where: { secretId: secretRow.id },
      });
      expect(lease.holder).not.toBe("another-instance");
      release();
      await other.idle();
      await settleRotations();
      expect((await lastAttempt(root, secret.ARN)).Status).toBe("Succeeded");
      expect(
        (await sm.listRotationAttempts(root, { SecretId: secret.ARN })).RotationAttempts,
      ).toHaveLength(1);
    });
  });

  describe("the scheduler", () => {
    it("counts a value put by hand as a rotation under AutomaticallyAfterDays, as Secrets Manager does", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      await rotate(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 2 },
      });
      const scheduled = (await sm.describeSecret(root, { SecretId: secret.ARN })).NextRotationDate!;
      const realNow = t.now;
      const scheduler = createScheduler(t, { holder: "by-hand-test" });
      try {
        // A day later someone puts a new value; when the window opens it is not due yet.
        t.now = () => new Date(Date.now() + 86_400_000);
        const byHand = await sm.putSecretValue(root, {
          SecretId: secret.ARN,
          SecretString: "by-hand",
        });
        t.now = () => new Date(scheduled.getTime() + 60_000);
        await drain(scheduler);
        expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).VersionId).toBe(
          byHand.VersionId,
        );
        const deferred = (await sm.describeSecret(root, { SecretId: secret.ARN }))
          .NextRotationDate!;
        expect(deferred.getTime()).toBe(scheduled.getTime() + 86_400_000);
      } finally {
        t.now = realNow;
      }
      expect(
        (await sm.listRotationAttempts(root, { SecretId: secret.ARN })).RotationAttempts,
      ).toHaveLength(1);
    });

    it("rotates an overdue secret in the first window still open, not a whole period later", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      await rotate(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 30 },
      });
      const rotated = (await sm.describeSecret(root, { SecretId: secret.ARN })).LastRotatedDate!;
      const scheduler = createScheduler(t, { holder: "overdue-test" });
      const realNow = t.now;
      // 45 days on: no instance ran during the window of day 30.
      const later = new Date(rotated.getTime() + 45 * 86_400_000);
      try {
        t.now = () => later;
        expect(await drain(scheduler)).toBeGreaterThanOrEqual(2); // deferred, then rotated
      } finally {
        t.now = realNow;
      }
      const attempts = (await sm.listRotationAttempts(root, { SecretId: secret.ARN }))
        .RotationAttempts;
      expect(attempts.map((a) => [a.Status, a.Trigger])).toEqual([
        ["Succeeded", "Schedule"],
        ["Succeeded", "RotateSecret"],
      ]);
      const described = await sm.describeSecret(root, { SecretId: secret.ARN });
      expect(described.LastRotatedDate!.getTime()).toBe(later.getTime());
      const day = 86_400_000;
      expect(described.NextRotationDate!.getTime()).toBe(
        Math.floor(later.getTime() / day) * day + 30 * day,
      );
    });

    it("starts a scheduled rotation inside its window, and waits for the next window once one has passed", async () => {
      const fn = await newFunction(root, "generic");
      const secret = await secretWith("v1");
      await sm.rotateSecret(root, {
        SecretId: secret.ARN,
        RotationLambdaARN: fn.FunctionArn,
        RotationRules: { AutomaticallyAfterDays: 1, Duration: "2h" },
        RotateImmediately: false,
      });
      const next = (await sm.describeSecret(root, { SecretId: secret.ARN })).NextRotationDate!;
      const scheduler = createScheduler(t, { holder: "window-test" });
      const realNow = t.now;
      try {
        // After the window closed (no instance ran during it): no rotation, the next window instead.
        t.now = () => new Date(next.getTime() + 3 * 3_600_000);
        expect(await drain(scheduler)).toBeGreaterThanOrEqual(1);
        const moved = (await sm.describeSecret(root, { SecretId: secret.ARN })).NextRotationDate!;
        expect(moved.getTime()).toBe(next.getTime() + 86_400_000);
        expect(await sm.listRotationAttempts(root, { SecretId: secret.ARN })).toMatchObject({
          RotationAttempts: [],
        });
        // Inside the window: rotated.
        t.now = () => new Date(moved.getTime() + 60_000);
        expect(await drain(scheduler)).toBeGreaterThanOrEqual(1);
      } finally {
        t.now = realNow;
      }
      const attempt = await lastAttempt(root, secret.ARN);
      expect(attempt).toMatchObject({ Status: "Succeeded", Trigger: "Schedule" });
      expect((await sm.getSecretValue(root, { SecretId: secret.ARN })).SecretString).not.toBe("v1");
    });
  });
});
