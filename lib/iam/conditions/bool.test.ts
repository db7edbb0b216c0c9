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

  it("compares values", () => {
    expect(bool.test(true, bool.policy("true")!)).toBe(true);
    expect(bool.test(false, bool.policy("true")!)).toBe(false);
  });
});
