// STRONGBOX_WORKERS: the API in several processes on one port over one SQLite file. Connections
// are spread over the workers; a write through any of them is read back through every other at
// once (each worker's read cache is dropped at another's commit); a worker that dies is replaced;
// SIGTERM to the primary stops them all.
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workerCount } from "@/lib/api/cluster";
import { createAccessKey, createUser, putUserPolicy } from "@/lib/ops/iam";
import { createSecret } from "@/lib/ops/secretsmanager";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

const WORKERS = 2;

function freePort(): Promise<number> {
  const probe = http.createServer();
  return new Promise((resolve) =>
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    }),
  );
}

/**
 * The worker processes of a primary, by pid: its children running the same program (the primary
 * may have others, such as the esbuild service tsx starts on a cold cache).
 */
function workersOf(primary: number): number[] {
  let lines: string[];
  try {
    lines = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(primary)], {
      encoding: "utf8",
    }).split("\n");
  } catch {
    return []; // ps exits 1 when there are none
  }
  return lines
    .filter((line) => line.includes("api-server.ts"))
    .map((line) => Number(line.trim().split(/\s+/)[0]))
    .filter((pid) => pid > 0);
}

async function until<T>(probe: () => T | undefined, what: () => string): Promise<T> {
  for (let i = 0; i < 2400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what()}`);
}

describe("workerCount", () => {
  it("reads STRONGBOX_WORKERS", () => {
    expect(workerCount({})).toBe(1);
    expect(workerCount({ STRONGBOX_WORKERS: "3" })).toBe(3);
    expect(workerCount({ STRONGBOX_WORKERS: "auto" })).toBeGreaterThanOrEqual(1);
    expect(() => workerCount({ STRONGBOX_WORKERS: "0" })).toThrow(/STRONGBOX_WORKERS/);
    expect(() => workerCount({ STRONGBOX_WORKERS: "two" })).toThrow(/STRONGBOX_WORKERS/);
  });
});

describe("the API in worker processes", () => {
  let rt: TestRuntime;
  let primary: ChildProcess;
  let output = "";
  let endpoint: string;
  let credentials: { accessKeyId: string; secretAccessKey: string };
  let secretArn: string;
  const clients: SecretsManagerClient[] = [];

  /** A client with a connection of its own, kept alive: each lands on one worker. */
  const client = () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const c = new SecretsManagerClient({
      endpoint,
      region: "us-east-1",
      credentials,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ httpAgent: agent }),
    });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    rt = await createTestRuntime("sqlite");
    const secret = await createSecret(rt.root, { Name: "cluster/app", SecretString: "v0" });
    secretArn = secret.ARN;
    await createUser(rt.root, { UserName: "app" });
    await putUserPolicy(rt.root, {
      UserName: "app",
      PolicyName: "rw",
      PolicyDocument: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"],
            Resource: secretArn,
          },
        ],
      }),
    });
    const { AccessKey } = await createAccessKey(rt.root, { UserName: "app" });
    credentials = {
      accessKeyId: AccessKey.AccessKeyId,
      secretAccessKey: AccessKey.SecretAccessKey,
    };

    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    primary = spawn(
      process.execPath,
      ["--import", "tsx", path.join(import.meta.dirname, "../../scripts/api-server.ts")],
      {
        env: {
          ...process.env,
          PORT: String(port),
          DATABASE_URL: rt.config.url,
          STRONGBOX_MASTER_KEY: rt.kek.toString("base64"),
          STRONGBOX_ACCOUNT_ID: rt.accountId,
          STRONGBOX_WORKERS: String(WORKERS),
        },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    primary.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    primary.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    await until(
      () => (output.split("listening").length - 1 >= WORKERS ? true : undefined),
      () => `${WORKERS} workers listening (output: ${output})`,
    );
  }, 150_000);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    if (primary.exitCode === null) primary.kill("SIGKILL");
    await rt?.dispose();
  });

  it("runs the given number of workers under one primary", () => {
    expect(workersOf(primary.pid!)).toHaveLength(WORKERS);
  });

  it("reads back at once, through every connection, what any one of them wrote", async () => {
    const connections = Array.from({ length: 6 }, client);
    for (let round = 1; round <= 12; round++) {
      const writer = connections[round % connections.length];
      await writer.send(
        new PutSecretValueCommand({ SecretId: secretArn, SecretString: `v${round}` }),
      );
      const reads = await Promise.all(
        connections.map((c) => c.send(new GetSecretValueCommand({ SecretId: secretArn }))),
      );
      expect(reads.map((r) => r.SecretString)).toEqual(connections.map(() => `v${round}`));
    }
  }, 60_000);

  it("replaces a worker that dies, and keeps answering", { timeout: 150_000 }, async () => {
    const before = workersOf(primary.pid!);
    process.kill(before[0], "SIGKILL");
    const after = await until(
      () => {
        const now = workersOf(primary.pid!);
        return now.length === WORKERS && !now.includes(before[0]) ? now : undefined;
      },
      () => `a replacement worker (output: ${output})`,
    );
    expect(after).toContain(before[1]);
    await until(
      () => (output.split("listening").length - 1 >= WORKERS + 1 ? true : undefined),
      () => `the replacement to listen (output: ${output})`,
    );
    const reads = await Promise.all(
      Array.from({ length: 4 }, () =>
        client().send(new GetSecretValueCommand({ SecretId: secretArn })),
      ),
    );
    expect(reads.every((r) => r.SecretString === "v12")).toBe(true);
  });

  it("stops every worker on SIGTERM", async () => {
    const workers = workersOf(primary.pid!);
    const exited = new Promise<number | null>((resolve) => primary.once("exit", resolve));
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    const alive = workers.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  }, 30_000);
});
