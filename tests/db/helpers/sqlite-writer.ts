// One of several processes writing the same SQLite file: increments a counter N times, each in
// its own read-then-write transaction (the shape of most operations), starting at a given time so
// the processes overlap. Prints {"done": n, "errors": [...]} as its last line.
import { createDb } from "@/lib/db/client";

const [file, count, startAt] = process.argv.slice(2);
const db = createDb({ provider: "sqlite", url: `file:${file}` });
const errors: string[] = [];
let done = 0;

async function main() {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  for (let i = 0; i < Number(count); i++) {
    try {
      await db.$transaction(async (tx) => {
        const row = await tx.setting.findUnique({ where: { key: "counter" } });
        // Another process commits in between more often than not: the write must not fail.
        await new Promise((resolve) => setImmediate(resolve));
        await tx.setting.update({
          where: { key: "counter" },
          data: { value: String(Number(row?.value ?? "0") + 1) },
        });
      });
      done += 1;
    } catch (error) {
      const e = error as { code?: string; message?: string };
      errors.push(`${e.code ?? ""} ${String(e.message).split("\n").slice(-1)[0]}`.trim());
    }
  }
  await db.$disconnect();
  console.log(JSON.stringify({ done, errors: errors.slice(0, 5), errorCount: errors.length }));
}

void main();
