/**
 * SimulateCustomPolicy: evaluates each action on each resource against the policies given as
 * text, with the same engine that authorises real requests. Policies compile through the
 * engine's cache, so identical policy texts across requests are parsed once.
 */
import { AwsError, isAwsError } from "@/lib/errors";
import {
  EvaluationContext,
  evaluate,
  type AuthorizationRequest,
  type ContextValue,
  type EvaluationResult,
  type CompiledPolicy,
  type LabelledPolicy,
  type MatchedStatement,
  type PolicySet,
  type RequestPrincipal,
} from "../index";
import { compiledPolicy } from "./policy-cache";
import { UnnamedCallerContext, callerPrincipal, invalidInput, unnamedPrincipal } from "./caller";
import type {
  ContextEntryInput,
  EvalDecision,
  EvaluationResultShape,
  ResourceSpecificResult,
  SimulateCustomPolicyRequest,
  SimulateCustomPolicyResponse,
  SimulationStatement,
} from "./types";

const CONTEXT_TYPES: Record<string, { multi: boolean; engine: string }> = {
  string: { multi: false, engine: "String" },
  stringlist: { multi: true, engine: "StringList" },
  numeric: { multi: false, engine: "Numeric" },
  numericlist: { multi: true, engine: "NumericList" },
  boolean: { multi: false, engine: "Boolean" },
  booleanlist: { multi: true, engine: "BooleanList" },
  ip: { multi: false, engine: "IpAddress" },
  iplist: { multi: true, engine: "IpAddressList" },
  binary: { multi: false, engine: "Binary" },
  binarylist: { multi: true, engine: "BinaryList" },
  date: { multi: false, engine: "Date" },
  datelist: { multi: true, engine: "DateList" },
};

/** The account used for an unnamed caller when neither ResourceOwner nor the resource names one. */
export const DEFAULT_SIMULATION_ACCOUNT = "123456789012";

const POLICY_TYPE_LABEL = { identity: "IAM Policy", resource: "Resource Policy" } as const;

export function simulateCustomPolicy(
  request: SimulateCustomPolicyRequest,
): SimulateCustomPolicyResponse {
  const input = checkRequest(request);
  const policies = compilePolicies(input);
  const context = contextOf(input.ContextEntries);
  const owner = resourceOwnerAccount(input.ResourceOwner);
  const caller = input.CallerArn ? callerPrincipal(input.CallerArn) : undefined;
  const explicitResources = input.ResourceArns !== undefined && input.ResourceArns.length > 0;
  const resources = explicitResources ? input.ResourceArns! : ["*"];
  const hasBoundary = policies.boundary !== undefined;

  const all: EvaluationResultShape[] = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) {
      const evaluation = evaluateOne(action, resource, caller, owner, context, policies);
      const statements = matchedStatements(evaluation);
      const details = decisionDetails(
        evaluation,
        resource,
        caller !== undefined && policies.resource !== undefined,
      );
      const result: EvaluationResultShape = {
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: evaluation.decision,
        MatchedStatements: statements,
        MissingContextValues: explicitResources ? [] : evaluation.missingContextKeys,
      };
      if (details) result.EvalDecisionDetails = details;
      if (hasBoundary) {
        result.PermissionsBoundaryDecisionDetail = {
          AllowedByPermissionsBoundary:
            evaluation.facts.boundary !== "noAllow" && !evaluation.facts.boundaryDeny,
        };
      }
      if (explicitResources) {
        const specific: ResourceSpecificResult = {
          EvalResourceName: resource,
          EvalResourceDecision: evaluation.decision,
          MatchedStatements: statements,
          MissingContextValues: evaluation.missingContextKeys,
        };
        if (details) specific.EvalDecisionDetails = details;
        if (result.PermissionsBoundaryDecisionDetail) {
          specific.PermissionsBoundaryDecisionDetail = result.PermissionsBoundaryDecisionDetail;
        }
        result.ResourceSpecificResults = [specific];
      }
      all.push(result);
    }
  }
  return paginate(all, input.MaxItems, input.Marker);
}

function evaluateOne(
  action: string,
  resource: string,
  caller: RequestPrincipal | undefined,
  owner: string | undefined,
  context: Record<string, ContextValue> | undefined,
  policies: PolicySet,
): EvaluationResult {
  const resourceAccount = owner ?? accountOf(resource);
  const request: AuthorizationRequest = {
    principal: caller ?? unnamedPrincipal(resourceAccount ?? DEFAULT_SIMULATION_ACCOUNT),
    action,
    resource,
    context,
  };
  if (resourceAccount) request.resourceAccount = resourceAccount;
  const prepared = caller ? new EvaluationContext(request) : new UnnamedCallerContext(request);
  return evaluate(prepared, policies);
}

/** Twelve digits: an account ID (a loop, not a RegExp: this runs for every simulated request). */
function isAccountId(text: string, start = 0, end = text.length): boolean {
  if (end - start !== 12) return false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/** The account field of an ARN when it is an account ID. */
function accountOf(resource: string): string | undefined {
  let colon = -1;
  for (let k = 0; k < 4; k++) {
    colon = resource.indexOf(":", colon + 1);
    if (colon < 0) return undefined;
  }
  const end = resource.indexOf(":", colon + 1);
  if (end < 0 || !resource.startsWith("arn:")) return undefined;
  return isAccountId(resource, colon + 1, end) ? resource.slice(colon + 1, end) : undefined;
}

function resourceOwnerAccount(owner: string | undefined): string | undefined {
  if (owner === undefined) return undefined;
  if (isAccountId(owner)) return owner;
  const account = accountOf(owner);
  if (account) return account;
  throw invalidInput(
    `Invalid ResourceOwner: ${owner} is not an account ARN (arn:aws:iam::111122223333:root).`,
  );
}

const IDENTITY_LABELS: string[] = [];

function identityLabel(i: number): string {
  return (IDENTITY_LABELS[i] ??= `PolicyInputList.${i + 1}`);
}

function compilePolicies(input: SimulateCustomPolicyRequest): PolicySet {
  const boundaries = input.PermissionsBoundaryPolicyInputList ?? [];
  if (boundaries.length > 1) {
    throw invalidInput("PermissionsBoundaryPolicyInputList takes at most one policy.");
  }
  const list = input.PolicyInputList;
  const identity: LabelledPolicy[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    identity[i] = {
      label: identityLabel(i),
      policy: compileNamed(list[i], "identity", identityLabel(i)),
    };
  }
  const set: PolicySet = { identity };
  if (input.ResourcePolicy !== undefined) {
    set.resource = {
      label: "ResourcePolicy",
      policy: compileNamed(input.ResourcePolicy, "resource", "ResourcePolicy"),
    };
  }
  if (boundaries.length === 1) {
    const label = "PermissionsBoundaryPolicyInputList.1";
    set.boundary = { label, policy: compileNamed(boundaries[0], "boundary", label) };
  }
  return set;
}

/** Compiles through the caches; a MalformedPolicyDocument names the policy it came from. */
function compileNamed(
  text: string,
  kind: "identity" | "resource" | "boundary",
  id: string,
): CompiledPolicy {
  try {
    return compiledPolicy(text, kind);
  } catch (error) {
    if (isAwsError(error)) {
      throw new AwsError(error.code, `${id}: ${error.message}`, { status: error.status });
    }
    throw error;
  }
}

function contextOf(
  entries: ContextEntryInput[] | undefined,
): Record<string, ContextValue> | undefined {
  if (!entries || entries.length === 0) return undefined;
  const context: Record<string, ContextValue> = {};
  for (const entry of entries) {
    if (!entry || typeof entry.ContextKeyName !== "string" || entry.ContextKeyName.length < 5) {
      throw invalidInput("ContextKeyName must be a condition key name such as aws:SourceIp.");
    }
    const values = entry.ContextKeyValues;
    if (!isStringArray(values)) {
      throw invalidInput(`ContextKeyValues of ${entry.ContextKeyName} must be a list of strings.`);
    }
    const typeName = entry.ContextKeyType ?? (values.length === 1 ? "string" : "stringList");
    const type = CONTEXT_TYPES[String(typeName).toLowerCase()];
    if (!type) {
      throw invalidInput(
        `Invalid ContextKeyType ${JSON.stringify(typeName)} for ${entry.ContextKeyName}: use string, stringList, numeric, numericList, boolean, booleanList, ip, ipList, binary, binaryList, date or dateList.`,
      );
    }
    if (!type.multi && values.length !== 1) {
      throw invalidInput(
        `ContextKeyType ${typeName} of ${entry.ContextKeyName} takes exactly one value.`,
      );
    }
    context[entry.ContextKeyName] = { type: type.engine, value: type.multi ? values : values[0] };
  }
  return context;
}

function position(line: number, column: number): { Line: number; Column: number } {
  return { Line: line, Column: column };
}

/** AWS lists the statements that decided: the denying ones on a deny, the allowing ones on an allow. */
function matchedStatements(evaluation: EvaluationResult): SimulationStatement[] {
  if (evaluation.decision === "implicitDeny") return [];
  const effect = evaluation.decision === "explicitDeny" ? "Deny" : "Allow";
  const out: SimulationStatement[] = [];
  for (const m of evaluation.matchedStatements) {
    if (m.effect !== effect) continue;
    out.push(toStatement(m));
  }
  return out;
}

/** Positions as IAM gives them: lines and columns from 1, the end at the statement's last character. */
function toStatement(m: MatchedStatement): SimulationStatement {
  return {
    SourcePolicyId: m.policy,
    SourcePolicyType: m.policyType === "resource" ? "resource" : "none",
    StartPosition: position(m.span.start.line, m.span.start.column + 1),
    EndPosition: position(m.span.end.line, m.span.end.column),
  };
}

/**
 * AWS: present (per policy type) for cross-account simulations, present but empty for a named
 * resource in the same account, absent for "*".
 */
function decisionDetails(
  evaluation: EvaluationResult,
  resource: string,
  namedCaller: boolean,
): Record<string, EvalDecision> | undefined {
  const facts = evaluation.facts;
  if (facts.crossAccount && namedCaller) {
    return {
      [POLICY_TYPE_LABEL.identity]: facts.identityDeny
        ? "explicitDeny"
        : facts.identityAllow
          ? "allowed"
          : "implicitDeny",
      [POLICY_TYPE_LABEL.resource]: facts.resourceDeny
        ? "explicitDeny"
        : facts.resourceAllow
          ? "allowed"
          : "implicitDeny",
    };
  }
  return resource === "*" ? undefined : {};
}

function paginate(
  all: EvaluationResultShape[],
  maxItems: number | undefined,
  marker: string | undefined,
): SimulateCustomPolicyResponse {
  const start = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(start) || start < 0 || start > all.length)
    throw invalidInput(`Invalid Marker: ${marker}`);
  if (maxItems === undefined && start === 0) return { EvaluationResults: all, IsTruncated: false };
  const end = maxItems === undefined ? all.length : Math.min(all.length, start + maxItems);
  const response: SimulateCustomPolicyResponse = {
    EvaluationResults: all.slice(start, end),
    IsTruncated: end < all.length,
  };
  if (end < all.length) response.Marker = String(end);
  return response;
}

function isStringArray(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false;
  return true;
}

/** AWS's input validation (InvalidInput), so a bad request fails with a message, not a crash. */
function checkRequest(request: SimulateCustomPolicyRequest): SimulateCustomPolicyRequest {
  if (typeof request !== "object" || request === null || Array.isArray(request)) {
    throw invalidInput("The request must be a JSON object.");
  }
  const r = request as unknown as Record<string, unknown>;
  if (!isStringArray(r.PolicyInputList))
    throw invalidInput("PolicyInputList is required: a list of policy documents (JSON text).");
  if (!isStringArray(r.ActionNames) || r.ActionNames.length === 0) {
    throw invalidInput(
      "ActionNames is required: a list of actions such as secretsmanager:GetSecretValue.",
    );
  }
  for (const action of r.ActionNames) {
    if (action.length < 3 || action.length > 128)
      throw invalidInput(`Invalid action name: ${action}`);
  }
  if (r.ResourceArns !== undefined && !isStringArray(r.ResourceArns))
    throw invalidInput("ResourceArns must be a list of ARNs.");
  if (
    r.PermissionsBoundaryPolicyInputList !== undefined &&
    !isStringArray(r.PermissionsBoundaryPolicyInputList)
  ) {
    throw invalidInput(
      "PermissionsBoundaryPolicyInputList must be a list of policy documents (JSON text).",
    );
  }
  for (const field of [
    "ResourcePolicy",
    "ResourceOwner",
    "CallerArn",
    "ResourceHandlingOption",
    "Marker",
  ]) {
    if (r[field] !== undefined && typeof r[field] !== "string")
      throw invalidInput(`${field} must be a string.`);
  }
  if (r.ContextEntries !== undefined && !Array.isArray(r.ContextEntries))
    throw invalidInput("ContextEntries must be a list.");
  if (
    r.MaxItems !== undefined &&
    (!Number.isInteger(r.MaxItems) || (r.MaxItems as number) < 1 || (r.MaxItems as number) > 1000)
  ) {
    throw invalidInput("MaxItems must be an integer from 1 to 1000.");
  }
  if (r.ResourcePolicy !== undefined && r.CallerArn === undefined) {
    throw invalidInput(
      "CallerArn is required with a ResourcePolicy, so that the policy's Principal element has a caller to match.",
    );
  }
  return request;
}
