// Audit rows on SQLite are written by a worker thread with its own connection: they reach the
// file, a database held by another writer answers with SQLite's own busy code (so the audit
// buffer keeps the rows and retries), and closing waits for the rows already sent.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteAuditWriter } from "@/lib/db/audit-writer";

const INSERT = `INSERT INTO "Row" ("id", "text") VALUES (?, ?)`;

describe("SqliteAuditWriter", () => {
  let dir: string;
  let file: string;
  let reader: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "strongbox-audit-writer-"));
    file = path.join(dir, "audit.db");
    reader = new Database(file);
    reader.pragma("journal_mode = WAL");
    reader.exec(`CREATE TABLE "Row" ("id" INTEGER PRIMARY KEY, "text" TEXT NOT NULL)`);
  });
  afterEach(() => {
    reader.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = () => (reader.prepare(`SELECT count(*) FROM "Row"`).pluck().get() as number) ?? 0;

  it("writes each batch in one transaction, in order", async () => {
    const writer = new SqliteAuditWriter(file, INSERT);
    try {
      await Promise.all([
        writer.insert([
          [1, "a"],
          [2, "b"],
        ]),
        writer.insert([[3, "c"]]),
      ]);
      expect(reader.prepare(`SELECT "text" FROM "Row" ORDER BY "id"`).pluck().all()).toEqual([
        "a",
        "b",
        "c",
      ]);
    } finally {
      await writer.close();
    }
  });

  it("refuses a whole batch with SQLite's code: no row of it is written", async () => {
    const writer = new SqliteAuditWriter(file, INSERT);
    try {
      await expect(
        writer.insert([
          [1, "a"],
          [1, "duplicate id"],
        ]),
      ).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" });
      expect(count()).toBe(0);
      // The writer goes on after a refused batch.
      await writer.insert([[2, "b"]]);
      expect(count()).toBe(1);
    } finally {
      await writer.close();
    }
  });

  it("answers SQLITE_BUSY when another connection holds the write lock past the timeout", async () => {
    const writer = new SqliteAuditWriter(file, INSERT, 50);
    const holder = new Database(file);
    try {
      holder.exec("BEGIN IMMEDIATE");
      await expect(writer.insert([[1, "a"]])).rejects.toMatchObject({ code: "SQLITE_BUSY" });
      holder.exec("COMMIT");
      await writer.insert([[1, "a"]]);
      expect(count()).toBe(1);
    } finally {
      holder.close();
      await writer.close();
    }
  });

  it("close() waits for the batches already sent", async () => {
    const writer = new SqliteAuditWriter(file, INSERT);
    const sent = Array.from({ length: 20 }, (_, batch) =>
      writer.insert(Array.from({ length: 50 }, (_, i) => [batch * 50 + i, "x"])),
    );
    await writer.close();
    await Promise.all(sent);
    expect(count()).toBe(1000);
  });
});
