import type http from 'node:http';
import type { UpstreamRetrySettings } from './upstream-retry';
import type { QueryPlanner } from './query-planner';
import { OPERATION_LIMIT_DEFAULTS } from '@hub/service-kit';
import type { Logger } from '@hub/service-kit';
import type { PersistedOperationsOptions } from './limits/persisted-operations';

/**
 * Per-client rate limit, shared by every gateway instance through Redis: a fixed window per client, keyed by the
 * token's `sub` and `org`, or by the client's address when there is no valid token.
 */
export interface RateLimitOptions {
  /** Requests allowed per window. @default 100 */
  requests: number;
  /** The window in milliseconds (whole seconds). @default 10000 */
  windowMs: number;
  /** Prefix of the Redis keys. @default 'hub:rate' */
  keyPrefix?: string;
}

/**
 * Protections applied to every operation before any subgraph is called. Use `Infinity` to lift a numeric
 * limit, `false` to turn the rate limit off.
 */
export interface GatewayLimits {
  /** Deepest field nesting, fragments expanded. @default 15 */
  maxDepth?: number;
  /** Aliased fields per operation, fragments expanded. @default 30 */
  maxAliases?: number;
  /** Lexical tokens in the document (counted before parsing). @default 2000 */
  maxTokens?: number;
  /** Estimated cost (see `operationCost`: each field 1, selections times `first` or the list size). @default 25000 */
  maxCost?: number;
  /** Items assumed for a list field without `first`/`last` when estimating cost. @default 10 */
  defaultListSize?: number;
  /** @default { requests: 100, windowMs: 10000 } */
  rateLimit?: RateLimitOptions | false;
}

/** The limits with every default filled in. */
export type ResolvedLimits = Required<Omit<GatewayLimits, 'rateLimit'>> & { rateLimit: RateLimitOptions | false };

/** Defaults of {@link GatewayLimits}: the kit's operation limits (the subgraphs apply the same) and the rate limit. */
export const DEFAULT_LIMITS: ResolvedLimits = {
  ...OPERATION_LIMIT_DEFAULTS,
  rateLimit: { requests: 100, windowMs: 10_000 },
};

/**
 * Fills in defaults.
 * @param limits - the caller's overrides
 * @returns complete limits
 */
export function resolveLimits(limits: GatewayLimits = {}): ResolvedLimits {
  return {
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxAliases: limits.maxAliases ?? DEFAULT_LIMITS.maxAliases,
    maxTokens: limits.maxTokens ?? DEFAULT_LIMITS.maxTokens,
    maxCost: limits.maxCost ?? DEFAULT_LIMITS.maxCost,
    defaultListSize: limits.defaultListSize ?? DEFAULT_LIMITS.defaultListSize,
    rateLimit: limits.rateLimit === undefined ? DEFAULT_LIMITS.rateLimit : limits.rateLimit,
  };
}

/** Options of `startGateway`. */
export interface GatewayOptions {
  /** The composed Federation 2 supergraph SDL (`gateway/supergraph.graphql`). */
  supergraphSdl: string;
  /**
   * Routing URLs by subgraph name, overriding the supergraph's `@join__graph(url:)`, e.g.
   * `{ children: 'http://127.0.0.1:5555/graphql' }`. Subscriptions go to the same URL over WebSocket.
   */
  subgraphUrls?: Record<string, string>;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Bind address. @default 127.0.0.1 */
  host?: string;
  /** HS256 secret (local use only). One of `jwtSecret` and `jwksUrl` is required. */
  jwtSecret?: string;
  /** JWKS endpoint of the identity provider (production). */
  jwksUrl?: string;
  /** Expected `iss` claim, when set. */
  jwtIssuer?: string;
  /** Expected `aud` claim, when set. */
  jwtAudience?: string;
  /** Longest accepted token lifetime in seconds (JWT_MAX_LIFETIME_S). @default 43200 */
  jwtMaxLifetimeS?: number;
  /** Production turns off introspection and GraphiQL. */
  nodeEnv: 'development' | 'test' | 'production';
  /** GATEWAY_SIGNING_SECRET: every call forwarded to a subgraph is signed with it (subgraphs refuse unsigned calls). */
  signingSecret: string;
  /** Redis for the shared rate limit (REDIS_URL). Required unless `limits.rateLimit` is false. */
  redisUrl?: string;
  /** The services' BullMQ prefix, for the queue dashboard (BullMQ's default when unset, as the services use). */
  queuePrefix?: string;
  /** Serve the operators' queue dashboard at /ops/queues (needs redisUrl). @default true */
  opsBoard?: boolean;
  /** How long start-up waits for Redis before serving with the per-instance fallback. @default 3000 */
  redisReadyTimeoutMs?: number;
  /** Largest request body accepted, in bytes (GATEWAY_MAX_BODY_BYTES). @default 1 MiB */
  maxBodyBytes?: number;
  /**
   * Origins allowed to call from a browser (CORS_ORIGINS). Unset: loopback origins (`http://localhost:*`,
   * `http://127.0.0.1:*`) outside production, none in production.
   */
  corsOrigins?: string[];
  log: Logger;
  /** @default DEFAULT_LIMITS */
  limits?: GatewayLimits;
  /** @default { mode: 'off', store: {} } */
  persistedOperations?: PersistedOperationsOptions;
  /** Timeout of each subgraph `/readiness` probe, in milliseconds. @default 2000 */
  readinessTimeoutMs?: number;
  /** Retries and timeout of calls to subgraphs. @default from UPSTREAM_RETRIES, UPSTREAM_RETRY_DELAY_MS, UPSTREAM_TIMEOUT_MS */
  upstreamRetry?: UpstreamRetrySettings;
  /** `rust` (Hive's router query planner) or `js` (Hive Gateway's own). @default from GATEWAY_QUERY_PLANNER, else `rust` where it loads */
  queryPlanner?: QueryPlanner;
  /** How long `stop()` lets in-flight HTTP requests finish before closing their sockets. @default 25000 */
  shutdownGraceMs?: number;
}

/** A running gateway. */
export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql` (WebSocket: same URL with `ws:`). */
  url: string;
  port: number;
  httpServer: http.Server;
  /** Closes WebSockets, the HTTP server and the runtime; safe to call twice. */
  stop(): Promise<void>;
}
