// Strongbox's HTTP server: AWS API requests go to the API handler, everything else to the
// fallback (the Next console in server.ts; a 404 in tests and benchmarks, which need no console).
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  createApiHandler,
  isApiRequest,
  type ApiHandler,
  type ApiHandlerOptions,
} from "./server-handler";

export type Fallback = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
) => void | Promise<void>;

export interface StrongboxServerOptions extends ApiHandlerOptions {
  fallback?: Fallback;
}

function notFound(_req: http.IncomingMessage, res: http.ServerResponse) {
  res.writeHead(404, { "Content-Type": "text/plain" }).end("Not Found");
}

export function createStrongboxServer(options: StrongboxServerOptions = {}): {
  server: http.Server;
  api: ApiHandler;
} {
  const api = createApiHandler(options);
  const fallback = options.fallback ?? notFound;
  const server = http.createServer((req, res) => {
    if (isApiRequest(req)) void api(req, res);
    else void fallback(req, res);
  });
  // Longer than the idle timeouts of common load balancers, so they close first.
  server.keepAliveTimeout = 65_000;
  return { server, api };
}

export interface RunningServer {
  server: http.Server;
  api: ApiHandler;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (an ephemeral port by default): for tests and benchmarks. */
export async function startApiServer(
  options: StrongboxServerOptions & { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const { server, api } = createStrongboxServer(options);
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    api,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
