// Rotations this process started and has not finished (RotateSecret's immediate rotation, the
// scheduler's claims). The CLI and tests wait for them; the server lets them run. No imports, so
// operations can register work here without depending on the runner.
const running = new Set<Promise<unknown>>();

export function track<T>(work: Promise<T>): Promise<T> {
  running.add(work);
  const done = () => running.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves when every rotation this process started (including ones started meanwhile) ended. */
export async function settleRotations(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

export function rotationsInFlight(): number {
  return running.size;
}
