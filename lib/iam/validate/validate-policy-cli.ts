/**
 * `strongbox iam validate-policy` / `accessanalyzer validate-policy`: Access Analyzer's
 * request in, its JSON response out (without Strongbox's extra `fix` field).
 */
import { InvalidParameter } from "@/lib/errors";
import { POLICY_TYPES, validatePolicy } from "./validate-policy";
import type { ValidatePolicyFinding, ValidatePolicyType } from "./types";

export interface ValidatePolicyRequest {
  policyDocument: string;
  policyType: string;
  validatePolicyResourceType?: string;
  locale?: string;
  maxResults?: number;
  nextToken?: string;
}

export interface ValidatePolicyResponse {
  findings: Omit<ValidatePolicyFinding, "fix">[];
  nextToken?: string;
}

export function validatePolicyCli(request: ValidatePolicyRequest): ValidatePolicyResponse {
  if (typeof request.policyDocument !== "string") {
    throw InvalidParameter("policyDocument is required", "policyDocument");
  }
  if (!POLICY_TYPES.includes(request.policyType as ValidatePolicyType)) {
    throw InvalidParameter(
      `Invalid policyType ${JSON.stringify(request.policyType)}: use one of ${POLICY_TYPES.join(", ")}`,
      "policyType",
    );
  }
  const { findings } = validatePolicy(request.policyDocument, {
    policyType: request.policyType as ValidatePolicyType,
    validatePolicyResourceType: request.validatePolicyResourceType,
  });
  const all = findings.map((f) => {
    const copy: Omit<ValidatePolicyFinding, "fix"> & { fix?: string } = { ...f };
    delete copy.fix;
    return copy;
  });
  const start = request.nextToken ? Number(request.nextToken) : 0;
  if (!Number.isInteger(start) || start < 0)
    throw InvalidParameter("Invalid nextToken", "nextToken");
  const max = request.maxResults ?? all.length;
  const page = all.slice(start, start + max);
  const response: ValidatePolicyResponse = { findings: page };
  if (start + max < all.length) response.nextToken = String(start + max);
  return response;
}
