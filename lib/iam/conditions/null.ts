/**
 * Null: `true` holds when the key is absent from the request (or an empty list), `false` when
 * it is present. It has no IfExists form and takes no policy variables.
 */
import { parseBool } from "./bool";
import { FALSE, TRUE, UNKNOWN, type Tri } from "./types";

/** Reads the policy's `true`/`false`; undefined when malformed. */
export const parseNullValue = parseBool;

export function evaluateNull(expectAbsent: readonly (boolean | undefined)[], absent: boolean): Tri {
  let result: Tri = FALSE;
  for (const expected of expectAbsent) {
    // Neither true nor false in the policy: fails closed.
    if (expected === undefined) result = UNKNOWN;
    else if (expected === absent) return TRUE;
  }
  return result;
}
