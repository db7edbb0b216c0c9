import { describe, expect, it } from "vitest";
import { AwsError } from "../errors";
import {
  decodeJsonInput,
  encodeJsonError,
  encodeJsonOutput,
  parseTarget,
  toWire,
} from "./json-protocol";
import { loadModel } from "./model";

const sm = loadModel("secretsmanager");
const body = (value: unknown) => Buffer.from(JSON.stringify(value));

function serializationError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    expect((error as AwsError).code).toBe("SerializationException");
    expect((error as AwsError).status).toBe(400);
    return error as AwsError;
  }
  throw new Error("expected a SerializationException");
}

describe("parseTarget", () => {
  it("splits the service prefix from the operation", () => {
    expect(parseTarget("secretsmanager.GetSecretValue")).toEqual({
      prefix: "secretsmanager",
      operation: "GetSecretValue",
    });
    expect(parseTarget("GetSecretValue")).toBeUndefined();
    expect(parseTarget("secretsmanager.")).toBeUndefined();
  });
});

describe("decodeJsonInput", () => {
  it("turns base64 blobs into Buffers and leaves everything else as sent", () => {
    const input = decodeJsonInput(
      sm,
      "CreateSecret",
      body({ Name: "n", SecretBinary: Buffer.from([0, 1, 255]).toString("base64"), Extra: 1 }),
    );
    expect(input.SecretBinary).toEqual(Buffer.from([0, 1, 255]));
    expect(input.Name).toBe("n");
    expect(input.Extra).toBe(1);
  });

  it("converts the blob of every operation that takes one", () => {
    const input = decodeJsonInput(
      sm,
      "UpdateSecret",
      body({ SecretId: "x", SecretBinary: "AA==" }),
    );
    expect(input.SecretBinary).toEqual(Buffer.from([0]));
  });

  it("reads an empty body as no input", () => {
    expect(decodeJsonInput(sm, "ListSecrets", Buffer.alloc(0))).toEqual({});
  });

  it("refuses bodies that are not a JSON object, and invalid base64", () => {
    serializationError(() => decodeJsonInput(sm, "ListSecrets", Buffer.from("{")));
    serializationError(() => decodeJsonInput(sm, "ListSecrets", Buffer.from("[1]")));
    serializationError(() => decodeJsonInput(sm, "ListSecrets", Buffer.from("null")));
    serializationError(() => decodeJsonInput(sm, "CreateSecret", body({ SecretBinary: "***" })));
    serializationError(() => decodeJsonInput(sm, "CreateSecret", body({ SecretBinary: 12 })));
  });
});

describe("encoding", () => {
  it("writes timestamps as epoch seconds, bytes as base64, and leaves absent members out", () => {
    const wire = toWire({
      CreatedDate: new Date(1_700_000_000_250),
      SecretBinary: Buffer.from("hi"),
      Description: undefined,
      KmsKeyId: null,
      VersionStages: ["AWSCURRENT"],
      Nested: [{ When: new Date(0), Gone: undefined }],
    });
    expect(wire).toEqual({
      CreatedDate: 1_700_000_000.25,
      SecretBinary: "aGk=",
      VersionStages: ["AWSCURRENT"],
      Nested: [{ When: 0 }],
    });
    expect(encodeJsonOutput(undefined)).toBe("{}");
    expect(encodeJsonOutput({ A: 1, B: undefined })).toBe('{"A":1}');
  });

  it("writes a view of a larger buffer as its own bytes", () => {
    const backing = Buffer.from("xxhelloxx");
    expect(toWire(backing.subarray(2, 7))).toBe(Buffer.from("hello").toString("base64"));
  });

  it("writes errors as __type and Message with AWS's status", () => {
    expect(encodeJsonError(new AwsError("ResourceNotFoundException", "gone"))).toEqual({
      status: 400,
      body: '{"__type":"ResourceNotFoundException","Message":"gone"}',
    });
    expect(encodeJsonError(new AwsError("InternalServiceError", "x", { status: 500 })).status).toBe(
      500,
    );
  });
});
