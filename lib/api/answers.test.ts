// Answers are written in batches at the end of an event-loop turn (server-handler.ts): each must
// still reach its own client, and a client that went away must not keep the others unanswered.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer, type RunningServer } from "./http-server";

let server: RunningServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(async () => server?.close());

/** An unsigned JSON-protocol call: refused before anything reads the database. */
function unsignedCall(target: string, signal?: AbortSignal) {
  return fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": target },
    body: "{}",
    signal,
  });
}

describe("batched answers", () => {
  it("answers many concurrent requests, each with its own request id and error", async () => {
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => unsignedCall("secretsmanager.GetSecretValue")),
    );
    const ids = new Set<string>();
    for (const response of responses) {
      expect(response.status).toBe(400);
      expect(response.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
      const body = (await response.json()) as { __type: string };
      expect(body.__type).toBe("MissingAuthenticationTokenException");
      const id = response.headers.get("x-amzn-requestid");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      ids.add(id!);
    }
    expect(ids.size).toBe(50);
  });

  it("still answers the others when a client disconnects before its answer", async () => {
    // A raw socket that sends a whole request and closes at once.
    await new Promise<void>((resolve, reject) => {
      const req = http.request(server.url, {
        method: "POST",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "sm.X" },
      });
      req.on("error", () => resolve());
      req.end("{}", () => {
        req.destroy();
        resolve();
      });
      setTimeout(() => reject(new Error("request never sent")), 5_000).unref();
    });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => unsignedCall("secretsmanager.ListSecrets")),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(400));
  });

  it("keeps the connection open for the next request (keep-alive)", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports: number[] = [];
    for (let i = 0; i < 3; i++) {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          server.url,
          {
            method: "POST",
            agent,
            headers: {
              "content-type": "application/x-amz-json-1.1",
              "x-amz-target": "secretsmanager.GetSecretValue",
            },
          },
          (res) => {
            ports.push(res.socket.localPort!);
            res.resume();
            res.on("end", () => resolve(res.statusCode!));
          },
        );
        req.on("error", reject);
        req.end("{}");
      });
      expect(status).toBe(400);
    }
    agent.destroy();
    expect(new Set(ports).size).toBe(1);
  });
});
