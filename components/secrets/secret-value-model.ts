// A secret value as the console edits it: key/value rows (stored as a flat JSON object, AWS's
// convention) or plaintext. Pure functions, shared by the wizard and the details page.

export type JsonScalarType = "string" | "number" | "boolean" | "null";

export interface KvRow {
  key: string;
  value: string;
  /** The JSON type the value had when read, so an unchanged port stays a number. */
  type?: JsonScalarType;
}

export interface SecretValueDraft {
  tab: "kv" | "plaintext";
  rows: KvRow[];
  plaintext: string;
}

export const EMPTY_DRAFT: SecretValueDraft = {
  tab: "kv",
  rows: [{ key: "", value: "" }],
  plaintext: "",
};

/** Rows from a SecretString, or undefined when it is not a flat JSON object. */
export function rowsFromString(secretString: string): KvRow[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(secretString);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  const rows: KvRow[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (value === null) rows.push({ key, value: "null", type: "null" });
    else if (typeof value === "string") rows.push({ key, value, type: "string" });
    else if (typeof value === "number" || typeof value === "boolean") {
      rows.push({ key, value: String(value), type: typeof value as JsonScalarType });
    } else return undefined;
  }
  return rows;
}

function typed(row: KvRow): unknown {
  if (row.type === "number" && row.value.trim() !== "" && Number.isFinite(Number(row.value))) {
    return Number(row.value);
  }
  if (row.type === "boolean" && (row.value === "true" || row.value === "false")) {
    return row.value === "true";
  }
  if (row.type === "null" && row.value === "null") return null;
  return row.value;
}

/** Rows as AWS stores key/value secrets: a compact JSON object. Empty rows are left out. */
export function rowsToString(rows: KvRow[]): string {
  const object: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key === "" && row.value === "") continue;
    object[row.key] = typed(row);
  }
  return JSON.stringify(object);
}

export function draftFromString(secretString: string): SecretValueDraft {
  const rows = rowsFromString(secretString);
  return rows
    ? {
        tab: "kv",
        rows: rows.length > 0 ? rows : [{ key: "", value: "" }],
        plaintext: secretString,
      }
    : { tab: "plaintext", rows: [], plaintext: secretString };
}

export function draftToString(draft: SecretValueDraft): string {
  return draft.tab === "kv" ? rowsToString(draft.rows) : draft.plaintext;
}

/** Problems with key/value rows, by row index, in the console's words. */
export function rowErrors(rows: KvRow[]): Record<number, string> {
  const errors: Record<number, string> = {};
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.key === "" && row.value === "") return;
    if (row.key === "") errors[i] = "Enter a key.";
    else if (seen.has(row.key)) errors[i] = `The key ${row.key} is used more than once.`;
    seen.add(row.key);
  });
  return errors;
}

/** Why a draft can't be stored, or undefined when it can. */
export function draftError(draft: SecretValueDraft): string | undefined {
  if (draft.tab === "kv") {
    if (Object.keys(rowErrors(draft.rows)).length > 0) return "Fix the keys marked below.";
    if (!draft.rows.some((r) => r.key !== "")) return "Enter at least one key and value.";
    return undefined;
  }
  return draft.plaintext === "" ? "Enter a secret value." : undefined;
}

export const NOT_KEY_VALUE =
  "The secret value can't be converted to key name and value pairs. Use the Plaintext tab to see and edit it.";
