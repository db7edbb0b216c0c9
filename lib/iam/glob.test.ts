import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileChunks, compileGlob, globMatch, regionEquals, wildcardMatch } from "./glob";

/** A slow, obviously correct reference: backtracking over the pattern. */
function reference(pattern: string, value: string): boolean {
  const go = (p: number, v: number): boolean => {
    if (p === pattern.length) return v === value.length;
    const c = pattern[p];
    if (c === "*") return go(p + 1, v) || (v < value.length && go(p, v + 1));
    if (v === value.length) return false;
    return (c === "?" || c === value[v]) && go(p + 1, v + 1);
  };
  return go(0, 0);
}

const alphabet = fc.constantFrom("a", "b", ":", "/", "-");
const text = fc.array(alphabet, { maxLength: 10 }).map((a) => a.join(""));
const pattern = fc
  .array(fc.constantFrom("a", "b", ":", "/", "-", "*", "?"), { maxLength: 8 })
  .map((a) => a.join(""));

describe("glob", () => {
  it.each([
    ["another_secret_name-??????", "another_secret_name-a1b2c3", true],
    ["another_secret_name-??????", "another_secret_name-extra-a1b2c3", false],
    ["another_secret_name-*", "another_secret_name-a1b2c3", true],
    ["another_secret_name-*", "another_secret_name-extra-a1b2c3", true],
    ["Prod*", "Prod", true],
    ["Prod*", "prod", false],
    ["*", "", true],
    ["", "", true],
    ["", "x", false],
    ["a*b*c", "aXbYc", true],
    ["a*b*c", "aXbY", false],
    ["*a*", "bab", true],
    ["?", "", false],
    ["a**b", "ab", true],
  ])("%s vs %s → %s", (p, v, expected) => {
    expect(wildcardMatch(p, v)).toBe(expected);
  });

  it("agrees with a backtracking reference", () => {
    fc.assert(
      fc.property(pattern, text, (p, v) => wildcardMatch(p, v) === reference(p, v)),
      {
        numRuns: 5000,
      },
    );
  });

  it("a pattern without wildcards matches only itself", () => {
    fc.assert(fc.property(text, text, (a, b) => wildcardMatch(a, b) === (a === b)));
  });

  it("* matches everything, and a trailing * matches every extension", () => {
    fc.assert(
      fc.property(
        text,
        text,
        (a, b) => wildcardMatch("*", a) && wildcardMatch(`${a}*`, `${a}${b}`),
      ),
    );
  });

  it("? matches exactly one character", () => {
    fc.assert(
      fc.property(
        text,
        (a) =>
          wildcardMatch("?".repeat(a.length), a) && !wildcardMatch(`?${"?".repeat(a.length)}`, a),
      ),
    );
  });

  it("literal chunks do not act as wildcards", () => {
    const g = compileChunks([
      { text: "home/", literal: false },
      { text: "a*b", literal: true },
      { text: "/*", literal: false },
    ]);
    expect(globMatch(g, "home/a*b/x")).toBe(true);
    expect(globMatch(g, "home/aXb/x")).toBe(false);
  });

  it("matches a slice of a string", () => {
    expect(globMatch(compileGlob("s*t"), "xxsecretyy", 2, 8)).toBe(true);
    expect(globMatch(compileGlob("s*t"), "xxsecretyy", 2, 9)).toBe(false);
  });
});

describe("regionEquals (compares from the end)", () => {
  it("is startsWith at an offset", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 10 }),
        fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 4 }),
        fc.nat(12),
        (value, text, start) => {
          if (start > value.length) start = value.length;
          expect(regionEquals(value, start, text)).toBe(value.startsWith(text, start));
        },
      ),
    );
  });
});
