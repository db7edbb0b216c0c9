/**
 * The spanning ARN matcher (lib/iam/span.ts) against a regular-expression reference of AWS's
 * rule: in the first five segments `*` inside a segment and `?` never match a colon, a `*` that
 * ends a segment matches anything; in the resource part `*` and `?` match any character.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileSpanPattern, hasExpandingStar, spanMatch } from "@/lib/iam/span";

function reference(pattern: string): RegExp {
  let source = "";
  let segments = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const head = segments < 5;
    if (c === ":") {
      segments++;
      source += ":";
    } else if (c === "*") {
      const ends = i + 1 === pattern.length || pattern[i + 1] === ":";
      source += head && !ends ? "[^:]*" : "[\\s\\S]*";
    } else if (c === "?") {
      source += head ? "[^:]" : "[\\s\\S]";
    } else {
      source += c.replace(/[.+^${}()|[\]\\/-]/g, "\\$&");
    }
  }
  return new RegExp(`^${source}$`);
}

describe("spanMatch", () => {
  it("agrees with the regular-expression reference", () => {
    const pattern = fc.stringMatching(/^[ab:*?]{0,12}$/);
    const value = fc.stringMatching(/^[ab:]{0,12}$/);
    fc.assert(
      fc.property(pattern, value, (p, v) => {
        const pat = compileSpanPattern([{ text: p, literal: false }]);
        return spanMatch(pat, v) === reference(p).test(v);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps substituted (literal) text literal", () => {
    const pat = compileSpanPattern([
      { text: "arn:aws:s3:*:", literal: false },
      { text: "a*", literal: true },
    ]);
    expect(spanMatch(pat, "arn:aws:s3:r:x:a*")).toBe(true);
    expect(spanMatch(pat, "arn:aws:s3:r:x:ab")).toBe(false);
  });

  it("knows which patterns can expand", () => {
    expect(hasExpandingStar("arn:aws:secretsmanager:*:secret:x")).toBe(true);
    expect(hasExpandingStar("arn:aws:secretsmanager:us-*-1:123456789012:secret:x")).toBe(false);
    expect(hasExpandingStar("arn:aws:s3:::bucket/*")).toBe(false);
    expect(hasExpandingStar("arn:aws:secretsmanager:us-east-1:*:secret:x")).toBe(true);
  });
});
