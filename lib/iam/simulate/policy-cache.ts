/**
 * A front for the engine's compile cache, for bulk simulation: the same policy texts arrive on
 * every line as fresh strings, and hashing a whole policy (or the engine's `kind + text` key)
 * for each lookup costs more than the evaluation. Texts are bucketed by length and a sample of
 * their characters, then compared whole (a memory compare). Misses go to `compilePolicy`, so a
 * text is parsed at most once while it stays in either cache.
 */
import { compilePolicy, type CompiledPolicy, type PolicyKind } from "../index";

const MAX_TEXTS = 4096;

class TextCache {
  private buckets = new Map<string, { text: string; policy: CompiledPolicy }[]>();
  private count = 0;

  constructor(private readonly kind: PolicyKind) {}

  get(text: string): CompiledPolicy {
    const key = sampleKey(text);
    let bucket = this.buckets.get(key);
    if (bucket) {
      for (let i = 0; i < bucket.length; i++) if (bucket[i].text === text) return bucket[i].policy;
    }
    const policy = compilePolicy(text, { kind: this.kind });
    if (this.count >= MAX_TEXTS) {
      this.buckets = new Map();
      this.count = 0;
      bucket = undefined;
    }
    if (!bucket) this.buckets.set(key, (bucket = []));
    bucket.push({ text, policy });
    this.count++;
    return policy;
  }
}

function sampleKey(text: string): string {
  const n = text.length;
  return n <= 64
    ? text
    : `${n}:${text.slice(0, 24)}${text.slice(n >> 1, (n >> 1) + 8)}${text.slice(n - 24)}`;
}

const caches: Record<"identity" | "resource" | "boundary", TextCache> = {
  identity: new TextCache("identity"),
  resource: new TextCache("resource"),
  boundary: new TextCache("boundary"),
};

export function compiledPolicy(
  text: string,
  kind: "identity" | "resource" | "boundary",
): CompiledPolicy {
  return caches[kind].get(text);
}
