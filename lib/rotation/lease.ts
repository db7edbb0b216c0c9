// The rotation lease: one RotationLease row per secret with rotation. An instance claims a due
// secret by recording itself as holder with an expiry, in one conditional statement, so across
// any number of instances a rotation runs once; the holder renews before every step and gives
// the row back when done. A holder that dies stops renewing, its lease expires, and the next
// instance takes the work over (the steps are idempotent, so it resumes from AWSPENDING).
// PostgreSQL claims a batch with FOR UPDATE SKIP LOCKED; SQLite has one writer at a time, so a
// conditional update per candidate is already exclusive.
import type { Runtime } from "../ops/runtime";

export interface Claim {
  secretId: string;
  windowEnd: Date | null;
  failures: number;
  /** When this claim lapses unless renewed. */
  heldUntil: Date;
}

const claimable = (now: Date) => ({
  OR: [{ holder: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
});

/** Claims up to `limit` due secrets for `holder`; one statement when nothing is due. */
export async function claimDue(
  rt: Pick<Runtime, "db" | "provider" | "now">,
  holder: string,
  limit: number,
  leaseMs: number,
): Promise<Claim[]> {
  if (limit <= 0) return [];
  const now = rt.now();
  const expires = new Date(now.getTime() + leaseMs);
  if (rt.provider === "postgres") {
    const rows = await rt.db.$queryRawUnsafe<
      { secretId: string; windowEnd: string | null; failures: number }[]
    >(
      `UPDATE "RotationLease" SET "holder" = $1, "leaseExpiresAt" = CAST($2 AS timestamptz) AT TIME ZONE 'UTC'
        WHERE "secretId" IN (
          SELECT "secretId" FROM "RotationLease"
           WHERE "dueAt" <= CAST($3 AS timestamptz) AT TIME ZONE 'UTC'
             AND ("holder" IS NULL OR "leaseExpiresAt" IS NULL OR "leaseExpiresAt" < CAST($3 AS timestamptz) AT TIME ZONE 'UTC')
           ORDER BY "dueAt" LIMIT ${Math.floor(limit)}
           FOR UPDATE SKIP LOCKED)
        RETURNING "secretId", to_char("windowEnd", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "windowEnd", "failures"`,
      holder,
      expires.toISOString(),
      now.toISOString(),
    );
    return rows.map((r) => ({
      secretId: r.secretId,
      windowEnd: r.windowEnd ? new Date(r.windowEnd) : null,
      failures: Number(r.failures),
      heldUntil: expires,
    }));
  }
  const due = await rt.db.rotationLease.findMany({
    where: { dueAt: { lte: now }, ...claimable(now) },
    orderBy: { dueAt: "asc" },
    take: limit,
    select: { secretId: true, windowEnd: true, failures: true },
  });
  const claimed: Claim[] = [];
  for (const row of due) {
    const { count } = await rt.db.rotationLease.updateMany({
      where: { secretId: row.secretId, dueAt: { lte: now }, ...claimable(now) },
      data: { holder, leaseExpiresAt: expires },
    });
    if (count === 1) claimed.push({ ...row, heldUntil: expires });
  }
  return claimed;
}

/** Claims one secret if it is due and nobody holds it (RotateSecret's immediate rotation). */
export async function claimSecret(
  rt: Pick<Runtime, "db" | "now">,
  secretId: string,
  holder: string,
  leaseMs: number,
): Promise<Claim | undefined> {
  const now = rt.now();
  const heldUntil = new Date(now.getTime() + leaseMs);
  const { count } = await rt.db.rotationLease.updateMany({
    where: { secretId, dueAt: { lte: now }, ...claimable(now) },
    data: { holder, leaseExpiresAt: heldUntil },
  });
  if (count !== 1) return undefined;
  const row = await rt.db.rotationLease.findUnique({
    where: { secretId },
    select: { secretId: true, windowEnd: true, failures: true },
  });
  return row ? { ...row, heldUntil } : undefined;
}

/** Extends the lease; false when this holder lost it (expired and taken, or cancelled). */
export async function renewLease(
  rt: Pick<Runtime, "db" | "now">,
  secretId: string,
  holder: string,
  leaseMs: number,
): Promise<boolean> {
  const { count } = await rt.db.rotationLease.updateMany({
    where: { secretId, holder },
    data: { leaseExpiresAt: new Date(rt.now().getTime() + leaseMs) },
  });
  return count === 1;
}

/** Gives the lease back with the next due time; `undefined` next: no schedule, row removed. */
export async function releaseLease(
  rt: Pick<Runtime, "db">,
  secretId: string,
  holder: string,
  next: { dueAt: Date; windowEnd: Date | null; failures: number } | undefined,
): Promise<void> {
  if (!next) {
    await rt.db.rotationLease.deleteMany({ where: { secretId, holder } });
    return;
  }
  await rt.db.rotationLease.updateMany({
    where: { secretId, holder },
    data: { ...next, holder: null, leaseExpiresAt: null },
  });
}
