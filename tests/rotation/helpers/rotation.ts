// Shared pieces of the rotation tests: functions, an http endpoint of "the user's own" that
// checks the SigV4 signature of every step, and reading a secret's rotation state.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect } from "vitest";
import { AwsError } from "@/lib/errors";
import { parseAuthorization, verifySigV4 } from "@/lib/crypto/sigv4";
import type { Caller } from "@/lib/ops/caller";
import * as lambda from "@/lib/ops/lambda";
import * as sm from "@/lib/ops/secretsmanager";
import { settleRotations } from "@/lib/rotation/in-flight";

export async function failure(promise: Promise<unknown>): Promise<AwsError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error("expected the operation to fail");
}

let functions = 0;

export async function newFunction(
  caller: Caller,
  template: string,
  extra: Partial<lambda.CreateFunctionInput> = {},
) {
  return lambda.createFunction(caller, {
    FunctionName: `SecretsManager${template.replace(/-./g, (m) => m[1].toUpperCase())}${++functions}`,
    Template: template,
    ...extra,
  });
}

/** RotateSecret, then wait for the rotation it started in this process. */
export async function rotate(caller: Caller, input: sm.RotateSecretInput) {
  const out = await sm.rotateSecret(caller, input);
  await settleRotations();
  return out;
}

export async function lastAttempt(caller: Caller, secretId: string) {
  const { RotationAttempts } = await sm.listRotationAttempts(caller, { SecretId: secretId });
  return RotationAttempts[0];
}

export async function stagesOf(caller: Caller, secretId: string) {
  const out = await sm.describeSecret(caller, { SecretId: secretId });
  return out.VersionIdsToStages ?? {};
}

export interface EndpointRequest {
  Step: string;
  SecretId: string;
  ClientRequestToken: string;
  SecretString?: string;
  signatureValid: boolean;
}

export interface Endpoint {
  url: string;
  requests: EndpointRequest[];
  /** The signing secret CreateFunction returned (set it after creating the function). */
  signingSecret?: string;
  /** Decides the answer to each step; default 200 {}. */
  handler: (request: EndpointRequest) => Promise<{ status?: number; body?: unknown } | "hang">;
  close(): Promise<void>;
}

/** An http endpoint that records each step and checks its SigV4 signature. */
export async function startEndpoint(): Promise<Endpoint> {
  const endpoint: Endpoint = {
    url: "",
    requests: [],
    handler: async () => ({}),
    close: async () => undefined,
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://localhost");
      let signatureValid = false;
      try {
        const sigReq = {
          method: req.method ?? "POST",
          path: url.pathname,
          query: url.search.slice(1),
          headers: req.headersDistinct as Record<string, string[]>,
          body,
        };
        verifySigV4(sigReq, parseAuthorization(sigReq), endpoint.signingSecret ?? "", {
          service: "execute-api",
        });
        signatureValid = true;
      } catch {
        signatureValid = false;
      }
      const request = { ...(JSON.parse(body.toString("utf8")) as EndpointRequest), signatureValid };
      endpoint.requests.push(request);
      void endpoint.handler(request).then((answer) => {
        if (answer === "hang") return;
        res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
        res.end(JSON.stringify(answer.body ?? {}));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rotate`;
  endpoint.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return endpoint;
}
