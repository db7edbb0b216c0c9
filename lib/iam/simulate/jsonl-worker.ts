/** Worker thread for the parallel bulk mode (./parallel.ts): simulates batches of JSON lines. */
import { parentPort } from "node:worker_threads";
import { simulateJsonLine } from "./jsonl";

export interface BatchRequest {
  id: number;
  lines: string[];
}

export interface BatchResult {
  id: number;
  /** The response lines, joined by "\n". */
  output: string;
  errors: number;
}

parentPort?.on("message", (batch: BatchRequest) => {
  const outputs = new Array<string>(batch.lines.length);
  let errors = 0;
  for (let i = 0; i < batch.lines.length; i++) {
    const { output, ok } = simulateJsonLine(batch.lines[i]);
    outputs[i] = output;
    if (!ok) errors++;
  }
  const result: BatchResult = { id: batch.id, output: outputs.join("\n"), errors };
  parentPort?.postMessage(result);
});
