import { describe, expect, it } from "vitest";
import cases from "../fixtures/conditions.json";
import { conditionOutcome, type ConditionCase } from "../fixtures/harness";
import { stringEquals, stringEqualsIgnoreCase, stringLike } from "./string";

describe("string operator families", () => {
  it("StringEquals compares exactly", () => {
    const p = stringEquals.policy("Prod")!;
    expect(stringEquals.test("Prod", p)).toBe(true);
    expect(stringEquals.test("prod", p)).toBe(false);
  });

  it("StringEqualsIgnoreCase lower-cases both sides", () => {
    const p = stringEqualsIgnoreCase.policy("ServerABC")!;
    expect(stringEqualsIgnoreCase.test(stringEqualsIgnoreCase.request("SERVERabc")!, p)).toBe(true);
  });

  it("StringLike keeps variable text literal", () => {
    const raw = stringLike.policy("a*")!;
    const fromVariable = stringLike.policy("", [{ text: "a*", literal: true }])!;
    expect(stringLike.test("abc", raw)).toBe(true);
    expect(stringLike.test("abc", fromVariable)).toBe(false);
    expect(stringLike.test("a*", fromVariable)).toBe(true);
  });

  it.each(
    (cases as (ConditionCase & { family: string; name: string })[]).filter(
      (c) => c.family === "string",
    ),
  )("$name", (c) => expect(conditionOutcome(c).outcome).toBe(c.expect));
});
