// A version's value: validated, sealed under a fresh data key bound to (secret ARN, version id),
// and opened again only for callers who were allowed to read it.
import { openValue, sealValue } from "../../crypto/envelope";
import { InvalidParameter, InvalidRequest, ValidationError } from "../../errors";
import { MAX_SECRET_BYTES } from "./validate";

export type SecretValue = { type: "string"; value: string } | { type: "binary"; value: Buffer };

/** Reads SecretString / SecretBinary from an AWS-shaped input; undefined when neither is given. */
export function valueFromInput(input: {
  SecretString?: unknown;
  SecretBinary?: unknown;
}): SecretValue | undefined {
  const { SecretString, SecretBinary } = input;
  if (
    SecretString !== undefined &&
    SecretString !== null &&
    SecretBinary !== undefined &&
    SecretBinary !== null
  ) {
    throw InvalidParameter(
      "You can't specify both a binary secret value and a string secret value in the same secret.",
    );
  }
  if (SecretString !== undefined && SecretString !== null) {
    if (typeof SecretString !== "string")
      throw InvalidParameter("SecretString must be a string.", "SecretString");
    if (SecretString.length === 0) throw tooShort("secretString", "SecretString");
    if (Buffer.byteLength(SecretString, "utf8") > MAX_SECRET_BYTES) {
      throw InvalidParameter(
        `The secret value exceeds the maximum size of ${MAX_SECRET_BYTES} bytes.`,
        "SecretString",
      );
    }
    return { type: "string", value: SecretString };
  }
  if (SecretBinary !== undefined && SecretBinary !== null) {
    const bytes = toBuffer(SecretBinary);
    if (bytes.length === 0) throw tooShort("secretBinary", "SecretBinary");
    if (bytes.length > MAX_SECRET_BYTES) {
      throw InvalidParameter(
        `The secret value exceeds the maximum size of ${MAX_SECRET_BYTES} bytes.`,
        "SecretBinary",
      );
    }
    return { type: "binary", value: bytes };
  }
  return undefined;
}

/** AWS's model: a value has at least 1 character or byte (the value itself is never echoed). */
function tooShort(member: string, field: string) {
  return ValidationError(
    `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length greater than or equal to 1`,
    field,
  );
}

function toBuffer(value: unknown): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value);
  if (typeof value === "string") return Buffer.from(value, "base64");
  throw InvalidParameter("SecretBinary must be binary data (base64 on the wire).", "SecretBinary");
}

export function requireValue(value: SecretValue | undefined): SecretValue {
  if (!value) throw InvalidRequest("You must provide either SecretString or SecretBinary.");
  return value;
}

const aad = (arn: string, versionId: string) => `${arn}\n${versionId}`;

export function seal(kek: Buffer, arn: string, versionId: string, value: SecretValue) {
  const plaintext = value.type === "string" ? Buffer.from(value.value, "utf8") : value.value;
  const sealed = sealValue(kek, plaintext, aad(arn, versionId));
  return {
    valueType: value.type,
    ciphertext: new Uint8Array(sealed.ciphertext),
    wrappedKey: new Uint8Array(sealed.wrappedKey),
  };
}

export function open(
  kek: Buffer,
  arn: string,
  version: {
    versionId: string;
    valueType: string | null;
    ciphertext: Uint8Array | null;
    wrappedKey: Uint8Array | null;
  },
): SecretValue | undefined {
  if (!version.valueType || !version.ciphertext || !version.wrappedKey) return undefined;
  const plaintext = openValue(
    kek,
    { ciphertext: Buffer.from(version.ciphertext), wrappedKey: Buffer.from(version.wrappedKey) },
    aad(arn, version.versionId),
  );
  return version.valueType === "binary"
    ? { type: "binary", value: plaintext }
    : { type: "string", value: plaintext.toString("utf8") };
}

// Opened values of the version records the SQLite reader keeps in memory (lib/db/sql-store.ts),
// by record: a version's value never changes, and an entry lives exactly as long as its record is
// cached (the reader drops records whenever the database changes). The plaintext is no more
// exposed than the key-encryption key and data keys this process already holds; it spares every
// read of a busy secret the cipher setup. Records read afresh (PostgreSQL) are never hits.
const openedValues = new WeakMap<object, { kek: Buffer; arn: string; value: SecretValue }>();

/** `open` for a version record that may be shared (frozen, from the read cache): memoised. */
export function openShared(
  kek: Buffer,
  arn: string,
  version: Parameters<typeof open>[2],
): SecretValue | undefined {
  const memo = openedValues.get(version);
  if (memo && memo.kek === kek && memo.arn === arn) return copyOf(memo.value);
  const value = open(kek, arn, version);
  if (value && Object.isFrozen(version)) openedValues.set(version, { kek, arn, value });
  return value && copyOf(value);
}

/** Callers get their own Buffer (a string is immutable). */
const copyOf = (value: SecretValue): SecretValue =>
  value.type === "binary" ? { type: "binary", value: Buffer.from(value.value) } : value;

export function sameValue(a: SecretValue | undefined, b: SecretValue): boolean {
  if (!a || a.type !== b.type) return false;
  return a.type === "string"
    ? a.value === b.value
    : Buffer.compare(a.value, b.value as Buffer) === 0;
}

/** The AWS response fields for a value. */
export function valueFields(value: SecretValue): { SecretString?: string; SecretBinary?: Buffer } {
  return value.type === "string" ? { SecretString: value.value } : { SecretBinary: value.value };
}
