// The Strongbox server: the AWS-compatible API (answered here, before Next sees the request),
// the Next.js console, and the background work every instance shares (purging secrets whose
// recovery window has ended and expired STS sessions). Instances are stateless: run as many as
// you like against one PostgreSQL database.
import next from "next";
import { createStrongboxServer } from "./lib/api/http-server";
import { getAccountStatus } from "./lib/ops/account";
import { flushAudit } from "./lib/ops/operation";
import { getRuntime } from "./lib/ops/runtime";
import { purgeDeletedSecrets } from "./lib/ops/secretsmanager";
import { purgeExpiredSessions } from "./lib/ops/sts";
import { startScheduler } from "./lib/rotation/scheduler";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
await app.prepare();
const handle = app.getRequestHandler();

const { server } = createStrongboxServer({ fallback: (req, res) => handle(req, res) });
server.listen(port, hostname, async () => {
  const status = await getAccountStatus();
  console.log(
    `strongbox: serving account ${status.accountId} (${status.region}) on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` +
      (status.rootConfigured ? "" : " — open it to create the root user"),
  );
});

const SWEEP_MS = 10 * 60 * 1000;
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
void sweep();
setInterval(sweep, SWEEP_MS).unref();
startScheduler();

async function shutdown() {
  server.close();
  await flushAudit();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
