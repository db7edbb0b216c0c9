// AWS's query protocol (IAM, STS): requests are form parameters (`Action=CreateUser&Version=
// 2010-05-08&UserName=alice&Tags.member.1.Key=team&Tags.member.1.Value=payments`), answers are
// XML (`<CreateUserResponse><CreateUserResult>...</CreateUserResult><ResponseMetadata>`). Both
// directions are driven by the operation's shapes (lib/api/model.ts): lists are `Name.member.N`,
// maps `Name.entry.N.key`/`.value`, timestamps ISO 8601 to the second, booleans `true`/`false`, blobs base64.
import { AwsError } from "../errors";
import { uriEncode } from "../crypto/sigv4";
import { isPrimitive, shapeOf, type MemberRef, type ServiceModel } from "./model";
import { XmlWriter } from "./xml";

// ---------------------------------------------------------------------------------------------
// Requests

/** Form parameters (`application/x-www-form-urlencoded` or a query string); the first of a name wins. */
export function parseFormParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(text)) {
    if (!params.has(key)) params.set(key, value);
  }
  return params;
}

/** Parameters that belong to the protocol or to SigV4, not to the operation's input. */
const isEnvelopeParam = (key: string) =>
  key === "Action" || key === "Version" || key.startsWith("X-Amz-");

interface ParamNode {
  value?: string;
  children?: Map<string, ParamNode>;
}

/** No AWS shape nests this deep; deeper names are ignored rather than walked. */
const MAX_DEPTH = 32;

/** `Tags.member.1.Key=v` -> Tags → member → 1 → Key = "v". */
function paramTree(params: Map<string, string>): ParamNode {
  const root: ParamNode = {};
  for (const [key, value] of params) {
    if (isEnvelopeParam(key)) continue;
    const parts = key.split(".", MAX_DEPTH + 1);
    if (parts.length > MAX_DEPTH) continue;
    let node = root;
    for (const part of parts) {
      node.children ??= new Map();
      let child = node.children.get(part);
      if (!child) {
        child = {};
        node.children.set(part, child);
      }
      node = child;
    }
    node.value = value;
  }
  return root;
}

export function queryValidationError(message: string): AwsError {
  return new AwsError("ValidationError", message, { status: 400 });
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function invalid(value: string | undefined, path: string[], what: string): AwsError {
  const at = path.map(lowerFirst).join(".");
  return queryValidationError(
    `1 validation error detected: Value '${value ?? ""}' at '${at}' failed to satisfy constraint: Member must be ${what}`,
  );
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const EPOCH = /^\d+(\.\d+)?$/;

/** Numbered children in order (`member.1`, `member.2`, ...); other names are ignored. */
function numbered(node: ParamNode | undefined): ParamNode[] {
  if (!node?.children) return [];
  return [...node.children.entries()]
    .filter(([key]) => /^[1-9]\d*$/.test(key))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, child]) => child);
}

function decodePrimitive(shape: string, node: ParamNode, path: string[]): unknown {
  const value = node.value;
  if (value === undefined) throw invalid(undefined, path, "a scalar value");
  switch (shape) {
    case "#number":
    case "#bigInteger":
    case "#bigDecimal":
      if (!NUMBER.test(value)) throw invalid(value, path, "a number");
      return Number(value);
    case "#boolean": {
      const lowered = value.toLowerCase();
      if (lowered !== "true" && lowered !== "false") throw invalid(value, path, "true or false");
      return lowered === "true";
    }
    case "#timestamp": {
      const ms = EPOCH.test(value) ? Number(value) * 1000 : Date.parse(value);
      if (Number.isNaN(ms)) throw invalid(value, path, "an ISO 8601 timestamp");
      return new Date(ms);
    }
    case "#blob":
      if (!BASE64.test(value) || value.length % 4 !== 0) throw invalid(value, path, "base64");
      return Buffer.from(value, "base64");
    default:
      return value;
  }
}

function decodeNode(model: ServiceModel, ref: MemberRef, node: ParamNode, path: string[]): unknown {
  if (isPrimitive(ref.shape)) return decodePrimitive(ref.shape, node, path);
  const shape = shapeOf(model, ref);
  if (!shape) return node.value;
  switch (shape.type) {
    case "structure":
      return decodeStructure(model, ref.shape, node, path);
    case "list": {
      const items = ref.flattened ? node : node.children?.get(shape.member.xmlName ?? "member");
      // An empty list is sent as the bare name with an empty value (`Tags=`).
      return numbered(items).map((item, i) =>
        decodeNode(model, shape.member, item, [...path, `member.${i + 1}`]),
      );
    }
    case "map": {
      const entries = ref.flattened ? node : node.children?.get("entry");
      const out: Record<string, unknown> = {};
      for (const entry of numbered(entries)) {
        const key = entry.children?.get(shape.key.xmlName ?? "key")?.value;
        const value = entry.children?.get(shape.value.xmlName ?? "value");
        if (key === undefined || value === undefined) continue;
        // Plain data only: a key such as __proto__ must not reach an object's prototype.
        Object.defineProperty(out, key, {
          value: decodeNode(model, shape.value, value, [...path, key]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

function decodeStructure(
  model: ServiceModel,
  shapeName: string,
  node: ParamNode,
  path: string[],
): Record<string, unknown> {
  const shape = model.shapes[shapeName];
  const out: Record<string, unknown> = {};
  if (shape?.type !== "structure") return out;
  for (const [member, ref] of Object.entries(shape.members)) {
    const child = node.children?.get(ref.xmlName ?? member);
    if (child) out[member] = decodeNode(model, ref, child, [...path, member]);
  }
  return out;
}

/** The operation's input in AWS's request shape (parameters it does not model are ignored). */
export function decodeQueryInput(
  model: ServiceModel,
  operation: string,
  params: Map<string, string>,
): Record<string, unknown> {
  const input = model.operations[operation]?.input;
  if (!input) return {};
  return decodeStructure(model, input, paramTree(params), []);
}

// ---------------------------------------------------------------------------------------------
// Responses

/**
 * ISO 8601 as IAM and STS write it: to the second, in UTC (`2024-01-02T03:04:05Z`), whatever
 * fraction of a second the stored time has.
 */
export function isoTimestamp(date: Date): string {
  const text = date.toISOString();
  // toISOString always ends in `.sssZ` (years 0 to 9999).
  return text.endsWith("Z") && text.charAt(text.length - 5) === "."
    ? `${text.slice(0, -5)}Z`
    : text;
}

function scalarText(shape: string | undefined, value: unknown, ref?: MemberRef): string {
  if (value instanceof Date) {
    return shape === "#number" ? String(value.getTime() / 1000) : isoTimestamp(value);
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (shape === "#timestamp" && typeof value === "number")
    return isoTimestamp(new Date(value * 1000));
  if (typeof value === "object") return JSON.stringify(value);
  const text = String(value);
  return ref?.urlEncoded ? uriEncode(text) : text;
}

function writeValue(
  model: ServiceModel,
  w: XmlWriter,
  name: string,
  value: unknown,
  ref: MemberRef | undefined,
): void {
  if (value === undefined || value === null) return;
  const shape = ref ? shapeOf(model, ref) : undefined;
  if (shape?.type === "structure" || (!ref && isPlainObject(value))) {
    w.open(name);
    writeMembers(
      model,
      w,
      value as Record<string, unknown>,
      shape?.type === "structure" ? shape.members : undefined,
    );
    w.close(name);
  } else if (shape?.type === "list" || (!ref && Array.isArray(value))) {
    if (!Array.isArray(value)) return;
    const member = shape?.type === "list" ? shape.member : undefined;
    if (ref?.flattened) {
      for (const item of value) writeValue(model, w, member?.xmlName ?? name, item, member);
      return;
    }
    w.open(name);
    for (const item of value) writeValue(model, w, member?.xmlName ?? "member", item, member);
    w.close(name);
  } else if (shape?.type === "map") {
    if (!isPlainObject(value)) return;
    w.open(name);
    for (const [key, inner] of Object.entries(value)) {
      if (inner === undefined || inner === null) continue;
      w.open("entry");
      w.leaf(shape.key.xmlName ?? "key", key);
      writeValue(model, w, shape.value.xmlName ?? "value", inner, shape.value);
      w.close("entry");
    }
    w.close(name);
  } else {
    w.leaf(name, scalarText(ref?.shape, value, ref));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

/** Members in the model's order; without a model (an unmodelled operation), in the object's. */
function writeMembers(
  model: ServiceModel,
  w: XmlWriter,
  value: Record<string, unknown>,
  members: Record<string, MemberRef> | undefined,
): void {
  if (!members) {
    for (const [key, inner] of Object.entries(value)) writeValue(model, w, key, inner, undefined);
    return;
  }
  for (const [member, ref] of Object.entries(members)) {
    writeValue(model, w, ref.xmlName ?? member, value[member], ref);
  }
}

export interface QueryAnswer {
  status: number;
  body: string;
}

export const QUERY_CONTENT_TYPE = "text/xml";

/** `<XResponse xmlns><XResult>...</XResult><ResponseMetadata>` (no Result for operations that answer nothing). */
export function encodeQueryResponse(
  model: ServiceModel,
  operation: string,
  output: unknown,
  requestId: string,
  xmlns: string,
): string {
  const w = new XmlWriter().open(`${operation}Response`, { xmlns });
  const modelled = model.operations[operation];
  const outputShape = modelled?.output;
  if (outputShape || (!modelled && isPlainObject(output) && Object.keys(output).length > 0)) {
    const result = `${operation}Result`;
    w.open(result);
    if (isPlainObject(output)) {
      const shape = outputShape ? model.shapes[outputShape] : undefined;
      writeMembers(model, w, output, shape?.type === "structure" ? shape.members : undefined);
    }
    w.close(result);
  }
  return w
    .open("ResponseMetadata")
    .leaf("RequestId", requestId)
    .close("ResponseMetadata")
    .close(`${operation}Response`)
    .toString();
}

// Errors every query service shares, in their query names.
const COMMON_ERRORS: Record<string, { code: string; status: number }> = {
  AccessDeniedException: { code: "AccessDenied", status: 403 },
  InternalServiceError: { code: "InternalFailure", status: 500 },
  ValidationException: { code: "ValidationError", status: 400 },
  ThrottlingException: { code: "Throttling", status: 400 },
};

/** The query protocol's code and status for an error (SDK exception names mapped to query codes). */
export function queryErrorCode(
  model: ServiceModel | undefined,
  error: AwsError,
): { code: string; status: number } {
  return (
    model?.errors[error.code] ??
    COMMON_ERRORS[error.code] ?? { code: error.code, status: error.status }
  );
}

/** `<ErrorResponse><Error><Type>Sender</Type><Code>..</Code><Message>..</Message></Error><RequestId>`. */
export function encodeQueryError(
  model: ServiceModel | undefined,
  error: AwsError,
  requestId: string,
  xmlns?: string,
): QueryAnswer {
  const { code, status } = queryErrorCode(model, error);
  const body = new XmlWriter()
    .open("ErrorResponse", xmlns ? { xmlns } : undefined)
    .open("Error")
    .leaf("Type", status >= 500 ? "Receiver" : "Sender")
    .leaf("Code", code)
    .leaf("Message", error.message)
    .close("Error")
    .leaf("RequestId", requestId)
    .close("ErrorResponse")
    .toString();
  return { status, body };
}
