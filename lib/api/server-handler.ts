// The AWS-compatible API inside Strongbox's Node server: it answers before Next sees the request,
// so the path from socket to operation stays short. Routing (`isApiRequest`), then: read the body,
// work out the protocol and service, authenticate (SigV4), decode the input, call the operation
// in lib/ops, encode the output or the error in the protocol's form.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AwsError, InternalServiceError, isAwsError } from "../errors";
import type { SigV4Protocol, SigV4Request } from "../crypto/sigv4";
import type { Caller } from "../ops/caller";
import { Authenticator, type RequestMeta } from "./auth";
import { clientInfo, parseTrustProxy, type TrustProxy } from "./client-address";
import {
  JSON_CONTENT_TYPE,
  decodeJsonInput,
  encodeJsonError,
  encodeJsonOutput,
  parseTarget,
  unknownOperation,
} from "./json-protocol";
import {
  QUERY_CONTENT_TYPE,
  decodeQueryInput,
  encodeQueryError,
  encodeQueryResponse,
  parseFormParams,
} from "./query-protocol";
import { services, type ServiceDefinition } from "./services";

/** Where the API also answers, besides POST / (the JS SDK adds a trailing slash, botocore not). */
export const API_PATHS = new Set(["/api/aws", "/api/aws/"]);

const FORM = "application/x-www-form-urlencoded";

/**
 * Whether a request is for the AWS API rather than the console. On `/`: a POST with
 * X-Amz-Target (JSON protocols), a form POST that is not a Next server action (the query
 * protocol: the console never posts forms to `/`), or a GET whose query names an Action (a
 * presigned query-protocol call such as STS GetCallerIdentity). Anything on /api/aws.
 */
export function isApiRequest(req: Pick<IncomingMessage, "url" | "method" | "headers">): boolean {
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  if (API_PATHS.has(path)) return true;
  if (path !== "/") return false;
  if (req.method === "OPTIONS") return isSdkPreflight(req.headers);
  if (req.method === "POST") {
    if (req.headers["x-amz-target"] !== undefined) return true;
    if (isAmzJson(req.headers)) return true;
    const type = req.headers["content-type"];
    return (
      typeof type === "string" &&
      type.toLowerCase().startsWith(FORM) &&
      req.headers["next-action"] === undefined
    );
  }
  return req.method === "GET" && q >= 0 && /(?:^|&)Action=/.test(url.slice(q + 1));
}

// CORS, for the AWS SDK in a browser: requests carry their credentials (SigV4), never cookies,
// so any origin may call, as AWS's own endpoints allow. STRONGBOX_CORS_ORIGINS narrows it to a
// comma-separated list of origins, or `none` turns it off.
const SDK_HEADERS = /(?:^|,)\s*(?:x-amz-[a-z-]+|authorization|amz-sdk-[a-z-]+)\s*(?:,|$)/i;
const PREFLIGHT_HEADERS = [
  "Access-Control-Allow-Methods",
  "GET, POST, OPTIONS",
  "Access-Control-Max-Age",
  "86400",
];
const EXPOSED_HEADERS = "x-amzn-RequestId, x-amzn-ErrorType, Date";

/** A browser asking whether it may send an SDK request (the console is never preflighted). */
function isSdkPreflight(headers: IncomingMessage["headers"]): boolean {
  const method = headers["access-control-request-method"];
  const requested = headers["access-control-request-headers"];
  return method !== undefined && typeof requested === "string" && SDK_HEADERS.test(requested);
}

export type CorsOrigins = "*" | ReadonlySet<string> | undefined;

/** STRONGBOX_CORS_ORIGINS: unset or `*` any origin, `none` no CORS, else a list of origins. */
export function parseCorsOrigins(value: string | undefined): CorsOrigins {
  const text = value?.trim();
  if (!text || text === "*") return "*";
  if (text === "none") return undefined;
  return new Set(text.split(",").map((origin) => origin.trim().replace(/\/+$/, "")));
}

/** The Access-Control-Allow-Origin to answer a request's Origin with, if any. */
function allowedOrigin(origins: CorsOrigins, origin: string | undefined): string | undefined {
  if (origin === undefined || origins === undefined) return undefined;
  if (origins === "*") return "*";
  return origins.has(origin) ? origin : undefined;
}

/** A body in one of AWS's JSON protocols (the console never posts these). */
function isAmzJson(headers: IncomingMessage["headers"]): boolean {
  const type = headers["content-type"];
  return typeof type === "string" && type.toLowerCase().startsWith("application/x-amz-json-");
}

export interface ApiHandlerOptions {
  /** Origins browsers may call the API from (default: STRONGBOX_CORS_ORIGINS). */
  corsOrigins?: CorsOrigins;
  /** Proxies whose X-Forwarded-For/-Proto are believed (default: STRONGBOX_TRUST_PROXY). */
  trustProxy?: TrustProxy;
  authenticator?: Authenticator;
  /** Larger request bodies are refused with 413 (default 4 MiB). */
  maxBodyBytes?: number;
}

export type ApiHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<void>) & {
  authenticator: Authenticator;
};

interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** JSON protocols name the error in a header too (the SDKs read either). */
  errorType?: string;
}

class BodyTooLarge extends AwsError {
  constructor(limit: number) {
    super("RequestEntityTooLargeException", `Request body must be at most ${limit} bytes.`, {
      status: 413,
    });
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) return Promise.reject(new BodyTooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

/** A connection's own address, worked out once: keep-alive clients send many requests on one. */
const directClients = new WeakMap<object, ReturnType<typeof clientInfo>>();

function requestMeta(req: IncomingMessage, trust: TrustProxy | undefined): RequestMeta {
  const userAgent = req.headers["user-agent"];
  if (!trust) {
    let direct = directClients.get(req.socket);
    if (!direct) {
      direct = clientInfo(req.socket, req.headers, undefined);
      directClients.set(req.socket, direct);
    }
    return { sourceIp: direct.sourceIp, secureTransport: direct.secureTransport, userAgent };
  }
  const { sourceIp, secureTransport } = clientInfo(req.socket, req.headers, trust);
  return { sourceIp, secureTransport, userAgent };
}

/**
 * The headers as SigV4 signs them: a header sent several times is signed as each of its values.
 * Node's `req.headers` (built anyway) joins or drops repeats; only when the request repeats a
 * name, which clients rarely do, is the per-value form (`headersDistinct`) worth building.
 */
function signedHeaderValues(req: IncomingMessage): SigV4Request["headers"] {
  const { headers } = req;
  return Object.keys(headers).length * 2 === req.rawHeaders.length ? headers : req.headersDistinct;
}

/** What SigV4 signs: the method, the path and query exactly as received, every header. */
function sigV4Request(
  req: IncomingMessage,
  path: string,
  query: string,
  body: Buffer,
): SigV4Request {
  return { method: req.method ?? "GET", path, query, headers: signedHeaderValues(req), body };
}

function invalidAction(action: string, version: string | undefined): AwsError {
  return new AwsError(
    "InvalidAction",
    `Could not find operation ${action} for version ${version ?? "NO_VERSION_SPECIFIED"}`,
    { status: 400 },
  );
}

// Answers are written together once the event loop has run this turn's callbacks, rather than
// each as soon as it is ready. Under load a turn answers many requests; written back to back, the
// first write wakes a waiting client and the others find it awake, where one write at a time (a
// few dozen µs apart) pays a wake-up each: on loopback (local clients, sidecars) that wake-up is
// charged to this thread's write and costs about as much as SigV4. A lone request waits for
// nothing: the turn ends as soon as its own callbacks are done.
interface PendingAnswer {
  res: ServerResponse;
  status: number;
  headers: (string | number)[];
  body: string;
}
let pendingAnswers: PendingAnswer[] = [];

function writeAnswers() {
  const batch = pendingAnswers;
  pendingAnswers = [];
  for (const { res, status, headers, body } of batch) {
    try {
      res.writeHead(status, headers);
      res.end(body);
    } catch (error) {
      // A response whose connection went away meanwhile must not keep the others unwritten.
      console.error("api: could not write a response", error);
    }
  }
}

function send(res: ServerResponse, status: number, headers: (string | number)[], body: string) {
  if (pendingAnswers.length === 0) setImmediate(writeAnswers);
  pendingAnswers.push({ res, status, headers, body });
}

export function createApiHandler(options: ApiHandlerOptions = {}): ApiHandler {
  const trust =
    "trustProxy" in options
      ? options.trustProxy
      : parseTrustProxy(process.env.STRONGBOX_TRUST_PROXY);
  const authenticator = options.authenticator ?? new Authenticator();
  const maxBody = options.maxBodyBytes ?? 4 * 1024 * 1024;
  const registry = services();

  async function json(
    req: IncomingMessage,
    path: string,
    query: string,
    body: Buffer,
  ): Promise<Answer> {
    const targetHeader = req.headers["x-amz-target"];
    const target = targetHeader === undefined ? undefined : parseTarget(String(targetHeader));
    const service = target ? registry.byTarget.get(target.prefix) : undefined;
    const caller = await authenticator.authenticate(
      sigV4Request(req, path, query, body),
      requestMeta(req, trust),
      {
        protocol: "json",
        service: service?.name,
      },
    );
    const operation = target && service?.operations.get(target.operation);
    if (targetHeader === undefined) {
      throw new AwsError(
        "UnknownOperationException",
        "The request names no operation (X-Amz-Target).",
        {
          status: 400,
        },
      );
    }
    if (!target || !service || !operation) throw unknownOperation(String(targetHeader));
    const input = decodeJsonInput(service.model, target.operation, body);
    const output = await operation(caller, input as never);
    return { status: 200, contentType: JSON_CONTENT_TYPE, body: encodeJsonOutput(output) };
  }

  async function queryProtocol(
    req: IncomingMessage,
    path: string,
    query: string,
    body: Buffer,
    requestId: string,
    found: (service: ServiceDefinition) => void,
  ): Promise<Answer> {
    const params = parseFormParams(query);
    if (body.length > 0) {
      for (const [key, value] of parseFormParams(body.toString("utf8"))) params.set(key, value);
    }
    const action = params.get("Action");
    const version = params.get("Version");
    const service = version ? registry.byVersion.get(version) : undefined;
    if (service) found(service);
    const caller: Caller = await authenticator.authenticate(
      sigV4Request(req, path, query, body),
      requestMeta(req, trust),
      { protocol: "query", service: service?.name },
    );
    if (!action) throw new AwsError("MissingAction", "Missing Action", { status: 400 });
    const operation = service?.operations.get(action);
    if (!service || !operation) throw invalidAction(action, version);
    const input = decodeQueryInput(service.model, action, params);
    const output = await operation(caller, input as never);
    return {
      status: 200,
      contentType: QUERY_CONTENT_TYPE,
      body: encodeQueryResponse(service.model, action, output, requestId, service.xmlns!),
    };
  }

  const cors =
    "corsOrigins" in options
      ? options.corsOrigins
      : parseCorsOrigins(process.env.STRONGBOX_CORS_ORIGINS);

  const preflight = (req: IncomingMessage, res: ServerResponse) => {
    const origin = allowedOrigin(cors, req.headers.origin);
    const headers: (string | number)[] = ["Content-Length", 0];
    if (origin) {
      headers.push("Access-Control-Allow-Origin", origin, ...PREFLIGHT_HEADERS);
      const requested = req.headers["access-control-request-headers"];
      if (requested) headers.push("Access-Control-Allow-Headers", requested);
      if (origin !== "*") headers.push("Vary", "Origin");
    }
    req.resume();
    send(res, origin ? 200 : 403, headers, "");
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method === "OPTIONS") return preflight(req, res);
    const requestId = randomUUID();
    const protocol: SigV4Protocol =
      req.headers["x-amz-target"] !== undefined || isAmzJson(req.headers) ? "json" : "query";
    let service: ServiceDefinition | undefined;
    let answer: Answer;
    try {
      const url = req.url ?? "/";
      const q = url.indexOf("?");
      const path = q < 0 ? url : url.slice(0, q);
      const query = q < 0 ? "" : url.slice(q + 1);
      const body = await readBody(req, maxBody);
      answer =
        protocol === "json"
          ? await json(req, path, query, body)
          : await queryProtocol(req, path, query, body, requestId, (s) => (service = s));
    } catch (caught) {
      const error = isAwsError(caught)
        ? caught
        : InternalServiceError("An internal error occurred.");
      if (!isAwsError(caught)) console.error("api: unexpected error", caught);
      if (protocol === "json") {
        answer = {
          ...encodeJsonError(error),
          contentType: JSON_CONTENT_TYPE,
          errorType: error.code,
        };
      } else {
        const encoded = encodeQueryError(service?.model, error, requestId, service?.xmlns);
        answer = { ...encoded, contentType: QUERY_CONTENT_TYPE };
      }
      if (error instanceof BodyTooLarge) res.setHeader("Connection", "close");
    }
    // A flat [name, value, ...] list: Node writes it as given, without the per-name bookkeeping
    // an object of headers costs.
    const headers: (string | number)[] = [
      "Content-Type",
      answer.contentType,
      "Content-Length",
      Buffer.byteLength(answer.body),
      "x-amzn-RequestId",
      requestId,
    ];
    if (answer.errorType) headers.push("x-amzn-ErrorType", answer.errorType);
    const origin = allowedOrigin(cors, req.headers.origin);
    if (origin) {
      headers.push("Access-Control-Allow-Origin", origin);
      headers.push("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      if (origin !== "*") headers.push("Vary", "Origin");
    }
    send(res, answer.status, headers, answer.body);
  };
  return Object.assign(handler, { authenticator });
}
