// AWS JSON 1.1 (Secrets Manager): `X-Amz-Target: secretsmanager.GetSecretValue`, the input as a
// JSON object, the output as one; timestamps are epoch seconds, blobs base64, absent members left
// out; errors `{"__type": "ResourceNotFoundException", "Message": "..."}` with AWS's status.
import { AwsError } from "../errors";
import { isPrimitive, shapeOf, type MemberRef, type ServiceModel } from "./model";

export const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";

/** `secretsmanager.GetSecretValue` -> { prefix: "secretsmanager", operation: "GetSecretValue" }. */
export function parseTarget(target: string): { prefix: string; operation: string } | undefined {
  const dot = target.lastIndexOf(".");
  if (dot <= 0 || dot === target.length - 1) return undefined;
  return { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

export function serializationError(message: string): AwsError {
  return new AwsError("SerializationException", message, { status: 400 });
}

export function unknownOperation(target: string): AwsError {
  return new AwsError("UnknownOperationException", `Unknown operation ${target}.`, { status: 400 });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// Whether a shape holds a blob or a timestamp somewhere (only those need converting on input).
const needsConversionCache = new WeakMap<ServiceModel, Map<string, boolean>>();

function needsConversion(model: ServiceModel, shapeName: string, seen?: Set<string>): boolean {
  let cache = needsConversionCache.get(model);
  if (!cache) {
    cache = new Map();
    needsConversionCache.set(model, cache);
  }
  const cached = cache.get(shapeName);
  if (cached !== undefined) return cached;
  if (isPrimitive(shapeName)) return shapeName === "#blob" || shapeName === "#timestamp";
  // The set of shapes on the current path is made only when a shape is not cached yet.
  seen ??= new Set<string>();
  if (seen.has(shapeName)) return false;
  seen.add(shapeName);
  const shape = model.shapes[shapeName];
  let result = false;
  if (shape?.type === "structure") {
    const path = seen;
    result = Object.values(shape.members).some((m) => needsConversion(model, m.shape, path));
  } else if (shape?.type === "list") {
    result = needsConversion(model, shape.member.shape, seen);
  } else if (shape?.type === "map") {
    result = needsConversion(model, shape.value.shape, seen);
  }
  cache.set(shapeName, result);
  return result;
}

function convertInput(model: ServiceModel, ref: MemberRef, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return value;
  if (ref.shape === "#blob") {
    if (typeof value !== "string" || !BASE64.test(value) || value.length % 4 !== 0) {
      throw serializationError(`Invalid base64 value at ${path}.`);
    }
    return Buffer.from(value, "base64");
  }
  if (ref.shape === "#timestamp") {
    const ms =
      typeof value === "number"
        ? value * 1000
        : typeof value === "string"
          ? Date.parse(value)
          : NaN;
    if (Number.isNaN(ms)) throw serializationError(`Invalid timestamp at ${path}.`);
    return new Date(ms);
  }
  if (!needsConversion(model, ref.shape)) return value;
  const shape = shapeOf(model, ref);
  if (shape?.type === "structure" && isObject(value)) {
    const out: Record<string, unknown> = { ...value };
    for (const [member, inner] of Object.entries(shape.members)) {
      if (member in value)
        out[member] = convertInput(model, inner, value[member], `${path}.${member}`);
    }
    return out;
  }
  if (shape?.type === "list" && Array.isArray(value)) {
    return value.map((item, i) => convertInput(model, shape.member, item, `${path}[${i}]`));
  }
  if (shape?.type === "map" && isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = convertInput(model, shape.value, inner, `${path}.${key}`);
    }
    return out;
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The operation's input: the JSON object with its blobs as Buffers and timestamps as Dates. */
export function decodeJsonInput(
  model: ServiceModel,
  operation: string,
  body: Buffer,
): Record<string, unknown> {
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString("utf8"));
    } catch {
      throw serializationError("The request body is not valid JSON.");
    }
  }
  if (!isObject(input))
    throw serializationError("Start of structure or map found where not expected.");
  const shape = model.operations[operation]?.input;
  if (!shape || !needsConversion(model, shape)) return input;
  return convertInput(model, { shape }, input, "") as Record<string, unknown>;
}

/** Plain JSON data: Dates as epoch seconds, bytes as base64, null and undefined members left out. */
export function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  if (Array.isArray(value)) return value.map(toWire);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      const inner = value[key];
      if (inner !== undefined && inner !== null) out[key] = toWire(inner);
    }
    return out;
  }
  return value;
}

export function encodeJsonOutput(output: unknown): string {
  return JSON.stringify(toWire(output ?? {}));
}

export function encodeJsonError(error: AwsError): { status: number; body: string } {
  return {
    status: error.status,
    body: JSON.stringify({ __type: error.code, Message: error.message }),
  };
}
