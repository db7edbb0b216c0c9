/**
 * SimulateCustomPolicy responses as JSON text, written by hand for the bulk mode: the shape is
 * fixed, and building the text directly is several times cheaper than JSON.stringify's walk.
 * The output is exactly what JSON.stringify would produce (same key order, no spaces).
 */
import type {
  EvaluationResultShape,
  ResourceSpecificResult,
  SimulateCustomPolicyResponse,
  SimulationStatement,
} from "./types";

const NEEDS_ESCAPE = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/;

function str(value: string): string {
  if (value.length > 256) return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // Quote, backslash, control characters, and anything past ASCII: let JSON.stringify decide.
    if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) return JSON.stringify(value);
  }
  return `"${value}"`;
}

function strings(values: readonly string[]): string {
  if (values.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < values.length; i++) out += (i ? "," : "") + str(values[i]);
  return out + "]";
}

function statements(list: readonly SimulationStatement[]): string {
  if (list.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    out +=
      `${i ? "," : ""}{"SourcePolicyId":${str(s.SourcePolicyId)},"SourcePolicyType":"${s.SourcePolicyType}",` +
      `"StartPosition":{"Line":${s.StartPosition.Line},"Column":${s.StartPosition.Column}},` +
      `"EndPosition":{"Line":${s.EndPosition.Line},"Column":${s.EndPosition.Column}}}`;
  }
  return out + "]";
}

function details(value: Record<string, string> | undefined): string {
  if (value === undefined) return "";
  let out = ',"EvalDecisionDetails":{';
  let first = true;
  for (const key in value) {
    out += `${first ? "" : ","}${str(key)}:"${value[key]}"`;
    first = false;
  }
  return out + "}";
}

function boundary(value: { AllowedByPermissionsBoundary: boolean } | undefined): string {
  return value === undefined
    ? ""
    : `,"PermissionsBoundaryDecisionDetail":{"AllowedByPermissionsBoundary":${value.AllowedByPermissionsBoundary}}`;
}

function specific(r: ResourceSpecificResult): string {
  return (
    `{"EvalResourceName":${str(r.EvalResourceName)},"EvalResourceDecision":"${r.EvalResourceDecision}",` +
    `"MatchedStatements":${statements(r.MatchedStatements)},"MissingContextValues":${strings(r.MissingContextValues)}` +
    `${details(r.EvalDecisionDetails)}${boundary(r.PermissionsBoundaryDecisionDetail)}}`
  );
}

function result(r: EvaluationResultShape): string {
  let out =
    `{"EvalActionName":${str(r.EvalActionName)},"EvalResourceName":${str(r.EvalResourceName)},` +
    `"EvalDecision":"${r.EvalDecision}","MatchedStatements":${statements(r.MatchedStatements)},` +
    `"MissingContextValues":${strings(r.MissingContextValues)}${details(r.EvalDecisionDetails)}` +
    boundary(r.PermissionsBoundaryDecisionDetail);
  const rs = r.ResourceSpecificResults;
  if (rs !== undefined) {
    out += ',"ResourceSpecificResults":[';
    for (let i = 0; i < rs.length; i++) out += (i ? "," : "") + specific(rs[i]);
    out += "]";
  }
  return out + "}";
}

export function serializeSimulateResponse(response: SimulateCustomPolicyResponse): string {
  const results = response.EvaluationResults;
  let out = '{"EvaluationResults":[';
  for (let i = 0; i < results.length; i++) out += (i ? "," : "") + result(results[i]);
  out += `],"IsTruncated":${response.IsTruncated}`;
  if (response.Marker !== undefined) out += `,"Marker":${str(response.Marker)}`;
  return out + "}";
}
