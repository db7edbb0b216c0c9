import { describe, expect, it } from "vitest";
import { isApiRequest } from "./server-handler";

const req = (method: string, url: string, headers: Record<string, string> = {}) => ({
  method,
  url,
  headers,
});

describe("isApiRequest", () => {
  it("takes JSON-protocol calls on / and anything on /api/aws, with or without the slash", () => {
    expect(isApiRequest(req("POST", "/", { "x-amz-target": "secretsmanager.ListSecrets" }))).toBe(
      true,
    );
    expect(isApiRequest(req("POST", "/api/aws"))).toBe(true);
    expect(isApiRequest(req("POST", "/api/aws/"))).toBe(true);
    expect(isApiRequest(req("GET", "/api/aws?x=1"))).toBe(true);
  });

  it("takes a JSON-protocol body on / even without X-Amz-Target (AWS then names no operation)", () => {
    const json = { "content-type": "application/x-amz-json-1.1" };
    expect(isApiRequest(req("POST", "/", json))).toBe(true);
    expect(isApiRequest(req("POST", "/", { "content-type": "application/json" }))).toBe(false);
  });

  it("takes query-protocol form posts on / and GETs naming an Action", () => {
    const form = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
    expect(isApiRequest(req("POST", "/", form))).toBe(true);
    expect(isApiRequest(req("GET", "/?Action=GetCallerIdentity&Version=2011-06-15"))).toBe(true);
  });

  it("takes a browser SDK's CORS preflight on /, not other OPTIONS requests", () => {
    const preflight = {
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type,x-amz-date,x-amz-target",
    };
    expect(isApiRequest(req("OPTIONS", "/", preflight))).toBe(true);
    expect(isApiRequest(req("OPTIONS", "/api/aws"))).toBe(true);
    expect(isApiRequest(req("OPTIONS", "/"))).toBe(false);
    expect(
      isApiRequest(
        req("OPTIONS", "/", {
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        }),
      ),
    ).toBe(false);
  });

  it("leaves the console alone: pages, server actions, next-auth, other methods", () => {
    expect(isApiRequest(req("GET", "/"))).toBe(false);
    expect(isApiRequest(req("GET", "/?tab=secrets"))).toBe(false);
    expect(isApiRequest(req("GET", "/?NoAction=1"))).toBe(false);
    expect(isApiRequest(req("GET", "/secrets"))).toBe(false);
    expect(
      isApiRequest(
        req("POST", "/", {
          "content-type": "application/x-www-form-urlencoded",
          "next-action": "abc123",
        }),
      ),
    ).toBe(false);
    expect(isApiRequest(req("POST", "/", { "content-type": "text/plain;charset=UTF-8" }))).toBe(
      false,
    );
    expect(
      isApiRequest(req("POST", "/api/auth/callback/credentials", { "x-amz-target": "x.y" })),
    ).toBe(false);
    expect(isApiRequest(req("POST", "/api/awsx"))).toBe(false);
    expect(
      isApiRequest(req("PUT", "/", { "content-type": "application/x-www-form-urlencoded" })),
    ).toBe(false);
  });
});
