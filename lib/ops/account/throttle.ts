// Failed password attempts, counted per key (`user:<name>`, `ip:<address>`) in a sliding window:
// past a few the answer is slowed, past more the key is refused for a while. Console sign-in and
// iam:ChangePassword share the per-user count, so neither can be used to guess a password.
import type { Db, Tx } from "../../db/client";
import type { Runtime } from "../runtime";

export const THROTTLE = { windowMs: 15 * 60_000, slowAfter: 3, lockAfter: 10, lockMs: 15 * 60_000 };

export const userThrottleKey = (userName: string) => `user:${userName.toLowerCase()}`;
export const addressThrottleKey = (sourceIp: string) => `ip:${sourceIp}`;

export interface ThrottleState {
  failures: number;
  /** Epoch milliseconds until which the keys are refused; 0 when none is locked. */
  lockedUntil: number;
}

export async function throttleState(rt: Runtime, keys: string[]): Promise<ThrottleState> {
  const rows = await rt.db.signInThrottle.findMany({ where: { key: { in: keys } } });
  const now = rt.now().getTime();
  let failures = 0;
  let lockedUntil = 0;
  for (const row of rows) {
    if (row.windowStart.getTime() + THROTTLE.windowMs > now)
      failures = Math.max(failures, row.failures);
    if (row.lockedUntil && row.lockedUntil.getTime() > now)
      lockedUntil = Math.max(lockedUntil, row.lockedUntil.getTime());
  }
  return { failures, lockedUntil };
}

/** Seconds until a lock ends, rounded up. */
export function retryAfterSeconds(rt: Runtime, state: ThrottleState): number {
  return Math.max(1, Math.ceil((state.lockedUntil - rt.now().getTime()) / 1000));
}

export async function recordFailure(rt: Runtime, tx: Tx | Db, keys: string[]): Promise<void> {
  const now = rt.now();
  for (const key of keys) {
    const row = await tx.signInThrottle.findUnique({ where: { key } });
    const fresh = !row || row.windowStart.getTime() + THROTTLE.windowMs <= now.getTime();
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil =
      failures >= THROTTLE.lockAfter ? new Date(now.getTime() + THROTTLE.lockMs) : row?.lockedUntil;
    await tx.signInThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil },
      update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
    });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Past a few failures, every further attempt waits longer before it is answered. */
export async function slowDown(state: ThrottleState): Promise<void> {
  if (state.failures >= THROTTLE.slowAfter)
    await sleep(Math.min(5000, 250 * 2 ** (state.failures - THROTTLE.slowAfter)));
}
