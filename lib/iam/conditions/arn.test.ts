import { describe, expect, it } from "vitest";
import cases from "../fixtures/conditions.json";
import { conditionOutcome, type ConditionCase } from "../fixtures/harness";
import { arnLike } from "./arn";

describe("ARN operator family", () => {
  it("matches component by component", () => {
    const p = arnLike.policy("arn:aws:iam::*:role/*")!;
    expect(arnLike.test(arnLike.request("arn:aws:iam::111122223333:role/admin")!, p)).toBe(true);
    expect(arnLike.test(arnLike.request("arn:aws:iam::111122223333:user/admin")!, p)).toBe(false);
  });

  it("a request value that is not an ARN is unreadable", () => {
    expect(arnLike.request("role/admin")).toBeUndefined();
  });

  it.each(
    (cases as (ConditionCase & { family: string; name: string })[]).filter(
      (c) => c.family === "arn",
    ),
  )("$name", (c) => expect(conditionOutcome(c).outcome).toBe(c.expect));
});
