// Policy documents as IAM takes them: parsed by the engine (so what saves is what it decides),
// with IAM's size quotas counted as IAM counts them (characters other than whitespace).
import { isMalformedPolicyError, parsePolicy, type PolicyKind } from "../../iam";
import { IamLimitExceeded, IamMalformedPolicy } from "./common";

export const LIMITS = {
  managed: 6_144,
  userInline: 2_048,
  groupInline: 5_120,
  roleInline: 10_240,
  trust: 2_048,
} as const;

export function policySize(document: string): number {
  return document.replace(/\s/g, "").length;
}

export function checkDocument(
  document: unknown,
  kind: PolicyKind,
  limit: number,
  what = "policy",
): string {
  if (typeof document !== "string" || document.length === 0) {
    throw IamMalformedPolicy("Syntax errors in policy.");
  }
  const size = policySize(document);
  if (size > limit) {
    throw IamLimitExceeded(
      `Cannot exceed quota for ${what === "policy" ? "PolicySize" : what}: ${limit}`,
    );
  }
  try {
    parsePolicy(document, { kind });
  } catch (error) {
    if (isMalformedPolicyError(error)) throw IamMalformedPolicy(error.message);
    throw error;
  }
  return document;
}
