// A small bounded cache whose entries live a few seconds, with concurrent loads of one key
// shared. The API keeps resolved credentials in it: short enough that a deactivated or deleted
// key stops working within the TTL on every instance, long enough that a busy key costs one
// database read per TTL instead of one per request.

export interface TtlCacheOptions {
  ttlMs: number;
  maxEntries: number;
  /**
   * getOrLoad() reloads an entry in the background when it has less than this left to live, and
   * answers with the entry meanwhile (still within its TTL): a busy key never makes every
   * request wait for the database when it expires. 0 (the default) turns this off.
   */
  refreshAheadMs?: number;
  now?: () => number;
}

/** What TtlCache.fresh() answers when the value must be loaded. */
export const MISS: unique symbol = Symbol("miss");

interface Entry<V> {
  value: V;
  expires: number;
}

export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly loading = new Map<K, Promise<V>>();
  private readonly now: () => number;
  /** Bumped by delete() and clear(): a load begun before must not store its (older) value. */
  private epoch = 0;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: K, value: V): void {
    if (this.options.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      // Oldest first: Map keeps insertion order.
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, { value, expires: this.now() + this.options.ttlMs });
  }

  /** The cached value, or `load(key)` once however many callers ask at the same time. */
  async getOrLoad(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const fresh = this.fresh(key, load);
    if (fresh !== MISS) return fresh;
    return this.loading.get(key) ?? this.load(key, load);
  }

  /**
   * The cached value while it is fresh (reloading it in the background near its end, as
   * getOrLoad does), else MISS: a caller on a hot path needs no promise for a hit.
   */
  fresh(key: K, load: (key: K) => Promise<V>): V | typeof MISS {
    const entry = this.entries.get(key);
    if (!entry) return MISS;
    const left = entry.expires - this.now();
    if (left <= 0) return MISS;
    if (left < (this.options.refreshAheadMs ?? 0) && !this.loading.has(key)) {
      // Errors reach nobody here: the entry expires as usual and the next caller loads.
      this.load(key, load).catch(() => undefined);
    }
    return entry.value;
  }

  private load(key: K, load: (key: K) => Promise<V>): Promise<V> {
    const epoch = this.epoch;
    const pending = load(key).then(
      (value) => {
        this.loading.delete(key);
        if (epoch === this.epoch) this.set(key, value);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, pending);
    return pending;
  }

  delete(key: K): void {
    this.epoch++;
    this.entries.delete(key);
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
