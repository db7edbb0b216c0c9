// Browser input to server actions is checked with zod; a failure is reported as AWS reports a bad
// parameter (with the field it concerns), never as a crash.
import "server-only";
import type { z } from "zod";
import { InvalidParameter } from "@/lib/errors";

export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw InvalidParameter(
      issue?.message ?? "Invalid request.",
      issue?.path.join(".") || undefined,
    );
  }
  return result.data;
}
