import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bool, parseBool } from "./bool";

describe("Bool", () => {
  it.each([
    ["true", true],
    ["True", true],
    ["TRUE", true],
    ["false", false],
    ["False", false],
  ])("reads %s", (text, value) => expect(parseBool(text)).toBe(value));

  it.each(["yes", "1", "", "t"])("rejects %j (fails closed)", (text) =>
    expect(parseBool(text)).toBeUndefined(),
  );

  it("reads exactly as lower-casing does (the fast path for true/false)", () => {
    fc.assert(
      fc.property(fc.constantFrom("true", "false", "x"), fc.array(fc.boolean()), (word, upper) => {
        const text = [...word].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join("");
        const lower = text.toLowerCase();
        expect(parseBool(text)).toBe(
          lower === "true" ? true : lower === "false" ? false : undefined,
        );
      }),
    );
  });

  it("compares values", () => {
    expect(bool.test(true, bool.policy("true")!)).toBe(true);
    expect(bool.test(false, bool.policy("true")!)).toBe(false);
  });
});
