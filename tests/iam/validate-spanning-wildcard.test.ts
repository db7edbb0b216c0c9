/**
 * The validator agrees with the engine on AWS's rule that a `*` ending an ARN segment expands
 * beyond colons: such a resource is neither a bad account nor a resource no action applies to.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "@/lib/iam/catalog/load";
import { validatePolicy } from "@/lib/iam/validate";

beforeAll(() => {
  loadCatalog();
});

const policy = (resource: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: { Effect: "Allow", Action: "secretsmanager:GetSecretValue", Resource: resource },
  });
const codes = (resource: string) =>
  validatePolicy(policy(resource), { policyType: "IDENTITY_POLICY" }).findings.map(
    (f) => f.issueCode,
  );

describe("resource ARNs with a segment-ending *", () => {
  const rows: [string, string[]][] = [
    ["arn:aws:secretsmanager:*:secret:db-*", []],
    ["arn:aws:secretsmanager:us-*:secret:db-??????", []],
    // Without an expanding `*`, "db-*" is the resource part, and names no secret.
    [
      "arn:aws:secretsmanager:us-east-1:secret:db-*",
      ["ACTION_NOT_APPLICABLE_TO_RESOURCES", "INVALID_ARN_RESOURCE"],
    ],
    ["arn:aws:secretsmanager:*:*:secret:db-??????", []],
  ];
  it.each(rows)("%s: %j", (resource, expected) => {
    expect(codes(resource)).toEqual(expected);
  });
});
