// Audit rows are written to SQLite by a worker thread with its own connection, so the request
// path never spends its time in SQLite's inserts (five B-trees per row: the table and its
// indexes) nor waits for the write lock: the worker may block on a busy database, the event loop
// must not. Batches are answered in order; a batch the database refused comes back as an error
// carrying SQLite's code, so the audit buffer can keep the rows and try again.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Runs in the worker (plain CommonJS: it is evaluated, not bundled). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
const insert = db.prepare(workerData.sql);
const batch = db.transaction((rows) => {
  for (const row of rows) insert.run(row);
});
parentPort.on("message", ({ id, rows }) => {
  try {
    batch.immediate(rows);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: { code: error && error.code, message: String(error && error.message) } });
  }
});
`;

/** better-sqlite3's entry point, for the worker to load (also from inside a Next bundle). */
function driverPath(): string {
  for (const base of [import.meta.url, path.join(process.cwd(), "package.json")]) {
    try {
      return createRequire(base).resolve("better-sqlite3");
    } catch {
      // try the next place
    }
  }
  throw new Error("audit: better-sqlite3 is not installed");
}

interface Waiting {
  resolve(): void;
  reject(error: Error): void;
}

export class SqliteAuditWriter {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly file: string,
    private readonly insertSql: string,
    /** How long the worker waits for another connection's write lock before answering BUSY. */
    private readonly busyTimeoutMs = 5_000,
  ) {}

  /** Inserts rows (each an array of the statement's parameters) in one transaction. */
  insert(rows: unknown[][]): Promise<void> {
    const worker = this.started();
    const id = ++this.nextId;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Pending rows keep the process alive until they are written; an idle worker does not.
      if (this.waiting.size === 1) worker.ref();
      worker.postMessage({ id, rows });
    });
  }

  /** Waits for the batches sent so far, then stops the worker. */
  async close(): Promise<void> {
    const pending = [...this.waiting.values()].map(
      (w) =>
        new Promise<void>((done) => {
          const { resolve, reject } = w;
          w.resolve = () => (resolve(), done());
          w.reject = (error) => (reject(error), done());
        }),
    );
    await Promise.all(pending);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        driver: driverPath(),
        file: this.file,
        sql: this.insertSql,
        busyTimeoutMs: this.busyTimeoutMs,
      },
    });
    worker.unref();
    worker.on("message", (reply: { id: number; error?: { code?: string; message: string } }) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if (!reply.error) return waiting.resolve();
      const error = Object.assign(new Error(reply.error.message), { code: reply.error.code });
      waiting.reject(error);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      const waiting = [...this.waiting.values()];
      this.waiting.clear();
      for (const w of waiting) w.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (this.waiting.size > 0) fail(new Error(`audit writer stopped (exit code ${code})`));
      else if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}
