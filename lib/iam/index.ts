/** Strongbox's IAM policy engine: parse, compile, evaluate, explain. Pure TypeScript. */
export * from "./ast";
export { parseJson, JsonSyntaxError } from "./json";
export type { JsonNode, JsonMember, JsonObject, JsonArray, JsonString } from "./json";
export {
  parsePolicy,
  tryParsePolicy,
  parseConditionOperator,
  isMalformedPolicyError,
  toMalformedPolicyError,
  PolicyMessages,
} from "./parse";
export type { MalformedPolicyError } from "./parse";
export { compilePolicy, compileDocument, setPolicyCacheSize, policyCacheSize } from "./compile";
export type { CompiledPolicy, CompiledStatement, CompileOptions } from "./compile";
export { EvaluationContext, normalizeContextValue } from "./context";
export type {
  AuthorizationRequest,
  RequestPrincipal,
  PrincipalKind,
  ContextKeyType,
  ContextScalar,
  ContextValue,
  ContextEntry,
} from "./context";
export { evaluate, createPolicySet } from "./evaluate";
export type {
  EvaluateOptions,
  EvaluationResult,
  MatchedStatement,
  PolicySet,
  PolicySetInput,
  PolicyInput,
  LabelledPolicy,
  PolicyType,
} from "./evaluate";
export { decide } from "./decide";
export type { Decision, DecisionReason, DecisionFacts, DecisionOutcome } from "./decide";
export { explain, accessDeniedMessage } from "./explain";
export { compileGlob, globMatch, wildcardMatch } from "./glob";
export type { Glob } from "./glob";
export { arnLike, parseArn } from "./arn";
export type { ArnParts } from "./arn";
export type { PrincipalGrant } from "./principal";
