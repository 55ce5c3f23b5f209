import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '@hub/service-kit';

/** Options of {@link SharedRateLimiter}. */
export interface SharedRateLimiterOptions {
  /** The Redis every gateway instance shares. */
  redis: IORedis;
  /** Requests a client may make per window. */
  requests: number;
  /** The window, in milliseconds (rounded up to whole seconds). */
  windowMs: number;
  /** Prefix of the Redis keys (tests use their own). */
  keyPrefix: string;
  log: Logger;
  /** How long to wait for Redis before deciding without it, in milliseconds. @default 250 */
  redisTimeoutMs?: number;
}

/** The outcome of {@link SharedRateLimiter.consume}. */
export interface RateDecision {
  allowed: boolean;
  /** Requests left in the window. */
  remaining: number;
  /** When refused: milliseconds until the window ends. 0 when allowed. */
  retryAfterMs: number;
  /** Where the count was kept: `redis` (shared by every instance) or `memory` (this instance, Redis unavailable). */
  store: 'redis' | 'memory';
}

class RedisUnavailable extends Error {}

/**
 * One rate limit shared by every gateway instance: a fixed window per key in Redis (rate-limiter-flexible's
 * atomic RateLimiterRedis), so N instances together allow a client `requests` per window, not N times that.
 *
 * When Redis is down or slow it fails open to a per-instance limit, deliberately: each instance keeps counting
 * the same limit in memory, so a single client still cannot flood an instance, but with N instances it may make
 * up to N times the limit until Redis answers again. Refusing every caller while Redis is down would turn a
 * Redis outage into a hub outage. The switch is logged (warn) once when it happens and once when Redis is back.
 */
export class SharedRateLimiter {
  private readonly shared: RateLimiterRedis;
  private readonly local: RateLimiterMemory;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private degraded = false;

  /**
   * @param o - options
   */
  constructor(o: SharedRateLimiterOptions) {
    if (!(o.requests > 0) || !(o.windowMs > 0)) throw new Error('rate limit requests and windowMs must be positive');
    const duration = Math.max(1, Math.ceil(o.windowMs / 1000));
    this.shared = new RateLimiterRedis({
      storeClient: o.redis,
      keyPrefix: o.keyPrefix,
      points: o.requests,
      duration,
      rejectIfRedisNotReady: true,
    });
    this.local = new RateLimiterMemory({ keyPrefix: o.keyPrefix, points: o.requests, duration });
    this.log = o.log;
    this.timeoutMs = o.redisTimeoutMs ?? 250;
  }

  /**
   * Counts one request against `key`.
   * @param key - the client: `sub:<json [sub, org]>` or `ip:<address>`
   * @returns whether it may proceed, and when to retry if not
   * @example const d = await limiter.consume('ip:10.0.0.1'); if (!d.allowed) retryAfter(d.retryAfterMs);
   */
  async consume(key: string): Promise<RateDecision> {
    try {
      const res = await this.withTimeout(this.shared.consume(key));
      if (this.degraded) {
        this.degraded = false;
        this.log.warn('rate limit: Redis answers again; the limit is shared by every gateway instance again');
      }
      return decision(res, true, 'redis');
    } catch (err) {
      if (err instanceof RateLimiterRes) return decision(err, false, 'redis');
      if (!this.degraded) {
        this.degraded = true;
        this.log.warn({ err }, 'rate limit: Redis unavailable; failing open to a per-instance in-memory limit');
      }
    }
    try {
      return decision(await this.local.consume(key), true, 'memory');
    } catch (err) {
      if (err instanceof RateLimiterRes) return decision(err, false, 'memory');
      throw err;
    }
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new RedisUnavailable('Redis did not answer in time')), this.timeoutMs);
      p.then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (e: unknown) => {
          clearTimeout(timer);
          reject(e);
        },
      );
    });
  }
}

function decision(res: RateLimiterRes, allowed: boolean, store: RateDecision['store']): RateDecision {
  return { allowed, remaining: Math.max(0, res.remainingPoints), retryAfterMs: allowed ? 0 : res.msBeforeNext, store };
}
