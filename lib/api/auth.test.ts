import { describe, expect, it } from "vitest";
import { AwsError } from "../errors";
import { signRequest, type SigV4Protocol, type SigV4Request } from "../crypto/sigv4";
import type { Principal } from "../ops/caller";
import { sessionTokenHash } from "../ops/sts/sessions";
import { Authenticator, type CredentialSource, type ResolvedCredentials } from "./auth";

const USER: Principal = {
  type: "User",
  arn: "arn:aws:iam::111122223333:user/app",
  accountId: "111122223333",
  name: "app",
  id: "AIDAEXAMPLEEXAMPLE000",
};
const ROLE_SESSION: Principal = {
  type: "AssumedRole",
  arn: "arn:aws:sts::111122223333:assumed-role/Reader/s1",
  accountId: "111122223333",
  name: "Reader",
  id: "AROAEXAMPLEEXAMPLE000:s1",
};
const KEY = "AKIAEXAMPLEEXAMPLE00";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SESSION_KEY = "ASIAEXAMPLEEXAMPLE00";
const TOKEN = "session-token-example";

function source(overrides: Partial<Record<string, Partial<ResolvedCredentials>>> = {}) {
  const calls = { resolve: 0, recorded: [] as string[] };
  const keys: Record<string, ResolvedCredentials> = {
    [KEY]: {
      kind: "user",
      accessKeyId: KEY,
      secretAccessKey: SECRET,
      principal: USER,
      active: true,
    },
    [SESSION_KEY]: {
      kind: "session",
      accessKeyId: SESSION_KEY,
      secretAccessKey: SECRET,
      principal: ROLE_SESSION,
      active: true,
      session: {
        accessKeyId: SESSION_KEY,
        secretAccessKey: SECRET,
        principal: ROLE_SESSION,
        expiration: new Date(Date.now() + 3_600_000),
        tokenHash: sessionTokenHash(TOKEN),
      },
    },
  };
  for (const [id, change] of Object.entries(overrides)) keys[id] = { ...keys[id], ...change };
  const credentialSource: CredentialSource = {
    async resolve(id) {
      calls.resolve++;
      return keys[id];
    },
    async recordUse(id, service, region) {
      calls.recorded.push(`${id} ${service} ${region}`);
    },
  };
  return { credentialSource, calls, keys };
}

const BODY = '{"SecretId":"prod/db"}';

function signed(
  options: {
    accessKeyId?: string;
    secret?: string;
    sessionToken?: string;
    date?: Date;
    service?: string;
    region?: string;
    presign?: boolean;
  } = {},
): SigV4Request {
  const s = signRequest({
    method: "POST",
    path: "/",
    headers: {
      host: "127.0.0.1:3000",
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": "secretsmanager.GetSecretValue",
    },
    body: BODY,
    region: options.region ?? "us-east-1",
    service: options.service ?? "secretsmanager",
    credentials: {
      accessKeyId: options.accessKeyId ?? KEY,
      secretAccessKey: options.secret ?? SECRET,
      sessionToken: options.sessionToken,
    },
    date: options.date,
    presign: options.presign ? { expiresIn: 300 } : undefined,
  });
  return { method: "POST", path: "/", query: s.query, headers: s.headers, body: BODY };
}

const META = { sourceIp: "192.0.2.10", secureTransport: false, userAgent: "aws-sdk-js/3" };

async function refusal(
  auth: Authenticator,
  req: SigV4Request,
  protocol: SigV4Protocol = "json",
  service = "secretsmanager",
): Promise<AwsError> {
  try {
    await auth.authenticate(req, META, { protocol, service });
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error("expected the request to be refused");
}

describe("Authenticator", () => {
  it("names the caller of a well-signed request, with the context keys the request gives", async () => {
    const { credentialSource, calls } = source();
    const auth = new Authenticator({ source: credentialSource });
    const caller = await auth.authenticate(signed({ region: "eu-west-1" }), META, {
      protocol: "json",
      service: "secretsmanager",
    });
    expect(caller).toEqual({
      principal: USER,
      via: "api",
      sourceIp: "192.0.2.10",
      userAgent: "aws-sdk-js/3",
      secureTransport: false,
      requestedRegion: "eu-west-1",
    });
    await new Promise((r) => setImmediate(r));
    expect(calls.recorded).toEqual([`${KEY} secretsmanager eu-west-1`]);
  });

  it("accepts the presigned query form", async () => {
    const auth = new Authenticator({ source: source().credentialSource });
    const caller = await auth.authenticate(signed({ presign: true }), META, {
      protocol: "json",
      service: "secretsmanager",
    });
    expect(caller.principal).toEqual(USER);
  });

  it("refuses unsigned requests with MissingAuthenticationToken", async () => {
    const auth = new Authenticator({ source: source().credentialSource });
    const req = { method: "POST", path: "/", query: "", headers: { host: "h" }, body: "" };
    expect((await refusal(auth, req)).code).toBe("MissingAuthenticationTokenException");
    const query = await refusal(auth, req, "query", "iam");
    expect([query.code, query.status]).toEqual(["MissingAuthenticationToken", 403]);
  });

  it("refuses unknown and inactive keys as AWS does, per protocol", async () => {
    const { credentialSource } = source({ [KEY]: { active: false } });
    const auth = new Authenticator({ source: credentialSource });
    const unknown = await refusal(auth, signed({ accessKeyId: "AKIAUNKNOWNUNKNOWN00" }));
    expect([unknown.code, unknown.status, unknown.message]).toEqual([
      "UnrecognizedClientException",
      400,
      "The security token included in the request is invalid.",
    ]);
    expect((await refusal(auth, signed())).code).toBe("UnrecognizedClientException");
    const query = await refusal(auth, signed({ service: "iam" }), "query", "iam");
    expect([query.code, query.status]).toEqual(["InvalidClientTokenId", 403]);
  });

  it("refuses a wrong secret, a stale signature and another service's scope", async () => {
    const auth = new Authenticator({ source: source().credentialSource });
    const wrong = await refusal(auth, signed({ secret: SECRET.replace("w", "x") }));
    expect(wrong.code).toBe("InvalidSignatureException");
    expect(wrong.message).toMatch(/^The request signature we calculated does not match/);
    const stale = await refusal(auth, signed({ date: new Date(Date.now() - 16 * 60_000) }));
    expect([stale.code, stale.message]).toEqual([
      "InvalidSignatureException",
      expect.stringMatching(/^Signature expired: /),
    ]);
    const scope = await refusal(auth, signed({ service: "iam" }));
    expect(scope.message).toBe("Credential should be scoped to correct service: 'secretsmanager'.");
    const query = await refusal(auth, signed({ service: "iam", secret: "nope" }), "query", "iam");
    expect([query.code, query.status]).toEqual(["SignatureDoesNotMatch", 403]);
  });

  it("accepts a session key only with its token, and only until it expires", async () => {
    const fresh = new Authenticator({ source: source().credentialSource });
    const caller = await fresh.authenticate(
      signed({ accessKeyId: SESSION_KEY, sessionToken: TOKEN }),
      META,
      { protocol: "json", service: "secretsmanager" },
    );
    expect(caller.principal).toEqual(ROLE_SESSION);
    expect((await refusal(fresh, signed({ accessKeyId: SESSION_KEY }))).code).toBe(
      "UnrecognizedClientException",
    );
    expect(
      (await refusal(fresh, signed({ accessKeyId: SESSION_KEY, sessionToken: "forged" }))).code,
    ).toBe("UnrecognizedClientException");

    const { credentialSource, keys } = source();
    keys[SESSION_KEY].session!.expiration = new Date(Date.now() - 1000);
    const expired = new Authenticator({ source: credentialSource });
    const json = await refusal(expired, signed({ accessKeyId: SESSION_KEY, sessionToken: TOKEN }));
    expect([json.code, json.status, json.message]).toEqual([
      "ExpiredTokenException",
      400,
      "The security token included in the request is expired",
    ]);
    const query = await refusal(
      expired,
      signed({ accessKeyId: SESSION_KEY, sessionToken: TOKEN, service: "sts" }),
      "query",
      "sts",
    );
    expect([query.code, query.status]).toEqual(["ExpiredToken", 403]);
  });

  it("refuses a session token sent with a long-term key", async () => {
    const auth = new Authenticator({ source: source().credentialSource });
    expect((await refusal(auth, signed({ sessionToken: TOKEN }))).code).toBe(
      "UnrecognizedClientException",
    );
  });

  it("asks the source once per key within the cache TTL, and again after it", async () => {
    const { credentialSource, calls, keys } = source();
    const auth = new Authenticator({ source: credentialSource, cacheMs: 40 });
    const options = { protocol: "json" as const, service: "secretsmanager" };
    await auth.authenticate(signed(), META, options);
    await auth.authenticate(signed(), META, options);
    expect(calls.resolve).toBe(1);
    // Deactivated: in force once the cached key has expired.
    keys[KEY] = { ...keys[KEY], active: false };
    await new Promise((r) => setTimeout(r, 60));
    expect((await refusal(auth, signed())).code).toBe("UnrecognizedClientException");
    expect(calls.resolve).toBe(2);
  });
});
