import { describe, expect, it } from "vitest";
import { AwsError } from "../errors";
import { loadModel, type ServiceModel } from "./model";
import {
  decodeQueryInput,
  encodeQueryError,
  encodeQueryResponse,
  isoTimestamp,
  parseFormParams,
  queryErrorCode,
} from "./query-protocol";

const iam = loadModel("iam");
const sts = loadModel("sts");
const XMLNS = "https://iam.amazonaws.com/doc/2010-05-08/";

// A model with what IAM and STS do not use: maps, flattened lists, renamed members, blobs.
const synthetic: ServiceModel = {
  namespace: "test",
  operations: { Op: { input: "OpInput", output: "OpOutput" }, Empty: { input: "EmptyInput" } },
  shapes: {
    OpInput: {
      type: "structure",
      members: {
        Attributes: { shape: "AttributeMap" },
        Flat: { shape: "Names", flattened: true },
        Renamed: { shape: "#string", xmlName: "OtherName" },
        Data: { shape: "#blob" },
        When: { shape: "#timestamp" },
        Enabled: { shape: "#boolean" },
        Count: { shape: "#number" },
        Nested: { shape: "Inner" },
      },
    },
    Inner: {
      type: "structure",
      members: { Names: { shape: "Names" }, Deeper: { shape: "Inner" } },
    },
    Names: { type: "list", member: { shape: "#string" } },
    AttributeMap: { type: "map", key: { shape: "#string" }, value: { shape: "#number" } },
    OpOutput: {
      type: "structure",
      members: {
        Attributes: { shape: "AttributeMap" },
        Flat: { shape: "Names", flattened: true },
        Data: { shape: "#blob" },
        When: { shape: "#timestamp" },
        Enabled: { shape: "#boolean" },
      },
    },
    EmptyInput: { type: "structure", members: {} },
  },
  errors: {},
};

const params = (text: string) => parseFormParams(text);

function validationError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe("ValidationError");
    return error as AwsError;
  }
  throw new Error("expected a ValidationError");
}

describe("parseFormParams", () => {
  it("decodes percent escapes and + as a space; the first of a repeated name wins", () => {
    const p = params("Action=CreateUser&UserName=a%2Fb+c&UserName=second&Empty=");
    expect(p.get("UserName")).toBe("a/b c");
    expect(p.get("Empty")).toBe("");
    expect(p.get("Action")).toBe("CreateUser");
  });
});

describe("decodeQueryInput", () => {
  it("reads member lists of structures in index order (10 after 9)", () => {
    const text = [
      "Action=CreateUser",
      "Version=2010-05-08",
      "UserName=alice",
      "Path=%2Fteam%2F",
      ...Array.from(
        { length: 10 },
        (_, i) => `Tags.member.${i + 1}.Key=k${i + 1}&Tags.member.${i + 1}.Value=v${i + 1}`,
      ),
    ].join("&");
    const input = decodeQueryInput(iam, "CreateUser", params(text));
    expect(input.UserName).toBe("alice");
    expect(input.Path).toBe("/team/");
    expect((input.Tags as { Key: string }[]).map((t) => t.Key)).toEqual(
      Array.from({ length: 10 }, (_, i) => `k${i + 1}`),
    );
    expect(input).not.toHaveProperty("Action");
    expect(input).not.toHaveProperty("Version");
  });

  it("reads an empty list sent as the bare name (the JavaScript SDK's form)", () => {
    const input = decodeQueryInput(iam, "UntagUser", params("UserName=bob&TagKeys="));
    expect(input).toEqual({ UserName: "bob", TagKeys: [] });
  });

  it("reads lists of strings, numbers and booleans", () => {
    const input = decodeQueryInput(
      iam,
      "SimulateCustomPolicy",
      params(
        "PolicyInputList.member.1=%7B%7D&ActionNames.member.1=s3%3AGetObject&ActionNames.member.2=iam%3AGetUser&MaxItems=10",
      ),
    );
    expect(input).toEqual({
      PolicyInputList: ["{}"],
      ActionNames: ["s3:GetObject", "iam:GetUser"],
      MaxItems: 10,
    });
    const update = decodeQueryInput(
      iam,
      "UpdateAccountPasswordPolicy",
      params("RequireSymbols=true&RequireNumbers=FALSE&MinimumPasswordLength=12"),
    );
    expect(update).toEqual({
      RequireSymbols: true,
      RequireNumbers: false,
      MinimumPasswordLength: 12,
    });
  });

  it("reads nested structures inside lists", () => {
    const input = decodeQueryInput(
      iam,
      "SimulateCustomPolicy",
      params(
        "ContextEntries.member.1.ContextKeyName=aws%3ASourceIp&ContextEntries.member.1.ContextKeyType=ip&ContextEntries.member.1.ContextKeyValues.member.1=10.0.0.1",
      ),
    );
    expect(input.ContextEntries).toEqual([
      { ContextKeyName: "aws:SourceIp", ContextKeyType: "ip", ContextKeyValues: ["10.0.0.1"] },
    ]);
  });

  it("reads maps, flattened lists, renamed members, blobs, timestamps", () => {
    const input = decodeQueryInput(
      synthetic,
      "Op",
      params(
        [
          "Attributes.entry.1.key=a&Attributes.entry.1.value=1",
          "Attributes.entry.2.key=__proto__&Attributes.entry.2.value=2",
          "Flat.2=second&Flat.1=first",
          "OtherName=renamed",
          `Data=${Buffer.from("bytes").toString("base64")}`,
          "When=2026-01-02T03%3A04%3A05Z",
          "Nested.Deeper.Names.member.1=deep",
        ].join("&"),
      ),
    );
    expect(Object.getPrototypeOf(input.Attributes)).toBe(Object.prototype);
    expect(Object.entries(input.Attributes as object)).toEqual([
      ["a", 1],
      ["__proto__", 2],
    ]);
    expect(input.Flat).toEqual(["first", "second"]);
    expect(input.Renamed).toBe("renamed");
    expect(input.Data).toEqual(Buffer.from("bytes"));
    expect(input.When).toEqual(new Date("2026-01-02T03:04:05Z"));
    expect(input.Nested).toEqual({ Deeper: { Names: ["deep"] } });
  });

  it("accepts epoch seconds for timestamps", () => {
    expect(decodeQueryInput(synthetic, "Op", params("When=1700000000.5")).When).toEqual(
      new Date(1_700_000_000_500),
    );
  });

  it("refuses values of the wrong kind with a ValidationError that names the member", () => {
    expect(
      validationError(() => decodeQueryInput(iam, "ListUsers", params("MaxItems=ten"))).message,
    ).toBe(
      "1 validation error detected: Value 'ten' at 'maxItems' failed to satisfy constraint: Member must be a number",
    );
    validationError(() => decodeQueryInput(synthetic, "Op", params("Enabled=yes")));
    validationError(() => decodeQueryInput(synthetic, "Op", params("When=yesterday")));
    validationError(() => decodeQueryInput(synthetic, "Op", params("Data=not*base64")));
    validationError(() => decodeQueryInput(synthetic, "Op", params("Count.member.1=1")));
  });

  it("ignores names nested deeper than any AWS shape", () => {
    const deep = `Nested.${"Deeper.".repeat(40)}Names.member.1=x`;
    expect(decodeQueryInput(synthetic, "Op", params(deep))).toEqual({});
  });

  it("ignores parameters the operation does not model and SigV4's", () => {
    expect(
      decodeQueryInput(
        iam,
        "GetUser",
        params("UserName=a&Unknown=1&X-Amz-Signature=abc&X-Amz-Credential=x"),
      ),
    ).toEqual({ UserName: "a" });
    expect(decodeQueryInput(iam, "NoSuchOperation", params("UserName=a"))).toEqual({});
  });
});

describe("encodeQueryResponse", () => {
  it("writes AWS's envelope with the result's members in the model's order", () => {
    const xml = encodeQueryResponse(
      iam,
      "CreateUser",
      {
        User: {
          Tags: [{ Key: "team", Value: "a&b" }],
          UserName: "alice",
          Path: "/",
          UserId: "AIDAEXAMPLE",
          Arn: "arn:aws:iam::111122223333:user/alice",
          CreateDate: new Date("2026-01-02T03:04:05Z"),
          PasswordLastUsed: undefined,
          Unmodelled: "dropped",
        },
      },
      "req-1",
      XMLNS,
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<CreateUserResponse xmlns="${XMLNS}"><CreateUserResult><User>` +
        "<Path>/</Path><UserName>alice</UserName><UserId>AIDAEXAMPLE</UserId>" +
        "<Arn>arn:aws:iam::111122223333:user/alice</Arn><CreateDate>2026-01-02T03:04:05Z</CreateDate>" +
        "<Tags><member><Key>team</Key><Value>a&amp;b</Value></member></Tags>" +
        "</User></CreateUserResult>" +
        "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></CreateUserResponse>",
    );
  });

  it("leaves the Result element out for operations that answer nothing", () => {
    const xml = encodeQueryResponse(iam, "DeleteUser", {}, "req-2", XMLNS);
    expect(xml).toContain(`<DeleteUserResponse xmlns="${XMLNS}"><ResponseMetadata>`);
    expect(xml).not.toContain("DeleteUserResult");
  });

  it("writes booleans, numbers, empty lists and URL-encodes policy documents as IAM does", () => {
    const document = '{"Version":"2012-10-17","Statement":[]}';
    const xml = encodeQueryResponse(
      iam,
      "GetRole",
      {
        Role: {
          RoleName: "r",
          AssumeRolePolicyDocument: document,
          MaxSessionDuration: 3600,
          Tags: [],
          CreateDate: new Date("2026-01-02T03:04:05.123Z"),
        },
      },
      "id",
      XMLNS,
    );
    expect(xml).toContain(
      "<AssumeRolePolicyDocument>%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D</AssumeRolePolicyDocument>",
    );
    expect(xml).toContain("<MaxSessionDuration>3600</MaxSessionDuration>");
    expect(xml).toContain("<Tags></Tags>");
    // AWS writes whole seconds: the stored milliseconds are not on the wire.
    expect(xml).toContain("<CreateDate>2026-01-02T03:04:05Z</CreateDate>");
    const truncated = encodeQueryResponse(
      iam,
      "ListUsers",
      { Users: [], IsTruncated: false },
      "id",
      XMLNS,
    );
    expect(truncated).toContain("<IsTruncated>false</IsTruncated>");
  });

  it("writes maps, flattened lists, blobs and timestamps", () => {
    const xml = encodeQueryResponse(
      synthetic,
      "Op",
      {
        Attributes: { a: 1, b: null },
        Flat: ["x", "y"],
        Data: Buffer.from("hi"),
        When: new Date("2026-01-02T03:04:05Z"),
        Enabled: true,
      },
      "id",
      "urn:test",
    );
    expect(xml).toContain(
      "<OpResult><Attributes><entry><key>a</key><value>1</value></entry></Attributes>" +
        "<Flat>x</Flat><Flat>y</Flat><Data>aGk=</Data><When>2026-01-02T03:04:05Z</When>" +
        "<Enabled>true</Enabled></OpResult>",
    );
  });

  it("answers STS's shapes", () => {
    const xml = encodeQueryResponse(
      sts,
      "GetCallerIdentity",
      { UserId: "AIDA1", Account: "111122223333", Arn: "arn:aws:iam::111122223333:user/a" },
      "id",
      "https://sts.amazonaws.com/doc/2011-06-15/",
    );
    expect(xml).toContain(
      "<GetCallerIdentityResult><UserId>AIDA1</UserId><Account>111122223333</Account><Arn>arn:aws:iam::111122223333:user/a</Arn></GetCallerIdentityResult>",
    );
  });

  it("writes an unmodelled operation's output by its own structure", () => {
    const xml = encodeQueryResponse(
      synthetic,
      "Unknown",
      { A: ["x"], B: { C: 1 } },
      "id",
      "urn:test",
    );
    expect(xml).toContain(
      "<UnknownResult><A><member>x</member></A><B><C>1</C></B></UnknownResult>",
    );
  });
});

describe("query errors", () => {
  it("writes ErrorResponse with Type Sender for client errors", () => {
    const { status, body } = encodeQueryError(
      iam,
      new AwsError("NoSuchEntity", "The user with name bob cannot be found.", { status: 404 }),
      "req-9",
      XMLNS,
    );
    expect(status).toBe(404);
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>NoSuchEntity</Code>` +
        "<Message>The user with name bob cannot be found.</Message></Error><RequestId>req-9</RequestId></ErrorResponse>",
    );
  });

  it("maps SDK exception names and common errors to the query codes and statuses", () => {
    expect(
      queryErrorCode(iam, new AwsError("NoSuchEntityException", "m", { status: 400 })),
    ).toEqual({
      code: "NoSuchEntity",
      status: 404,
    });
    expect(queryErrorCode(iam, new AwsError("AccessDeniedException", "m"))).toEqual({
      code: "AccessDenied",
      status: 403,
    });
    expect(queryErrorCode(sts, new AwsError("MalformedPolicyDocumentException", "m"))).toEqual({
      code: "MalformedPolicyDocument",
      status: 400,
    });
    const internal = encodeQueryError(
      undefined,
      new AwsError("InternalServiceError", "x", { status: 500 }),
      "id",
    );
    expect(internal.status).toBe(500);
    expect(internal.body).toContain("<Type>Receiver</Type><Code>InternalFailure</Code>");
  });

  it("escapes messages", () => {
    const { body } = encodeQueryError(iam, new AwsError("InvalidInput", "<bad> & 'worse'"), "id");
    expect(body).toContain("<Message>&lt;bad&gt; &amp; &apos;worse&apos;</Message>");
  });
});

describe("isoTimestamp", () => {
  it("writes UTC to the second, as IAM and STS do, dropping any fraction", () => {
    expect(isoTimestamp(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05Z");
    expect(isoTimestamp(new Date("2026-01-02T03:04:05.5Z"))).toBe("2026-01-02T03:04:05Z");
    expect(isoTimestamp(new Date("2026-01-02T03:04:05.999Z"))).toBe("2026-01-02T03:04:05Z");
    expect(isoTimestamp(new Date("1999-12-31T23:59:59.001Z"))).toBe("1999-12-31T23:59:59Z");
  });

  it("writes epoch-second numbers of a timestamp member the same way", () => {
    const xml = encodeQueryResponse(
      sts,
      "GetSessionToken",
      {
        Credentials: {
          AccessKeyId: "ASIAEXAMPLE",
          SecretAccessKey: "s",
          SessionToken: "t",
          Expiration: 1_767_323_045.25,
        },
      },
      "id",
      "https://sts.amazonaws.com/doc/2011-06-15/",
    );
    expect(xml).toContain("<Expiration>2026-01-02T03:04:05Z</Expiration>");
  });
});
