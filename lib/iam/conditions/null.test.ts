import { describe, expect, it } from "vitest";
import { evaluateNull } from "./null";
import { FALSE, TRUE, UNKNOWN } from "./types";

describe("Null", () => {
  it("true expects the key to be absent", () => {
    expect(evaluateNull([true], true)).toBe(TRUE);
    expect(evaluateNull([true], false)).toBe(FALSE);
  });

  it("false expects the key to be present", () => {
    expect(evaluateNull([false], false)).toBe(TRUE);
    expect(evaluateNull([false], true)).toBe(FALSE);
  });

  it("several values are ORed", () => expect(evaluateNull([true, false], false)).toBe(TRUE));

  it("an unreadable value fails closed unless another value holds", () => {
    expect(evaluateNull([undefined], true)).toBe(UNKNOWN);
    expect(evaluateNull([undefined, true], true)).toBe(TRUE);
  });
});
