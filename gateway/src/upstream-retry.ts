/** How the gateway retries a call to a subgraph instance that failed (an instance stopping, restarting, overloaded). */
export interface UpstreamRetrySettings {
  /** Retries after the first attempt. @default 2 (UPSTREAM_RETRIES) */
  maxRetries: number;
  /** First delay; each further one is 1.5 times longer. @default 150 ms (UPSTREAM_RETRY_DELAY_MS) */
  retryDelayMs: number;
  /** How long one call to a subgraph may take before it fails. @default 10000 ms (UPSTREAM_TIMEOUT_MS) */
  timeoutMs: number;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, dflt: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/**
 * The retry and timeout settings from the environment.
 * @param env - the environment
 * @returns the settings
 */
export function upstreamRetryFromEnv(env: NodeJS.ProcessEnv = process.env): UpstreamRetrySettings {
  return {
    maxRetries: intFrom(env, 'UPSTREAM_RETRIES', 2, 0),
    retryDelayMs: intFrom(env, 'UPSTREAM_RETRY_DELAY_MS', 150, 0),
    timeoutMs: intFrom(env, 'UPSTREAM_TIMEOUT_MS', 10_000, 100),
  };
}

const NOT_DELIVERED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/;

interface Outcome {
  executionRequest: { operationType?: string };
  executionResult: unknown;
  response?: { status: number };
}

/**
 * Whether a failed call may be sent again. A read is retried on a network failure or a 502/503/504 (another
 * instance behind the Service answers it). A mutation is retried only when it never reached a subgraph (connection
 * refused, name not resolved): a call that reached one may have committed, and a lost answer must not apply a
 * change twice. A GraphQL error a subgraph returned (bad input, forbidden, not found) is its answer, never retried.
 * @param o - the attempt's request, result and HTTP response
 * @returns true to retry
 */
export function shouldRetryUpstream(o: Outcome): boolean {
  const errors = (o.executionResult as { errors?: Array<{ message?: string; originalError?: unknown; extensions?: Record<string, unknown> }> } | undefined)?.errors ?? [];
  const unavailable = o.response ? [502, 503, 504].includes(o.response.status) : false;
  const failedInTransit = !o.response && errors.length > 0;
  if (!unavailable && !failedInTransit) return false;
  if (o.executionRequest.operationType === 'mutation' || o.executionRequest.operationType === 'subscription') {
    return !o.response && errors.some((e) => NOT_DELIVERED.test(`${e.message ?? ''} ${String((e.originalError as Error | undefined)?.message ?? '')} ${JSON.stringify(e.extensions ?? {})}`));
  }
  return true;
}
