import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../catalog/load";
import { validatePolicyCli } from "./validate-policy-cli";

beforeAll(() => {
  loadCatalog();
});

const document = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Action: ["secretsmanager:Get*", "secretsmanager:GetSecretValue"],
      Resource: "arn:aws:secretsmanager:*:*:secret:app-*",
    },
    { Effect: "Allow", Action: "iam:PassRole", Resource: "*" },
  ],
});

describe("validatePolicyCli", () => {
  it("answers in Access Analyzer's JSON, without Strongbox's fix field", () => {
    const response = validatePolicyCli({ policyDocument: document, policyType: "IDENTITY_POLICY" });
    expect(response.nextToken).toBeUndefined();
    expect(response.findings.map((f) => [f.findingType, f.issueCode])).toEqual([
      ["SUGGESTION", "REDUNDANT_ACTION"],
      ["WARNING", "SECRET_ARN_WILDCARD_SUFFIX"],
      ["SECURITY_WARNING", "PASS_ROLE_WITH_STAR_IN_RESOURCE"],
    ]);
    for (const finding of response.findings) {
      expect(Object.keys(finding).sort()).toEqual([
        "findingDetails",
        "findingType",
        "issueCode",
        "learnMoreLink",
        "locations",
      ]);
    }
    expect(JSON.parse(JSON.stringify(response))).toEqual(response);
  });

  it("pages with maxResults and nextToken", () => {
    const first = validatePolicyCli({
      policyDocument: document,
      policyType: "IDENTITY_POLICY",
      maxResults: 2,
    });
    expect(first.findings).toHaveLength(2);
    expect(first.nextToken).toBe("2");
    const second = validatePolicyCli({
      policyDocument: document,
      policyType: "IDENTITY_POLICY",
      maxResults: 2,
      nextToken: first.nextToken,
    });
    expect(second.findings.map((f) => f.issueCode)).toEqual(["PASS_ROLE_WITH_STAR_IN_RESOURCE"]);
    expect(second.nextToken).toBeUndefined();
  });

  it("rejects an unknown policy type", () => {
    expect(() =>
      validatePolicyCli({ policyDocument: document, policyType: "USER_POLICY" }),
    ).toThrow(/Invalid policyType/);
  });

  it("reports a syntax error as a finding", () => {
    const response = validatePolicyCli({ policyDocument: "{", policyType: "IDENTITY_POLICY" });
    expect(response.findings.map((f) => f.issueCode)).toEqual(["JSON_SYNTAX_ERROR"]);
  });
});
