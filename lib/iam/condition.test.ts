import { describe, expect, it } from "vitest";
import cases from "./fixtures/conditions.json";
import { conditionOutcome, type ConditionCase } from "./fixtures/harness";

describe("condition truth tables (fixtures/conditions.json)", () => {
  it.each(cases as (ConditionCase & { family: string; name: string })[])("[$family] $name", (c) => {
    expect(conditionOutcome(c).outcome).toBe(c.expect);
  });
});

describe("missing context keys", () => {
  it("reports a key a condition referenced and the request lacked", () => {
    const { missing } = conditionOutcome({
      operator: "StringEquals",
      key: "aws:ResourceTag/ServerName",
      policy: "ServerABC",
      expect: "false",
    });
    expect(missing).toEqual(["aws:ResourceTag/ServerName"]);
  });

  it("reports the key even when IfExists makes the condition true", () => {
    const { outcome, missing } = conditionOutcome({
      operator: "StringEqualsIfExists",
      key: "ec2:InstanceType",
      policy: "t2.micro",
      expect: "true",
    });
    expect(outcome).toBe("true");
    expect(missing).toEqual(["ec2:InstanceType"]);
  });

  it("reports a variable's key that had no value", () => {
    const { missing } = conditionOutcome({
      operator: "StringEquals",
      key: "s3:prefix",
      policy: "${aws:PrincipalTag/team}",
      context: "x",
      expect: "false",
    });
    expect(missing).toEqual(["aws:PrincipalTag/team"]);
  });

  it("does not report keys that are present", () => {
    const { missing } = conditionOutcome({
      operator: "StringEquals",
      policy: "x",
      context: "x",
      expect: "true",
    });
    expect(missing).toEqual([]);
  });
});
