import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/errors";
import {
  canonicalQuery,
  canonicalUri,
  computeSigV4,
  deriveSigningKey,
  hasAuthentication,
  missingAuthenticationToken,
  parseAuthorization,
  signRequest,
  SIGNATURE_MISMATCH_MESSAGE,
  sigV4RequestFromFetch,
  unrecognizedClient,
  verifySigV4,
  type SigV4Request,
  type VerifySigV4Options,
} from "./sigv4";

const FIXTURES = path.join(import.meta.dirname, "fixtures", "sigv4");
const ACCESS_KEY_ID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const NOW = new Date("2015-08-30T12:36:00Z");
const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };

/** Parses the suite's raw HTTP text: request line, `Name:value` lines, blank line, body. */
function parseRawRequest(text: string): SigV4Request {
  const blank = text.indexOf("\n\n");
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? "" : text.slice(blank + 2);
  const [requestLine, ...headerLines] = head.split("\n");
  const method = requestLine.slice(0, requestLine.indexOf(" "));
  const target = requestLine.slice(method.length + 1, requestLine.lastIndexOf(" "));
  const q = target.indexOf("?");
  const headers: Record<string, string | string[]> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon).toLowerCase();
    const value = line.slice(colon + 1);
    const previous = headers[name];
    headers[name] =
      previous === undefined
        ? value
        : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? "" : target.slice(q + 1),
    headers,
    body,
  };
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const vectors = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "presigned")
  .map(({ name }) => {
    const read = (ext: string) =>
      fs.readFileSync(path.join(FIXTURES, name, `${name}.${ext}`), "utf8");
    return {
      name,
      req: read("req"),
      creq: read("creq"),
      sts: read("sts"),
      authz: read("authz"),
      sreq: read("sreq"),
    };
  });

function expectAwsError(
  fn: () => unknown,
  code: string,
  message?: string | RegExp,
  status?: number,
) {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected an AwsError").toBeInstanceOf(AwsError);
  const error = thrown as AwsError;
  expect(error.code).toBe(code);
  if (typeof message === "string") expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  if (status !== undefined) expect(error.status).toBe(status);
  return error;
}

function verify(req: SigV4Request, options: VerifySigV4Options = {}, secret = SECRET) {
  verifySigV4(req, parseAuthorization(req, options), secret, { now: NOW, ...options });
}

describe("AWS SigV4 test suite", () => {
  it("has the vectors", () => {
    expect(vectors.length).toBeGreaterThanOrEqual(30);
  });

  describe.each(vectors)("$name", (vector) => {
    it("computes the published canonical request, string to sign and signature", () => {
      const req = parseRawRequest(vector.sreq);
      const parsed = parseAuthorization(req);
      expect(parsed).toMatchObject({
        form: "header",
        accessKeyId: ACCESS_KEY_ID,
        date: "20150830",
        region: "us-east-1",
        service: "service",
        amzDate: "20150830T123600Z",
      });
      const computed = computeSigV4(req, parsed, SECRET, sha256(req.body));
      expect(computed.canonicalRequest).toBe(vector.creq);
      expect(computed.stringToSign).toBe(vector.sts);
      expect(vector.authz.endsWith(`Signature=${computed.signature}`)).toBe(true);
      expect(parsed.signature).toBe(computed.signature);
    });

    it("signs the .req into the published Authorization header", () => {
      const req = parseRawRequest(vector.req);
      const signedHeaders = /SignedHeaders=([^,]+)/.exec(vector.authz)![1].split(";");
      const signed = signRequest({
        method: req.method,
        path: req.path,
        query: req.query,
        headers: req.headers as Record<string, string | string[]>,
        body: req.body,
        region: "us-east-1",
        service: "service",
        credentials: CREDENTIALS,
        date: NOW,
        signedHeaders,
      });
      expect(signed.authorization).toBe(vector.authz);
      expect(signed.canonicalRequest).toBe(vector.creq);
    });

    it("verifies the .sreq", () => {
      expect(() => verify(parseRawRequest(vector.sreq))).not.toThrow();
    });

    it("rejects the .sreq tampered with", () => {
      const req = parseRawRequest(vector.sreq);
      const flipped = vector.sreq.replace(
        /Signature=([0-9a-f]{63})([0-9a-f])/,
        (_, a, b) => `Signature=${a}${b === "0" ? "1" : "0"}`,
      );
      const tampered: SigV4Request[] = [
        parseRawRequest(flipped),
        { ...req, method: req.method === "GET" ? "POST" : "GET" },
        { ...req, query: req.query ? `${req.query}x` : "Param1=value1" },
        { ...req, body: `${req.body}&Param2=value2` },
        { ...req, headers: { ...req.headers, "x-amz-date": "20150830T123601Z" } },
      ];
      for (const t of tampered) {
        expectAwsError(
          () => verify(t),
          "InvalidSignatureException",
          SIGNATURE_MISMATCH_MESSAGE,
          400,
        );
      }
    });
  });

  describe("presigned get-vanilla-query-order-key-case (aws-c-auth)", () => {
    const dir = path.join(FIXTURES, "presigned", "get-vanilla-query-order-key-case");
    const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
    const req = parseRawRequest(read("query-signed-request.txt"));

    it("computes the published canonical request, string to sign and signature", () => {
      const parsed = parseAuthorization(req);
      expect(parsed).toMatchObject({
        form: "query",
        accessKeyId: ACCESS_KEY_ID,
        credentialScope: "20150830/us-east-1/service/aws4_request",
        signedHeaders: ["host"],
        amzDate: "20150830T123600Z",
      });
      const computed = computeSigV4(req, parsed, SECRET, sha256(""));
      expect(computed.canonicalRequest).toBe(read("query-canonical-request.txt"));
      expect(computed.stringToSign).toBe(read("query-string-to-sign.txt"));
      expect(computed.signature).toBe(parsed.signature);
    });

    it("verifies, and rejects a changed parameter", () => {
      expect(() => verify(req)).not.toThrow();
      expectAwsError(
        () => verify({ ...req, query: req.query.replace("Param2=value2", "Param2=value3") }),
        "InvalidSignatureException",
      );
    });
  });

  it("derives AWS's documented signing key and IAM ListUsers signature", () => {
    const key = deriveSigningKey(SECRET, "20150830", "us-east-1", "iam");
    expect(key.toString("hex")).toBe(
      "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9",
    );
    const signed = signRequest({
      method: "GET",
      path: "/",
      query: "Action=ListUsers&Version=2010-05-08",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        Host: "iam.amazonaws.com",
      },
      region: "us-east-1",
      service: "iam",
      credentials: CREDENTIALS,
      date: NOW,
    });
    expect(signed.stringToSign.split("\n")[3]).toBe(
      "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
    );
    expect(signed.signature).toBe(
      "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
  });
});

describe("canonical parts", () => {
  it("double-encodes a received path for non-S3 services and keeps it for S3", () => {
    expect(canonicalUri("/a%20b/c+d")).toBe("/a%2520b/c%2Bd");
    expect(canonicalUri("/a%20b//./c/../d/", { s3: true })).toBe("/a%20b//./c/../d/");
    expect(canonicalUri("")).toBe("/");
    expect(canonicalUri("/a/b/../../..")).toBe("/");
  });

  it("encodes the query with RFC 3986, sorts it and gives keys without value an '='", () => {
    expect(canonicalQuery("b=2&a&c=x%2Fy&a=1&d=%20+!")).toBe("a=&a=1&b=2&c=x%2Fy&d=%20%2B%21");
    expect(canonicalQuery("X-Amz-Signature=abc&a=1", "query")).toBe("a=1");
    expect(canonicalQuery("X-Amz-Signature=abc&a=1", "header")).toBe("X-Amz-Signature=abc&a=1");
    expect(canonicalQuery("&&a=%zz")).toBe("a=%25zz");
  });
});

/** A Secrets Manager call as the AWS SDK sends it. */
function secretsManagerRequest(overrides: Partial<Parameters<typeof signRequest>[0]> = {}) {
  const body = JSON.stringify({ SecretId: "prod/db" });
  const signed = signRequest({
    method: "POST",
    path: "/",
    headers: {
      host: "localhost:3000",
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "secretsmanager.GetSecretValue",
      "user-agent": "aws-sdk-js/3",
    },
    body,
    region: "us-east-1",
    service: "secretsmanager",
    credentials: CREDENTIALS,
    date: NOW,
    ...overrides,
  });
  const req: SigV4Request = {
    method: "POST",
    path: overrides.path ?? "/",
    query: signed.query,
    headers: signed.headers,
    body: overrides.body ?? body,
  };
  return { signed, req };
}

describe("verifySigV4", () => {
  it("accepts what signRequest produces, and binds body, headers and secret", () => {
    const { signed, req } = secretsManagerRequest();
    expect(signed.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/secretsmanager\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
    expect(() => verify(req, { service: "secretsmanager", region: "us-east-1" })).not.toThrow();
    expectAwsError(
      () => verify({ ...req, body: '{"SecretId":"prod/other"}' }),
      "InvalidSignatureException",
    );
    expectAwsError(
      () =>
        verify({
          ...req,
          headers: { ...req.headers, "x-amz-target": "secretsmanager.DeleteSecret" },
        }),
      "InvalidSignatureException",
    );
    // The user agent is not signed: proxies may rewrite it.
    expect(() =>
      verify({ ...req, headers: { ...req.headers, "user-agent": "curl" } }),
    ).not.toThrow();
    // The signing key cache is keyed by secret: a cached key never answers for another secret.
    expectAwsError(() => verify(req, {}, `${SECRET}x`), "InvalidSignatureException");
    expect(() => verify(req)).not.toThrow();
  });

  it("accepts a Buffer body and an encoded path", () => {
    const body = Buffer.from([0, 1, 2, 250]);
    const { req } = secretsManagerRequest({ body, path: "/prod%2Fdb/a%20b" });
    expect(() => verify(req)).not.toThrow();
    expectAwsError(() => verify({ ...req, path: "/prod/db/a%20b" }), "InvalidSignatureException");
  });

  it("returns the session token and signs it", () => {
    const { req } = secretsManagerRequest({
      credentials: { ...CREDENTIALS, sessionToken: "FQoGZXIvYXdzEXAMPLE" },
    });
    const parsed = parseAuthorization(req);
    expect(parsed.securityToken).toBe("FQoGZXIvYXdzEXAMPLE");
    expect(parsed.signedHeaders).toContain("x-amz-security-token");
    expect(() => verify(req)).not.toThrow();
    expectAwsError(
      () => verify({ ...req, headers: { ...req.headers, "x-amz-security-token": "other" } }),
      "InvalidSignatureException",
    );
  });

  it("answers an expired or future request in AWS's words", () => {
    const { req } = secretsManagerRequest();
    const parsed = parseAuthorization(req);
    expectAwsError(
      () => verifySigV4(req, parsed, SECRET, { now: new Date("2015-08-30T12:56:00Z") }),
      "InvalidSignatureException",
      "Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z (20150830T125600Z - 15 min.)",
      400,
    );
    expectAwsError(
      () => verifySigV4(req, parsed, SECRET, { now: new Date("2015-08-30T12:20:00Z") }),
      "InvalidSignatureException",
      "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)",
    );
    expect(() =>
      verifySigV4(req, parsed, SECRET, { now: new Date("2015-08-30T12:50:59Z") }),
    ).not.toThrow();
    expectAwsError(
      () =>
        verifySigV4(req, parsed, SECRET, {
          now: new Date("2015-08-30T12:56:00Z"),
          protocol: "query",
        }),
      "SignatureDoesNotMatch",
      /^Signature expired/,
      403,
    );
  });

  it("checks the credential scope against the request date, region and service", () => {
    const { req } = secretsManagerRequest();
    const auth = req.headers.authorization as string;
    expectAwsError(
      () =>
        verify({
          ...req,
          headers: { ...req.headers, authorization: auth.replace("/20150830/", "/20150831/") },
        }),
      "InvalidSignatureException",
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.",
    );
    expectAwsError(
      () => verify(req, { region: "eu-west-1" }),
      "InvalidSignatureException",
      "Credential should be scoped to a valid region, not 'us-east-1'.",
    );
    expectAwsError(
      () => verify(req, { service: ["iam", "sts"] }),
      "InvalidSignatureException",
      "Credential should be scoped to correct service: 'iam'.",
    );
    expect(() =>
      verify(req, { service: ["iam", "secretsmanager"], region: ["us-east-1"] }),
    ).not.toThrow();
    expectAwsError(
      () =>
        verify({
          ...req,
          headers: { ...req.headers, authorization: auth.replace("aws4_request", "aws5_request") },
        }),
      "InvalidSignatureException",
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
    );
  });

  it("requires Host to be signed", () => {
    const { req } = secretsManagerRequest({ signedHeaders: ["x-amz-date", "x-amz-target"] });
    expectAwsError(
      () => verify(req),
      "InvalidSignatureException",
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  });

  it("checks a declared x-amz-content-sha256 against the body", () => {
    const { req } = secretsManagerRequest({ signPayloadHeader: true });
    expect(req.headers["x-amz-content-sha256"]).toBe(sha256(req.body));
    expect(() => verify(req)).not.toThrow();
    expectAwsError(
      () => verify({ ...req, body: "{}" }),
      "InvalidSignatureException",
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
    );
    const unsigned = {
      ...req,
      headers: { ...req.headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    };
    expectAwsError(() => verify(unsigned), "InvalidSignatureException", /UNSIGNED-PAYLOAD/);
  });

  it("verifies presigned URLs with their expiry, UNSIGNED-PAYLOAD and a session token", () => {
    const signed = signRequest({
      method: "GET",
      path: "/",
      query: "Action=GetSecretValue&SecretId=prod%2Fdb",
      headers: { host: "localhost:3000" },
      region: "us-east-1",
      service: "secretsmanager",
      credentials: { ...CREDENTIALS, sessionToken: "token/with+chars=" },
      date: NOW,
      presign: { expiresIn: 60 },
    });
    expect(signed.authorization).toBeUndefined();
    const req: SigV4Request = {
      method: "GET",
      path: "/",
      query: signed.query,
      headers: signed.headers,
      body: "",
    };
    expect(hasAuthentication(req)).toBe(true);
    const parsed = parseAuthorization(req);
    expect(parsed).toMatchObject({
      form: "query",
      expires: 60,
      securityToken: "token/with+chars=",
    });
    const at = (iso: string) => ({ now: new Date(iso) });
    expect(() => verifySigV4(req, parsed, SECRET, at("2015-08-30T12:36:59Z"))).not.toThrow();
    expectAwsError(
      () => verifySigV4(req, parsed, SECRET, at("2015-08-30T12:37:01Z")),
      "InvalidSignatureException",
      "Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z (20150830T123701Z - 60 sec.)",
    );
    expectAwsError(
      () =>
        verifySigV4(
          { ...req, query: req.query.replace("X-Amz-Expires=60", "X-Amz-Expires=3600") },
          parsed,
          SECRET,
          at("2015-08-30T12:36:30Z"),
        ),
      "InvalidSignatureException",
    );
  });

  it("accepts UNSIGNED-PAYLOAD on a presigned request", () => {
    const signed = signRequest({
      method: "PUT",
      path: "/upload",
      headers: { host: "localhost:3000", "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
      region: "us-east-1",
      service: "secretsmanager",
      credentials: CREDENTIALS,
      date: NOW,
      presign: { expiresIn: 900 },
    });
    expect(signed.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
    const req: SigV4Request = {
      method: "PUT",
      path: "/upload",
      query: signed.query,
      headers: signed.headers,
      body: "any body",
    };
    expect(() => verify(req)).not.toThrow();
  });

  it("refuses a wrongly sized or upper-case signature", () => {
    const { req } = secretsManagerRequest();
    const auth = req.headers.authorization as string;
    for (const bad of [
      auth.slice(0, -1),
      auth.replace(/Signature=([0-9a-f]+)/, (_, s: string) => `Signature=${s.toUpperCase()}`),
    ]) {
      expectAwsError(
        () => verify({ ...req, headers: { ...req.headers, authorization: bad } }),
        "InvalidSignatureException",
      );
    }
  });
});

describe("parseAuthorization", () => {
  const base: SigV4Request = {
    method: "POST",
    path: "/",
    query: "",
    headers: { host: "localhost", "x-amz-date": "20150830T123600Z" },
    body: "",
  };
  const withAuth = (authorization: string, headers: SigV4Request["headers"] = base.headers) => ({
    ...base,
    headers: { ...headers, authorization },
  });

  it("answers no authentication with MissingAuthenticationToken", () => {
    expect(hasAuthentication(base)).toBe(false);
    expect(hasAuthentication({ ...base, query: "Action=ListUsers" })).toBe(false);
    expectAwsError(
      () => parseAuthorization(base),
      "MissingAuthenticationTokenException",
      "Missing Authentication Token",
      400,
    );
    expectAwsError(
      () => parseAuthorization(base, { protocol: "query" }),
      "MissingAuthenticationToken",
      undefined,
      403,
    );
    expect(missingAuthenticationToken().code).toBe("MissingAuthenticationTokenException");
    expect(unrecognizedClient("json")).toMatchObject({
      code: "UnrecognizedClientException",
      message: "The security token included in the request is invalid.",
      status: 400,
    });
    expect(unrecognizedClient("query")).toMatchObject({
      code: "InvalidClientTokenId",
      status: 403,
    });
  });

  it("accepts the fields without spaces after commas", () => {
    const parsed = parseAuthorization(
      withAuth(
        `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request,SignedHeaders=host;x-amz-date,Signature=${"a".repeat(64)}`,
      ),
    );
    expect(parsed).toMatchObject({
      accessKeyId: "AKID",
      service: "iam",
      signedHeaders: ["host", "x-amz-date"],
    });
  });

  it("takes the date from a Date header when there is no X-Amz-Date", () => {
    const parsed = parseAuthorization(
      withAuth(
        `AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=date;host, Signature=${"a".repeat(64)}`,
        {
          host: "localhost",
          date: "Sun, 30 Aug 2015 12:36:00 GMT",
        },
      ),
    );
    expect(parsed.amzDate).toBe("20150830T123600Z");
  });

  it("answers malformed headers with IncompleteSignature", () => {
    const error = expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host",
          ),
        ),
      "IncompleteSignatureException",
      /^Authorization header requires 'Signature' parameter\. Authorization=AWS4-HMAC-SHA256 /,
      400,
    );
    expect(error.message).not.toMatch(/Credential' parameter/);
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=ab",
            { host: "localhost" },
          ),
        ),
      "IncompleteSignatureException",
      /requires existence of either a 'X-Amz-Date' or a 'Date' header/,
    );
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/aws4_request, SignedHeaders=host, Signature=ab",
          ),
        ),
      "IncompleteSignatureException",
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKID/20150830/us-east-1/aws4_request'",
    );
    expectAwsError(
      () => parseAuthorization(withAuth("AWS4-HMAC-SHA512 Credential=a/b/c/d/aws4_request")),
      "IncompleteSignatureException",
      /Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512'/,
    );
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=Host, Signature=ab",
          ),
        ),
      "IncompleteSignatureException",
      /SignedHeaders/,
    );
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=ab",
            { host: "h", "x-amz-date": "2015-08-30T12:36:00Z" },
          ),
        ),
      "IncompleteSignatureException",
      "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    );
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=ab",
            { host: "h", "x-amz-date": "20150231T123600Z" },
          ),
        ),
      "IncompleteSignatureException",
      /basic format/,
    );
    expectAwsError(
      () =>
        parseAuthorization(
          withAuth("AWS4-HMAC-SHA256 Credential=a/20150830/r/s/aws4_request, Signature=ab"),
          { protocol: "query" },
        ),
      "IncompleteSignature",
      /^Authorization header requires 'SignedHeaders' parameter\./,
      400,
    );
  });

  it("answers malformed presigned queries with IncompleteSignature", () => {
    expectAwsError(
      () =>
        parseAuthorization({
          ...base,
          query: "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=ab",
        }),
      "IncompleteSignatureException",
      "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'. Re-examine the query-string parameters.",
    );
    const full =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fs%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Signature=ab";
    expect(parseAuthorization({ ...base, query: full }).accessKeyId).toBe("AKID");
    expectAwsError(
      () => parseAuthorization({ ...base, query: `${full}&X-Amz-Expires=604801` }),
      "IncompleteSignatureException",
      /X-Amz-Expires/,
    );
    expectAwsError(
      () => parseAuthorization({ ...base, query: `${full}&X-Amz-Expires=soon` }),
      "IncompleteSignatureException",
      "X-Amz-Expires should be a number",
    );
    expectAwsError(
      () => parseAuthorization({ ...withAuth("AWS4-HMAC-SHA256 Credential=x"), query: full }),
      "IncompleteSignatureException",
      /^Only one auth mechanism allowed/,
    );
  });
});

describe("sigV4RequestFromFetch", () => {
  it("turns a signed fetch Request into a request that verifies", async () => {
    const { signed } = secretsManagerRequest();
    const request = new Request(`http://localhost:3000/?${signed.query}`, {
      method: "POST",
      headers: signed.headers as Record<string, string>,
      body: JSON.stringify({ SecretId: "prod/db" }),
    });
    const req = await sigV4RequestFromFetch(request);
    expect(req).toMatchObject({ method: "POST", path: "/", query: "" });
    expect(req.body.toString()).toBe('{"SecretId":"prod/db"}');
    expect(() => verify(req)).not.toThrow();
  });
});
