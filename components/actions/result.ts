// What every console server action returns: the data, or an AWS error the form can place next to
// the field it concerns. Safe to import from client components (types and pure helpers only).
export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; code: string; message: string; field?: string };

export const GENERIC_ERROR_MESSAGE =
  "An unexpected error occurred. Try again; if it persists, check the server log.";

/** Maps an AwsError field name (AWS's "Name", or a validation path like "name") to a form field. */
export function matchField(
  field: string | undefined,
  map: Record<string, string>,
): string | undefined {
  if (!field) return undefined;
  const lower = field.toLowerCase();
  for (const [key, target] of Object.entries(map)) {
    if (key.toLowerCase() === lower) return target;
  }
  return undefined;
}

/** What a server component hands a client one when an operation may refuse: data or AWS's error. */
export type Loaded<T> = { ok: true; data: T } | { ok: false; code: string; message: string };
