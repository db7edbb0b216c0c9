// Several processes writing one SQLite file (two `npm start`s, or the CLI beside the server): no
// write transaction may surface SQLITE_BUSY to the user, and no update may be lost.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PROCESSES = 3;
const EACH = 150;

let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-busy-"));
  file = path.join(dir, "strongbox.db");
  await migrate({ provider: "sqlite", url: `file:${file}` });
  const db = createDb({ provider: "sqlite", url: `file:${file}` });
  await db.setting.create({ data: { key: "counter", value: "0" } });
  await db.$disconnect();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writer(startAt: number): Promise<{ done: number; errors: string[]; errorCount: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, "node_modules/tsx/dist/cli.mjs"),
        "--tsconfig",
        path.join(ROOT, "tsconfig.json"),
        path.join(ROOT, "tests/db/helpers/sqlite-writer.ts"),
        file,
        String(EACH),
        String(startAt),
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const last = out.trim().split("\n").at(-1);
      if (code !== 0 || !last) reject(new Error(`writer exited ${code}: ${err}`));
      else resolve(JSON.parse(last));
    });
  });
}

describe("SQLite with several writing processes", () => {
  it("runs every read-then-write transaction without SQLITE_BUSY and loses no update", async () => {
    const startAt = Date.now() + 4000;
    const results = await Promise.all(Array.from({ length: PROCESSES }, () => writer(startAt)));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.map((r) => r.done)).toEqual(Array(PROCESSES).fill(EACH));
    const db = createDb({ provider: "sqlite", url: `file:${file}` });
    const counter = await db.setting.findUnique({ where: { key: "counter" } });
    await db.$disconnect();
    expect(counter?.value).toBe(String(PROCESSES * EACH));
  }, 120_000);
});
