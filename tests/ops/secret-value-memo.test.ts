// GetSecretValue keeps the opened value of a cached version record (SQLite) instead of
// decrypting it at every read: each caller still gets a value of its own, and a new version is
// read as soon as it is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSecretValue, putSecretValue, createSecret } from "@/lib/ops/secretsmanager";
import { createTestRuntime, type TestRuntime } from "../helpers/runtime";

let rt: TestRuntime;
beforeAll(async () => {
  rt = await createTestRuntime("sqlite");
});
afterAll(async () => rt?.dispose());

describe("opened values of cached versions", () => {
  it("hands every caller its own copy of a binary value", async () => {
    await createSecret(rt.root, { Name: "memo/binary", SecretBinary: Buffer.from([1, 2, 3]) });
    const first = await getSecretValue(rt.root, { SecretId: "memo/binary" });
    first.SecretBinary!.fill(0);
    const second = await getSecretValue(rt.root, { SecretId: "memo/binary" });
    expect([...second.SecretBinary!]).toEqual([1, 2, 3]);
    expect(second.SecretBinary).not.toBe(first.SecretBinary);
  });

  it("reads the new value right after a change, then keeps reading it", async () => {
    await createSecret(rt.root, { Name: "memo/string", SecretString: "one" });
    expect((await getSecretValue(rt.root, { SecretId: "memo/string" })).SecretString).toBe("one");
    expect((await getSecretValue(rt.root, { SecretId: "memo/string" })).SecretString).toBe("one");
    await putSecretValue(rt.root, { SecretId: "memo/string", SecretString: "two" });
    for (let i = 0; i < 3; i++) {
      const read = await getSecretValue(rt.root, { SecretId: "memo/string" });
      expect(read.SecretString).toBe("two");
    }
    const previous = await getSecretValue(rt.root, {
      SecretId: "memo/string",
      VersionStage: "AWSPREVIOUS",
    });
    expect(previous.SecretString).toBe("one");
  });
});
