import { describe, expect, it } from "vitest";
import { EvaluationContext, normalizeContextValue } from "./context";

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
