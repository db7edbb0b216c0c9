// Server components call operations through load(): an AWS error (AccessDenied above all) becomes
// a value the page shows in place, as AWS's console does; anything else is a bug and propagates.
import "server-only";
import { isAwsError } from "@/lib/errors";
import type { Loaded } from "./result";

export async function load<T>(call: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    if (!isAwsError(error)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}
