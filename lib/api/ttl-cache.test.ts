import { describe, expect, it } from "vitest";
import { TtlCache } from "./ttl-cache";

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("TtlCache", () => {
  it("forgets entries after the TTL", () => {
    const c = clock();
    const cache = new TtlCache<string, number>({ ttlMs: 1000, maxEntries: 10, now: c.now });
    cache.set("a", 1);
    c.advance(999);
    expect(cache.get("a")).toBe(1);
    c.advance(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps at most maxEntries, dropping the oldest", () => {
    const cache = new TtlCache<string, number>({ ttlMs: 1000, maxEntries: 2 });
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect(cache.get("a")).toBeUndefined();
    expect(cache.get("b")).toBe(2);
    expect(cache.size).toBe(2);
  });

  it("shares one load between concurrent callers and caches its value, even undefined", async () => {
    const cache = new TtlCache<string, number | undefined>({ ttlMs: 1000, maxEntries: 10 });
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((r) => setTimeout(r, 5));
      return undefined;
    };
    await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)]);
    await cache.getOrLoad("k", load);
    expect(loads).toBe(1);
  });

  it("does not cache a failed load", async () => {
    const cache = new TtlCache<string, number>({ ttlMs: 1000, maxEntries: 10 });
    await expect(
      cache.getOrLoad("k", async () => Promise.reject(new Error("db down"))),
    ).rejects.toThrow("db down");
    expect(await cache.getOrLoad("k", async () => 7)).toBe(7);
  });

  it("caches nothing with a TTL of 0", async () => {
    const cache = new TtlCache<string, number>({ ttlMs: 0, maxEntries: 10 });
    let loads = 0;
    await cache.getOrLoad("k", async () => ++loads);
    await cache.getOrLoad("k", async () => ++loads);
    expect(loads).toBe(2);
  });
});

describe("TtlCache refresh ahead", () => {
  it("reloads a key near its expiry in the background and answers from the entry meanwhile", async () => {
    const c = clock();
    const cache = new TtlCache<string, number>({
      ttlMs: 1000,
      maxEntries: 10,
      refreshAheadMs: 200,
      now: c.now,
    });
    let loads = 0;
    let release: () => void = () => undefined;
    const load = () => {
      loads++;
      const value = loads;
      return new Promise<number>((resolve) => (release = () => resolve(value)));
    };
    const first = cache.getOrLoad("k", load);
    release();
    expect(await first).toBe(1);

    c.advance(700); // 300 ms left: no reload yet
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(loads).toBe(1);

    c.advance(150); // 150 ms left: answers 1 at once and reloads once, however often asked
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(await cache.getOrLoad("k", load)).toBe(1);
    expect(loads).toBe(2);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.getOrLoad("k", load)).toBe(2);

    // The reloaded entry lives a whole TTL from when it was stored.
    c.advance(999);
    expect(cache.get("k")).toBe(2);
  });

  it("never stores a value loaded before the key was deleted", async () => {
    const cache = new TtlCache<string, number>({ ttlMs: 1000, maxEntries: 10 });
    let release: () => void = () => undefined;
    const pending = cache.getOrLoad(
      "k",
      () => new Promise<number>((resolve) => (release = () => resolve(1))),
    );
    cache.delete("k");
    release();
    expect(await pending).toBe(1);
    expect(cache.get("k")).toBeUndefined();
  });
});
