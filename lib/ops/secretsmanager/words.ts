/**
 * Splits text into search words as Secrets Manager does: at every change from lower to upper
 * case, between letters and digits, and at anything that is not a letter or digit. Lower-cased.
 * "credsDatabase#892" -> ["creds", "database", "892"].
 */
export function searchWords(text: string): string[] {
  const words = text.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
  return words.map((w) => w.toLowerCase());
}

export type WordField = "n" | "d" | "k" | "v";

export function secretWords(secret: {
  name: string;
  description?: string | null;
  tags?: { key: string; value: string }[];
}): { field: WordField; word: string }[] {
  const out = new Map<string, { field: WordField; word: string }>();
  const add = (field: WordField, text: string) => {
    for (const word of searchWords(text)) out.set(`${field}:${word}`, { field, word });
  };
  add("n", secret.name);
  if (secret.description) add("d", secret.description);
  for (const tag of secret.tags ?? []) {
    add("k", tag.key);
    add("v", tag.value);
  }
  return [...out.values()];
}
