// The AWS API alone (no console) in STRONGBOX_WORKERS processes sharing one port, for
// bench/api.bench.ts: PORT, DATABASE_URL, STRONGBOX_MASTER_KEY and STRONGBOX_ACCOUNT_ID come
// from the bench. Each worker prints "listening" once it accepts connections.
import { serveClustered, workerCount } from "../lib/api/cluster";
import { startApiServer } from "../lib/api/http-server";
import { flushAudit } from "../lib/ops/operation";

await serveClustered({ workers: workerCount(), log: () => {} }, async () => {
  const server = await startApiServer({ port: Number(process.env.PORT) });
  console.log("listening");
  process.on("SIGTERM", async () => {
    await server.close();
    await flushAudit();
    process.exit(0);
  });
});
