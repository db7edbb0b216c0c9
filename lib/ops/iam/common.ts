// Shared pieces of the IAM operations: ids, ARNs, names and paths, errors in IAM's words, tags,
// and the generation counter that tells every instance its cached policy sets are stale.
import { randomInt } from "node:crypto";
import type { Db, Tx } from "../../db/client";
import { AwsError } from "../../errors";
import type { Runtime } from "../runtime";

export const NoSuchEntity = (message: string) =>
  new AwsError("NoSuchEntity", message, { status: 404 });
export const EntityAlreadyExists = (message: string) =>
  new AwsError("EntityAlreadyExists", message, { status: 409 });
export const DeleteConflict = (message: string) =>
  new AwsError("DeleteConflict", message, { status: 409 });
export const IamLimitExceeded = (message: string) =>
  new AwsError("LimitExceeded", message, { status: 409 });
export const IamMalformedPolicy = (message: string) =>
  new AwsError("MalformedPolicyDocument", message, { status: 400 });
export const InvalidInput = (message: string, field?: string) =>
  new AwsError("InvalidInput", message, { status: 400, field });
export const IamValidation = (message: string, field?: string) =>
  new AwsError("ValidationError", message, { status: 400, field });
export const PasswordPolicyViolation = (message: string) =>
  new AwsError("PasswordPolicyViolation", message, { status: 400, field: "Password" });

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/** AWS-style unique ids: a four-letter prefix (AIDA, AGPA, AROA, ANPA, AKIA, ASIA) and 17 more. */
export function newId(prefix: string, length = 21): string {
  let id = prefix;
  while (id.length < length) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export type EntityKind = "user" | "group" | "role" | "policy";

export function iamArn(
  rt: Pick<Runtime, "accountId">,
  kind: EntityKind,
  path: string,
  name: string,
) {
  return `arn:aws:iam::${rt.accountId}:${kind}${path}${name}`;
}

/** IAM's name rules: 1-64 (roles 1-64, policies 1-128) of letters, digits and +=,.@_- */
export function checkName(value: unknown, field: string, max = 64): string {
  if (typeof value !== "string" || value.length === 0) {
    throw IamValidation(
      value === ""
        ? `1 validation error detected: Value '' at '${lower(field)}' failed to satisfy constraint: Member must have length greater than or equal to 1`
        : `1 validation error detected: Value null at '${lower(field)}' failed to satisfy constraint: Member must not be null`,
      field,
    );
  }
  if (value.length > max) {
    throw IamValidation(
      `1 validation error detected: Value '${value}' at '${lower(field)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      field,
    );
  }
  if (!/^[\w+=,.@-]+$/.test(value)) {
    throw IamValidation(
      `1 validation error detected: Value '${value}' at '${lower(field)}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
      field,
    );
  }
  return value;
}

/** Paths begin and end with "/" (default "/"), up to 512 characters. */
export function checkPath(value: unknown, field = "Path"): string {
  if (value === undefined || value === null) return "/";
  if (typeof value !== "string" || value.length > 512 || !/^\/([\x21-\x7e]*\/)?$/.test(value)) {
    throw IamValidation(
      `The specified value for ${lower(field)} is invalid. It must begin and end with / and contain only alphanumeric characters and/or / characters.`,
      field,
    );
  }
  return value;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string" || value.length > max) {
    throw IamValidation(
      `1 validation error detected: Value at '${lower(field)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      field,
    );
  }
  return value;
}

export interface Tag {
  Key: string;
  Value: string;
}

export function checkTags(raw: unknown): Tag[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw InvalidInput("Tags must be a list.", "Tags");
  if (raw.length > 50)
    throw IamLimitExceeded("The number of tags has reached the maximum limit of 50.");
  const seen = new Set<string>();
  return raw.map((t: { Key?: unknown; Value?: unknown }) => {
    if (typeof t?.Key !== "string" || t.Key.length < 1 || t.Key.length > 128) {
      throw IamValidation("Tag keys must be 1 to 128 characters.", "Tags");
    }
    const value = t.Value ?? "";
    if (typeof value !== "string" || value.length > 256) {
      throw IamValidation("Tag values must be at most 256 characters.", "Tags");
    }
    if (t.Key.toLowerCase().startsWith("aws:"))
      throw InvalidInput("Tag keys can't start with aws:.", "Tags");
    const lowered = t.Key.toLowerCase();
    if (seen.has(lowered)) throw InvalidInput(`Duplicate tag key: ${t.Key}.`, "Tags");
    seen.add(lowered);
    return { Key: t.Key, Value: value };
  });
}

export function requestTagContext(tags: Tag[]): Record<string, string | string[]> {
  const context: Record<string, string | string[]> = {};
  for (const tag of tags) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  if (tags.length > 0) context["aws:TagKeys"] = tags.map((t) => t.Key);
  return context;
}

export async function tagsOf(db: Db | Tx, arn: string): Promise<Tag[]> {
  const rows = await db.iamTag.findMany({ where: { resourceArn: arn }, orderBy: { key: "asc" } });
  return rows.map((r) => ({ Key: r.key, Value: r.value }));
}

export async function writeTags(tx: Tx, arn: string, tags: Tag[]): Promise<void> {
  for (const tag of tags) {
    await tx.iamTag.upsert({
      where: { resourceArn_key: { resourceArn: arn, key: tag.Key } },
      create: { resourceArn: arn, key: tag.Key, value: tag.Value },
      update: { value: tag.Value },
    });
  }
  const count = await tx.iamTag.count({ where: { resourceArn: arn } });
  if (count > 50) throw IamLimitExceeded("The number of tags has reached the maximum limit of 50.");
}

export const GENERATION_KEY = "iam.generation";

/** Marks every cached policy set stale, on every instance (they compare this value). */
export async function bumpGeneration(tx: Tx): Promise<void> {
  const value = String(Date.now()) + "-" + String(randomInt(1e9));
  await tx.setting.upsert({
    where: { key: GENERATION_KEY },
    create: { key: GENERATION_KEY, value },
    update: { value },
  });
}

/** Pagination in IAM's manner: Marker and MaxItems (1-1000, default 100), IsTruncated. */
export function page<T>(
  items: T[],
  input: { Marker?: string; MaxItems?: number },
): { items: T[]; IsTruncated: boolean; Marker?: string } {
  const max = input.MaxItems ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 1000) {
    throw IamValidation(
      `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value ${max > 1000 ? "less than or equal to 1000" : "greater than or equal to 1"}`,
      "MaxItems",
    );
  }
  const start = input.Marker
    ? Number.parseInt(Buffer.from(input.Marker, "base64url").toString(), 10)
    : 0;
  if (!Number.isInteger(start) || start < 0) throw InvalidInput("Invalid Marker.", "Marker");
  const slice = items.slice(start, start + max);
  const truncated = start + max < items.length;
  return {
    items: slice,
    IsTruncated: truncated,
    Marker: truncated ? Buffer.from(String(start + max)).toString("base64url") : undefined,
  };
}
