import { randomInt } from "node:crypto";
import { InvalidParameter } from "@/lib/errors";

/** secretsmanager:GetRandomPassword request, as AWS shapes it. */
export interface GetRandomPasswordInput {
  PasswordLength?: number;
  ExcludeCharacters?: string;
  ExcludeNumbers?: boolean;
  ExcludePunctuation?: boolean;
  ExcludeUppercase?: boolean;
  ExcludeLowercase?: boolean;
  IncludeSpace?: boolean;
  RequireEachIncludedType?: boolean;
}

export interface GetRandomPasswordOutput {
  RandomPassword: string;
}

const MIN_LENGTH = 1;
const MAX_LENGTH = 4096;
const DEFAULT_LENGTH = 32;
const MAX_EXCLUDE_CHARACTERS = 4096;

const LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
const UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const NUMBERS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const SPACE = " ";

function validationError(message: string, field: string) {
  return InvalidParameter(`1 validation error detected: ${message}`, field);
}

function checkBoolean(input: GetRandomPasswordInput, field: keyof GetRandomPasswordInput) {
  const value = input[field];
  if (value !== undefined && typeof value !== "boolean") {
    throw InvalidParameter(`${field} must be true or false.`, field);
  }
}

/**
 * secretsmanager:GetRandomPassword. Every character is drawn with crypto.randomInt (rejection
 * sampling, so no modulo bias). With RequireEachIncludedType (the default) one character of each
 * included type (lowercase, uppercase, numbers, punctuation) is drawn from that type, the rest
 * from all included characters, and the result is shuffled (Fisher-Yates) so the forced
 * characters land anywhere. The space (IncludeSpace) is a character, not a required type.
 */
export function getRandomPassword(input: GetRandomPasswordInput = {}): GetRandomPasswordOutput {
  const length = input.PasswordLength ?? DEFAULT_LENGTH;
  if (typeof length !== "number" || !Number.isInteger(length)) {
    throw InvalidParameter("PasswordLength must be a whole number.", "PasswordLength");
  }
  if (length < MIN_LENGTH) {
    throw validationError(
      `Value '${length}' at 'passwordLength' failed to satisfy constraint: Member must have value greater than or equal to ${MIN_LENGTH}`,
      "PasswordLength",
    );
  }
  if (length > MAX_LENGTH) {
    throw validationError(
      `Value '${length}' at 'passwordLength' failed to satisfy constraint: Member must have value less than or equal to ${MAX_LENGTH}`,
      "PasswordLength",
    );
  }
  const exclude = input.ExcludeCharacters ?? "";
  if (typeof exclude !== "string") {
    throw InvalidParameter("ExcludeCharacters must be a string.", "ExcludeCharacters");
  }
  if (exclude.length > MAX_EXCLUDE_CHARACTERS) {
    throw validationError(
      `Value at 'excludeCharacters' failed to satisfy constraint: Member must have length less than or equal to ${MAX_EXCLUDE_CHARACTERS}`,
      "ExcludeCharacters",
    );
  }
  for (const field of [
    "ExcludeNumbers",
    "ExcludePunctuation",
    "ExcludeUppercase",
    "ExcludeLowercase",
    "IncludeSpace",
    "RequireEachIncludedType",
  ] as const) {
    checkBoolean(input, field);
  }

  const excluded = new Set(exclude);
  const keep = (chars: string) => [...chars].filter((c) => !excluded.has(c));
  const types = [
    input.ExcludeLowercase ? [] : keep(LOWERCASE),
    input.ExcludeUppercase ? [] : keep(UPPERCASE),
    input.ExcludeNumbers ? [] : keep(NUMBERS),
    input.ExcludePunctuation ? [] : keep(PUNCTUATION),
    // A type whose every character is in ExcludeCharacters is not included.
  ].filter((chars) => chars.length > 0);
  const pool = types.flat();
  if (input.IncludeSpace && !excluded.has(SPACE)) pool.push(SPACE);

  if (pool.length === 0) {
    throw InvalidParameter(
      "No characters are left to build a password from: ExcludeCharacters and the Exclude options exclude every character.",
      "ExcludeCharacters",
    );
  }

  const requireEach = input.RequireEachIncludedType ?? true;
  const chars: string[] = [];
  if (requireEach) {
    if (length < types.length) {
      throw InvalidParameter(
        `PasswordLength must be at least ${types.length} to include a character of each of the ${types.length} included character types; use a longer password, exclude a type, or set RequireEachIncludedType to false.`,
        "PasswordLength",
      );
    }
    for (const type of types) chars.push(type[randomInt(type.length)]);
  }
  while (chars.length < length) chars.push(pool[randomInt(pool.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return { RandomPassword: chars.join("") };
}
