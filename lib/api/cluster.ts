// Several server processes on one port (STRONGBOX_WORKERS): Node answers a connection on one
// thread, so one process uses one core however many the machine has. Instances share nothing but
// the database — SQLite in WAL mode across processes (each one's read cache is dropped at any
// other's commit), or PostgreSQL — so workers are simply more instances: the primary only forks
// them, shares the listening socket among them and starts a new one when one dies.
import cluster from "node:cluster";
import os from "node:os";
import type { Env } from "../config";

/** STRONGBOX_WORKERS: a number of processes, or `auto` for one per core. Default 1. */
export function workerCount(env: Env = process.env): number {
  const value = env.STRONGBOX_WORKERS?.trim();
  if (!value) return 1;
  if (value === "auto") return os.availableParallelism();
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    throw new Error(`STRONGBOX_WORKERS must be auto or a whole number from 1 to 256, got ${value}`);
  }
  return count;
}

/** Set in the one worker that runs the background work (sweeps, rotation scheduler). */
const BACKGROUND = "STRONGBOX_BACKGROUND_WORKER";

/** Whether this process runs the background work: a lone server, or the first worker. */
export function runsBackgroundWork(): boolean {
  return cluster.isPrimary || process.env[BACKGROUND] === "1";
}

export interface ClusterOptions {
  workers: number;
  log?: (message: string) => void;
}

/**
 * In a lone process or a worker: runs `serve`. In the primary of a cluster (workers > 1): forks
 * the workers, which run this same program and reach `serve`, and supervises them; SIGINT and
 * SIGTERM stop them all (each worker finishes its own shutdown).
 */
export async function serveClustered(
  options: ClusterOptions,
  serve: () => Promise<void>,
): Promise<void> {
  if (options.workers <= 1 || !cluster.isPrimary) return serve();
  const log = options.log ?? ((message: string) => console.log(message));
  let stopping = false;
  let background: number | undefined;
  const fork = (runsBackground: boolean) => {
    const worker = cluster.fork(runsBackground ? { [BACKGROUND]: "1" } : {});
    if (runsBackground) background = worker.id;
  };
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    log(`strongbox: worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    // Not in a tight loop: a worker that cannot start at all is retried once a second.
    setTimeout(() => fork(worker.id === background), 1000);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  for (let i = 0; i < options.workers; i++) fork(i === 0);
  log(`strongbox: ${options.workers} worker processes`);
}
