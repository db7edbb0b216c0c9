/**
 * validatePolicy: IAM Access Analyzer's ValidatePolicy for Strongbox. Never throws on a bad
 * policy: syntax errors are ERROR findings. Pure and fast enough for every keystroke.
 */
import type { PolicyKind } from "../ast";
import { getCatalog } from "../catalog";
import { tryParsePolicy } from "../parse";
import { checkActions } from "./check-actions";
import { checkConditions } from "./check-conditions";
import { checkRedundantStatements, checkRedundantValues } from "./check-redundancy";
import { checkResources } from "./check-resources";
import { checkSecurity } from "./check-security";
import { syntaxFindings } from "./check-syntax";
import { checkVersion } from "./check-version";
import { ValidationContext } from "./context";
import { findingTypeOf, learnMoreLink } from "./codes";
import type {
  FindingType,
  ValidatePolicyFinding,
  ValidatePolicyOptions,
  ValidatePolicyResult,
  ValidatePolicyType,
} from "./types";

export const POLICY_TYPES: readonly ValidatePolicyType[] = [
  "IDENTITY_POLICY",
  "RESOURCE_POLICY",
  "SERVICE_CONTROL_POLICY",
  "RESOURCE_CONTROL_POLICY",
  "TRUST_POLICY",
  "PERMISSIONS_BOUNDARY",
];

export function policyKindFor(type: ValidatePolicyType, resourceType?: string): PolicyKind {
  switch (type) {
    case "RESOURCE_POLICY":
      return resourceType === "AWS::IAM::AssumeRolePolicyDocument" ? "trust" : "resource";
    case "RESOURCE_CONTROL_POLICY":
      return "resource";
    case "TRUST_POLICY":
      return "trust";
    case "PERMISSIONS_BOUNDARY":
      return "boundary";
    default:
      return "identity";
  }
}

const ORDER: Record<FindingType, number> = {
  ERROR: 0,
  SECURITY_WARNING: 1,
  WARNING: 2,
  SUGGESTION: 3,
};

export function validatePolicy(text: string, options: ValidatePolicyOptions): ValidatePolicyResult {
  const kind = policyKindFor(options.policyType, options.validatePolicyResourceType);
  const catalog = options.catalog ?? getCatalog();
  const parsed = tryParsePolicy(text, { kind });
  const findings: ValidatePolicyFinding[] = syntaxFindings(text, parsed.errors);

  if (parsed.document) {
    const ctx = new ValidationContext(text, parsed.document, kind, options.policyType, catalog);
    checkVersion(ctx);
    for (const statement of parsed.document.statements) {
      checkActions(ctx, statement);
      checkResources(ctx, statement);
      checkConditions(ctx, statement);
      checkSecurity(ctx, statement);
      checkRedundantValues(ctx, statement);
    }
    checkRedundantStatements(ctx);
    findings.push(...ctx.findings);
  }
  if (options.maxSize !== undefined) findings.push(...sizeFindings(text, options));

  findings.sort(
    (a, b) =>
      (a.locations[0]?.span.start.offset ?? 0) - (b.locations[0]?.span.start.offset ?? 0) ||
      ORDER[a.findingType] - ORDER[b.findingType],
  );
  return { findings: dedupe(findings) };
}

function sizeFindings(text: string, options: ValidatePolicyOptions): ValidatePolicyFinding[] {
  const size = text.replace(/\s/g, "").length;
  const max = options.maxSize ?? Infinity;
  if (size <= max) return [];
  const code =
    options.policyType === "RESOURCE_POLICY" || options.policyType === "RESOURCE_CONTROL_POLICY"
      ? "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"
      : "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA";
  const start = { line: 1, column: 0, offset: 0 };
  return [
    {
      findingDetails: `The policy is ${size} characters long (whitespace not counted); the quota is ${max}. Reduce the size of the policy.`,
      findingType: findingTypeOf(code),
      issueCode: code,
      learnMoreLink: learnMoreLink(code),
      locations: [{ path: [], span: { start, end: start } }],
    },
  ];
}

/** The parser and a check can describe the same problem at the same place: keep the first. */
function dedupe(findings: ValidatePolicyFinding[]): ValidatePolicyFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.issueCode}@${f.locations[0]?.span.start.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
