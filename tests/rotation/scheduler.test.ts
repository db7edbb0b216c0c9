// The scheduler across instances on one PostgreSQL database: separate `strongbox worker`
// processes share the work through the lease and rotate each due secret exactly once; a worker
// killed (SIGKILL) in the middle of setSecret leaves a lease that expires, and another instance
// resumes the rotation from AWSPENDING, while AWSCURRENT opens the whole time.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/ops/caller";
import * as sm from "@/lib/ops/secretsmanager";
import { startScheduler, type Scheduler } from "@/lib/rotation/scheduler";
import { createTestRuntime, postgresAvailable, type TestRuntime } from "../helpers/runtime";
import { newFunction, startEndpoint, type Endpoint } from "./helpers/rotation";
import { POSTGRES_MISSING } from "./helpers/servers";

const reachable = await postgresAvailable();
// Only a machine without PostgreSQL at all skips; one where it is installed but down fails.
const skip = !reachable && POSTGRES_MISSING;
if (skip) console.warn(`skipping the multi-instance scheduler tests: ${POSTGRES_MISSING}`);

const REPO = path.resolve(import.meta.dirname, "../..");

interface Worker {
  process: ChildProcess;
  holder: Promise<string>;
  exited: Promise<number | null>;
  output: string[];
}

function startWorker(t: TestRuntime, dataDir: string, args: string[]): Worker {
  const child = spawn(path.join(REPO, "bin/strongbox"), ["worker", ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      DATABASE_URL: t.config.url,
      STRONGBOX_MASTER_KEY: t.kek.toString("base64"),
      STRONGBOX_ACCOUNT_ID: t.accountId,
      STRONGBOX_DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx runs the worker in a child process, and a kill must reach it.
    detached: true,
  });
  const output: string[] = [];
  const holder = new Promise<string>((resolve, reject) => {
    child.stderr!.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /rotating as (\S+)/.exec(output.join(""));
      if (match) resolve(match[1]);
    });
    child.once("exit", (code) =>
      reject(new Error(`worker exited (${code}) before starting: ${output.join("")}`)),
    );
  });
  holder.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { process: child, holder, exited, output };
}

async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits until `count` reaches `target`, failing only when it stops moving for `stallMs`: a loaded
 * machine (other builds and test runs on two cores) makes the work slower, not wrong, so the
 * limit is on a lack of progress rather than on the total time.
 */
async function untilCounted(
  what: string,
  count: () => Promise<number>,
  target: number,
  stallMs = 120_000,
): Promise<void> {
  let last = -1;
  let movedAt = Date.now();
  for (;;) {
    const n = await count();
    if (n >= target) return;
    if (n !== last) [last, movedAt] = [n, Date.now()];
    else if (Date.now() - movedAt > stallMs) {
      throw new Error(`waiting for ${what}: stuck at ${n} of ${target} for ${stallMs / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!!skip)("rotation across instances (PostgreSQL)", () => {
  let t: TestRuntime;
  let root: Caller;
  let dataDir: string;
  const workers: Worker[] = [];

  beforeAll(async () => {
    t = await createTestRuntime("postgres");
    root = t.root;
    dataDir = mkdtempSync(path.join(os.tmpdir(), "strongbox-workers-"));
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.process.exitCode === null && w.process.signalCode === null)
        process.kill(-w.process.pid!, "SIGTERM");
      await w.exited;
    }
  });
  afterAll(async () => {
    await t?.dispose();
    if (dataDir && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Rotation configured but not started; then due now, inside an open window. */
  async function dueSecrets(names: string[], functionArn: string): Promise<string[]> {
    const arns: string[] = [];
    for (const name of names) {
      const { ARN } = await sm.createSecret(root, {
        Name: name,
        SecretString: JSON.stringify({ username: name, password: "initial" }),
      });
      await sm.rotateSecret(root, {
        SecretId: ARN,
        RotationLambdaARN: functionArn,
        RotationRules: { AutomaticallyAfterDays: 7 },
        RotateImmediately: false,
      });
      arns.push(ARN);
    }
    return arns;
  }

  async function makeDue(arns: string[]) {
    const ids = (
      await t.db.secret.findMany({ where: { arn: { in: arns } }, select: { id: true } })
    ).map((s) => s.id);
    const now = Date.now();
    await t.db.rotationLease.updateMany({
      where: { secretId: { in: ids } },
      data: { dueAt: new Date(now - 60_000), windowEnd: new Date(now + 3_600_000) },
    });
  }

  it("two worker processes rotate 200 due secrets exactly once each", async () => {
    const fn = await newFunction(root, "generic");
    const arns = await dueSecrets(
      Array.from({ length: 200 }, (_, i) => `fleet/app-${String(i).padStart(3, "0")}`),
      fn.FunctionArn,
    );
    const a = startWorker(t, dataDir, ["--interval-ms", "100", "--concurrency", "6"]);
    const b = startWorker(t, dataDir, ["--interval-ms", "100", "--concurrency", "6"]);
    workers.push(a, b);
    // "rotating as" is said once the worker is connected: neither can be still starting (and
    // so miss the work) when the secrets fall due, however slowly the machine starts processes.
    const holders = await Promise.all([a.holder, b.holder]);
    await makeDue(arns);

    await untilCounted(
      "200 rotations",
      () => t.db.rotationAttempt.count({ where: { status: { not: "InProgress" } } }),
      200,
    );
    // Let a straggler show itself if there were one.
    await new Promise((r) => setTimeout(r, 500));
    a.process.kill("SIGTERM");
    b.process.kill("SIGTERM");
    expect(await a.exited, a.output.join("")).toBe(0);
    expect(await b.exited, b.output.join("")).toBe(0);

    const attempts = await t.db.rotationAttempt.findMany({
      select: { secretId: true, status: true, versionId: true, holder: true },
    });
    expect(attempts).toHaveLength(200);
    expect(attempts.every((x) => x.status === "Succeeded")).toBe(true);
    expect(new Set(attempts.map((x) => x.secretId)).size).toBe(200);
    // Both instances took a share of the work (so "once each" was decided between them).
    const byHolder = new Map<string, number>();
    for (const x of attempts) byHolder.set(x.holder!, (byHolder.get(x.holder!) ?? 0) + 1);
    expect([...byHolder.keys()].sort(), JSON.stringify([...byHolder])).toEqual([...holders].sort());
    expect([...byHolder.values()].reduce((x, y) => x + y, 0)).toBe(200);

    const secrets = await t.db.secret.findMany({
      where: { arn: { in: arns } },
      select: {
        id: true,
        lastRotatedDate: true,
        versions: { select: { versionId: true } },
        stages: { select: { stage: true, version: { select: { versionId: true } } } },
      },
    });
    const attemptOf = new Map(attempts.map((x) => [x.secretId, x.versionId]));
    for (const secret of secrets) {
      expect(secret.versions).toHaveLength(2);
      expect(secret.lastRotatedDate).not.toBeNull();
      const labels = Object.fromEntries(secret.stages.map((s) => [s.stage, s.version.versionId]));
      expect(labels.AWSCURRENT).toBe(attemptOf.get(secret.id));
      expect(labels.AWSPENDING).toBeUndefined();
      expect(labels.AWSPREVIOUS).toBeDefined();
    }
    // Each is scheduled again, a week on, and nobody holds it.
    const leases = await t.db.rotationLease.findMany({
      where: { secretId: { in: secrets.map((s) => s.id) } },
    });
    expect(leases).toHaveLength(200);
    expect(
      leases.every((l) => l.holder === null && l.dueAt.getTime() > Date.now() + 5 * 86_400_000),
    ).toBe(true);
    // Progress, not wall time, bounds the wait above; this only stops a run that hangs outright.
  }, 900_000);

  describe("a worker killed during setSecret", () => {
    let endpoint: Endpoint;
    let scheduler: Scheduler | undefined;
    beforeAll(async () => {
      endpoint = await startEndpoint();
    });
    afterAll(async () => {
      await scheduler?.stop();
      await endpoint.close();
    });

    it("leaves the rotation to another instance, which finishes it; AWSCURRENT opens throughout", async () => {
      const fn = await newFunction(root, "http", { Endpoint: endpoint.url, Timeout: 2 });
      endpoint.signingSecret = fn.SigningSecret;
      const [arn] = await dueSecrets(["crash/app"], fn.FunctionArn);
      const before = await sm.getSecretValue(root, { SecretId: arn });

      let inSetSecret: () => void = () => undefined;
      const reachedSetSecret = new Promise<void>((resolve) => (inSetSecret = resolve));
      endpoint.handler = async (request) => {
        if (
          request.Step === "setSecret" &&
          endpoint.requests.filter((r) => r.Step === "setSecret").length === 1
        ) {
          inSetSecret();
          return "hang";
        }
        return {};
      };

      // Someone reads AWSCURRENT the whole time.
      const reads = { ok: 0, failed: [] as string[] };
      let reading = true;
      const reader = (async () => {
        while (reading) {
          try {
            const value = await sm.getSecretValue(root, { SecretId: arn });
            if (!value.SecretString) throw new Error("no value");
            reads.ok++;
          } catch (error) {
            reads.failed.push(String(error));
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      })();

      const doomed = startWorker(t, dataDir, ["--interval-ms", "100", "--lease-ms", "1000"]);
      workers.push(doomed);
      const doomedHolder = await doomed.holder;
      await makeDue([arn]);
      await reachedSetSecret;
      process.kill(-doomed.process.pid!, "SIGKILL");
      await doomed.exited;

      const secretId = (await t.db.secret.findUniqueOrThrow({ where: { arn } })).id;
      const orphan = await t.db.rotationLease.findUniqueOrThrow({ where: { secretId } });
      expect(orphan.holder).toBe(doomedHolder);
      const pendingVersion = (
        await sm.getSecretValue(root, { SecretId: arn, VersionStage: "AWSPENDING" })
      ).VersionId;

      // Another instance: it takes the lease over once the dead holder's expires.
      scheduler = startScheduler(t, { intervalMs: 100, leaseMs: 1000, holder: "survivor" });
      await until(
        "the resumed rotation",
        async () =>
          (await t.db.rotationAttempt.count({ where: { secretId, status: "Succeeded" } })) === 1,
        180_000,
      );
      reading = false;
      await reader;

      expect(reads.failed).toEqual([]);
      expect(reads.ok).toBeGreaterThan(10);
      const attempts = await sm.listRotationAttempts(root, { SecretId: arn });
      expect(attempts.RotationAttempts.map((x) => [x.Status, x.Trigger, x.VersionId])).toEqual([
        ["Succeeded", "Resume", pendingVersion],
        ["Abandoned", "Schedule", pendingVersion],
      ]);
      expect(attempts.RotationAttempts[1].Steps.map((s) => s.Step)).toEqual([
        "createSecret",
        "setSecret",
      ]);
      const after = await sm.getSecretValue(root, { SecretId: arn });
      expect(after.VersionId).toBe(pendingVersion);
      expect(after.SecretString).not.toBe(before.SecretString);
      // createSecret ran once; setSecret again after the crash (idempotent); then test and finish.
      expect(endpoint.requests.map((r) => r.Step)).toEqual([
        "createSecret",
        "setSecret",
        "setSecret",
        "testSecret",
        "finishSecret",
      ]);
      expect(endpoint.requests.every((r) => r.signatureValid)).toBe(true);
    }, 300_000);
  });
});
