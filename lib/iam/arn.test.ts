import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arnLike, compileArnPattern, parseArn, splitArn } from "./arn";
import { wildcardMatch } from "./glob";

describe("ARNs", () => {
  it("splits the six components", () => {
    expect(parseArn("arn:aws:secretsmanager:us-east-1:111122223333:secret:db-a1b2c3")).toEqual({
      partition: "aws",
      service: "secretsmanager",
      region: "us-east-1",
      account: "111122223333",
      resource: "secret:db-a1b2c3",
    });
    expect(parseArn("arn:aws:s3:::bucket/key")?.resource).toBe("bucket/key");
    expect(splitArn("arn:aws:s3")).toBeUndefined();
    expect(splitArn("*")).toBeUndefined();
  });

  it.each([
    [
      "arn:aws:secretsmanager:*:*:secret:Prod*",
      "arn:aws:secretsmanager:us-west-2:111122223333:secret:Prod-db-a1b2c3",
      true,
    ],
    [
      "arn:aws:secretsmanager:*:*:secret:Prod*",
      "arn:aws:secretsmanager:us-west-2:111122223333:secret:Dev-db-a1b2c3",
      false,
    ],
    // `*` in the region component cannot swallow the account.
    ["arn:aws:s3:*:bucket", "arn:aws:s3:::bucket", false],
    // The resource part may hold colons, and `*` there spans them.
    [
      "arn:aws:lambda:*:111122223333:function:*",
      "arn:aws:lambda:us-east-1:111122223333:function:f:PROD",
      true,
    ],
    ["arn:aws:iam::111122223333:user/*", "arn:aws:iam::111122223333:user/path/alice", true],
    ["arn:aws:iam::111122223333:user/*", "arn:aws:iam::444455556666:user/alice", false],
    ["arn:aws:iam::111122223333:user/?lice", "arn:aws:iam::111122223333:user/alice", true],
    ["arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/Alice", false],
    ["arn:*:iam::*:*", "arn:aws-cn:iam::111122223333:role/r", true],
  ])("%s vs %s → %s", (pattern, value, expected) => {
    expect(arnLike(pattern, value)).toBe(expected);
  });

  it("a pattern without six components does not compile", () => {
    expect(compileArnPattern([{ text: "arn:aws:s3:*", literal: false }])).toBeUndefined();
  });

  it("component-wise matching implies whole-string matching (never the reverse guarantee)", () => {
    const component = fc
      .array(fc.constantFrom("a", "b", "*", "?", "/"), { maxLength: 4 })
      .map((a) => a.join(""));
    const valueComponent = fc
      .array(fc.constantFrom("a", "b", "/"), { maxLength: 4 })
      .map((a) => a.join(""));
    fc.assert(
      fc.property(
        fc.array(component, { minLength: 5, maxLength: 5 }),
        fc.array(valueComponent, { minLength: 5, maxLength: 5 }),
        (p, v) => {
          const pattern = `arn:${p.join(":")}`;
          const value = `arn:${v.join(":")}`;
          return !arnLike(pattern, value) || wildcardMatch(pattern, value);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("an exact pattern matches only the same ARN", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z0-9-]{0,8}$/),
        fc.stringMatching(/^[a-z0-9-]{0,8}$/),
        (a, b) => {
          const arn = (name: string) =>
            `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;
          return arnLike(arn(a), arn(b)) === (a === b);
        },
      ),
    );
  });
});
