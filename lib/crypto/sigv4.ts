import { createHmac, hash, timingSafeEqual } from "node:crypto";
import { AwsError } from "@/lib/errors";

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256): verification for the AWS-compatible API and signing
 * for Strongbox's own clients. Both sides build the canonical request with the same code
 * (`computeSigV4`), which is proven on AWS's published test suite (fixtures/sigv4).
 *
 * Canonical URI: for every service but S3 the path as received is normalised (empty, `.` and
 * `..` segments removed) and each segment URI-encoded once more: the SDKs sign the already
 * encoded path encoded again, so `/a%20b` is signed as `/a%2520b`. S3 signs the path as sent.
 */

export interface SigV4Request {
  method: string;
  /** The path as received, raw (still percent-encoded), without the query. */
  path: string;
  /** The raw query string without '?'. */
  query: string;
  /**
   * Lower-cased header names. A header sent several times should be an array of its values
   * (Node's `req.headersDistinct`); a comma-joined string signs differently when values repeat.
   */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer | string;
}

export interface ParsedAuth {
  /** `header`: Authorization header; `query`: presigned URL. */
  form: "header" | "query";
  accessKeyId: string;
  /** YYYYMMDD from the credential scope. */
  date: string;
  region: string;
  service: string;
  /** `date/region/service/aws4_request`. */
  credentialScope: string;
  signedHeaders: string[];
  signature: string;
  securityToken?: string;
  /** Request time, ISO 8601 basic format (20150830T123600Z). */
  amzDate: string;
  /** Presigned validity in seconds (X-Amz-Expires). */
  expires?: number;
}

/**
 * The AWS protocol answering: JSON services (Secrets Manager, Lambda, KMS) name the errors
 * `...Exception` and answer 400; query services (IAM, STS) answer 403 for signature errors.
 */
export type SigV4Protocol = "json" | "query";

type ErrorKind = "signature" | "incomplete" | "missing" | "unrecognized";

const ERROR_CODES: Record<SigV4Protocol, Record<ErrorKind, [string, number]>> = {
  json: {
    signature: ["InvalidSignatureException", 400],
    incomplete: ["IncompleteSignatureException", 400],
    missing: ["MissingAuthenticationTokenException", 400],
    unrecognized: ["UnrecognizedClientException", 400],
  },
  query: {
    signature: ["SignatureDoesNotMatch", 403],
    incomplete: ["IncompleteSignature", 400],
    missing: ["MissingAuthenticationToken", 403],
    unrecognized: ["InvalidClientTokenId", 403],
  },
};

function sigV4Error(kind: ErrorKind, message: string, protocol: SigV4Protocol = "json") {
  const [code, status] = ERROR_CODES[protocol][kind];
  return new AwsError(code, message, { status });
}

export const SIGNATURE_MISMATCH_MESSAGE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/** The answer to a request that carries no authentication at all. */
export function missingAuthenticationToken(protocol: SigV4Protocol = "json"): AwsError {
  return sigV4Error("missing", "Missing Authentication Token", protocol);
}

/** The answer when the access key id (or session token) is unknown or inactive. */
export function unrecognizedClient(protocol: SigV4Protocol = "json"): AwsError {
  return sigV4Error(
    "unrecognized",
    "The security token included in the request is invalid.",
    protocol,
  );
}

const ALGORITHM = "AWS4-HMAC-SHA256";
const TERMINATOR = "aws4_request";
const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const MAX_EXPIRES_SECONDS = 604_800;
const DEFAULT_MAX_SKEW_MS = 15 * 60 * 1000;
const QUERY_AUTH_PARAMS = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature"];

// ---------------------------------------------------------------------------------------------
// Encoding

const encodeExtra = (c: string) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/** RFC 3986 encoding: everything but A-Z a-z 0-9 - _ . ~ is percent-encoded (UTF-8). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, encodeExtra);
}

function uriDecode(value: string): string {
  if (!value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    // A malformed escape is taken literally; the client signed whatever it sent.
    return value;
  }
}

function sha256Hex(data: string | Buffer): string {
  return hash("sha256", data, "hex");
}

const EMPTY_SHA256 = sha256Hex("");

function hashPayload(body: Buffer | string): string {
  return body.length === 0 ? EMPTY_SHA256 : sha256Hex(body);
}

interface QueryParam {
  key: string;
  value: string;
}

function parseQuery(query: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (!query) return params;
  for (const part of query.split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    params.push({ key: uriDecode(key), value: uriDecode(value) });
  }
  return params;
}

function queryParam(params: QueryParam[], key: string): string | undefined {
  return params.find((p) => p.key === key)?.value;
}

function headerValue(headers: SigV4Request["headers"], name: string): string | undefined {
  const value = headers[name] ?? (name === "host" ? headers[":authority"] : undefined);
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(",") : value;
}

/** Whitespace other than a single space: a run of spaces, or any other whitespace character. */
const INNER_SPACE = /[^\S ]| {2}/;
/** Trimmed, inner runs of whitespace as one space (most values have none: no copy then). */
const trimAll = (value: string) => {
  const trimmed = value.trim();
  return INNER_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed;
};

// ---------------------------------------------------------------------------------------------
// Canonical request

export interface CanonicalOptions {
  /** S3 rules: the path is signed as sent, neither normalised nor encoded again. */
  s3?: boolean;
}

/** The canonical URI of a raw path (see the module comment). */
export function canonicalUri(rawPath: string, options: CanonicalOptions = {}): string {
  if (options.s3) return rawPath || "/";
  // The SDKs' usual paths, already canonical.
  if (rawPath === "/" || rawPath === "") return "/";
  const segments: string[] = [];
  for (const segment of rawPath.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(uriEncode(segment));
  }
  if (segments.length === 0) return "/";
  return `/${segments.join("/")}${rawPath.endsWith("/") ? "/" : ""}`;
}

/** Sorted, RFC 3986-encoded query; X-Amz-Signature left out of a presigned request. */
export function canonicalQuery(rawQuery: string, form: ParsedAuth["form"] = "header"): string {
  if (!rawQuery) return "";
  const pairs: [string, string][] = [];
  for (const { key, value } of parseQuery(rawQuery)) {
    if (form === "query" && key === "X-Amz-Signature") continue;
    pairs.push([uriEncode(key), uriEncode(value)]);
  }
  pairs.sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join("&");
}

function canonicalHeaders(headers: SigV4Request["headers"], signedHeaders: string[]): string {
  let out = "";
  for (const name of signedHeaders) {
    const value = headers[name] ?? (name === "host" ? headers[":authority"] : undefined);
    const text =
      value === undefined
        ? ""
        : Array.isArray(value)
          ? value.map(trimAll).join(",")
          : trimAll(value);
    out += `${name}:${text}\n`;
  }
  return out;
}

export function buildCanonicalRequest(
  req: SigV4Request,
  parsed: Pick<ParsedAuth, "form" | "signedHeaders">,
  payloadHash: string,
  options: CanonicalOptions = {},
): string {
  return (
    `${req.method.toUpperCase()}\n${canonicalUri(req.path, options)}\n` +
    `${canonicalQuery(req.query, parsed.form)}\n` +
    `${canonicalHeaders(req.headers, parsed.signedHeaders)}\n` +
    `${parsed.signedHeaders.join(";")}\n${payloadHash}`
  );
}

export function buildStringToSign(
  parsed: Pick<ParsedAuth, "amzDate" | "credentialScope">,
  canonicalRequest: string,
): string {
  return `${ALGORITHM}\n${parsed.amzDate}\n${parsed.credentialScope}\n${sha256Hex(canonicalRequest)}`;
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function deriveSigningKey(secret: string, date: string, region: string, service: string) {
  const kDate = createHmac("sha256", `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update(TERMINATOR).digest();
}

// Derived signing keys, per secret key then per credential scope (date/region/service): a key
// changes once a day per region and service, so a busy client's requests share one derivation.
// Bounded by secret keys (least recently used out), and by scopes per secret key.
const SIGNING_KEY_CACHE_ENTRIES = 512;
const SCOPES_PER_SECRET = 8;
let signingKeys = new Map<string, Map<string, Buffer>>();

function cachedSigningKey(
  secret: string,
  credentialScope: string,
  date: string,
  region: string,
  service: string,
) {
  let scopes = signingKeys.get(secret);
  if (scopes) {
    const key = scopes.get(credentialScope);
    if (key) return key;
    // A new scope: this secret key is in use, keep it among the most recent.
    signingKeys.delete(secret);
  } else {
    scopes = new Map();
    if (signingKeys.size >= SIGNING_KEY_CACHE_ENTRIES) {
      signingKeys.delete(signingKeys.keys().next().value as string);
    }
  }
  signingKeys.set(secret, scopes);
  const key = deriveSigningKey(secret, date, region, service);
  if (scopes.size >= SCOPES_PER_SECRET) scopes.delete(scopes.keys().next().value as string);
  scopes.set(credentialScope, key);
  return key;
}

/** Forgets the derived signing keys (e.g. after an access key was deleted). */
export function clearSigningKeyCache(): void {
  signingKeys = new Map();
}

export interface SigV4Computation {
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

function signatureDigest(
  req: SigV4Request,
  parsed: ParsedAuth,
  secretAccessKey: string,
  payloadHash: string,
  options: CanonicalOptions,
) {
  const canonicalRequest = buildCanonicalRequest(req, parsed, payloadHash, options);
  const stringToSign = buildStringToSign(parsed, canonicalRequest);
  const key = cachedSigningKey(
    secretAccessKey,
    parsed.credentialScope,
    parsed.date,
    parsed.region,
    parsed.service,
  );
  const digest = createHmac("sha256", key).update(stringToSign).digest();
  return { canonicalRequest, stringToSign, digest };
}

/** Canonical request, string to sign and signature, for a payload hash already decided. */
export function computeSigV4(
  req: SigV4Request,
  parsed: ParsedAuth,
  secretAccessKey: string,
  payloadHash: string,
  options: CanonicalOptions = {},
): SigV4Computation {
  const { canonicalRequest, stringToSign, digest } = signatureDigest(
    req,
    parsed,
    secretAccessKey,
    payloadHash,
    options,
  );
  return { canonicalRequest, stringToSign, signature: digest.toString("hex") };
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Whether the request carries any SigV4 authentication (else: MissingAuthenticationToken). */
export function hasAuthentication(req: Pick<SigV4Request, "headers" | "query">): boolean {
  if (headerValue(req.headers, "authorization") !== undefined) return true;
  if (!req.query) return false;
  const params = parseQuery(req.query);
  return QUERY_AUTH_PARAMS.some((key) => queryParam(params, key) !== undefined);
}

function toAmzDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

// Requests signed in the same second share their date: remember the last one parsed.
let lastAmzDate = "";
let lastAmzDateMs = 0;

function amzDateToMs(amzDate: string): number | undefined {
  if (amzDate === lastAmzDate) return lastAmzDateMs;
  const ms = parseAmzDate(amzDate);
  if (ms !== undefined) {
    lastAmzDate = amzDate;
    lastAmzDateMs = ms;
  }
  return ms;
}

function parseAmzDate(amzDate: string): number | undefined {
  const m = AMZ_DATE.exec(amzDate);
  if (!m) return undefined;
  const [month, day, hour, minute, second] = [+m[2], +m[3], +m[4], +m[5], +m[6]];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  const ms = Date.UTC(+m[1], month - 1, day, hour, minute, second);
  // Date.UTC rolls 20150231 over to March: accept only days that exist.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** Milliseconds of an ISO 8601 basic date, or IncompleteSignature. */
function amzDateMs(amzDate: string, protocol: SigV4Protocol): number {
  const ms = amzDateToMs(amzDate);
  if (ms === undefined) {
    throw sigV4Error(
      "incomplete",
      `Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`,
      protocol,
    );
  }
  return ms;
}

function checkAmzDate(amzDate: string, protocol: SigV4Protocol): string {
  amzDateMs(amzDate, protocol);
  return amzDate;
}

function parseCredential(credential: string, protocol: SigV4Protocol) {
  const parts = credential.split("/");
  if (parts.length !== 5 || parts.includes("")) {
    throw sigV4Error(
      "incomplete",
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
      protocol,
    );
  }
  const [accessKeyId, date, region, service, terminator] = parts;
  if (terminator !== TERMINATOR) {
    throw sigV4Error(
      "signature",
      `Credential should be scoped with a valid terminator: '${TERMINATOR}', not '${terminator}'.`,
      protocol,
    );
  }
  if (!/^\d{8}$/.test(date)) {
    throw sigV4Error(
      "incomplete",
      `Date in Credential scope must be YYYYMMDD, got '${date}'.`,
      protocol,
    );
  }
  return {
    accessKeyId,
    date,
    region,
    service,
    credentialScope: credential.slice(accessKeyId.length + 1),
  };
}

function parseSignedHeaders(value: string, protocol: SigV4Protocol): string[] {
  const names = value.split(";");
  if (names.some((n) => n === "" || n !== n.toLowerCase())) {
    throw sigV4Error(
      "incomplete",
      `SignedHeaders must be a ';'-separated list of lower-case header names, got '${value}'.`,
      protocol,
    );
  }
  return names;
}

function unsupportedAlgorithm(algorithm: string, protocol: SigV4Protocol) {
  return sigV4Error(
    "incomplete",
    `Unsupported AWS 'algorithm': '${algorithm}'. Use '${ALGORITHM}'.`,
    protocol,
  );
}

function httpDateToAmzDate(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : toAmzDate(ms);
}

/**
 * Reads the SigV4 fields from the Authorization header or from a presigned query string.
 * Throws MissingAuthenticationToken when there are none, IncompleteSignature when malformed.
 */
export function parseAuthorization(
  req: SigV4Request,
  options: { protocol?: SigV4Protocol } = {},
): ParsedAuth {
  const protocol = options.protocol ?? "json";
  const authorization = headerValue(req.headers, "authorization");
  const params = parseQuery(req.query);
  const queryAuth = QUERY_AUTH_PARAMS.some((key) => queryParam(params, key) !== undefined);

  if (authorization !== undefined && queryAuth) {
    throw sigV4Error(
      "incomplete",
      "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified.",
      protocol,
    );
  }
  if (authorization !== undefined) return parseHeaderForm(req, authorization, protocol);
  if (queryAuth) return parseQueryForm(req, params, protocol);
  throw missingAuthenticationToken(protocol);
}

function parseHeaderForm(req: SigV4Request, authorization: string, protocol: SigV4Protocol) {
  const value = authorization.trim();
  const space = value.indexOf(" ");
  const algorithm = space < 0 ? value : value.slice(0, space);
  if (algorithm !== ALGORITHM) throw unsupportedAlgorithm(algorithm, protocol);

  // The first of each field counts; others are ignored, as AWS does.
  let credential: string | undefined;
  let signedHeaders: string | undefined;
  let signature: string | undefined;
  for (const part of value.slice(space + 1).split(",")) {
    const item = part.trim();
    const eq = item.indexOf("=");
    if (eq <= 0) continue;
    const name = item.slice(0, eq);
    if (name === "Credential") credential ??= item.slice(eq + 1);
    else if (name === "SignedHeaders") signedHeaders ??= item.slice(eq + 1);
    else if (name === "Signature") signature ??= item.slice(eq + 1);
  }
  const xAmzDate = headerValue(req.headers, "x-amz-date");
  const httpDate = headerValue(req.headers, "date");

  const problems: string[] = [];
  if (!credential) problems.push("Authorization header requires 'Credential' parameter.");
  if (!signedHeaders) problems.push("Authorization header requires 'SignedHeaders' parameter.");
  if (!signature) problems.push("Authorization header requires 'Signature' parameter.");
  if (xAmzDate === undefined && httpDate === undefined) {
    problems.push(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  if (problems.length > 0 || !credential || !signedHeaders || !signature) {
    throw sigV4Error("incomplete", `${problems.join(" ")} Authorization=${value}`, protocol);
  }

  const dateHeader = (xAmzDate ?? httpDate ?? "").trim();
  const amzDate =
    xAmzDate !== undefined
      ? checkAmzDate(dateHeader, protocol)
      : (httpDateToAmzDate(dateHeader) ?? checkAmzDate(dateHeader, protocol));

  return {
    form: "header",
    ...parseCredential(credential, protocol),
    signedHeaders: parseSignedHeaders(signedHeaders, protocol),
    signature,
    securityToken: headerValue(req.headers, "x-amz-security-token"),
    amzDate,
  } satisfies ParsedAuth;
}

function parseQueryForm(req: SigV4Request, params: QueryParam[], protocol: SigV4Protocol) {
  const algorithm = queryParam(params, "X-Amz-Algorithm");
  const credential = queryParam(params, "X-Amz-Credential");
  const signature = queryParam(params, "X-Amz-Signature");
  const signedHeaders = queryParam(params, "X-Amz-SignedHeaders");
  const date = queryParam(params, "X-Amz-Date");
  if (!algorithm || !credential || !signature || !signedHeaders || !date) {
    throw sigV4Error(
      "incomplete",
      "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date'. Re-examine the query-string parameters.",
      protocol,
    );
  }
  if (algorithm !== ALGORITHM) throw unsupportedAlgorithm(algorithm, protocol);

  let expires: number | undefined;
  const expiresText = queryParam(params, "X-Amz-Expires");
  if (expiresText !== undefined) {
    if (!/^\d{1,7}$/.test(expiresText)) {
      throw sigV4Error("incomplete", "X-Amz-Expires should be a number", protocol);
    }
    expires = Number(expiresText);
    if (expires < 1 || expires > MAX_EXPIRES_SECONDS) {
      throw sigV4Error(
        "incomplete",
        `X-Amz-Expires must be between 1 and ${MAX_EXPIRES_SECONDS} seconds (a week).`,
        protocol,
      );
    }
  }

  return {
    form: "query",
    ...parseCredential(credential, protocol),
    signedHeaders: parseSignedHeaders(signedHeaders, protocol),
    signature,
    securityToken: queryParam(params, "X-Amz-Security-Token"),
    amzDate: checkAmzDate(date, protocol),
    expires,
  } satisfies ParsedAuth;
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface VerifySigV4Options extends CanonicalOptions {
  now?: Date;
  /** Allowed clock difference for header-signed requests; AWS allows 15 minutes. */
  maxSkewMs?: number;
  protocol?: SigV4Protocol;
  /** The region(s) this endpoint answers for; other scopes are refused. */
  region?: string | readonly string[];
  /** The signing name(s) this endpoint answers for (e.g. "secretsmanager"). */
  service?: string | readonly string[];
  /** Accept `x-amz-content-sha256: UNSIGNED-PAYLOAD` on header-signed requests (S3 style). */
  allowUnsignedPayload?: boolean;
}

const matches = (expected: string | readonly string[], actual: string) =>
  typeof expected === "string" ? expected === actual : expected.includes(actual);

/**
 * Verifies a parsed SigV4 request against the caller's secret access key. Returns nothing when
 * the signature is good; throws InvalidSignature/SignatureDoesNotMatch (or IncompleteSignature)
 * with AWS's messages otherwise. Checks, in order: scope (date, region, service), that Host is
 * signed, the clock or presigned expiry, the payload hash, then the signature (constant time).
 */
export function verifySigV4(
  req: SigV4Request,
  parsed: ParsedAuth,
  secretAccessKey: string,
  options: VerifySigV4Options = {},
): void {
  const protocol = options.protocol ?? "json";
  const mismatch = (message = SIGNATURE_MISMATCH_MESSAGE) =>
    sigV4Error("signature", message, protocol);

  const dateOfRequest = parsed.amzDate.slice(0, 8);
  if (parsed.date !== dateOfRequest) {
    throw mismatch(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.date}' != '${dateOfRequest}', from '${parsed.amzDate}'.`,
    );
  }
  if (options.region !== undefined && !matches(options.region, parsed.region)) {
    throw mismatch(`Credential should be scoped to a valid region, not '${parsed.region}'.`);
  }
  if (options.service !== undefined && !matches(options.service, parsed.service)) {
    const expected = typeof options.service === "string" ? options.service : options.service[0];
    throw mismatch(`Credential should be scoped to correct service: '${expected}'.`);
  }
  if (!parsed.signedHeaders.includes("host") && !parsed.signedHeaders.includes(":authority")) {
    throw mismatch("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }

  checkTime(parsed, options, protocol);

  // The format is public; only the comparison of the digests must not leak.
  if (!SHA256_HEX.test(parsed.signature)) throw mismatch();
  const payloadHash = decidePayloadHash(req, parsed, options, mismatch);
  const { digest } = signatureDigest(req, parsed, secretAccessKey, payloadHash, options);
  if (!timingSafeEqual(digest, Buffer.from(parsed.signature, "hex"))) throw mismatch();
}

function checkTime(parsed: ParsedAuth, options: VerifySigV4Options, protocol: SigV4Protocol) {
  const now = (options.now ?? new Date()).getTime();
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const signedAt = amzDateMs(parsed.amzDate, protocol);
  const skew = `${Math.round(maxSkewMs / 60_000)} min.`;

  if (signedAt > now + maxSkewMs) {
    throw sigV4Error(
      "signature",
      `Signature not yet current: ${parsed.amzDate} is still later than ${toAmzDate(now + maxSkewMs)} (${toAmzDate(now)} + ${skew})`,
      protocol,
    );
  }
  if (parsed.form === "query" && parsed.expires !== undefined) {
    const validFor = parsed.expires * 1000;
    if (now > signedAt + validFor) {
      throw sigV4Error(
        "signature",
        `Signature expired: ${parsed.amzDate} is now earlier than ${toAmzDate(now - validFor)} (${toAmzDate(now)} - ${parsed.expires} sec.)`,
        protocol,
      );
    }
    return;
  }
  if (signedAt < now - maxSkewMs) {
    throw sigV4Error(
      "signature",
      `Signature expired: ${parsed.amzDate} is now earlier than ${toAmzDate(now - maxSkewMs)} (${toAmzDate(now)} - ${skew})`,
      protocol,
    );
  }
}

function decidePayloadHash(
  req: SigV4Request,
  parsed: ParsedAuth,
  options: VerifySigV4Options,
  mismatch: (message?: string) => AwsError,
): string {
  const declared = headerValue(req.headers, "x-amz-content-sha256")?.trim();
  if (declared === undefined) return hashPayload(req.body);
  if (declared === UNSIGNED_PAYLOAD) {
    // An unsigned payload leaves the body unprotected: only where a client cannot hash it.
    if (parsed.form === "query" || options.allowUnsignedPayload) return declared;
    throw mismatch("UNSIGNED-PAYLOAD is only accepted on presigned requests.");
  }
  if (!SHA256_HEX.test(declared)) {
    throw mismatch(
      "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a lower-case SHA-256 hex digest.",
    );
  }
  // A declared hash must be the body's, else the signature would not cover the body sent.
  if (declared !== hashPayload(req.body)) {
    throw mismatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
  }
  return declared;
}

// ---------------------------------------------------------------------------------------------
// Signing

/** Headers a signer leaves out, as the AWS SDKs do (proxies may change them). */
const UNSIGNABLE_HEADERS = new Set([
  "authorization",
  "cache-control",
  "connection",
  "expect",
  "from",
  "keep-alive",
  "max-forwards",
  "pragma",
  "referer",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "user-agent",
  "x-amzn-trace-id",
]);

export interface SignRequestInput {
  method: string;
  /** Path as it goes on the wire (percent-encoded once), without the query. */
  path: string;
  /** Raw query string without '?'. */
  query?: string;
  /** Must include `host`. Names in any case; they are lower-cased. */
  headers: Record<string, string | string[]>;
  body?: Buffer | string;
  region: string;
  service: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  date?: Date;
  /** Sign exactly these headers (lower-case); default: every signable header given. */
  signedHeaders?: string[];
  /** Add `x-amz-content-sha256` (header form). */
  signPayloadHeader?: boolean;
  /** Presign: put the signature in the query string, valid for `expiresIn` seconds. */
  presign?: { expiresIn: number };
  s3?: boolean;
}

export interface SignedRequest extends SigV4Computation {
  /** The headers to send (lower-case names), including Authorization for the header form. */
  headers: Record<string, string | string[]>;
  /** The query string to send, including the X-Amz-* parameters when presigned. */
  query: string;
  authorization?: string;
}

/** Signs a request the way the AWS SDKs do; `verifySigV4` accepts what this produces. */
export function signRequest(input: SignRequestInput): SignedRequest {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(input.headers)) headers[name.toLowerCase()] = value;
  if (headers.host === undefined) throw new Error("signRequest needs a host header.");
  const body = input.body ?? "";
  const amzDate = toAmzDate((input.date ?? new Date()).getTime());
  const date = amzDate.slice(0, 8);
  const { accessKeyId, secretAccessKey, sessionToken } = input.credentials;
  const credentialScope = `${date}/${input.region}/${input.service}/${TERMINATOR}`;
  const presign = input.presign;
  if (
    presign &&
    (!Number.isInteger(presign.expiresIn) ||
      presign.expiresIn < 1 ||
      presign.expiresIn > MAX_EXPIRES_SECONDS)
  ) {
    throw new Error(`presign.expiresIn must be 1..${MAX_EXPIRES_SECONDS} seconds.`);
  }

  let payloadHash = hashPayload(body);
  if (!presign) {
    headers["x-amz-date"] = amzDate;
    if (sessionToken) headers["x-amz-security-token"] = sessionToken;
    if (input.signPayloadHeader) headers["x-amz-content-sha256"] = payloadHash;
  } else if (headers["x-amz-content-sha256"] === UNSIGNED_PAYLOAD) {
    payloadHash = UNSIGNED_PAYLOAD;
  }
  const signedHeaders =
    input.signedHeaders ??
    Object.keys(headers)
      .filter((name) => !UNSIGNABLE_HEADERS.has(name))
      .sort();

  let query = input.query ?? "";
  if (presign) {
    const extra: [string, string][] = [
      ["X-Amz-Algorithm", ALGORITHM],
      ["X-Amz-Credential", `${accessKeyId}/${credentialScope}`],
      ["X-Amz-Date", amzDate],
      ["X-Amz-Expires", String(presign.expiresIn)],
      ["X-Amz-SignedHeaders", signedHeaders.join(";")],
    ];
    if (sessionToken) extra.push(["X-Amz-Security-Token", sessionToken]);
    const encoded = extra.map(([k, v]) => `${k}=${uriEncode(v)}`).join("&");
    query = query ? `${query}&${encoded}` : encoded;
  }

  const parsed: ParsedAuth = {
    form: presign ? "query" : "header",
    accessKeyId,
    date,
    region: input.region,
    service: input.service,
    credentialScope,
    signedHeaders,
    signature: "",
    securityToken: sessionToken,
    amzDate,
    expires: presign?.expiresIn,
  };
  const request: SigV4Request = { method: input.method, path: input.path, query, headers, body };
  const computed = computeSigV4(request, parsed, secretAccessKey, payloadHash, { s3: input.s3 });

  if (presign) {
    return { ...computed, headers, query: `${query}&X-Amz-Signature=${computed.signature}` };
  }
  const authorization = `${ALGORITHM} Credential=${accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders.join(";")}, Signature=${computed.signature}`;
  headers.authorization = authorization;
  return { ...computed, headers, query, authorization };
}

// ---------------------------------------------------------------------------------------------
// Adapters

/**
 * The SigV4 view of a Fetch API request (Next.js route handlers). Reads the body: use the
 * returned `body` afterwards. Caveats of the Fetch API: the path comes from the URL parser (dot
 * segments already resolved, harmless for every service but S3) and repeated headers arrive
 * joined by ", ".
 */
export async function sigV4RequestFromFetch(
  request: Request,
): Promise<SigV4Request & { body: Buffer }> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method,
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: Buffer.from(await request.arrayBuffer()),
  };
}
