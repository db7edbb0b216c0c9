// The rotation scheduler: every instance runs one (inside the server, or as `strongbox worker`).
// Each tick claims due secrets through the lease (lease.ts) — one statement when nothing is due —
// and runs their rotations, a few at a time. What is due is in the database (RotationLease.dueAt:
// a window's start, RotateSecret's "now", or a retry's backoff), so instances need nothing else
// in common, and any number of them rotate each secret once.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { getRuntime, type Runtime } from "../ops/runtime";
import { track } from "./in-flight";
import { claimDue, claimSecret, type Claim } from "./lease";
import { runRotation, type RotationOutcome, type RunOptions } from "./runner";

export interface SchedulerOptions {
  /** Time between ticks when nothing is due (default 30 s). */
  intervalMs?: number;
  /**
   * Rotations run at once by this instance (default 4 on PostgreSQL; 1 on SQLite, which writes
   * one transaction at a time anyway).
   */
  concurrency?: number;
  /** How long a claim holds before another instance may take it over (default 2 min). */
  leaseMs?: number;
  holder?: string;
  retryBaseMs?: number;
  retryMaxMs?: number;
  log?: (message: string) => void;
}

export interface Scheduler {
  readonly holder: string;
  /** Claims what is due now and starts it; resolves with the number claimed. */
  tick(): Promise<number>;
  /** Resolves when the rotations this scheduler started have ended. */
  idle(): Promise<void>;
  /** Rotations under way here. */
  running(): number;
  /** How many may run at once. */
  capacity(): number;
  /** Resolves when one of the rotations under way ends. */
  slotFree(): Promise<void>;
  /** Stops ticking and waits for the rotations under way. */
  stop(): Promise<void>;
  readonly stats: {
    ticks: number;
    claimed: number;
    outcomes: Partial<Record<RotationOutcome, number>>;
  };
}

const DEFAULT_LEASE_MS = 120_000;

export function newHolderId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** A scheduler that ticks only when asked (tests, benchmarks, `worker --once`). */
export function createScheduler(
  runtime?: Runtime | Promise<Runtime>,
  options: SchedulerOptions = {},
): Scheduler {
  const holder = options.holder ?? newHolderId();
  const log = options.log ?? ((message: string) => console.warn(`strongbox: ${message}`));
  let concurrency = options.concurrency ?? 1;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const running = new Set<Promise<unknown>>();
  const stats: Scheduler["stats"] = { ticks: 0, claimed: 0, outcomes: {} };
  const runOptions = (claim: Claim): RunOptions => ({
    holder,
    leaseMs,
    windowEnd: claim.windowEnd,
    failures: claim.failures,
    heldUntil: claim.heldUntil,
    retryBaseMs: options.retryBaseMs,
    retryMaxMs: options.retryMaxMs,
    log,
  });
  const start = (rt: Runtime, claim: Claim) => {
    const work = track(
      runRotation(rt, claim.secretId, runOptions(claim)).then(
        (outcome) => {
          stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
        },
        (error: unknown) => log(`rotation of secret ${claim.secretId} stopped: ${String(error)}`),
      ),
    );
    running.add(work);
    void work.finally(() => running.delete(work));
  };
  return {
    holder,
    stats,
    async tick() {
      // Without a runtime of its own, the process's (retried by getRuntime after a failure).
      const rt = await (runtime ?? getRuntime());
      stats.ticks++;
      concurrency = options.concurrency ?? (rt.provider === "sqlite" ? 1 : 4);
      const claims = await claimDue(rt, holder, concurrency - running.size, leaseMs);
      stats.claimed += claims.length;
      for (const claim of claims) start(rt, claim);
      return claims.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    running: () => running.size,
    capacity: () => concurrency,
    async slotFree() {
      if (running.size > 0) await Promise.race([...running]);
    },
    async stop() {
      await this.idle();
    },
  };
}

/**
 * Starts the scheduler of this instance: ticks every `intervalMs`, sooner while there is a
 * backlog. The server starts it with one line (`startScheduler()`); `strongbox worker` too.
 */
export function startScheduler(
  runtime?: Runtime | Promise<Runtime>,
  options: SchedulerOptions = {},
): Scheduler {
  const scheduler = createScheduler(runtime, options);
  const intervalMs = options.intervalMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(loop, ms);
    timer.unref();
  };
  async function loop() {
    timer = undefined;
    let backlog = false;
    try {
      const before = scheduler.running();
      const claimed = await scheduler.tick();
      // Every free slot taken: more may be due, so look again as soon as one frees up.
      backlog = claimed > 0 && before + claimed >= scheduler.capacity();
    } catch (error) {
      (options.log ?? ((m: string) => console.warn(`strongbox: ${m}`)))(
        `rotation scheduler tick failed: ${String(error)}`,
      );
    }
    if (stopped) return;
    if (backlog || scheduler.running() >= scheduler.capacity()) {
      void scheduler.slotFree().then(() => schedule(0));
    } else {
      schedule(intervalMs);
    }
  }
  schedule(0);
  return {
    ...scheduler,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await scheduler.idle();
    },
  };
}

let processHolder: string | undefined;

/**
 * RotateSecret's immediate rotation: this instance claims the secret (if no one holds it) and
 * runs it in the background. Returns the work (the CLI waits for it; the API does not).
 */
export function kickRotation(
  rt: Runtime,
  secretId: string,
  options: SchedulerOptions = {},
): Promise<RotationOutcome | undefined> {
  processHolder ??= newHolderId();
  const holder = options.holder ?? processHolder;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  return track(
    (async () => {
      const claim = await claimSecret(rt, secretId, holder, leaseMs);
      if (!claim) return undefined;
      return runRotation(rt, secretId, {
        holder,
        leaseMs,
        windowEnd: claim.windowEnd,
        failures: claim.failures,
        heldUntil: claim.heldUntil,
        retryBaseMs: options.retryBaseMs,
        retryMaxMs: options.retryMaxMs,
        log: options.log ?? ((m) => console.warn(`strongbox: ${m}`)),
      });
    })(),
  );
}
