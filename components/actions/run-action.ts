// Runs a server action's body: AwsErrors become {ok:false} results in AWS's words; Next's own
// control flow (redirect, notFound) passes through; anything else is logged and reported with a
// generic message, so internals never reach the browser.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { isAwsError } from "@/lib/errors";
import { GENERIC_ERROR_MESSAGE, type ActionResult } from "./result";

export async function runAction<T>(name: string, body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    unstable_rethrow(error);
    if (isAwsError(error)) {
      return { ok: false, code: error.code, message: error.message, field: error.field };
    }
    console.error(`console action ${name} failed`, error);
    return { ok: false, code: "InternalServiceError", message: GENERIC_ERROR_MESSAGE };
  }
}
