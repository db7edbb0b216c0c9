// Where a request came from (aws:SourceIp) and whether it arrived over TLS (aws:SecureTransport).
// X-Forwarded-For and X-Forwarded-Proto are believed only from proxies the operator named in
// STRONGBOX_TRUST_PROXY: anyone can send those headers, and a policy conditioned on aws:SourceIp
// would otherwise be a request away from bypassed.
import { cidrContains, parseCidr, parseIp, type Cidr } from "../iam/conditions/ip";

export interface TrustProxy {
  /** Whether a hop with this address may tell us who it forwarded for. */
  trusts(address: string): boolean;
}

const LOOPBACK = ["127.0.0.0/8", "::1/128"];
const PRIVATE = ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"];

/**
 * STRONGBOX_TRUST_PROXY: unset or empty trusts no proxy; otherwise a comma-separated list of
 * addresses, CIDR ranges, `loopback`, `private` (RFC 1918 and fc00::/7) or `*` (every hop: only
 * when nothing but the proxy can reach the server).
 */
export function parseTrustProxy(setting: string | undefined): TrustProxy | undefined {
  const items = (setting ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0 || items.includes("false")) return undefined;
  if (items.includes("*") || items.includes("true")) return { trusts: () => true };
  const ranges: Cidr[] = [];
  for (const item of items) {
    const expanded = item === "loopback" ? LOOPBACK : item === "private" ? PRIVATE : [item];
    for (const text of expanded) {
      const cidr = parseCidr(text);
      if (!cidr)
        throw new Error(`STRONGBOX_TRUST_PROXY: '${text}' is not an address or CIDR range`);
      ranges.push(cidr);
    }
  }
  return {
    trusts(address) {
      const ip = parseIp(address);
      return ip !== undefined && ranges.some((range) => cidrContains(range, ip));
    },
  };
}

/** `::ffff:10.0.0.1` -> `10.0.0.1`: the form policies are written in. */
export function normalizeAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

export interface ClientInfo {
  sourceIp?: string;
  secureTransport: boolean;
}

/**
 * The client: walking X-Forwarded-For from the nearest hop back, the first address that is not a
 * trusted proxy (so a client cannot prepend addresses of its choosing).
 */
export function clientInfo(
  socket: { remoteAddress?: string; encrypted?: boolean },
  headers: Record<string, string | string[] | undefined>,
  trust: TrustProxy | undefined,
): ClientInfo {
  const peer = socket.remoteAddress ? normalizeAddress(socket.remoteAddress) : undefined;
  const direct = { sourceIp: peer, secureTransport: socket.encrypted === true };
  if (!trust || !peer || !trust.trusts(peer)) return direct;

  const forwarded = joined(headers["x-forwarded-for"])
    .split(",")
    .map((s) => normalizeAddress(s.trim()))
    .filter(Boolean);
  let sourceIp = peer;
  for (let i = forwarded.length - 1; i >= 0; i--) {
    // Something that is not an address ends the chain at the last hop we could read.
    if (!parseIp(forwarded[i])) break;
    sourceIp = forwarded[i];
    if (!trust.trusts(sourceIp)) break;
  }
  // The proxy nearest to us says which scheme its client used.
  const proto = joined(headers["x-forwarded-proto"]).split(",").pop()?.trim().toLowerCase();
  return {
    sourceIp,
    secureTransport: proto ? proto === "https" : direct.secureTransport,
  };
}

const joined = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.join(",") : (value ?? "");
