/**
 * Bulk simulation: one SimulateCustomPolicy request (JSON) per input line, one response per
 * output line, in order. A line that fails (bad JSON, bad input, malformed policy) gives an
 * error line `{"Error":{"Code":...,"Message":...}}` and the run goes on. Blank lines are skipped.
 */
import { isAwsError } from "@/lib/errors";
import { serializeSimulateResponse } from "./serialize";
import { simulateCustomPolicy } from "./simulate-custom-policy";
import type { SimulateCustomPolicyRequest } from "./types";

export interface JsonlSummary {
  requests: number;
  errors: number;
}

export function simulateJsonLine(line: string): { output: string; ok: boolean } {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return {
      output: errorLine("InvalidInput", `The line is not valid JSON: ${(error as Error).message}`),
      ok: false,
    };
  }
  try {
    return {
      output: serializeSimulateResponse(
        simulateCustomPolicy(request as SimulateCustomPolicyRequest),
      ),
      ok: true,
    };
  } catch (error) {
    if (isAwsError(error)) return { output: errorLine(error.code, error.message), ok: false };
    // Anything else is a bug: report it on the line and keep going.
    return {
      output: errorLine("ServiceFailure", (error as Error)?.message ?? String(error)),
      ok: false,
    };
  }
}

function errorLine(code: string, message: string): string {
  return JSON.stringify({ Error: { Code: code, Message: message } });
}

export async function runSimulateJsonl(
  lines: AsyncIterable<string> | Iterable<string>,
  write: (line: string) => void,
): Promise<JsonlSummary> {
  const summary: JsonlSummary = { requests: 0, errors: 0 };
  for await (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line.trim() === "") continue;
    const { output, ok } = simulateJsonLine(line);
    summary.requests++;
    if (!ok) summary.errors++;
    write(output);
  }
  return summary;
}
