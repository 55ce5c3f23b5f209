import { shouldRetryUpstream, upstreamRetryFromEnv } from './upstream-retry';

const failed = (message: string) => ({ errors: [{ message }] });

describe('shouldRetryUpstream', () => {
  it('retries a read that failed in transit or met an unavailable instance', () => {
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'query' }, executionResult: failed('socket hang up') })).toBe(true);
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'query' }, executionResult: failed('x'), response: { status: 503 } })).toBe(true);
  });

  it("never retries a subgraph's own answer", () => {
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'query' }, executionResult: { errors: [{ message: 'not found' }] }, response: { status: 200 } })).toBe(false);
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'query' }, executionResult: { data: {} }, response: { status: 200 } })).toBe(false);
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'query' }, executionResult: failed('bad'), response: { status: 400 } })).toBe(false);
  });

  it('retries a write only when it never reached a subgraph', () => {
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'mutation' }, executionResult: failed('connect ECONNREFUSED 10.0.0.7:4001') })).toBe(true);
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'mutation' }, executionResult: failed('socket hang up') })).toBe(false);
    expect(shouldRetryUpstream({ executionRequest: { operationType: 'mutation' }, executionResult: failed('x'), response: { status: 502 } })).toBe(false);
  });
});

describe('upstreamRetryFromEnv', () => {
  it('has defaults and refuses nonsense', () => {
    expect(upstreamRetryFromEnv({})).toEqual({ maxRetries: 2, retryDelayMs: 150, timeoutMs: 10_000 });
    expect(upstreamRetryFromEnv({ UPSTREAM_RETRIES: '0', UPSTREAM_TIMEOUT_MS: '3000' })).toMatchObject({ maxRetries: 0, timeoutMs: 3000 });
    expect(() => upstreamRetryFromEnv({ UPSTREAM_RETRIES: '-1' })).toThrow(/UPSTREAM_RETRIES/);
    expect(() => upstreamRetryFromEnv({ UPSTREAM_TIMEOUT_MS: 'soon' })).toThrow(/UPSTREAM_TIMEOUT_MS/);
  });
});
