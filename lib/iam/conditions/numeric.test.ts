import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numericEquals, numericGreaterThan, numericLessThan, parseNumber } from "./numeric";

describe("numeric operator family", () => {
  it.each([
    ["10", 10],
    ["-3", -3],
    ["1.5", 1.5],
    [".5", 0.5],
    ["1e3", 1000],
    ["+7", 7],
  ])("reads %s", (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(["", " 1", "0x10", "Infinity", "NaN", "1,000", "ten", "1.2.3"])(
    "rejects %j (fails closed)",
    (text) => expect(parseNumber(text)).toBeUndefined(),
  );

  it("compares as numbers, not text", () => {
    expect(numericLessThan.test(9, numericLessThan.policy("10")!)).toBe(true);
    expect(numericGreaterThan.test(100, numericGreaterThan.policy("20")!)).toBe(true);
  });

  it("NumericEquals agrees with numeric equality for any integer", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) => {
        const p = numericEquals.policy(String(b))!;
        return numericEquals.test(numericEquals.request(String(a))!, p) === (a === b);
      }),
    );
  });
});
