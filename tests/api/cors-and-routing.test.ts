// Requests at the edge of the API. CORS for the AWS SDK in a browser: a preflight naming SDK
// headers is answered by the API (not the console), responses to a request with an Origin let the
// page read them and the headers the SDK needs, and STRONGBOX_CORS_ORIGINS narrows who may call.
// A JSON-protocol body that names no operation is the API's to refuse.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "@/lib/crypto/sigv4";
import { startApiServer, type RunningServer } from "@/lib/api/http-server";
import { parseCorsOrigins } from "@/lib/api/server-handler";
import { ADMIN_POLICY, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("cors-admin", ADMIN_POLICY);
});
afterAll(async () => h?.close());

const SDK_PREFLIGHT = {
  Origin: "https://app.example.com",
  "Access-Control-Request-Method": "POST",
  "Access-Control-Request-Headers":
    "amz-sdk-invocation-id,amz-sdk-request,authorization,content-type,x-amz-date,x-amz-target,x-amz-user-agent",
};

/** A SigV4-signed JSON-protocol POST of `{}` to `/`, as the admin; `target` names the operation. */
function signedPost(endpoint: string, target: string | undefined, origin?: string) {
  const url = new URL(endpoint);
  const body = "{}";
  const signed = signRequest({
    method: "POST",
    path: "/",
    headers: {
      host: url.host,
      "content-type": "application/x-amz-json-1.1",
      ...(target ? { "x-amz-target": target } : {}),
    },
    body,
    region: "us-east-1",
    service: "secretsmanager",
    credentials: admin,
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name.toLowerCase() !== "host") headers.set(name, String(value));
  }
  if (origin) headers.set("Origin", origin);
  return fetch(endpoint, { method: "POST", headers, body });
}

const signedListSecrets = (endpoint: string, origin?: string) =>
  signedPost(endpoint, "secretsmanager.ListSecrets", origin);

describe("CORS", () => {
  it("answers an SDK preflight on / and on /api/aws", async () => {
    for (const path of ["/", "/api/aws/"]) {
      const res = await fetch(`${h.endpoint}${path}`, {
        method: "OPTIONS",
        headers: SDK_PREFLIGHT,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("access-control-allow-methods")).toContain("POST");
      expect(res.headers.get("access-control-allow-headers")).toBe(
        SDK_PREFLIGHT["Access-Control-Request-Headers"],
      );
    }
  });

  it("lets the page read the answer and the SDK's headers", async () => {
    const res = await signedListSecrets(h.endpoint, "https://app.example.com");
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/x-amzn-RequestId/);
    expect(res.headers.get("access-control-expose-headers")).toMatch(/x-amzn-ErrorType/);
  });

  it("adds nothing for clients that send no Origin", async () => {
    const res = await signedListSecrets(h.endpoint);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("narrows to STRONGBOX_CORS_ORIGINS, and `none` turns CORS off", async () => {
    expect(parseCorsOrigins(undefined)).toBe("*");
    expect(parseCorsOrigins("none")).toBeUndefined();
    const origins = parseCorsOrigins("https://app.example.com/, https://admin.example.com");
    expect(origins).toEqual(new Set(["https://app.example.com", "https://admin.example.com"]));

    let server: RunningServer | undefined;
    try {
      server = await startApiServer({ corsOrigins: origins, trustProxy: undefined });
      const allowed = await fetch(`${server.url}/`, { method: "OPTIONS", headers: SDK_PREFLIGHT });
      expect(allowed.status).toBe(200);
      expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
      expect(allowed.headers.get("vary")).toBe("Origin");
      const refused = await fetch(`${server.url}/`, {
        method: "OPTIONS",
        headers: { ...SDK_PREFLIGHT, Origin: "https://evil.example.net" },
      });
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      const read = await signedListSecrets(server.url, "https://evil.example.net");
      expect(read.status).toBe(200);
      expect(read.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await server?.close();
    }
  });
});

describe("a JSON-protocol request that names no operation", () => {
  it("is answered by the API with UnknownOperationException, not by the console", async () => {
    const res = await signedPost(h.endpoint, undefined);
    expect(res.status).toBe(400);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnknownOperationException");
    const answer = (await res.json()) as { __type: string };
    expect(answer.__type).toBe("UnknownOperationException");

    const unsigned = await fetch(h.endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-amz-json-1.1" },
      body: "{}",
    });
    expect(unsigned.status).toBe(400);
    expect(((await unsigned.json()) as { __type: string }).__type).toBe(
      "MissingAuthenticationTokenException",
    );
  });
});
