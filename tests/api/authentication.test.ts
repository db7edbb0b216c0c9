// SigV4 over the wire with the real SDK clients: what a wrong secret, an unknown, inactive or
// deleted key, a stale clock and a forged source address get, in each protocol's words.
import {
  ListSecretsCommand,
  GetSecretValueCommand,
  CreateSecretCommand,
  PutResourcePolicyCommand,
} from "@aws-sdk/client-secrets-manager";
import {
  DeleteAccessKeyCommand,
  ListUsersCommand,
  UpdateAccessKeyCommand,
} from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "@/lib/crypto/sigv4";
import { startApiServer, type RunningServer } from "@/lib/api/http-server";
import { Authenticator } from "@/lib/api/auth";
import { parseTrustProxy } from "@/lib/api/client-address";
import { ADMIN_POLICY, rejection, startHarness, type ApiHarness, type TestUser } from "./harness";

let h: ApiHarness;
let admin: TestUser;

beforeAll(async () => {
  h = await startHarness();
  admin = await h.user("auth-admin", ADMIN_POLICY);
});
afterAll(async () => h?.close());

const statusOf = (error: Record<string, unknown>) =>
  (error.$metadata as { httpStatusCode?: number }).httpStatusCode;

describe("JSON protocol (Secrets Manager)", () => {
  it("refuses a wrong secret with InvalidSignatureException", async () => {
    const sm = h.secretsManager({
      ...admin,
      secretAccessKey: `${admin.secretAccessKey.slice(0, -1)}${admin.secretAccessKey.endsWith("X") ? "Y" : "X"}`,
    });
    const error = await rejection(sm.send(new ListSecretsCommand({})));
    expect(error.name).toBe("InvalidSignatureException");
    expect(error.message).toBe(
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    );
    expect(statusOf(error)).toBe(400);
  });

  it("verifies a header sent twice as each of its values, as the SDKs sign it", async () => {
    const url = new URL(h.endpoint);
    const body = JSON.stringify({});
    const signed = signRequest({
      method: "POST",
      path: "/",
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "secretsmanager.ListSecrets",
        "x-amz-meta-tag": ["one", "two"],
      },
      body,
      region: "us-east-1",
      service: "secretsmanager",
      credentials: admin,
    });
    const send = (repeat: boolean) => {
      const raw: string[] = [];
      for (const [name, value] of Object.entries(signed.headers)) {
        if (name.toLowerCase() === "x-amz-meta-tag") continue;
        raw.push(name, String(value));
      }
      if (repeat) raw.push("X-Amz-Meta-Tag", "one", "X-Amz-Meta-Tag", "two");
      else raw.push("X-Amz-Meta-Tag", "one, two");
      return new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: url.hostname, port: url.port, method: "POST", path: "/", headers: raw },
          (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    };
    expect(await send(true)).toBe(200);
    // Joined by a proxy into one header, the values are no longer what was signed.
    expect(await send(false)).toBe(400);
  });

  it("refuses an unknown key with UnrecognizedClientException", async () => {
    const sm = h.secretsManager({
      accessKeyId: "AKIAIOSFODNN7EXAMPLE",
      secretAccessKey: admin.secretAccessKey,
    });
    const error = await rejection(sm.send(new ListSecretsCommand({})));
    expect(error.name).toBe("UnrecognizedClientException");
    expect(error.message).toBe("The security token included in the request is invalid.");
  });

  it("refuses a request signed more than 15 minutes ago", async () => {
    const sm = h.secretsManager(admin);
    sm.config.systemClockOffset = -20 * 60 * 1000;
    const error = await rejection(sm.send(new ListSecretsCommand({})));
    expect(error.name).toBe("InvalidSignatureException");
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it("accepts a clock within the 15 minutes of skew", async () => {
    const sm = h.secretsManager(admin);
    sm.config.systemClockOffset = -10 * 60 * 1000;
    expect((await sm.send(new ListSecretsCommand({}))).SecretList).toBeDefined();
  });

  it("refuses a key once deactivated, accepts it again once reactivated, refuses it deleted", async () => {
    const app = await h.user("auth-rotating");
    const sm = h.secretsManager(app);
    const iam = h.iam(admin);
    // Allowed to call, denied by policy: the key itself is fine.
    expect((await rejection(sm.send(new ListSecretsCommand({})))).name).toBe(
      "AccessDeniedException",
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: app.userName,
        AccessKeyId: app.accessKeyId,
        Status: "Inactive",
      }),
    );
    expect((await rejection(sm.send(new ListSecretsCommand({})))).name).toBe(
      "UnrecognizedClientException",
    );
    await iam.send(
      new UpdateAccessKeyCommand({
        UserName: app.userName,
        AccessKeyId: app.accessKeyId,
        Status: "Active",
      }),
    );
    expect((await rejection(sm.send(new ListSecretsCommand({})))).name).toBe(
      "AccessDeniedException",
    );
    await iam.send(
      new DeleteAccessKeyCommand({ UserName: app.userName, AccessKeyId: app.accessKeyId }),
    );
    expect((await rejection(sm.send(new ListSecretsCommand({})))).name).toBe(
      "UnrecognizedClientException",
    );
  });
});

describe("query protocol (IAM, STS)", () => {
  it("refuses a wrong secret with SignatureDoesNotMatch, 403", async () => {
    const iam = h.iam({ ...admin, secretAccessKey: "wrong".padEnd(40, "x") });
    const error = await rejection(iam.send(new ListUsersCommand({})));
    expect(error.name).toBe("SignatureDoesNotMatch");
    expect(statusOf(error)).toBe(403);
  });

  it("refuses an unknown key with InvalidClientTokenId, 403", async () => {
    const sts = h.sts({ accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "x".repeat(40) });
    const error = await rejection(sts.send(new GetCallerIdentityCommand({})));
    expect(error.name).toBe("InvalidClientTokenId");
    expect(error.message).toBe("The security token included in the request is invalid.");
    expect(statusOf(error)).toBe(403);
  });
});

describe("resolved keys are cached for a few seconds at most", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startApiServer({ authenticator: new Authenticator({ cacheMs: 300 }) });
  });
  afterAll(async () => server?.close());

  it("stops accepting a deactivated key within the cache's lifetime", async () => {
    const app = await h.user("auth-cached", ADMIN_POLICY);
    const sm = h.secretsManager(app, server.url);
    await sm.send(new ListSecretsCommand({}));
    await h.iam(admin).send(
      new UpdateAccessKeyCommand({
        UserName: app.userName,
        AccessKeyId: app.accessKeyId,
        Status: "Inactive",
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await rejection(sm.send(new ListSecretsCommand({})))).name).toBe(
      "UnrecognizedClientException",
    );
  });
});

describe("request context reaches the policy", () => {
  let proxied: RunningServer;
  let arn: string;

  beforeAll(async () => {
    proxied = await startApiServer({
      authenticator: new Authenticator({ cacheMs: 0 }),
      trustProxy: parseTrustProxy("loopback"),
    });
    const sm = h.secretsManager(admin);
    arn = (await sm.send(new CreateSecretCommand({ Name: "context/secret", SecretString: "ctx" })))
      .ARN!;
    // Only from 203.0.113.0/24, only when asked for us-east-1.
    await sm.send(
      new PutResourcePolicyCommand({
        SecretId: arn,
        ResourcePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "secretsmanager:GetSecretValue",
              Resource: "*",
              Condition: { NotIpAddress: { "aws:SourceIp": "203.0.113.0/24" } },
            },
          ],
        }),
      }),
    );
  });
  afterAll(async () => proxied?.close());

  function signedGet(endpoint: string, forwardedFor?: string, region = "us-east-1") {
    const url = new URL(endpoint);
    const body = JSON.stringify({ SecretId: arn });
    const signed = signRequest({
      method: "POST",
      path: "/",
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": "secretsmanager.GetSecretValue",
        ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}),
      },
      body,
      region,
      service: "secretsmanager",
      credentials: admin,
    });
    const headers = Object.fromEntries(
      Object.entries(signed.headers)
        .filter(([k]) => k !== "host")
        .map(([k, v]) => [k, String(v)]),
    );
    return fetch(endpoint, { method: "POST", headers, body });
  }

  it("takes aws:SourceIp from the socket unless a trusted proxy says otherwise", async () => {
    // Direct: the socket is 127.0.0.1, outside the range; X-Forwarded-For is not believed.
    const direct = await signedGet(h.endpoint, "203.0.113.5");
    expect(direct.status).toBe(400);
    expect(((await direct.json()) as { __type: string }).__type).toBe("AccessDeniedException");
    // Through a proxy on loopback that the server trusts.
    const viaProxy = await signedGet(proxied.url, "203.0.113.5");
    expect(viaProxy.status).toBe(200);
    expect(((await viaProxy.json()) as { SecretString: string }).SecretString).toBe("ctx");
  });

  it("offers the credential scope's region as aws:RequestedRegion", async () => {
    const sm = h.secretsManager(admin);
    await sm.send(new CreateSecretCommand({ Name: "context/regional", SecretString: "r" }));
    await sm.send(
      new PutResourcePolicyCommand({
        SecretId: "context/regional",
        ResourcePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Deny",
              Principal: "*",
              Action: "secretsmanager:GetSecretValue",
              Resource: "*",
              Condition: { StringNotEquals: { "aws:RequestedRegion": "us-east-1" } },
            },
          ],
        }),
      }),
    );
    expect(
      (await sm.send(new GetSecretValueCommand({ SecretId: "context/regional" }))).SecretString,
    ).toBe("r");
    const elsewhere = h.secretsManager(admin);
    elsewhere.config.region = async () => "eu-west-1";
    const error = await rejection(
      elsewhere.send(new GetSecretValueCommand({ SecretId: "context/regional" })),
    );
    expect(error.name).toBe("AccessDeniedException");
    expect(error.message).toContain("with an explicit deny in a resource-based policy");
  });
});
