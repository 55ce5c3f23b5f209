/** Options of {@link TokenBucketRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests a client may make in a burst (the bucket's size). @default 100 */
  requests?: number;
  /** Time in which an empty bucket refills completely, in milliseconds. @default 10000 */
  windowMs?: number;
  /** Clock, injectable for tests. @default Date.now */
  now?: () => number;
}

/** The outcome of {@link TokenBucketRateLimiter.take}. */
export interface RateDecision {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** When refused: milliseconds until one token is back. 0 when allowed. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * In-memory token buckets, one per key. A bucket holds `requests` tokens and refills continuously at
 * `requests / windowMs`, so a client may burst up to `requests` and then sustain `requests` per window.
 * Memory stays bounded by the number of recently active keys: buckets that have refilled completely carry no
 * state worth keeping and are swept. State is per process: with N gateway instances a client may make up to
 * N times the limit (a shared Redis bucket would fix that, at a round-trip per request).
 */
export class TokenBucketRateLimiter {
  private readonly capacity: number;
  private readonly windowMs: number;
  private readonly ratePerMs: number;
  private readonly now: () => number;
  private readonly buckets = new Map<string, Bucket>();
  private takes = 0;

  /**
   * @param options - limits and clock
   */
  constructor(options: RateLimiterOptions = {}) {
    this.capacity = options.requests ?? 100;
    this.windowMs = options.windowMs ?? 10_000;
    if (!(this.capacity > 0) || !(this.windowMs > 0)) throw new Error('rate limit requests and windowMs must be positive');
    this.ratePerMs = this.capacity / this.windowMs;
    this.now = options.now ?? Date.now;
  }

  /**
   * Takes one token from the key's bucket.
   * @param key - the client, e.g. the token's `sub` and `org`
   * @returns whether the request may proceed, and when to retry if not
   * @example limiter.take(JSON.stringify([principal.sub, principal.org])).allowed
   */
  take(key: string): RateDecision {
    const now = this.now();
    if (++this.takes % 1000 === 0) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.ratePerMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, remaining: 0, retryAfterMs: Math.ceil((1 - tokens) / this.ratePerMs) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return { allowed: true, remaining: Math.floor(tokens - 1), retryAfterMs: 0 };
  }

  /** Number of buckets held (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Drops buckets that would be full by now: they behave exactly like a missing bucket. */
  private sweep(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.ratePerMs >= this.capacity) this.buckets.delete(key);
    }
  }
}
