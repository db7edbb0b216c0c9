import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cidrContains, ipAddress, parseCidr, parseIp, parseRequestIp } from "./ip";

const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");

describe("IP addresses and CIDR ranges", () => {
  it.each([
    ["203.0.113.5", [0xcb00, 0x7105]],
    ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
    ["2001:DB8::", [0x2001, 0xdb8, 0, 0, 0, 0, 0, 0]],
    ["2001:db8:1234:5678::1", [0x2001, 0xdb8, 0x1234, 0x5678, 0, 0, 0, 1]],
    ["::ffff:10.1.2.3", [0x0a01, 0x0203]],
    ["1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]],
  ])("reads %s", (text, groups) => expect([...parseIp(text)!]).toEqual(groups));

  it.each(["256.0.0.1", "1.2.3", "01.2.3.4", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "x", ""])(
    "rejects %j (fails closed)",
    (text) => expect(parseIp(text)).toBeUndefined(),
  );

  it.each(["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "::/129", "10.0.0.0/8/8"])(
    "rejects the range %j (fails closed)",
    (text) => expect(parseCidr(text)).toBeUndefined(),
  );

  it("an address without a prefix is a single address", () => {
    expect(parseCidr("10.0.0.1")!.prefix).toBe(32);
    expect(parseCidr("2001:db8::1")!.prefix).toBe(128);
  });

  it("IPv4 containment agrees with arithmetic on the 32-bit value", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.integer({ min: 0, max: 32 }),
        (network, address, prefix) => {
          const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
          const expected = (network & mask) >>> 0 === (address & mask) >>> 0;
          const cidr = parseCidr(`${v4(network)}/${prefix}`)!;
          return cidrContains(cidr, parseIp(v4(address))!) === expected;
        },
      ),
    );
  });

  it("every IPv6 address is inside its own /64 and ::/0", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
        (g) => {
          const text = g.map((x) => x.toString(16)).join(":");
          const address = parseIp(text)!;
          // ::ffff:a.b.c.d reads as IPv4; skip that slice of the space.
          if (address.length === 2) return true;
          return (
            cidrContains(parseCidr(`${text}/64`)!, address) &&
            cidrContains(parseCidr("::/0")!, address)
          );
        },
      ),
    );
  });
});

describe("the IPv4 fast path (request addresses as 32-bit numbers)", () => {
  const octet = fc.integer({ min: 0, max: 255 });
  const v4text = fc.tuple(octet, octet, octet, octet).map((o) => o.join("."));
  // Addresses and ranges of every form the general path reads, and some it rejects.
  const address = fc.oneof(
    v4text,
    v4text.map((t) => `::ffff:${t}`),
    fc.constantFrom("2001:db8::1", "::1", "01.2.3.4", "1.2.3", "256.1.1.1", "1.2.3.4.5", "", "x"),
  );
  const range = fc.oneof(
    fc.tuple(v4text, fc.integer({ min: 0, max: 32 })).map(([t, p]) => `${t}/${p}`),
    v4text,
    fc.tuple(v4text, fc.integer({ min: 96, max: 128 })).map(([t, p]) => `::ffff:${t}/${p}`),
    fc.constantFrom("2001:db8::/32", "::/0", "0.0.0.0/0"),
  );

  it("reads what parseIp reads, and rejects what it rejects", () => {
    fc.assert(
      fc.property(address, (text) => {
        expect(parseRequestIp(text) === undefined).toBe(parseIp(text) === undefined);
      }),
    );
  });

  it("agrees with cidrContains on every address and range", () => {
    fc.assert(
      fc.property(address, range, (a, r) => {
        const cidr = parseCidr(r)!;
        const general = parseIp(a);
        const fast = parseRequestIp(a);
        if (general === undefined || fast === undefined) return;
        expect(ipAddress.test(fast, cidr)).toBe(cidrContains(cidr, general));
      }),
      { numRuns: 1000 },
    );
  });
});
