import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { DecryptionFailure } from "@/lib/errors";

/**
 * Envelope encryption of secret values.
 *
 * Each sealed value gets its own random 256-bit data key. The value is encrypted with the data
 * key (AES-256-GCM, authenticated data bound to the caller's `aad`, i.e. secret ARN + version id),
 * and the data key is wrapped by the key-encryption key (KEK), also with AES-256-GCM.
 *
 *   wrappedKey = 0x01 || kekId(8) || iv(12) || encrypted data key(32) || tag(16)      (69 bytes)
 *   ciphertext = 0x01 || iv(12) || encrypted value || tag(16)
 *
 * The leading format byte lets the scheme evolve; `kekId` names the KEK that wrapped the data key
 * so a key ring can pick the right one once KEK rotation exists (see `rewrapDataKey`).
 * The header bytes of each blob are part of its authenticated data, so they cannot be altered.
 */
export interface SealedValue {
  ciphertext: Buffer;
  wrappedKey: Buffer;
}

const FORMAT_V1 = 0x01;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEK_ID_BYTES = 8;
const WRAP_HEADER_BYTES = 1 + KEK_ID_BYTES;
const WRAPPED_KEY_BYTES = WRAP_HEADER_BYTES + IV_BYTES + KEY_BYTES + TAG_BYTES;
const VALUE_HEADER_BYTES = 1;
const MIN_CIPHERTEXT_BYTES = VALUE_HEADER_BYTES + IV_BYTES + TAG_BYTES;
const VALUE_HEADER = Buffer.from([FORMAT_V1]);

const DECRYPTION_FAILURE_MESSAGE =
  "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";

function decryptionFailure() {
  return DecryptionFailure(DECRYPTION_FAILURE_MESSAGE);
}

function assertKek(kek: Buffer): void {
  if (!Buffer.isBuffer(kek) || kek.length !== KEY_BYTES) {
    throw new Error(`The key-encryption key must be ${KEY_BYTES} bytes.`);
  }
}

const kekIds = new WeakMap<Buffer, Buffer>();

/** A short public fingerprint of a KEK (HMAC, so it reveals nothing about the key). */
export function kekId(kek: Buffer): Buffer {
  let id = kekIds.get(kek);
  if (!id) {
    assertKek(kek);
    id = createHmac("sha256", kek).update("strongbox/kek-id/v1").digest().subarray(0, KEK_ID_BYTES);
    kekIds.set(kek, id);
  }
  return id;
}

function gcmEncrypt(key: Buffer, iv: Buffer, aad: Buffer, plaintext: Buffer): Buffer[] {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return [body, final, cipher.getAuthTag()];
}

/** Decrypts or returns undefined when authentication fails. */
function gcmDecrypt(key: Buffer, iv: Buffer, aad: Buffer, body: Buffer, tag: Buffer) {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    const head = decipher.update(body);
    const final = decipher.final();
    return final.length === 0 ? head : Buffer.concat([head, final]);
  } catch {
    return undefined;
  }
}

function wrapDataKey(kek: Buffer, dataKey: Buffer, iv: Buffer): Buffer {
  const header = Buffer.allocUnsafe(WRAP_HEADER_BYTES);
  header[0] = FORMAT_V1;
  kekId(kek).copy(header, 1);
  return Buffer.concat([header, iv, ...gcmEncrypt(kek, iv, header, dataKey)], WRAPPED_KEY_BYTES);
}

function unwrapDataKey(kek: Buffer, wrappedKey: Buffer): Buffer {
  // Unknown format, wrong length or another KEK's id: fail closed with the one AWS message.
  if (!Buffer.isBuffer(wrappedKey) || wrappedKey.length !== WRAPPED_KEY_BYTES) {
    throw decryptionFailure();
  }
  if (wrappedKey[0] !== FORMAT_V1) throw decryptionFailure();
  const header = wrappedKey.subarray(0, WRAP_HEADER_BYTES);
  if (!header.subarray(1).equals(kekId(kek))) throw decryptionFailure();
  const iv = wrappedKey.subarray(WRAP_HEADER_BYTES, WRAP_HEADER_BYTES + IV_BYTES);
  const body = wrappedKey.subarray(WRAP_HEADER_BYTES + IV_BYTES, WRAPPED_KEY_BYTES - TAG_BYTES);
  const tag = wrappedKey.subarray(WRAPPED_KEY_BYTES - TAG_BYTES);
  const dataKey = gcmDecrypt(kek, iv, header, body, tag);
  if (!dataKey || dataKey.length !== KEY_BYTES) throw decryptionFailure();
  return dataKey;
}

// ---------------------------------------------------------------------------------------------
// Data-key cache: a small LRU of unwrapped data keys, one per KEK Buffer object, keyed by the
// wrapped key's bytes. An entry exists only after that exact KEK authenticated that exact
// wrapped key, so a hit is as good as an unwrap. The value's own GCM tag is still checked on
// every open.

const DEFAULT_CACHE_ENTRIES = 1024;
let cacheLimit = DEFAULT_CACHE_ENTRIES;
let caches = new WeakMap<Buffer, Map<string, Buffer>>();

/** Sets the bound of the data-key cache (0 turns it off) and empties it. */
export function configureDataKeyCache(options: { maxEntries: number }): void {
  if (!Number.isInteger(options.maxEntries) || options.maxEntries < 0) {
    throw new Error("maxEntries must be a non-negative integer.");
  }
  cacheLimit = options.maxEntries;
  clearDataKeyCache();
}

/** Forgets every cached data key (e.g. after the KEK changed). */
export function clearDataKeyCache(): void {
  caches = new WeakMap();
}

function dataKeyFor(kek: Buffer, wrappedKey: Buffer): Buffer {
  if (cacheLimit === 0) return unwrapDataKey(kek, wrappedKey);
  let cache = caches.get(kek);
  if (!cache) {
    cache = new Map();
    caches.set(kek, cache);
  }
  const id = wrappedKey.toString("base64");
  const hit = cache.get(id);
  if (hit) {
    cache.delete(id);
    cache.set(id, hit);
    return hit;
  }
  const dataKey = unwrapDataKey(kek, wrappedKey);
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(id, dataKey);
  return dataKey;
}

// ---------------------------------------------------------------------------------------------

/**
 * Encrypts `plaintext` under a fresh data key; `aad` (`${secretArn}\n${versionId}`) is bound to
 * the ciphertext, so a value copied to another secret or version does not open.
 */
export function sealValue(kek: Buffer, plaintext: Buffer, aad: string): SealedValue {
  assertKek(kek);
  const random = randomBytes(KEY_BYTES + 2 * IV_BYTES);
  const dataKey = random.subarray(0, KEY_BYTES);
  const wrapIv = random.subarray(KEY_BYTES, KEY_BYTES + IV_BYTES);
  const valueIv = random.subarray(KEY_BYTES + IV_BYTES);
  const wrappedKey = wrapDataKey(kek, dataKey, wrapIv);
  const valueAad = Buffer.concat([VALUE_HEADER, Buffer.from(aad, "utf8")]);
  const ciphertext = Buffer.concat([
    VALUE_HEADER,
    valueIv,
    ...gcmEncrypt(dataKey, valueIv, valueAad, plaintext),
  ]);
  random.fill(0, 0, KEY_BYTES);
  return { ciphertext, wrappedKey };
}

/** Decrypts a sealed value; any tampering, wrong KEK or wrong `aad` is a DecryptionFailure. */
export function openValue(kek: Buffer, sealed: SealedValue, aad: string): Buffer {
  assertKek(kek);
  const { ciphertext } = sealed;
  if (!Buffer.isBuffer(ciphertext) || ciphertext.length < MIN_CIPHERTEXT_BYTES) {
    throw decryptionFailure();
  }
  if (ciphertext[0] !== FORMAT_V1) throw decryptionFailure();
  const dataKey = dataKeyFor(kek, sealed.wrappedKey);
  const iv = ciphertext.subarray(VALUE_HEADER_BYTES, VALUE_HEADER_BYTES + IV_BYTES);
  const body = ciphertext.subarray(VALUE_HEADER_BYTES + IV_BYTES, ciphertext.length - TAG_BYTES);
  const tag = ciphertext.subarray(ciphertext.length - TAG_BYTES);
  const valueAad = Buffer.concat([VALUE_HEADER, Buffer.from(aad, "utf8")]);
  const plaintext = gcmDecrypt(dataKey, iv, valueAad, body, tag);
  if (!plaintext) throw decryptionFailure();
  return plaintext;
}

/**
 * Re-wraps a data key under another KEK without touching the value's ciphertext: the step a KEK
 * rotation runs over every stored version.
 */
export function rewrapDataKey(oldKek: Buffer, newKek: Buffer, wrappedKey: Buffer): Buffer {
  assertKek(oldKek);
  assertKek(newKek);
  const dataKey = unwrapDataKey(oldKek, wrappedKey);
  try {
    return wrapDataKey(newKek, dataKey, randomBytes(IV_BYTES));
  } finally {
    dataKey.fill(0);
  }
}

/** The id of the KEK that wrapped this data key, or undefined for an unknown format. */
export function wrappedKeyKekId(wrappedKey: Buffer): Buffer | undefined {
  if (wrappedKey.length !== WRAPPED_KEY_BYTES || wrappedKey[0] !== FORMAT_V1) return undefined;
  return Buffer.from(wrappedKey.subarray(1, WRAP_HEADER_BYTES));
}
