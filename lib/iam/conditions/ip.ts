/**
 * IpAddress and NotIpAddress: CIDR ranges, IPv4 and IPv6. An address without a prefix length is
 * a single address (/32, /128). An IPv4-mapped IPv6 address (::ffff:203.0.113.5) is its IPv4
 * address. An IPv4 range never holds an IPv6 address, nor the reverse.
 */
import type { OperatorFamily } from "./types";

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
export type IpAddress = Uint16Array;

export interface Cidr {
  address: IpAddress;
  prefix: number;
}

/** Dotted decimal, four parts of 0-255 without leading zeros, as an unsigned 32-bit number. */
function parseIpv4Number(text: string): number | undefined {
  let address = 0;
  let part = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c === 0x2e) {
      if (digits === 0 || part > 3) return undefined;
      address = address * 256 + value;
      part++;
      digits = 0;
      value = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      // A leading zero (01) is not dotted decimal.
      if (digits > 0 && value === 0) return undefined;
      value = value * 10 + (c - 0x30);
      if (++digits > 3 || value > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (part !== 4) return undefined;
  return address;
}

function parseIpv4(text: string): IpAddress | undefined {
  const address = parseIpv4Number(text);
  return address === undefined ? undefined : Uint16Array.of(address >>> 16, address & 0xffff);
}

function parseIpv6(text: string): IpAddress | undefined {
  let groups: string[];
  const double = text.indexOf("::");
  if (double >= 0) {
    if (text.indexOf("::", double + 1) >= 0) return undefined;
    const head = text.slice(0, double);
    const tail = text.slice(double + 2);
    const headGroups = head ? head.split(":") : [];
    const tailGroups = tail ? tail.split(":") : [];
    groups = [...headGroups, "", ...tailGroups];
  } else {
    groups = text.split(":");
  }
  const out: number[] = [];
  let gap = -1;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (g === "" && double >= 0 && gap < 0) {
      gap = out.length;
      continue;
    }
    if (i === groups.length - 1 && g.includes(".")) {
      const v4 = parseIpv4(g);
      if (!v4) return undefined;
      out.push(v4[0], v4[1]);
      continue;
    }
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
    out.push(parseInt(g, 16));
  }
  if (gap >= 0) {
    if (out.length > 7) return undefined;
    out.splice(gap, 0, ...new Array<number>(8 - out.length).fill(0));
  }
  if (out.length !== 8) return undefined;
  return Uint16Array.from(out);
}

function unmapIpv4(address: IpAddress): IpAddress {
  if (
    address.length === 8 &&
    address[0] === 0 &&
    address[1] === 0 &&
    address[2] === 0 &&
    address[3] === 0 &&
    address[4] === 0 &&
    address[5] === 0xffff
  ) {
    return Uint16Array.of(address[6], address[7]);
  }
  return address;
}

/** Parses an IPv4 or IPv6 address; undefined when malformed. */
export function parseIp(text: string): IpAddress | undefined {
  const address = text.includes(":") ? parseIpv6(text) : parseIpv4(text);
  return address && unmapIpv4(address);
}

/** Parses `address` or `address/prefix`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf("/");
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const max = address.length * 16;
  if (slash < 0) return { address, prefix: max };
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  let prefix = Number(prefixText);
  // An IPv4-mapped IPv6 range counts its prefix over the IPv6 width.
  if (text.slice(0, slash).includes(":") && address.length === 2) prefix -= 96;
  if (prefix < 0 || prefix > max) return undefined;
  return { address, prefix };
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  if (cidr.address.length !== address.length) return false;
  let bits = cidr.prefix;
  for (let i = 0; i < address.length && bits > 0; i++) {
    const take = bits >= 16 ? 16 : bits;
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((cidr.address[i] & mask) !== (address[i] & mask)) return false;
    bits -= take;
  }
  return true;
}

/** Whether an IPv4 range holds an IPv4 address given as a 32-bit number. */
export function cidrContainsIpv4(cidr: Cidr, address: number): boolean {
  if (cidr.address.length !== 2) return false;
  const network = cidr.address[0] * 0x10000 + cidr.address[1];
  const mask = cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0;
  return ((network ^ address) & mask) === 0;
}

/**
 * A request address as the IpAddress operators read it: a plain IPv4 address as a 32-bit number
 * (no allocation: requests carry one), anything else as parseIp reads it.
 */
export function parseRequestIp(text: string): number | IpAddress | undefined {
  return text.includes(":") ? parseIp(text) : parseIpv4Number(text);
}

export const ipAddress: OperatorFamily<Cidr, number | IpAddress> = {
  variables: false,
  wildcards: false,
  policy: parseCidr,
  request: parseRequestIp,
  test: (request, policy) =>
    typeof request === "number" ? cidrContainsIpv4(policy, request) : cidrContains(policy, request),
};
