// AWS JSON 1.1 (Secrets Manager): `X-Amz-Target: secretsmanager.GetSecretValue`, the input as a
// JSON object, the output as one; timestamps are epoch seconds, blobs base64, absent members left
// out; errors `{"__type": "ResourceNotFoundException", "Message": "..."}` with AWS's status. A
// body that is not a JSON object, or a member of the wrong JSON type, is a SerializationException.
import { AwsError } from "../errors";
import { shapeOf, type MemberRef, type ServiceModel } from "./model";

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

// ---------------------------------------------------------------------------------------------
// Members of the wrong JSON type. AWS's JSON services refuse them before validating anything
// else, with a SerializationException (400) in the words of their deserializer, which names the
// JSON token it met and the Java type the member has: `NUMBER_VALUE can not be converted to a
// String`, `STRING_VALUE can not be converted to an Integer`, `Start of list found where not
// expected`, `Expected list or null`. A null member is the same as an absent one; members the
// operation does not model are ignored.

/**
 * The Java type of Secrets Manager's numeric members, which the SDK's schemas (and so the model)
 * do not keep: `long` in AWS's service model for these, `integer` (MaxResults) for the others.
 */
const LONG_MEMBERS = new Set([
  "DeleteSecretRequest.RecoveryWindowInDays",
  "GetRandomPasswordRequest.PasswordLength",
  "RotationRulesType.AutomaticallyAfterDays",
]);

const START_OF_LIST = "Start of list found where not expected";
const START_OF_STRUCTURE = "Start of structure or map found where not expected.";

/** The deserializer's name for a JSON scalar: STRING_VALUE, NUMBER_VALUE, TRUE_VALUE, FALSE_VALUE. */
function tokenName(value: unknown): string {
  if (typeof value === "string") return "STRING_VALUE";
  if (typeof value === "number") return "NUMBER_VALUE";
  return value === true ? "TRUE_VALUE" : "FALSE_VALUE";
}

/** The refusal of a scalar member's value, or undefined when the value has the member's type. */
function scalarMismatch(value: unknown, expected: "String" | "Boolean" | "Integer" | "Long") {
  if (Array.isArray(value)) return START_OF_LIST;
  if (typeof value === "object") return START_OF_STRUCTURE;
  const wanted = expected === "String" ? "string" : expected === "Boolean" ? "boolean" : "number";
  if (typeof value === wanted) return undefined;
  const article = expected === "Integer" ? "an" : "a";
  return `${tokenName(value)} can not be converted to ${article} ${expected}`;
}

function numberType(owner: string | undefined, member: string | undefined): "Integer" | "Long" {
  return owner !== undefined && LONG_MEMBERS.has(`${owner}.${member}`) ? "Long" : "Integer";
}

/**
 * Checks a member's value against its shape and converts what JSON cannot carry as such (blobs
 * to Buffers, timestamps to Dates). Structures and maps are the request's own freshly parsed
 * objects, changed in place: null members are removed, converted values put back.
 */
function decodeValue(
  model: ServiceModel,
  ref: MemberRef,
  value: unknown,
  path: string,
  owner?: string,
  member?: string,
): unknown {
  switch (ref.shape) {
    case "#string": {
      const mismatch = scalarMismatch(value, "String");
      if (mismatch) throw serializationError(mismatch);
      return value;
    }
    case "#boolean": {
      const mismatch = scalarMismatch(value, "Boolean");
      if (mismatch) throw serializationError(mismatch);
      return value;
    }
    case "#number":
    case "#bigInteger":
    case "#bigDecimal": {
      const mismatch = scalarMismatch(value, numberType(owner, member));
      if (mismatch) throw serializationError(mismatch);
      return value;
    }
    case "#blob":
      if (typeof value !== "string" || !BASE64.test(value) || value.length % 4 !== 0) {
        throw serializationError(`Invalid base64 value at ${path}.`);
      }
      return Buffer.from(value, "base64");
    case "#timestamp": {
      const ms =
        typeof value === "number"
          ? value * 1000
          : typeof value === "string"
            ? Date.parse(value)
            : NaN;
      if (Number.isNaN(ms)) throw serializationError(`Invalid timestamp at ${path}.`);
      return new Date(ms);
    }
    case "#document":
      return value;
  }
  const shape = shapeOf(model, ref);
  // A target the model does not describe is passed on as sent.
  if (!shape) return value;
  switch (shape.type) {
    case "structure":
      if (Array.isArray(value)) throw serializationError(START_OF_LIST);
      if (!isObject(value)) throw serializationError("Expected null");
      decodeStructure(model, ref.shape, shape.members, value, path);
      return value;
    case "list":
      if (!Array.isArray(value)) throw serializationError("Expected list or null");
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item !== null) value[i] = decodeValue(model, shape.member, item, `${path}[${i}]`);
      }
      return value;
    case "map":
      if (!isObject(value)) throw serializationError("Expected map or null");
      for (const key of Object.keys(value)) {
        const inner = value[key];
        if (inner === null) continue;
        // Plain data only: a key such as __proto__ must not reach an object's prototype.
        Object.defineProperty(value, key, {
          value: decodeValue(model, shape.value, inner, `${path}.${key}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return value;
  }
}

function decodeStructure(
  model: ServiceModel,
  shapeName: string,
  members: Record<string, MemberRef>,
  value: Record<string, unknown>,
  path: string,
): void {
  for (const key of Object.keys(value)) {
    const inner = value[key];
    if (inner === null) {
      delete value[key];
      continue;
    }
    // Object.hasOwn: a member name comes from the model, never from Object.prototype.
    if (!Object.hasOwn(members, key)) continue;
    const decoded = decodeValue(model, members[key], inner, `${path}.${key}`, shapeName, key);
    if (decoded !== inner) value[key] = decoded;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The operation's input: the JSON object, type-checked against the operation's input shape, with
 * its blobs as Buffers and timestamps as Dates. A body that is not one JSON object is refused
 * with a SerializationException, as AWS does: AWS says nothing more for malformed JSON (nor for
 * an empty body or a scalar); Strongbox says what was wrong.
 */
export function decodeJsonInput(
  model: ServiceModel,
  operation: string,
  body: Buffer,
): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(body.toString("utf8"));
  } catch {
    throw serializationError(
      body.length === 0
        ? "The request body is empty: send a JSON object ({} for no input)."
        : "The request body is not valid JSON.",
    );
  }
  if (Array.isArray(input)) throw serializationError(START_OF_LIST);
  if (!isObject(input)) throw serializationError("The request body is not a JSON object.");
  const shapeName = model.operations[operation]?.input;
  const shape = shapeName ? model.shapes[shapeName] : undefined;
  if (shape?.type === "structure") decodeStructure(model, shapeName!, shape.members, input, "");
  return input;
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
