import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EvaluationContext, normalizeContextValue, type ContextValue } from "./context";
import { lookupOf } from "./memo";

describe("request context", () => {
  it("normalises plain values", () => {
    expect(normalizeContextValue("k", "x")).toMatchObject({
      values: ["x"],
      multi: false,
      invalid: false,
    });
    expect(normalizeContextValue("k", ["a", "b"])).toMatchObject({
      values: ["a", "b"],
      multi: true,
    });
    expect(normalizeContextValue("k", 7).values).toEqual(["7"]);
    expect(normalizeContextValue("k", true).values).toEqual(["true"]);
    expect(normalizeContextValue("k", new Date(Date.UTC(2020, 0, 1))).values).toEqual([
      "2020-01-01T00:00:00.000Z",
    ]);
    expect(normalizeContextValue("k", Uint8Array.of(0, 1, 2)).values).toEqual(["AAEC"]);
  });

  it("normalises typed values, in AWS's and SimulateCustomPolicy's spellings", () => {
    expect(normalizeContextValue("k", { type: "StringList", value: ["a"] })).toMatchObject({
      multi: true,
    });
    expect(normalizeContextValue("k", { type: "stringList", value: ["a"] })).toMatchObject({
      multi: true,
    });
    expect(normalizeContextValue("k", { type: "ip", value: "10.0.0.1" })).toMatchObject({
      multi: false,
      invalid: false,
    });
    expect(normalizeContextValue("k", { type: "NumericList", value: [1, 2] }).values).toEqual([
      "1",
      "2",
    ]);
  });

  it("marks what it cannot read (conditions on it fail closed)", () => {
    expect(normalizeContextValue("k", { type: "Colour", value: "red" }).invalid).toBe(true);
    expect(normalizeContextValue("k", { type: "String", value: ["a", "b"] }).invalid).toBe(true);
    expect(normalizeContextValue("k", Number.NaN).invalid).toBe(true);
    expect(normalizeContextValue("k", null as unknown as string).invalid).toBe(true);
  });

  it("derives principal keys from a user ARN", () => {
    const c = new EvaluationContext({
      principal: {
        arn: "arn:aws:iam::111122223333:user/division/alice",
        tags: { Team: "payments" },
      },
      action: "secretsmanager:GetSecretValue",
      resource: "*",
    });
    expect(c.principalKind).toBe("User");
    expect(c.variable("aws:username")).toBe("alice");
    expect(c.variable("aws:principalarn")).toBe("arn:aws:iam::111122223333:user/division/alice");
    expect(c.variable("aws:principalaccount")).toBe("111122223333");
    expect(c.variable("aws:principaltype")).toBe("User");
    expect(c.variable("aws:principaltag/team")).toBe("payments");
    expect(c.variable("aws:userid")).toBeUndefined();
  });

  it("derives principal keys from a session ARN", () => {
    const c = new EvaluationContext({
      principal: {
        arn: "arn:aws:sts::111122223333:assumed-role/Rotation/lambda-1",
        userId: "AROAEXAMPLE:lambda-1",
      },
      action: "secretsmanager:GetSecretValue",
      resource: "*",
    });
    expect(c.principalKind).toBe("AssumedRole");
    expect(c.variable("aws:principalarn")).toBe("arn:aws:iam::111122223333:role/Rotation");
    expect(c.variable("aws:userid")).toBe("AROAEXAMPLE:lambda-1");
    expect(c.variable("aws:username")).toBeUndefined();
  });

  it("derives the root user's keys", () => {
    const c = new EvaluationContext({
      principal: { arn: "arn:aws:iam::111122223333:root" },
      action: "s3:ListBucket",
      resource: "arn:aws:s3:::b",
    });
    expect(c.principalKind).toBe("Account");
    expect(c.variable("aws:userid")).toBe("111122223333");
    expect(c.variable("aws:principaltype")).toBe("Account");
  });

  it("lets the request override derived keys, case-insensitively", () => {
    const c = new EvaluationContext({
      principal: { arn: "arn:aws:iam::111122223333:user/alice" },
      action: "a:b",
      resource: "*",
      context: { "AWS:UserName": "someone-else" },
    });
    expect(c.variable("aws:username")).toBe("someone-else");
  });

  it("derives the resource account from the ARN, else the principal's", () => {
    const request = (resource: string) =>
      new EvaluationContext({
        principal: { arn: "arn:aws:iam::111122223333:user/a" },
        action: "a:b",
        resource,
      });
    expect(request("arn:aws:secretsmanager:us-east-1:444455556666:secret:x").resourceAccount).toBe(
      "444455556666",
    );
    expect(request("arn:aws:s3:::bucket").resourceAccount).toBe("111122223333");
    expect(request("*").crossAccount).toBe(false);
    expect(request("arn:aws:secretsmanager:us-east-1:444455556666:secret:x").crossAccount).toBe(
      true,
    );
  });
});

describe("normalising a plain scalar (the fast path)", () => {
  it("reads as the general path reads the same value typed String", () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constantFrom(Number.NaN, Infinity, -0),
    );
    fc.assert(
      fc.property(scalar, (value) => {
        expect(normalizeContextValue("k", value)).toEqual(
          normalizeContextValue("k", { type: "String", value }),
        );
      }),
    );
  });
});

describe("context key lookup (lazy, by shared lower-case names)", () => {
  /** The general path: a map from each lower-cased name to the last name spelled so. */
  const reference = (context: Record<string, ContextValue>, lookup: string) => {
    const names = new Map<string, string>();
    for (const key of Object.keys(context)) names.set(key.toLowerCase(), key);
    const key = names.get(lookup);
    return key === undefined ? undefined : normalizeContextValue(key, context[key]);
  };
  // Spellings that lower-case alike, and non-ASCII ones whose lower case differs in length (İ).
  const name = fc.constantFrom(
    "aws:SourceIp",
    "AWS:SOURCEIP",
    "aws:sourceip",
    "svc:K",
    "svc:\u212a",
    "svc:k",
    "svc:\u0130d",
    "svc:i\u0307d",
    "svc:id",
    "svc:Stage",
  );

  it("finds the key the general path finds, for any spelling and order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 6 }), name, (keys, wanted) => {
        const context = Object.fromEntries(keys.map((k, i) => [k, `v${i}`]));
        const lookup = wanted.toLowerCase();
        const c = new EvaluationContext({
          principal: { arn: "arn:aws:iam::111122223333:user/alice" },
          action: "a:b",
          resource: "*",
          context,
        });
        expect(c.get(lookup)).toEqual(reference(context, lookup));
        // Read twice (memoised per context) and with a differently made, equal lookup string.
        expect(c.get(lookup)).toEqual(reference(context, lookup));
        expect(c.get(`${lookup} `.trimEnd())).toEqual(reference(context, lookup));
      }),
    );
  });

  it("lower-cases names as toLowerCase does (memoised)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 12 }), (text) => {
        expect(lookupOf(text)).toBe(text.toLowerCase());
        expect(lookupOf(text.toUpperCase())).toBe(text.toUpperCase().toLowerCase());
        expect(lookupOf(text)).toBe(text.toLowerCase());
      }),
    );
  });

  it("finds principal tags case-insensitively, the first spelling winning", () => {
    const c = new EvaluationContext({
      principal: { arn: "arn:aws:iam::111122223333:user/alice", tags: { Team: "a", team: "b" } },
      action: "a:b",
      resource: "*",
    });
    expect(c.variable("aws:principaltag/team")).toBe("a");
    expect(c.variable("aws:principaltag/TEAM".toLowerCase())).toBe("a");
  });
});
