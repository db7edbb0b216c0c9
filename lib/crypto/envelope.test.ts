import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import {
  clearDataKeyCache,
  configureDataKeyCache,
  kekId,
  openValue,
  rewrapDataKey,
  sealValue,
  wrappedKeyKekId,
  type SealedValue,
} from "./envelope";

const KEK = randomBytes(32);
const OTHER_KEK = randomBytes(32);
const ARN = "arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db-AbCdEf";
const AAD = `${ARN}\nEXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE`;
const MESSAGE =
  "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";

function expectDecryptionFailure(fn: () => unknown) {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AwsError);
  expect(thrown).toMatchObject({ code: "DecryptionFailure", message: MESSAGE, status: 400 });
}

const flipped = (buffer: Buffer, index: number) => {
  const copy = Buffer.from(buffer);
  copy[index] ^= 0x01;
  return copy;
};

afterEach(() => configureDataKeyCache({ maxEntries: 1024 }));

describe.each([
  ["with the data-key cache", 1024],
  ["without the data-key cache", 0],
])("envelope %s", (_, maxEntries) => {
  afterEach(() => clearDataKeyCache());
  const setup = () => configureDataKeyCache({ maxEntries });

  it("opens what it sealed, for empty, small and large values", () => {
    setup();
    for (const size of [0, 1, 16, 4096, 65_536]) {
      const plaintext = randomBytes(size);
      const sealed = sealValue(KEK, plaintext, AAD);
      expect(openValue(KEK, sealed, AAD).equals(plaintext)).toBe(true);
      expect(openValue(KEK, sealed, AAD).equals(plaintext)).toBe(true);
    }
  });

  it("uses a fresh data key and IV per call", () => {
    setup();
    const plaintext = Buffer.from('{"username":"admin","password":"hunter2"}');
    const a = sealValue(KEK, plaintext, AAD);
    const b = sealValue(KEK, plaintext, AAD);
    expect(a.wrappedKey.equals(b.wrappedKey)).toBe(false);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.ciphertext.includes(plaintext)).toBe(false);
  });

  it("lays out versioned blobs that name the KEK", () => {
    setup();
    const sealed = sealValue(KEK, Buffer.from("value"), AAD);
    expect(sealed.wrappedKey.length).toBe(1 + 8 + 12 + 32 + 16);
    expect(sealed.wrappedKey[0]).toBe(1);
    expect(wrappedKeyKekId(sealed.wrappedKey)?.equals(kekId(KEK))).toBe(true);
    expect(kekId(KEK).equals(kekId(OTHER_KEK))).toBe(false);
    expect(kekId(KEK).equals(kekId(Buffer.from(KEK)))).toBe(true);
    expect(sealed.ciphertext.length).toBe(1 + 12 + 5 + 16);
    expect(sealed.ciphertext[0]).toBe(1);
  });

  it("fails to open under another secret ARN, version or KEK", () => {
    setup();
    const sealed = sealValue(KEK, Buffer.from("value"), AAD);
    expectDecryptionFailure(() => openValue(KEK, sealed, `${ARN}\nanother-version`));
    expectDecryptionFailure(() => openValue(KEK, sealed, AAD.replace("prod/db", "prod/dc")));
    expectDecryptionFailure(() => openValue(KEK, sealed, ""));
    expectDecryptionFailure(() => openValue(OTHER_KEK, sealed, AAD));
    // A KEK with the same id but other bytes cannot happen; a forged id still fails the tag.
    expect(openValue(KEK, sealed, AAD).toString()).toBe("value");
  });

  it("detects a change to any byte of either blob", () => {
    setup();
    const sealed = sealValue(KEK, Buffer.from("s3cr3t"), AAD);
    for (let i = 0; i < sealed.ciphertext.length; i++) {
      expectDecryptionFailure(() =>
        openValue(KEK, { ...sealed, ciphertext: flipped(sealed.ciphertext, i) }, AAD),
      );
    }
    for (let i = 0; i < sealed.wrappedKey.length; i++) {
      expectDecryptionFailure(() =>
        openValue(KEK, { ...sealed, wrappedKey: flipped(sealed.wrappedKey, i) }, AAD),
      );
    }
    expect(openValue(KEK, sealed, AAD).toString()).toBe("s3cr3t");
  });

  it("fails on swapped, truncated or empty blobs", () => {
    setup();
    const a = sealValue(KEK, Buffer.from("a"), AAD);
    const b = sealValue(KEK, Buffer.from("b"), AAD);
    const broken: SealedValue[] = [
      { ciphertext: a.ciphertext, wrappedKey: b.wrappedKey },
      { ciphertext: a.ciphertext.subarray(0, a.ciphertext.length - 1), wrappedKey: a.wrappedKey },
      { ciphertext: a.ciphertext, wrappedKey: a.wrappedKey.subarray(0, 68) },
      { ciphertext: Buffer.alloc(0), wrappedKey: a.wrappedKey },
      { ciphertext: a.ciphertext, wrappedKey: Buffer.alloc(0) },
      { ciphertext: Buffer.concat([a.ciphertext, Buffer.from([0])]), wrappedKey: a.wrappedKey },
    ];
    for (const sealed of broken) expectDecryptionFailure(() => openValue(KEK, sealed, AAD));
  });

  it("re-wraps a data key for another KEK without touching the ciphertext", () => {
    setup();
    const sealed = sealValue(KEK, Buffer.from("rotate me"), AAD);
    const wrappedKey = rewrapDataKey(KEK, OTHER_KEK, sealed.wrappedKey);
    expect(wrappedKeyKekId(wrappedKey)?.equals(kekId(OTHER_KEK))).toBe(true);
    expect(openValue(OTHER_KEK, { ...sealed, wrappedKey }, AAD).toString()).toBe("rotate me");
    expectDecryptionFailure(() => openValue(KEK, { ...sealed, wrappedKey }, AAD));
    expectDecryptionFailure(() => rewrapDataKey(OTHER_KEK, KEK, sealed.wrappedKey));
  });
});

describe("data-key cache", () => {
  it("never answers for another KEK and stays bounded", () => {
    configureDataKeyCache({ maxEntries: 2 });
    const values = ["one", "two", "three"].map((v) => ({
      v,
      sealed: sealValue(KEK, Buffer.from(v), AAD),
    }));
    for (let round = 0; round < 3; round++) {
      for (const { v, sealed } of values) expect(openValue(KEK, sealed, AAD).toString()).toBe(v);
    }
    // Cached for KEK, but the other KEK must unwrap (and fail) on its own.
    expectDecryptionFailure(() => openValue(OTHER_KEK, values[2].sealed, AAD));
    // A cached data key still goes through the value's own tag check.
    const { sealed } = values[2];
    expectDecryptionFailure(() =>
      openValue(
        KEK,
        { ...sealed, ciphertext: flipped(sealed.ciphertext, sealed.ciphertext.length - 1) },
        AAD,
      ),
    );
  });

  it("rejects a bad bound and a bad KEK", () => {
    expect(() => configureDataKeyCache({ maxEntries: -1 })).toThrow();
    expect(() => sealValue(randomBytes(16), Buffer.from("x"), AAD)).toThrow(/32 bytes/);
    expect(() =>
      openValue(
        randomBytes(31),
        { ciphertext: Buffer.alloc(40), wrappedKey: Buffer.alloc(69) },
        AAD,
      ),
    ).toThrow(/32 bytes/);
  });
});
