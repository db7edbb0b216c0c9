/**
 * Server only: the bulk mode on several cores. Lines go to worker threads in batches; results
 * come back and are written in input order. Same output as runSimulateJsonl, faster on a
 * machine with cores to spare.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { BatchRequest, BatchResult } from "./jsonl-worker";
import type { JsonlSummary } from "./jsonl";

const TS = import.meta.url.endsWith(".ts");

/**
 * From compiled JavaScript the worker script loads directly; from TypeScript source (run by
 * tsx) the worker registers tsx's loader first, which a worker does not inherit.
 */
function startWorker(): Worker {
  const script = new URL(`./jsonl-worker${TS ? ".ts" : ".js"}`, import.meta.url);
  if (!TS) return new Worker(script);
  const api = import.meta.resolve("tsx/esm/api");
  const code = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(code, { eval: true });
}

export interface ParallelOptions {
  /** Worker threads (default: the number of cores, at most 8). */
  workers?: number;
  /** Lines per batch (default 256). */
  batchSize?: number;
}

/**
 * Like runSimulateJsonl, but `write` receives chunks of one or more response lines joined by
 * "\n" (without a trailing newline), in input order.
 */
export async function runSimulateJsonlParallel(
  lines: AsyncIterable<string> | Iterable<string>,
  write: (chunk: string) => void,
  options: ParallelOptions = {},
): Promise<JsonlSummary> {
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), 8));
  const batchSize = Math.max(1, options.batchSize ?? 256);
  const workers = Array.from({ length: count }, () => startWorker());
  const summary: JsonlSummary = { requests: 0, errors: 0 };
  const done = new Map<number, BatchResult>();
  let nextToWrite = 0;
  let nextId = 0;
  let inFlight = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;

  const flush = () => {
    for (let r = done.get(nextToWrite); r; r = done.get(nextToWrite)) {
      done.delete(nextToWrite++);
      if (r.output !== "") write(r.output);
      summary.errors += r.errors;
    }
  };
  for (const worker of workers) {
    worker.on("message", (result: BatchResult) => {
      inFlight--;
      done.set(result.id, result);
      flush();
      wake?.();
    });
    worker.on("error", (error) => {
      failure = error;
      wake?.();
    });
  }
  const waitBelow = async (limit: number) => {
    while (inFlight >= limit && failure === undefined) {
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
    if (failure !== undefined) throw failure;
  };
  const send = async (batch: string[]) => {
    await waitBelow(count * 2);
    const request: BatchRequest = { id: nextId, lines: batch };
    workers[nextId % count].postMessage(request);
    nextId++;
    inFlight++;
  };

  try {
    let batch: string[] = [];
    for await (const raw of lines) {
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line.trim() === "") continue;
      batch.push(line);
      summary.requests++;
      if (batch.length >= batchSize) {
        await send(batch);
        batch = [];
      }
    }
    if (batch.length > 0) await send(batch);
    await waitBelow(1);
    flush();
    return summary;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
