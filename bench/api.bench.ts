// The AWS API under load: SigV4-signed GetSecretValue through the whole stack (routing, SigV4,
// authorize with the caller's policy, decrypt, audit) against a bare Node http server answering
// a fixed body, 64 connections each, in the same run. Prints requests/s, p50 and p99 and the
// ratio; asserts nothing. Then the same API in one process per core (STRONGBOX_WORKERS).
// `npx tsx bench/api.bench.ts` (BENCH_DURATION=seconds, default 20; BENCH_WARMUP=seconds
// unmeasured before each, default 3; BENCH_WORKERS=processes of the clustered run, default one per
// core, 1 to skip it; BENCH_LOAD=autocannon|wrk).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startApiServer } from "../lib/api/http-server";
import { signRequest } from "../lib/crypto/sigv4";
import { createDb } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { createSqlStore } from "../lib/db/sql-store";
import { rootPrincipal, type Caller } from "../lib/ops/caller";
import { createAccessKey, createUser, putUserPolicy } from "../lib/ops/iam";
import { flushAudit } from "../lib/ops/operation";
import { ensureAccount, setRuntime, type Runtime } from "../lib/ops/runtime";
import { createSecret } from "../lib/ops/secretsmanager";

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const CONNECTIONS = 64;
/** Server processes of the clustered run (STRONGBOX_WORKERS); one per core by default. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
const DURATION = Number(process.env.BENCH_DURATION ?? 20);

async function runtimeOnThrowawayDb(dir: string): Promise<Runtime> {
  const config = { provider: "sqlite" as const, url: `file:${path.join(dir, "bench.db")}` };
  await migrate(config);
  process.env.DATABASE_URL = config.url;
  const db = createDb(config);
  const account = await ensureAccount(db, { STRONGBOX_ACCOUNT_ID: "111122223333" });
  const rt: Runtime = {
    db,
    sql: createSqlStore(config),
    provider: "sqlite",
    kek: randomBytes(32),
    accountId: account.id,
    region: account.region,
    now: () => new Date(),
  };
  setRuntime(rt);
  return rt;
}

/** The consuming application: a user allowed GetSecretValue on its one secret, with a key. */
async function seed(rt: Runtime) {
  const root: Caller = { principal: rootPrincipal(rt.accountId), via: "cli" };
  const secret = await createSecret(root, {
    Name: "bench/app/db",
    SecretString: JSON.stringify({ username: "app", password: randomBytes(24).toString("base64") }),
  });
  await createUser(root, { UserName: "bench-app" });
  await putUserPolicy(root, {
    UserName: "bench-app",
    PolicyName: "ReadDb",
    PolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: secret.ARN },
      ],
    }),
  });
  const { AccessKey } = await createAccessKey(root, { UserName: "bench-app" });
  return { secretId: secret.Name, key: AccessKey };
}

/** One signed request, reused: it stays valid for the 15 minutes of allowed clock skew. */
function presignedGetSecretValue(
  port: number,
  secretId: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
) {
  const body = JSON.stringify({ SecretId: secretId });
  const signed = signRequest({
    method: "POST",
    path: "/",
    headers: {
      host: `127.0.0.1:${port}`,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "secretsmanager.GetSecretValue",
    },
    body,
    region: "us-east-1",
    service: "secretsmanager",
    credentials,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name] = String(value);
  return { body, headers };
}

const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

/**
 * The load generator, the same for every server of a run: autocannon in a worker thread of this
 * process (the default), or BENCH_LOAD=wrk for Debian's `wrk`, a separate process in C that
 * leaves more of the cores to the servers.
 */
const LOAD_TOOL = process.env.BENCH_LOAD ?? "autocannon";
if (LOAD_TOOL === "wrk" && !existsSync("/usr/bin/wrk")) {
  throw new Error("BENCH_LOAD=wrk needs wrk (apt-get install wrk)");
}

const luaString = (value: string) => `[==[${value}]==]`;

/** One wrk run; its report read into autocannon's shape. */
async function wrk(
  url: string,
  request: { body: string; headers: Record<string, string> },
  seconds: number,
): Promise<AutocannonResult> {
  const script = path.join(os.tmpdir(), `strongbox-api-bench-${process.pid}.lua`);
  const headers = Object.entries(request.headers)
    .filter(([name]) => name.toLowerCase() !== "host")
    .map(([name, value]) => `wrk.headers[ ${luaString(name)} ] = ${luaString(value)}`);
  writeFileSync(
    script,
    [`wrk.method = "POST"`, `wrk.body = ${luaString(request.body)}`, ...headers].join("\n"),
  );
  const child = spawn(
    "wrk",
    ["-t1", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-s", script, url],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`wrk exited with ${code}: ${out}`);
  const ms = (text: string | undefined) => {
    const m = /([\d.]+)(us|ms|s)/.exec(text ?? "");
    if (!m) return NaN;
    const n = Number(m[1]);
    return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
  };
  const round = (n: number) => Math.round(n * 10) / 10;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(
    out,
  );
  return {
    requests: {
      average: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
      total: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    },
    latency: {
      p50: round(ms(/^\s+50%\s+(\S+)/m.exec(out)?.[1])),
      p99: round(ms(/^\s+99%\s+(\S+)/m.exec(out)?.[1])),
      average: round(ms(/Latency\s+(\S+)/.exec(out)?.[1])),
    },
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0),
    errors: socketErrors
      ? Number(socketErrors[1]) + Number(socketErrors[2]) + Number(socketErrors[3])
      : 0,
    timeouts: socketErrors ? Number(socketErrors[4]) : 0,
  };
}

async function load(
  url: string,
  request: { body: string; headers: Record<string, string> },
  measuring?: () => void,
): Promise<AutocannonResult> {
  if (LOAD_TOOL === "wrk") {
    if (WARMUP > 0) await wrk(url, request, WARMUP);
    measuring?.();
    return wrk(url, request, DURATION);
  }
  const options = {
    url,
    method: "POST",
    headers: request.headers,
    body: request.body,
    connections: CONNECTIONS,
    // The load generator runs in a worker thread, so the server keeps the main one.
    workers: 1,
  };
  // A few seconds unmeasured first, so both servers are measured with their code optimized.
  if (WARMUP > 0) await autocannon({ ...options, duration: WARMUP });
  measuring?.();
  return autocannon({ ...options, duration: DURATION });
}

function bareServer(body: string): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, {
        "Content-Type": "application/x-amz-json-1.1",
        "Content-Length": Buffer.byteLength(body),
        "x-amzn-RequestId": "00000000-0000-0000-0000-000000000000",
      });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/**
 * CPU time of the server's thread (the main one; the load generator has its own), in ns, and
 * time it spent runnable but waiting for a core. Linux only. Per request, this is the figure the
 * other load on a shared machine disturbs least.
 */
function mainThreadSchedstat(): { cpuNs: number; waitNs: number } | undefined {
  try {
    const [cpu, wait] = readFileSync(`/proc/${process.pid}/task/${process.pid}/schedstat`, "utf8")
      .trim()
      .split(/\s+/)
      .map(Number);
    return { cpuNs: cpu, waitNs: wait };
  } catch {
    return undefined;
  }
}

async function measured(
  run: (start: () => void) => Promise<AutocannonResult>,
): Promise<AutocannonResult & { cpuUsPerRequest?: number; waitShare?: number }> {
  let before: ReturnType<typeof mainThreadSchedstat>;
  let startedAt = 0;
  const result = await run(() => {
    before = mainThreadSchedstat();
    startedAt = performance.now();
  });
  const after = mainThreadSchedstat();
  if (!before || !after || result.requests.total === 0) return result;
  const elapsedNs = (performance.now() - startedAt) * 1e6;
  return {
    ...result,
    cpuUsPerRequest: (after.cpuNs - before.cpuNs) / 1000 / result.requests.total,
    waitShare: (after.waitNs - before.waitNs) / elapsedNs,
  };
}

/**
 * The same API in STRONGBOX_WORKERS processes (scripts/api-server.ts) over the same
 * database file and key, started once every worker listens.
 */
async function clusteredServer(rt: Runtime, dir: string) {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "..", "scripts", "api-server.ts")],
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "bench.db")}`,
        STRONGBOX_MASTER_KEY: rt.kek.toString("base64"),
        STRONGBOX_ACCOUNT_ID: rt.accountId,
        STRONGBOX_WORKERS: String(WORKERS),
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    child.stdout.on("data", (chunk: Buffer) => {
      listening += chunk.toString().split("listening").length - 1;
      if (listening >= WORKERS) resolve();
    });
    child.once("exit", (code) => reject(new Error(`clustered server exited (${code})`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

function line(label: string, r: AutocannonResult) {
  const failures = r.non2xx + r.errors + r.timeouts;
  return `  ${label.padEnd(34)} ${Math.round(r.requests.average).toLocaleString().padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms${failures ? `   (${failures} failed)` : ""}`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-api-bench-"));
  const rt = await runtimeOnThrowawayDb(dir);
  const server = await startApiServer();
  const bare = await bareServer("{}");
  try {
    const { secretId, key } = await seed(rt);
    const request = presignedGetSecretValue(server.port, secretId, {
      accessKeyId: key.AccessKeyId,
      secretAccessKey: key.SecretAccessKey,
    });

    // The request must succeed before it is worth measuring.
    const check = await fetch(server.url, {
      method: "POST",
      headers: request.headers,
      body: request.body,
    });
    const answer = (await check.json()) as { SecretString?: string };
    if (check.status !== 200 || !answer.SecretString) {
      throw new Error(`GetSecretValue failed: ${check.status} ${JSON.stringify(answer)}`);
    }
    // The bare server answers the same bytes, so only the work behind them differs.
    const fixed = await bareServer(JSON.stringify(answer));
    await bare.server.close();

    console.log(
      `AWS API, SigV4-signed GetSecretValue, ${CONNECTIONS} connections, ${DURATION} s each (SQLite; load: ${LOAD_TOOL})`,
    );
    const baseline = await measured((start) => load(fixed.url, request, start));
    console.log(line("bare Node http server (fixed body)", baseline));
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const api = await measured((start) =>
      load(server.url, request, () => {
        delay.enable();
        start();
      }),
    );
    delay.disable();
    console.log(line("Strongbox API GetSecretValue", api));
    // Stalls of the server's thread (audit flushes, GC) are what stretch the tail.
    console.log(
      `  server event-loop delay: p50 ${(delay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms, max ${(delay.max / 1e6).toFixed(1)} ms`,
    );
    const ratio = api.requests.average / baseline.requests.average;
    console.log(`  ratio: ${(ratio * 100).toFixed(1)}% of the bare server's requests/s`);
    if (baseline.cpuUsPerRequest && api.cpuUsPerRequest) {
      const cpu = (r: typeof api) =>
        `${r.cpuUsPerRequest!.toFixed(0)} µs (runnable but waiting for a core ${(r.waitShare! * 100).toFixed(0)}% of the time)`;
      console.log(`  server thread CPU per request: bare ${cpu(baseline)}, API ${cpu(api)}`);
      console.log(
        `  CPU ratio: ${((baseline.cpuUsPerRequest / api.cpuUsPerRequest) * 100).toFixed(1)}% (server-thread CPU per request, bare / API: less disturbed than requests/s by other load)`,
      );
    }
    if (WORKERS > 1) {
      const clustered = await clusteredServer(rt, dir);
      try {
        const request2 = presignedGetSecretValue(clustered.port, secretId, {
          accessKeyId: key.AccessKeyId,
          secretAccessKey: key.SecretAccessKey,
        });
        const r = await load(clustered.url, request2);
        console.log(line(`Strongbox API, ${WORKERS} worker processes`, r));
        console.log(
          `  ratio: ${((r.requests.average / baseline.requests.average) * 100).toFixed(1)}% of the bare server's requests/s (STRONGBOX_WORKERS=${WORKERS}; the load generator shares the same cores)`,
        );
      } finally {
        await clustered.stop();
      }
    }
    fixed.server.closeAllConnections();
    fixed.server.close();
  } finally {
    await server.close();
    bare.server.closeAllConnections();
    bare.server.close();
    await flushAudit();
    setRuntime(undefined);
    await rt.sql.close();
    await rt.db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
