import { describe, expect, it } from "vitest";
import { compilePolicy, policyCacheSize, setPolicyCacheSize } from "./compile";
import { LruCache } from "./lru";

const policy = (n: number) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "Sm",
        Effect: "Allow",
        Action: ["secretsmanager:Get*", "SecretsManager:Describe*"],
        Resource: "*",
      },
      { Sid: "Kms", Effect: "Allow", Action: `kms:Decrypt${n}`, Resource: "*" },
      { Sid: "Any", Effect: "Allow", Action: "*:List*", Resource: "*" },
      { Sid: "Not", Effect: "Deny", NotAction: "s3:*", Resource: "*" },
      { Sid: "Mixed", Effect: "Allow", Action: ["s3:GetObject", "kms:*"], Resource: "*" },
    ],
  });

describe("compilePolicy", () => {
  it("returns the cached compiled policy for the same text and kind", () => {
    const text = policy(1);
    expect(compilePolicy(text)).toBe(compilePolicy(text));
    expect(compilePolicy(text, { kind: "boundary" })).not.toBe(compilePolicy(text));
  });

  it("indexes statements by service prefix, lower-cased", () => {
    const compiled = compilePolicy(policy(2));
    const sids = (service: string) => compiled.byService.get(service)?.map((s) => s.sid);
    expect(sids("secretsmanager")).toEqual(["Sm"]);
    expect(sids("kms")).toEqual(["Kms", "Mixed"]);
    expect(sids("s3")).toEqual(["Mixed"]);
    expect(compiled.anyService.map((s) => s.sid)).toEqual(["Any", "Not"]);
  });

  it("lower-cases action patterns once", () => {
    const compiled = compilePolicy(policy(3));
    expect(compiled.statements[0].actions.map((a) => a.text)).toEqual([
      "secretsmanager:get",
      "secretsmanager:describe",
    ]);
  });

  it("throws IAM's error for a malformed policy and caches nothing", () => {
    const before = policyCacheSize();
    expect(() => compilePolicy('{"Statement":{}}')).toThrow("Missing required field Effect");
    expect(policyCacheSize()).toBe(before);
  });

  it("keeps the cache bounded", () => {
    setPolicyCacheSize(3);
    for (let i = 0; i < 10; i++) compilePolicy(policy(100 + i));
    expect(policyCacheSize()).toBe(3);
    setPolicyCacheSize(2000);
  });
});

describe("LruCache", () => {
  it("evicts the least recently used entry", () => {
    const lru = new LruCache<string, number>(2);
    lru.set("a", 1);
    lru.set("b", 2);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3);
    expect(lru.get("b")).toBeUndefined();
    expect(lru.get("a")).toBe(1);
    expect(lru.get("c")).toBe(3);
  });

  it("refuses a capacity below one", () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
