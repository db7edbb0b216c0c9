/**
 * Parser problems as Access Analyzer findings: each of IAM's MalformedPolicyDocument reasons
 * maps to the Access Analyzer check that reports it, located by a path through the JSON.
 */
import type { PolicyParseError } from "../ast";
import { parseJson, type JsonNode } from "../json";
import { PolicyMessages } from "../parse";
import { findingTypeOf, learnMoreLink, type IssueCode } from "./codes";
import type { PathElement, ValidatePolicyFinding } from "./types";

function codeFor(error: PolicyParseError, text: string, path: PathElement[]): IssueCode {
  const { message, detail = "" } = error;
  const at = text.slice(error.span.start.offset, error.span.end.offset);
  switch (message) {
    case PolicyMessages.legacyParsing:
      return "INVALID_VERSION";
    case PolicyMessages.missingStatement:
      return "MISSING_STATEMENT";
    case PolicyMessages.missingEffect:
      return "MISSING_EFFECT";
    case PolicyMessages.missingAction:
      return "MISSING_ACTION";
    case PolicyMessages.missingResource:
      return "MISSING_RESOURCE";
    case PolicyMessages.missingPrincipal:
      return "MISSING_PRINCIPAL";
    case PolicyMessages.principalNotAllowed:
      return "UNSUPPORTED_PRINCIPAL";
    case PolicyMessages.prohibitedResource:
      return "INVALID_POLICY_ELEMENT";
    case PolicyMessages.vendorPrefix:
      // The same IAM message covers actions and condition keys.
      return path.some((p) => "value" in p && p.value === "Condition")
        ? "INVALID_CONDITION_KEY_FORMAT"
        : "INVALID_ACTION";
    case PolicyMessages.oneColon:
      return "INVALID_ACTION";
    case PolicyMessages.sidAlphanumeric:
      return "UNSUPPORTED_SID";
    case PolicyMessages.sidUnique:
      return "UNIQUE_SIDS_REQUIRED";
  }
  if (message.startsWith("Invalid effect")) return "INVALID_EFFECT";
  if (message.startsWith("Invalid principal")) return "INVALID_PRINCIPAL_FORMAT";
  if (message.startsWith("Resource ") && message.endsWith('must be in ARN format or "*".')) {
    return at.startsWith('"arn:') ? "MISSING_ARN_FIELD" : "INVALID_ARN_PREFIX";
  }
  if (detail.startsWith("Unknown principal type")) return "INVALID_PRINCIPAL_KEY";
  if (detail.startsWith("Unknown condition operator")) return "INVALID_CONDITION_OPERATOR";
  if (detail.startsWith("Unknown field")) return "INVALID_POLICY_ELEMENT";
  if (detail.startsWith("A statement cannot have both")) return "UNSUPPORTED_ELEMENT_COMBINATION";
  if (/must be (a string|strings|an object|"\*" or an object)|values must be/.test(detail)) {
    return "DATA_TYPE_MISMATCH";
  }
  return "JSON_SYNTAX_ERROR";
}

const FIXES: Partial<Record<IssueCode, string>> = {
  INVALID_VERSION: 'Set "Version" to "2012-10-17".',
  MISSING_STATEMENT: 'Add a "Statement" element.',
  MISSING_EFFECT: 'Add "Effect": "Allow" or "Effect": "Deny" to the statement.',
  INVALID_EFFECT: 'Use "Allow" or "Deny" (capitalised as shown).',
  MISSING_ACTION:
    'Add an "Action" element with at least one action, e.g. "secretsmanager:GetSecretValue".',
  MISSING_RESOURCE: 'Add a "Resource" element: a secret ARN, or "*".',
  MISSING_PRINCIPAL: 'Add a "Principal" element, e.g. {"AWS": "arn:aws:iam::111122223333:root"}.',
  UNSUPPORTED_PRINCIPAL:
    'Remove the "Principal" element: identity policies apply to the identity they are attached to.',
  UNIQUE_SIDS_REQUIRED: "Give each statement its own Sid.",
  UNSUPPORTED_SID: "Use only letters and digits in the Sid.",
  INVALID_ARN_PREFIX:
    'Write the resource as an ARN (arn:partition:service:region:account:resource) or "*".',
  MISSING_ARN_FIELD:
    "An ARN has six fields: arn:partition:service:region:account:resource. Use * for a field you do not want to restrict.",
};

export function syntaxFindings(text: string, errors: PolicyParseError[]): ValidatePolicyFinding[] {
  if (errors.length === 0) return [];
  let root: JsonNode | undefined;
  try {
    root = parseJson(text);
  } catch {
    root = undefined;
  }
  return errors.map((error) => {
    const path = root ? pathAt(root, error.span.start.offset) : [];
    const code = root ? codeFor(error, text, path) : "JSON_SYNTAX_ERROR";
    const details =
      code === "JSON_SYNTAX_ERROR"
        ? `Fix the JSON syntax error at index ${error.span.start.offset} line ${error.span.start.line} column ${error.span.start.column}${error.detail ? `: ${error.detail}` : ""}.`
        : error.detail && !error.message.includes(error.detail)
          ? `${error.message} ${error.detail}.`
          : error.message;
    const finding: ValidatePolicyFinding = {
      findingDetails: details,
      findingType: findingTypeOf(code),
      issueCode: code,
      learnMoreLink: learnMoreLink(code),
      locations: [{ path, span: error.span }],
    };
    const fix = FIXES[code];
    if (fix) finding.fix = fix;
    return finding;
  });
}

/** The path (Access Analyzer style) to the innermost key or value at `offset`. */
export function pathAt(root: JsonNode, offset: number): PathElement[] {
  const path: PathElement[] = [];
  let node: JsonNode = root;
  for (;;) {
    if (node.kind === "object") {
      const member = node.members.find(
        (m) =>
          (m.keySpan.start.offset <= offset && offset < m.keySpan.end.offset) ||
          (m.value.span.start.offset <= offset && offset < m.value.span.end.offset),
      );
      if (!member) return path;
      path.push({ value: member.key });
      if (member.keySpan.start.offset <= offset && offset < member.keySpan.end.offset) return path;
      node = member.value;
    } else if (node.kind === "array") {
      const index = node.items.findIndex(
        (item) => item.span.start.offset <= offset && offset < item.span.end.offset,
      );
      if (index < 0) return path;
      path.push({ index });
      node = node.items[index];
    } else {
      return path;
    }
  }
}
