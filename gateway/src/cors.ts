/** Origins a browser page may call the gateway from. */
export interface CorsPolicy {
  /** Exact origins (`https://case.example.gov.uk`), from CORS_ORIGINS. */
  origins: readonly string[];
  /** Also any loopback origin (`http://localhost:*`, `http://127.0.0.1:*`, `http://[::1]:*`): development only. */
  loopback: boolean;
}

const LOOPBACK = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

/**
 * The CORS policy: the configured origins when CORS_ORIGINS is set; otherwise loopback origins outside
 * production and none in production.
 * @param nodeEnv - the environment
 * @param configured - CORS_ORIGINS, parsed
 * @returns the policy
 */
export function corsPolicy(nodeEnv: 'development' | 'test' | 'production', configured?: readonly string[]): CorsPolicy {
  if (configured) return { origins: configured, loopback: false };
  return { origins: [], loopback: nodeEnv !== 'production' };
}

/**
 * Whether a request's `Origin` is allowed.
 * @param origin - the header value
 * @param policy - the policy
 * @returns true when the browser may read the answer
 */
export function originAllowed(origin: string | null | undefined, policy: CorsPolicy): origin is string {
  if (!origin) return false;
  return policy.origins.includes(origin) || (policy.loopback && LOOPBACK.test(origin));
}

/**
 * Hive's (yoga's) `cors` option for a policy: an allowed origin is echoed with credentials; any other origin gets
 * no CORS headers at all, so the browser withholds the answer. Never yoga's default, which echoes every origin
 * with credentials, and never an empty origin list, which yoga also treats as "every origin".
 * @param policy - the policy
 * @returns the option
 */
export function corsOption(policy: CorsPolicy) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!originAllowed(origin, policy)) return false as const;
    return {
      origin: [origin],
      credentials: true,
      methods: ['GET', 'POST'],
      allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    };
  };
}

/**
 * Parses CORS_ORIGINS: a comma-separated list of exact origins (scheme, host, optional port; no path, no `*`).
 * @param raw - the variable's value
 * @returns the origins, or undefined when unset
 * @throws Error naming the bad entry
 */
export function parseCorsOrigins(raw: string | undefined): string[] | undefined {
  if (raw === undefined || raw.trim() === '') return undefined;
  const origins = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const o of origins) {
    if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$|^https?:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(o)) {
      throw new Error(`CORS_ORIGINS: "${o}" is not an origin like https://app.example.org (no path, no wildcard)`);
    }
  }
  return origins;
}
