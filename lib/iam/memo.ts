/**
 * Sharing and per-evaluation memos.
 *
 * Identical resource patterns, ARN heads and conditions are compiled to one shared object
 * (`InternTable`), however many statements and policies hold them. Each `evaluate()` call takes
 * a new evaluation number (`nextEpoch`), and a shared object keeps the number of the evaluation
 * that last computed it next to the result: within one evaluation a pattern or condition is
 * computed once, and a later evaluation sees a stale number and computes it afresh. Evaluation is
 * synchronous, so a result stamped with the current number is the current request's. No Map,
 * closure or array is allocated for this on the hot path.
 */

let epoch = 0;

/** A new evaluation number (never 0, the number of "never computed"). */
export function nextEpoch(): number {
  return ++epoch;
}

const INTERN_LIMIT = 20_000;

/**
 * Shared compiled objects by key. Bounded: when full it starts afresh, and objects compiled
 * before stay valid (they are merely no longer shared with newer ones).
 */
export class InternTable<V> {
  private map = new Map<string, V>();

  intern(key: string, make: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      if (this.map.size >= INTERN_LIMIT) this.map = new Map();
      value = make();
      this.map.set(key, value);
    }
    return value;
  }
}

const lowerCase = new InternTable<string>();
const lowerByName = new Map<string, string>();

/**
 * A context key name lower-cased, as one shared string per key: lookups compiled from policies
 * and names read from requests then compare by identity (a pointer compare) when equal.
 */
export function lookupOf(name: string): string {
  let lookup = lowerByName.get(name);
  if (lookup === undefined) {
    const lower = name.toLowerCase();
    lookup = lowerCase.intern(lower, () => lower);
    if (lowerByName.size >= INTERN_LIMIT) lowerByName.clear();
    lowerByName.set(name, lookup);
  }
  return lookup;
}
