import { describe, expect, it } from "vitest";
import { binaryEquals, decodeBase64 } from "./binary";

describe("BinaryEquals", () => {
  it("compares decoded bytes", () => {
    const p = binaryEquals.policy("QmluYXJ5VmFsdWVJbkJhc2U2NA==")!;
    expect(p).toBe("BinaryValueInBase64");
    expect(binaryEquals.test(binaryEquals.request("QmluYXJ5VmFsdWVJbkJhc2U2NA==")!, p)).toBe(true);
    expect(binaryEquals.test(binaryEquals.request("QmluYXJ5")!, p)).toBe(false);
  });

  it.each(["abc", "a===", "not base64!", "QQ"])("rejects %j (fails closed)", (text) =>
    expect(decodeBase64(text)).toBeUndefined(),
  );

  it("accepts the empty value", () => expect(decodeBase64("")).toBe(""));
});
