import { InvalidParameter, LimitExceeded, ValidationError } from "../../errors";

export interface Tag {
  Key: string;
  Value: string;
}

const TAG_PATTERN = /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u;
export const MAX_TAGS = 50;

/** Validates AWS tags (key 1-128, value 0-256, no aws: prefix, at most 50, no duplicate keys). */
export function parseTags(raw: unknown, field = "Tags"): Tag[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw InvalidParameter(`${field} must be a list of tags.`, field);
  if (raw.length > MAX_TAGS) throw LimitExceeded(`A secret can have at most ${MAX_TAGS} tags.`);
  const seen = new Set<string>();
  return raw.map((item: unknown) => {
    const { Key, Value } = (item ?? {}) as { Key?: unknown; Value?: unknown };
    if (typeof Key !== "string" || Key.length < 1 || Key.length > 128 || !TAG_PATTERN.test(Key)) {
      throw ValidationError(
        `1 validation error detected: Value '${String(Key)}' at 'tags.member.key' failed to satisfy constraint: Member must have length between 1 and 128 and contain only letters, digits, spaces and _.:/=+-@`,
        field,
      );
    }
    const value = Value === undefined || Value === null ? "" : Value;
    if (typeof value !== "string" || value.length > 256 || !TAG_PATTERN.test(value)) {
      throw ValidationError(
        `1 validation error detected: Value '${String(Value)}' at 'tags.member.value' failed to satisfy constraint: Member must have length less than or equal to 256 and contain only letters, digits, spaces and _.:/=+-@`,
        field,
      );
    }
    if (Key.toLowerCase().startsWith("aws:")) {
      throw InvalidParameter("Tag keys can't start with the reserved prefix aws:.", field);
    }
    if (seen.has(Key)) throw InvalidParameter(`Duplicate tag key: ${Key}.`, field);
    seen.add(Key);
    return { Key, Value: value };
  });
}

export function tagMap(tags: { key: string; value: string }[]): Record<string, string> {
  return Object.fromEntries(tags.map((t) => [t.key, t.value]));
}

/** Context keys for a request that carries tags (TagResource, CreateSecret). */
export function requestTagContext(tags: Tag[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  if (tags.length > 0) context["aws:TagKeys"] = tags.map((t) => t.Key);
  return context;
}
