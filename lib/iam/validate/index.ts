/** Policy validation in IAM Access Analyzer's manner (pure; needs an installed catalogue). */
export { POLICY_TYPES, policyKindFor, validatePolicy } from "./validate-policy";
export {
  validatePolicyCli,
  type ValidatePolicyRequest,
  type ValidatePolicyResponse,
} from "./validate-policy-cli";
export { ISSUE_CODES, learnMoreLink, type IssueCode } from "./codes";
export type * from "./types";
