import { TokenBucketRateLimiter } from './rate-limiter';

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('TokenBucketRateLimiter', () => {
  it('allows a burst of `requests`, then refuses with the time until one token is back', () => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 5, windowMs: 10_000, now: c.now });
    const burst = Array.from({ length: 5 }, () => limiter.take('a'));
    expect(burst.every((d) => d.allowed)).toBe(true);
    expect(burst.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0]);
    expect(limiter.take('a')).toEqual({ allowed: false, remaining: 0, retryAfterMs: 2000 });
  });

  it.each([
    { waitMs: 1999, allowed: false, why: 'just before one token has refilled' },
    { waitMs: 2000, allowed: true, why: 'once one token (windowMs / requests) has refilled' },
    { waitMs: 60_000, allowed: true, why: 'long after: the bucket is full again, never more' },
  ])('refills continuously: $why', ({ waitMs, allowed }) => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 5, windowMs: 10_000, now: c.now });
    for (let i = 0; i < 5; i++) limiter.take('a');
    c.advance(waitMs);
    expect(limiter.take('a').allowed).toBe(allowed);
  });

  it('caps a refilled bucket at `requests`', () => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 3, windowMs: 1000, now: c.now });
    limiter.take('a');
    c.advance(1_000_000);
    const allowed = Array.from({ length: 4 }, () => limiter.take('a').allowed);
    expect(allowed).toEqual([true, true, true, false]);
  });

  it('keeps a separate bucket per key', () => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 1, windowMs: 1000, now: c.now });
    expect(limiter.take('["sw-1","LA-NORTH"]').allowed).toBe(true);
    expect(limiter.take('["sw-1","LA-NORTH"]').allowed).toBe(false);
    expect(limiter.take('["sw-1","LA-SOUTH"]').allowed).toBe(true);
  });

  it('does not let refused requests dig the bucket deeper', () => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 2, windowMs: 1000, now: c.now });
    limiter.take('a');
    limiter.take('a');
    for (let i = 0; i < 50; i++) limiter.take('a');
    c.advance(500);
    expect(limiter.take('a').allowed).toBe(true);
  });

  it('sweeps buckets that have refilled, so idle clients cost no memory', () => {
    const c = clock();
    const limiter = new TokenBucketRateLimiter({ requests: 10, windowMs: 1000, now: c.now });
    for (let i = 0; i < 999; i++) limiter.take(`client-${i}`);
    expect(limiter.size).toBe(999);
    c.advance(1000);
    limiter.take('late'); // the 1000th take triggers a sweep
    expect(limiter.size).toBe(1);
  });

  it('refuses a non-positive configuration', () => {
    expect(() => new TokenBucketRateLimiter({ requests: 0 })).toThrow(/positive/);
    expect(() => new TokenBucketRateLimiter({ windowMs: -1 })).toThrow(/positive/);
  });
});
