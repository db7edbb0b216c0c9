import { describe, expect, it } from "vitest";
import { clientInfo, normalizeAddress, parseTrustProxy } from "./client-address";

const socket = (remoteAddress: string, encrypted = false) => ({ remoteAddress, encrypted });

describe("clientInfo", () => {
  it("uses the socket's address and TLS when no proxy is trusted, whatever the headers say", () => {
    const info = clientInfo(
      socket("::ffff:203.0.113.9"),
      { "x-forwarded-for": "10.0.0.1", "x-forwarded-proto": "https" },
      undefined,
    );
    expect(info).toEqual({ sourceIp: "203.0.113.9", secureTransport: false });
    expect(clientInfo(socket("203.0.113.9", true), {}, undefined).secureTransport).toBe(true);
  });

  it("believes X-Forwarded-For from a trusted proxy, up to the first untrusted hop", () => {
    const trust = parseTrustProxy("loopback, 10.0.0.0/8");
    const info = clientInfo(
      socket("127.0.0.1"),
      { "x-forwarded-for": "6.6.6.6, 198.51.100.7, 10.1.2.3", "x-forwarded-proto": "https" },
      trust,
    );
    // 6.6.6.6 was written by the client itself: 198.51.100.7 is the first hop we do not trust.
    expect(info).toEqual({ sourceIp: "198.51.100.7", secureTransport: true });
  });

  it("ignores the headers from a proxy it does not trust", () => {
    const trust = parseTrustProxy("10.0.0.0/8");
    expect(clientInfo(socket("127.0.0.1"), { "x-forwarded-for": "1.2.3.4" }, trust).sourceIp).toBe(
      "127.0.0.1",
    );
  });

  it("stops at a hop that is not an address", () => {
    const trust = parseTrustProxy("*");
    expect(
      clientInfo(socket("127.0.0.1"), { "x-forwarded-for": "unknown, 192.0.2.1" }, trust).sourceIp,
    ).toBe("192.0.2.1");
    expect(
      clientInfo(socket("127.0.0.1"), { "x-forwarded-for": "192.0.2.1, 192.0.2.2" }, trust)
        .sourceIp,
    ).toBe("192.0.2.1");
  });

  it("joins repeated headers", () => {
    const trust = parseTrustProxy("loopback");
    expect(
      clientInfo(socket("::1"), { "x-forwarded-for": ["192.0.2.1", "127.0.0.1"] }, trust).sourceIp,
    ).toBe("192.0.2.1");
  });
});

describe("parseTrustProxy", () => {
  it("trusts nothing when unset, empty or false", () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy(" ")).toBeUndefined();
    expect(parseTrustProxy("false")).toBeUndefined();
  });

  it("reads addresses, ranges and the named sets", () => {
    const trust = parseTrustProxy("192.0.2.1, private")!;
    expect(trust.trusts("192.0.2.1")).toBe(true);
    expect(trust.trusts("192.0.2.2")).toBe(false);
    expect(trust.trusts("172.20.0.1")).toBe(true);
    expect(trust.trusts("::ffff:10.9.9.9")).toBe(true);
    expect(trust.trusts("not an ip")).toBe(false);
  });

  it("refuses what it cannot read, rather than trusting less or more than meant", () => {
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/STRONGBOX_TRUST_PROXY/);
  });

  it("normalizes IPv4-mapped addresses", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::1")).toBe("::1");
  });
});
