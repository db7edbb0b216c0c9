// The Strongbox server: the Next.js console plus the background work every instance shares
// (purging secrets whose recovery window has ended). Instances are stateless: run as many as
// you like against one PostgreSQL database.
import http from "node:http";
import next from "next";
import { getAccountStatus } from "./lib/ops/account";
import { flushAudit } from "./lib/ops/operation";
import { getRuntime } from "./lib/ops/runtime";
import { purgeDeletedSecrets } from "./lib/ops/secretsmanager";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
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
    const purged = await purgeDeletedSecrets(await getRuntime());
    if (purged > 0) console.log(`strongbox: purged ${purged} secret(s) past their recovery window`);
  } catch (error) {
    console.error("strongbox: purge sweep failed", error);
  }
}
void sweep();
setInterval(sweep, SWEEP_MS).unref();

async function shutdown() {
  server.close();
  await flushAudit();
  process.exit(0);
}
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
