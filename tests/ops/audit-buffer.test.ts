// The audit buffer keeps every row while SQLite is busy, however long another writer holds it,
// and writes each row exactly once when the database frees up.
import { describe, expect, it } from "vitest";
import { AuditBuffer, type AuditRecord } from "@/lib/ops/audit";

function row(i: number): AuditRecord {
  return {
    time: new Date(0),
    principalArn: "arn:aws:iam::111122223333:root",
    action: "secretsmanager:GetSecretValue",
    resource: `secret-${i}`,
    decision: "allowed",
    via: "api",
  };
}

describe("AuditBuffer", () => {
  it("keeps rows through a long run of SQLITE_BUSY and writes each once", async () => {
    const written: string[] = [];
    let refusals = 0;
    const buffer = new AuditBuffer(() => ({
      async insertAuditEvents(rows: AuditRecord[]) {
        if (refusals < 80) {
          refusals += 1;
          throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
        }
        written.push(...rows.map((r) => r.resource ?? ""));
      },
    }));
    for (let i = 0; i < 250; i++) buffer.push(row(i));
    for (let i = 0; refusals < 80 || written.length < 250; i++) {
      if (i > 2_000) throw new Error(`stuck: ${refusals} refusals, ${written.length} written`);
      await buffer.flush();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(refusals).toBe(80);
    expect(written).toHaveLength(250);
    expect(new Set(written).size).toBe(250);
  });

  it("reports other errors instead of retrying them forever", async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const buffer = new AuditBuffer(() => ({
        async insertAuditEvents() {
          calls += 1;
          throw Object.assign(new Error("no such table"), { code: "SQLITE_ERROR" });
        },
      }));
      buffer.push(row(1));
      await buffer.flush();
      await buffer.flush();
    } finally {
      console.error = original;
    }
    expect(calls).toBe(1);
    expect(errors).toHaveLength(1);
  });
});
