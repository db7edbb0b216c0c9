// What goes over the wire, byte for byte where it matters: routes, headers, JSON 1.1 bodies,
// AWS's error shapes. Requests are signed with the AWS SDK's own signer (@smithy/signature-v4).
import { Sha256 } from "@smithy/core/checksum";
import { SignatureV4 } from "@smithy/signature-v4";
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer, type RunningServer } from "@/lib/api/http-server";
import { Authenticator } from "@/lib/api/auth";
import { ADMIN_POLICY, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("wire-admin", ADMIN_POLICY);
  const sm = h.secretsManager(admin);
  await sm.send(
    new CreateSecretCommand({ Name: "wire/string", SecretString: "hello", Description: undefined }),
  );
  await sm.send(
    new CreateSecretCommand({ Name: "wire/binary", SecretBinary: Buffer.from([1, 2, 3]) }),
  );
  sm.destroy();
});
afterAll(async () => h?.close());

function signer(
  service: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = admin,
) {
  return new SignatureV4({ service, region: "us-east-1", credentials, sha256: Sha256 });
}

interface Call {
  path?: string;
  target?: string;
  body?: string;
  contentType?: string;
  method?: string;
  query?: Record<string, string>;
  sign?: boolean | { accessKeyId: string; secretAccessKey: string };
  service?: string;
}

/** One HTTP request to the API, signed by the SDK's signer unless `sign` is false. */
async function call(options: Call): Promise<Response> {
  const url = new URL(h.endpoint);
  const path = options.path ?? "/";
  const headers: Record<string, string> = {
    host: url.host,
    "content-type": options.contentType ?? "application/x-amz-json-1.1",
  };
  if (options.target) headers["x-amz-target"] = options.target;
  const request = {
    method: options.method ?? "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path,
    query: options.query ?? {},
    headers,
    body: options.body,
  };
  const signed =
    options.sign === false
      ? request
      : await signer(
          options.service ?? "secretsmanager",
          typeof options.sign === "object" ? options.sign : admin,
        ).sign(request);
  const query = new URLSearchParams(signed.query as Record<string, string>).toString();
  return fetch(`${h.endpoint}${path}${query ? `?${query}` : ""}`, {
    method: signed.method,
    headers: Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== "host")),
    body: signed.body,
    redirect: "manual",
  });
}

describe("JSON 1.1 answers", () => {
  it("carries x-amzn-RequestId, Date and the JSON 1.1 content type", async () => {
    const res = await call({
      target: "secretsmanager.GetSecretValue",
      body: '{"SecretId":"wire/string"}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-amz-json-1.1");
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(res.headers.get("date")!)).not.toBeNaN();
    const body = (await res.json()) as Record<string, unknown>;
    // Timestamps are epoch seconds; absent members are left out, never null.
    expect(typeof body.CreatedDate).toBe("number");
    expect(Math.abs((body.CreatedDate as number) - Date.now() / 1000)).toBeLessThan(120);
    expect(body).not.toHaveProperty("SecretBinary");
    expect(Object.values(body)).not.toContain(null);
    expect(body.SecretString).toBe("hello");
  });

  it("sends SecretBinary base64 both ways", async () => {
    const res = await call({
      target: "secretsmanager.GetSecretValue",
      body: '{"SecretId":"wire/binary"}',
    });
    expect(((await res.json()) as { SecretBinary: string }).SecretBinary).toBe("AQID");
  });

  it("answers errors as {__type, Message} with AWS's status", async () => {
    const res = await call({
      target: "secretsmanager.DescribeSecret",
      body: '{"SecretId":"wire/none"}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-requestid")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-amzn-errortype")).toBe("ResourceNotFoundException");
    expect(await res.json()).toEqual({
      __type: "ResourceNotFoundException",
      Message: "Secrets Manager can't find the specified secret.",
    });
  });

  it("refuses an unknown operation, malformed JSON and an unsigned request", async () => {
    const unknown = await call({ target: "secretsmanager.StealEverything", body: "{}" });
    expect([unknown.status, ((await unknown.json()) as { __type: string }).__type]).toEqual([
      400,
      "UnknownOperationException",
    ]);
    const malformed = await call({ target: "secretsmanager.ListSecrets", body: "{not json" });
    expect(((await malformed.json()) as { __type: string }).__type).toBe("SerializationException");
    const unsigned = await call({ target: "secretsmanager.ListSecrets", body: "{}", sign: false });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toEqual({
      __type: "MissingAuthenticationTokenException",
      Message: "Missing Authentication Token",
    });
  });
});

describe("JSON members of the wrong type", () => {
  it("answer SerializationException (400) in AWS's words, before anything else is checked", async () => {
    const cases: [string, string, string][] = [
      ["GetSecretValue", '{"SecretId":5}', "NUMBER_VALUE can not be converted to a String"],
      ["GetSecretValue", '{"SecretId":["wire/string"]}', "Start of list found where not expected"],
      ["ListSecrets", '{"MaxResults":"10"}', "STRING_VALUE can not be converted to an Integer"],
      ["CreateSecret", '{"Name":"wire/typed","Tags":"x"}', "Expected list or null"],
      // The secret does not exist and VersionStage is fine: the type is refused first.
      [
        "GetSecretValue",
        '{"SecretId":"wire/none","VersionId":true}',
        "TRUE_VALUE can not be converted to a String",
      ],
    ];
    for (const [operation, body, message] of cases) {
      const res = await call({ target: `secretsmanager.${operation}`, body });
      expect([operation, body, res.status, res.headers.get("x-amzn-errortype")]).toEqual([
        operation,
        body,
        400,
        "SerializationException",
      ]);
      expect(await res.json()).toEqual({ __type: "SerializationException", Message: message });
    }
    // Nothing was created by the refused CreateSecret.
    const described = await call({
      target: "secretsmanager.DescribeSecret",
      body: '{"SecretId":"wire/typed"}',
    });
    expect(((await described.json()) as { __type: string }).__type).toBe(
      "ResourceNotFoundException",
    );
  });

  it("read null as absent, and refuse an empty body and a JSON list as AWS does", async () => {
    const nulls = await call({
      target: "secretsmanager.GetSecretValue",
      body: '{"SecretId":"wire/string","VersionId":null,"VersionStage":null}',
    });
    expect(nulls.status).toBe(200);
    expect(((await nulls.json()) as { SecretString: string }).SecretString).toBe("hello");
    const empty = await call({ target: "secretsmanager.ListSecrets", body: "" });
    expect([empty.status, ((await empty.json()) as { __type: string }).__type]).toEqual([
      400,
      "SerializationException",
    ]);
    const list = await call({ target: "secretsmanager.ListSecrets", body: "[]" });
    expect(await list.json()).toEqual({
      __type: "SerializationException",
      Message: "Start of list found where not expected",
    });
  });
});

describe("query-protocol timestamps", () => {
  it("are written to the second, as IAM writes them", async () => {
    const res = await call({
      service: "iam",
      contentType: "application/x-www-form-urlencoded",
      body: `Action=GetUser&Version=2010-05-08&UserName=${admin.userName}`,
    });
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toMatch(/<CreateDate>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/CreateDate>/);
  });
});

describe("routes", () => {
  it("answers on /api/aws and /api/aws/ without redirecting", async () => {
    for (const path of ["/api/aws", "/api/aws/"]) {
      const res = await call({ path, target: "secretsmanager.ListSecrets", body: "{}" });
      expect(res.status, path).toBe(200);
      expect((await res.json()) as object).toHaveProperty("SecretList");
    }
  });

  it("accepts the presigned query form (the SDK signer's presign)", async () => {
    const url = new URL(h.endpoint);
    const request = {
      method: "POST",
      protocol: "http:",
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: {},
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "secretsmanager.GetSecretValue",
      },
      body: '{"SecretId":"wire/string"}',
    };
    const presigned = await signer("secretsmanager").presign(request, { expiresIn: 300 });
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    expect(query).toContain("X-Amz-Signature=");
    const res = await fetch(`${h.endpoint}/?${query}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "secretsmanager.GetSecretValue",
      },
      body: request.body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { SecretString: string }).SecretString).toBe("hello");
  });

  it("answers a presigned query-protocol GET (STS GetCallerIdentity, as token-based authenticators use it)", async () => {
    const url = new URL(h.endpoint);
    const presigned = await signer("sts").presign(
      {
        method: "GET",
        protocol: "http:",
        hostname: url.hostname,
        port: Number(url.port),
        path: "/",
        query: { Action: "GetCallerIdentity", Version: "2011-06-15" },
        headers: { host: url.host },
      },
      { expiresIn: 60 },
    );
    const query = new URLSearchParams(presigned.query as Record<string, string>).toString();
    const res = await fetch(`${h.endpoint}/?${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/xml");
    const xml = await res.text();
    expect(xml).toContain(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    );
    expect(xml).toContain(`<Arn>${admin.arn}</Arn>`);
  });

  it("is found through AWS_ENDPOINT_URL, as the README says", async () => {
    const saved = process.env.AWS_ENDPOINT_URL;
    process.env.AWS_ENDPOINT_URL = h.endpoint;
    try {
      const client = new SecretsManagerClient({
        region: "us-east-1",
        credentials: admin,
        maxAttempts: 1,
      });
      const value = await client.send(new GetSecretValueCommand({ SecretId: "wire/string" }));
      expect(value.SecretString).toBe("hello");
      client.destroy();
    } finally {
      if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
      else process.env.AWS_ENDPOINT_URL = saved;
    }
  });

  it("leaves other paths to the console", async () => {
    const res = await fetch(`${h.endpoint}/secrets`, { redirect: "manual" });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-amzn-requestid")).toBeNull();
  });
});

describe("query protocol answers", () => {
  it("answers IAM errors as ErrorResponse XML with IAM's code and status", async () => {
    const res = await call({
      service: "iam",
      contentType: "application/x-www-form-urlencoded; charset=utf-8",
      body: "Action=GetUser&Version=2010-05-08&UserName=nobody",
    });
    expect(res.status).toBe(404);
    const xml = await res.text();
    expect(xml).toContain("<Error><Type>Sender</Type><Code>NoSuchEntity</Code>");
    expect(xml).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
  });

  it("refuses a missing or unknown Action", async () => {
    const form = "application/x-www-form-urlencoded";
    const missing = await call({ service: "iam", contentType: form, body: "Version=2010-05-08" });
    expect([missing.status, await missing.text()]).toEqual([
      400,
      expect.stringContaining("<Code>MissingAction</Code>"),
    ]);
    const unknown = await call({
      service: "iam",
      contentType: form,
      body: "Action=Nope&Version=2010-05-08",
    });
    expect(await unknown.text()).toContain(
      "<Code>InvalidAction</Code><Message>Could not find operation Nope for version 2010-05-08</Message>",
    );
  });
});

describe("limits", () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await startApiServer({
      maxBodyBytes: 1024,
      authenticator: new Authenticator({ cacheMs: 0 }),
    });
  });
  afterAll(async () => small?.close());

  it("refuses a body over the limit with 413 before authenticating", async () => {
    const res = await fetch(small.url, {
      method: "POST",
      headers: {
        "x-amz-target": "secretsmanager.CreateSecret",
        "content-type": "application/x-amz-json-1.1",
      },
      body: JSON.stringify({ Name: "big", SecretString: "x".repeat(4096) }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { __type: string }).__type).toBe(
      "RequestEntityTooLargeException",
    );
  });
});
