import { createHmac } from 'node:crypto';

/**
 * Configuration shared by every service, parsed once from the environment. Bad values throw at start-up,
 * never later. Every variable has a development default except secrets in production.
 */
export interface HubConfig {
  /**
   * `development`, `test` or `production`. Any other NODE_ENV (staging, prod, …) is read as `production`: only
   * development and test get development defaults. @default development
   */
  nodeEnv: 'development' | 'test' | 'production';
  /** PostgreSQL connection string. @default postgres://postgres@127.0.0.1:5432/care_hub */
  databaseUrl: string;
  /** Redis connection string. @default redis://127.0.0.1:6379 */
  redisUrl: string;
  /** HS256 secret for local tokens; refused in production when JWKS_URL is unset. */
  jwtSecret?: string;
  /** JWKS endpoint of the production identity provider. */
  jwksUrl?: string;
  /** Expected `iss` claim, when set. */
  jwtIssuer?: string;
  /** Expected `aud` claim, when set. */
  jwtAudience?: string;
  /** Longest accepted token lifetime in seconds (exp - iat, and exp - now). @default 43200 (12 h) */
  jwtMaxLifetimeS: number;
  /** Log level for pino. @default info */
  logLevel: string;
  /** Outbox relay poll interval in milliseconds while the outbox is empty (a busy relay loops at once). @default 50 */
  relayPollMs: number;
  /**
   * How long a relayed event may stay unconfirmed (some consumer queue has not completed it) before the relay
   * checks its jobs and re-publishes the ones Redis lost (OUTBOX_CONFIRM_MS). @default 30000
   */
  outboxConfirmMs: number;
  /**
   * Secret shared by the gateway and every subgraph: the gateway signs each call it forwards, and a subgraph
   * refuses calls without a valid signature (GATEWAY_SIGNING_SECRET). Outside production it defaults to
   * {@link DEV_GATEWAY_SIGNING_SECRET}; production requires a value of at least 32 characters.
   */
  gatewaySigningSecret: string;
  /**
   * How long a request carrying a consistency token may wait for the events it names to be applied before it
   * answers CONSISTENCY_TIMEOUT (CONSISTENCY_TIMEOUT_MS, 1 to 60000). @default 5000
   */
  consistencyTimeoutMs: number;
}

/** The development-only signing secret. Never accepted when NODE_ENV=production. */
export const DEV_JWT_SECRET = 'care-hub-development-secret-not-for-production';

/** The development-only gateway signing secret, derived from the development JWT secret. Refused in production. */
export const DEV_GATEWAY_SIGNING_SECRET = createHmac('sha256', DEV_JWT_SECRET).update('gateway-signing').digest('hex');

/** Shortest HS256 secret accepted outside development and test (256 bits of text). */
export const MIN_JWT_SECRET_LENGTH = 32;

/** Default of JWT_MAX_LIFETIME_S: a working day's token. */
export const DEFAULT_JWT_MAX_LIFETIME_S = 12 * 3600;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function positiveIntVar(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const n = intVar(env, name, dflt);
  if (n === 0) throw new ConfigError(`${name} must be a positive integer`);
  return n;
}

/**
 * Parses the shared configuration.
 * @param env - the environment (usually `process.env`)
 * @returns a validated {@link HubConfig}
 * @example const config = loadHubConfig(process.env);
 */
export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const rawEnv = env.NODE_ENV || 'development';
  // Only an explicit development or test gets development defaults; anything else is treated as production.
  const nodeEnv: HubConfig['nodeEnv'] = rawEnv === 'development' || rawEnv === 'test' ? rawEnv : 'production';
  const jwksUrl = env.JWKS_URL || undefined;
  if (jwksUrl && !/^https?:\/\//.test(jwksUrl)) throw new ConfigError('JWKS_URL must be an http(s) URL');
  let jwtSecret = env.JWT_SECRET || undefined;
  if (nodeEnv === 'production') {
    const where = `NODE_ENV=${rawEnv}`;
    if (!jwksUrl && !jwtSecret) throw new ConfigError(`${where} needs JWKS_URL (or JWT_SECRET for a shared secret)`);
    if (jwtSecret === DEV_JWT_SECRET) throw new ConfigError(`the development JWT secret is refused with ${where}`);
    if (jwtSecret !== undefined && jwtSecret.trim().length < MIN_JWT_SECRET_LENGTH) {
      throw new ConfigError(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters with ${where}`);
    }
  } else if (!jwksUrl && !jwtSecret) {
    jwtSecret = DEV_JWT_SECRET;
  }
  const gatewaySigningSecret = gatewaySigningSecretFrom(env, nodeEnv);
  const databaseUrl = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/care_hub';
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL');
  return {
    nodeEnv,
    databaseUrl,
    redisUrl,
    jwtSecret,
    jwksUrl,
    jwtIssuer: env.JWT_ISSUER || undefined,
    jwtAudience: env.JWT_AUDIENCE || undefined,
    jwtMaxLifetimeS: positiveIntVar(env, 'JWT_MAX_LIFETIME_S', DEFAULT_JWT_MAX_LIFETIME_S),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    relayPollMs: intVar(env, 'OUTBOX_POLL_MS', 50),
    outboxConfirmMs: positiveIntVar(env, 'OUTBOX_CONFIRM_MS', 30_000),
    gatewaySigningSecret,
    consistencyTimeoutMs: boundedConsistencyTimeout(positiveIntVar(env, 'CONSISTENCY_TIMEOUT_MS', 5000)),
  };
}

function boundedConsistencyTimeout(ms: number): number {
  if (ms > 60_000) throw new ConfigError('CONSISTENCY_TIMEOUT_MS must be at most 60000 (a request is held that long)');
  return ms;
}

function gatewaySigningSecretFrom(env: NodeJS.ProcessEnv, nodeEnv: HubConfig['nodeEnv']): string {
  const secret = env.GATEWAY_SIGNING_SECRET || undefined;
  if (nodeEnv !== 'production') return secret ?? DEV_GATEWAY_SIGNING_SECRET;
  if (!secret) throw new ConfigError('production needs GATEWAY_SIGNING_SECRET (shared by the gateway and the subgraphs)');
  if (secret === DEV_GATEWAY_SIGNING_SECRET) throw new ConfigError('the development gateway signing secret is refused in production');
  if (secret.length < 32) throw new ConfigError('GATEWAY_SIGNING_SECRET must be at least 32 characters');
  return secret;
}

/**
 * Reads a port number for a service.
 * @param env - the environment
 * @param name - the variable, e.g. `CHILDREN_PORT`
 * @param dflt - the default port
 * @returns the port
 */
export function portFrom(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const n = intVar(env, name, dflt);
  if (n > 65535) throw new ConfigError(`${name} must be a port number`);
  return n;
}
