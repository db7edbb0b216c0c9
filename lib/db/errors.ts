/** A unique constraint failed (Prisma P2002, or the driver's own code through an adapter). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string }; message?: string } | undefined;
  if (!e) return false;
  if (e.code === "P2002") return true;
  const cause = e.cause?.code;
  if (
    cause === "23505" ||
    cause === "SQLITE_CONSTRAINT_PRIMARYKEY" ||
    cause === "SQLITE_CONSTRAINT_UNIQUE"
  )
    return true;
  return /Unique constraint failed/i.test(e.message ?? "");
}
