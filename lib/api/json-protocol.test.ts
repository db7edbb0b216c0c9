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

  it("refuses bodies that are not one JSON object, and invalid base64", () => {
    for (const text of ["", "{", "null", '"x"', "1", '{"MaxResults": 1,}']) {
      serializationError(() => decodeJsonInput(sm, "ListSecrets", Buffer.from(text)));
    }
    // A list is named as AWS names it.
    expect(
      serializationError(() => decodeJsonInput(sm, "ListSecrets", Buffer.from("[1]"))).message,
    ).toBe("Start of list found where not expected");
    serializationError(() => decodeJsonInput(sm, "CreateSecret", body({ SecretBinary: "***" })));
    serializationError(() => decodeJsonInput(sm, "CreateSecret", body({ SecretBinary: 12 })));
  });

  it("refuses members of the wrong JSON type in AWS's words, whatever else is wrong", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["GetSecretValue", { SecretId: 5 }, "NUMBER_VALUE can not be converted to a String"],
      ["GetSecretValue", { SecretId: true }, "TRUE_VALUE can not be converted to a String"],
      ["GetSecretValue", { SecretId: false }, "FALSE_VALUE can not be converted to a String"],
      ["GetSecretValue", { SecretId: ["x"] }, "Start of list found where not expected"],
      [
        "GetSecretValue",
        { SecretId: { a: 1 } },
        "Start of structure or map found where not expected.",
      ],
      ["ListSecrets", { MaxResults: "1" }, "STRING_VALUE can not be converted to an Integer"],
      ["ListSecrets", { MaxResults: true }, "TRUE_VALUE can not be converted to an Integer"],
      ["ListSecrets", { MaxResults: [1] }, "Start of list found where not expected"],
      [
        "ListSecrets",
        { IncludePlannedDeletion: "yes" },
        "STRING_VALUE can not be converted to a Boolean",
      ],
      [
        "ListSecrets",
        { IncludePlannedDeletion: 1 },
        "NUMBER_VALUE can not be converted to a Boolean",
      ],
      [
        "DeleteSecret",
        { SecretId: "s", RecoveryWindowInDays: "7" },
        "STRING_VALUE can not be converted to a Long",
      ],
      [
        "GetRandomPassword",
        { PasswordLength: "32" },
        "STRING_VALUE can not be converted to a Long",
      ],
      ["CreateSecret", { Name: "n", Tags: "x" }, "Expected list or null"],
      ["CreateSecret", { Name: "n", Tags: { Key: "a" } }, "Expected list or null"],
      [
        "CreateSecret",
        { Name: "n", Tags: [{ Key: 1, Value: "v" }] },
        "NUMBER_VALUE can not be converted to a String",
      ],
      ["CreateSecret", { Name: "n", Tags: ["x"] }, "Expected null"],
      ["CreateSecret", { Name: "n", Tags: [["x"]] }, "Start of list found where not expected"],
      ["ListSecrets", { Filters: [{ Key: "name", Values: "x" }] }, "Expected list or null"],
      [
        "ListSecrets",
        { Filters: [{ Key: "name", Values: [2] }] },
        "NUMBER_VALUE can not be converted to a String",
      ],
      [
        "RotateSecret",
        { SecretId: "s", RotationRules: { AutomaticallyAfterDays: "30" } },
        "STRING_VALUE can not be converted to a Long",
      ],
      ["RotateSecret", { SecretId: "s", RotationRules: "x" }, "Expected null"],
      // The wrong type is refused before a missing required member is noticed.
      ["GetSecretValue", { VersionId: 1 }, "NUMBER_VALUE can not be converted to a String"],
    ];
    for (const [operation, input, message] of cases) {
      const error = serializationError(() => decodeJsonInput(sm, operation, body(input)));
      expect([operation, input, error.message]).toEqual([operation, input, message]);
    }
  });

  it("reads a null member as an absent one and passes members it does not model", () => {
    const input = decodeJsonInput(
      sm,
      "ListSecrets",
      body({
        MaxResults: null,
        NextToken: null,
        Filters: [{ Key: "name", Values: ["a"] }],
        Foo: 1,
      }),
    );
    expect(input).toEqual({ Filters: [{ Key: "name", Values: ["a"] }], Foo: 1 });
    expect("MaxResults" in input).toBe(false);
  });

  it("does not let a member named after Object.prototype pass unchecked or reach a prototype", () => {
    const input = decodeJsonInput(
      sm,
      "GetSecretValue",
      Buffer.from('{"SecretId":"s","__proto__":{"polluted":1},"toString":5}'),
    );
    expect(input.SecretId).toBe("s");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
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
