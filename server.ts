// The Strongbox server: the AWS-compatible API (answered here, before Next sees the request),
// the Next.js console, and the background work every instance shares (purging secrets whose
// recovery window has ended and expired STS sessions, the rotation scheduler). Instances are
// stateless: run as many as you like against one database, on one machine as worker processes
// (STRONGBOX_WORKERS, see lib/api/cluster.ts) or on many against PostgreSQL.
import next from "next";
import { runsBackgroundWork, serveClustered, workerCount } from "./lib/api/cluster";
import { createStrongboxServer } from "./lib/api/http-server";
import { getAccountStatus } from "./lib/ops/account";
import { flushAudit } from "./lib/ops/operation";
import { getRuntime } from "./lib/ops/runtime";
import { purgeDeletedSecrets } from "./lib/ops/secretsmanager";
import { purgeExpiredSessions } from "./lib/ops/sts";
import { startScheduler } from "./lib/rotation/scheduler";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const SWEEP_MS = 10 * 60 * 1000;

await serveClustered({ workers: workerCount() }, serve);

async function serve() {
  const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
  await app.prepare();
  const handle = app.getRequestHandler();

  const { server } = createStrongboxServer({ fallback: (req, res) => handle(req, res) });
  const background = runsBackgroundWork();
  server.listen(port, hostname, async () => {
    if (!background) return;
    const status = await getAccountStatus();
    console.log(
      `strongbox: serving account ${status.accountId} (${status.region}) on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` +
        (status.rootConfigured ? "" : " — open it to create the root user"),
    );
  });

  if (background) {
    void sweep();
    setInterval(sweep, SWEEP_MS).unref();
    startScheduler();
  }

  async function shutdown() {
    server.close();
    await flushAudit();
    process.exit(0);
  }
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

async function sweep() {
  try {
    const rt = await getRuntime();
    const purged = await purgeDeletedSecrets(rt);
    if (purged > 0) console.log(`strongbox: purged ${purged} secret(s) past their recovery window`);
    await purgeExpiredSessions(rt);
  } catch (error) {
    console.error("strongbox: purge sweep failed", error);
  }
}
