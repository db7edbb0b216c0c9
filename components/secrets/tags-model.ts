// Tag rows as the console edits them, checked by AWS's rules before anything is sent.
import type { TagView } from "./types";

export interface TagRow {
  key: string;
  value: string;
}

export const MAX_TAGS = 50;
const TAG_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const TAG_CONSTRAINT =
  "Keys: 1 to 128 characters; values: up to 256 characters. Letters, digits, spaces and _ . : / = + - @.";

/** Problems by row index: { key?: message, value?: message }. Blank rows are ignored. */
export function tagRowErrors(rows: TagRow[]): Record<number, { key?: string; value?: string }> {
  const errors: Record<number, { key?: string; value?: string }> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.key === "" && row.value === "") return;
    const e: { key?: string; value?: string } = {};
    if (row.key === "") e.key = "Enter a key.";
    else if (row.key.length > 128) e.key = "Keys can have at most 128 characters.";
    else if (!TAG_PATTERN.test(row.key)) e.key = "The key contains characters that aren't allowed.";
    else if (row.key.toLowerCase().startsWith("aws:")) e.key = "Keys can't start with aws:.";
    else if (seen.has(row.key)) e.key = "You've already used this key.";
    if (row.value.length > 256) e.value = "Values can have at most 256 characters.";
    else if (!TAG_PATTERN.test(row.value))
      e.value = "The value contains characters that aren't allowed.";
    seen.add(row.key);
    if (e.key || e.value) errors[i] = e;
  });
  return errors;
}

export function rowsToTags(rows: TagRow[]): TagView[] {
  return rows
    .filter((r) => r.key !== "" || r.value !== "")
    .map((r) => ({ Key: r.key, Value: r.value }));
}
