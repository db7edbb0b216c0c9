// `strongbox worker`: an instance that only rotates (no API, no console). Runs the scheduler
// until SIGINT/SIGTERM, then lets the rotations under way finish. `--once` claims what is due,
// waits for it, and exits (for a cron job).
import { getRuntime } from "../ops/runtime";
import { startScheduler, createScheduler } from "./scheduler";

export interface WorkerArgs {
  once: boolean;
  intervalMs?: number;
  concurrency?: number;
  leaseMs?: number;
  retryBaseMs?: number;
}

export function parseWorkerArgs(argv: string[]): WorkerArgs {
  const args: WorkerArgs = { once: false };
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`argument --${flag}: expected a whole number`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i].replace(/^--/, "");
    if (flag === "once") args.once = true;
    else if (flag === "interval-ms") args.intervalMs = number(flag, argv[++i]);
    else if (flag === "concurrency") args.concurrency = number(flag, argv[++i]);
    else if (flag === "lease-ms") args.leaseMs = number(flag, argv[++i]);
    else if (flag === "retry-base-ms") args.retryBaseMs = number(flag, argv[++i]);
    else throw new Error(`Unknown options: ${argv[i]}`);
  }
  return args;
}

export async function runWorker(argv: string[]): Promise<number> {
  const args = parseWorkerArgs(argv);
  const log = (message: string) => console.error(`strongbox worker: ${message}`);
  const options = { ...args, log };
  if (args.once) {
    const scheduler = createScheduler(undefined, options);
    while ((await scheduler.tick()) > 0) await scheduler.idle();
    await scheduler.idle();
    return 0;
  }
  // The scheduler's timers do not hold the process open (the server's must not); this does.
  const keepAlive = setInterval(() => undefined, 1 << 30);
  let stopping = false;
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  // Connected (and the account known) before it says it is rotating: "rotating as" means this
  // instance claims work from its next tick on. A database not up yet is waited for.
  const retryMs = Math.min(args.intervalMs ?? 5_000, 5_000) || 1_000;
  while (!stopping) {
    try {
      await getRuntime();
      break;
    } catch (error) {
      log(`waiting for the database: ${String(error)}`);
      await Promise.race([stopped, new Promise((r) => setTimeout(r, retryMs))]);
    }
  }
  if (stopping) {
    clearInterval(keepAlive);
    return 0;
  }
  const scheduler = startScheduler(undefined, options);
  log(`rotating as ${scheduler.holder}`);
  await stopped;
  clearInterval(keepAlive);
  await scheduler.stop();
  return 0;
}
