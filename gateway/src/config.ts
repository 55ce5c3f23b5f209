import path from 'node:path';
import { ConfigError, DEFAULT_MAX_BODY_BYTES, loadHubConfig, operationLimitsFromEnv, portFrom } from '@hub/service-kit';
import type { HubConfig } from '@hub/service-kit';
import type { GatewayLimits } from './options';
import type { PersistedOperationsMode, PersistedOperationsOptions } from './limits/persisted-operations';
import { parseCorsOrigins } from './cors';
import { explicitQueryPlanner } from './query-planner';
import type { QueryPlanner } from './query-planner';

/** Subgraph name → the variable that overrides its routing URL. */
export const SUBGRAPH_URL_VARS = {
  children: 'CHILDREN_URL',
  plans: 'PLANS_URL',
  reviews: 'REVIEWS_URL',
  notifications: 'NOTIFICATIONS_URL',
} as const;

/** The gateway's configuration, parsed once from the environment. */
export interface GatewayConfig {
  hub: HubConfig;
  /** @default 4000 (GATEWAY_PORT) */
  port: number;
  /** @default 127.0.0.1 (HOST) */
  host: string;
  /** @default gateway/supergraph.graphql (SUPERGRAPH_PATH) */
  supergraphPath: string;
  /** Routing URL overrides by subgraph name (CHILDREN_URL, PLANS_URL, REVIEWS_URL, NOTIFICATIONS_URL). */
  subgraphUrls: Record<string, string>;
  limits: GatewayLimits;
  /** Mode from PERSISTED_OPERATIONS_MODE; the store is read from PERSISTED_OPERATIONS_PATH by the caller. */
  persistedMode: PersistedOperationsMode;
  /** JSON file `{ "<sha256 or documentId>": "<document>" }`. Required unless the mode is `off`. */
  persistedPath?: string;
  /** @default 1 MiB (GATEWAY_MAX_BODY_BYTES) */
  maxBodyBytes: number;
  /** CORS_ORIGINS, comma-separated; undefined when unset (see GatewayOptions.corsOrigins). */
  corsOrigins?: string[];
  /** GATEWAY_QUERY_PLANNER: `rust` or `js`; unset, `rust` where its addon loads, else `js` (query-planner.ts). */
  queryPlanner?: QueryPlanner;
}

const MODES: readonly PersistedOperationsMode[] = ['off', 'allow-listed-for-LA_SYSTEM', 'required'];

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Parses the gateway's environment; bad values throw here, at start-up.
 * @param env - the environment
 * @param packageDir - the gateway package directory (default location of the supergraph)
 * @returns the configuration
 * @example const config = loadGatewayConfig(process.env, path.join(__dirname, '..'));
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv, packageDir: string): GatewayConfig {
  const subgraphUrls: Record<string, string> = {};
  for (const [name, variable] of Object.entries(SUBGRAPH_URL_VARS)) {
    const url = env[variable];
    if (!url) continue;
    if (!/^https?:\/\/.+/.test(url)) throw new ConfigError(`${variable} must be an http(s) URL, got "${url}"`);
    subgraphUrls[name] = url;
  }
  const persistedMode = (env.PERSISTED_OPERATIONS_MODE || 'off') as PersistedOperationsMode;
  if (!MODES.includes(persistedMode)) {
    throw new ConfigError(`PERSISTED_OPERATIONS_MODE must be one of ${MODES.join(', ')}, got "${persistedMode}"`);
  }
  const persistedPath = env.PERSISTED_OPERATIONS_PATH || undefined;
  if (persistedMode !== 'off' && !persistedPath) {
    throw new ConfigError(`PERSISTED_OPERATIONS_MODE=${persistedMode} needs PERSISTED_OPERATIONS_PATH`);
  }
  let corsOrigins: string[] | undefined;
  try {
    corsOrigins = parseCorsOrigins(env.CORS_ORIGINS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const rateOff = env.GATEWAY_RATE_LIMIT === 'off';
  const rateRequests = rateOff ? undefined : positiveInt(env, 'GATEWAY_RATE_LIMIT');
  const rateWindowMs = positiveInt(env, 'GATEWAY_RATE_WINDOW_MS');
  return {
    hub: loadHubConfig(env),
    port: portFrom(env, 'GATEWAY_PORT', 4000),
    host: env.HOST || '127.0.0.1',
    supergraphPath: path.resolve(env.SUPERGRAPH_PATH || path.join(packageDir, 'supergraph.graphql')),
    subgraphUrls,
    limits: {
      ...operationLimitsFromEnv(env),
      rateLimit: rateOff
        ? false
        : rateRequests || rateWindowMs
          ? { requests: rateRequests ?? 100, windowMs: rateWindowMs ?? 10_000 }
          : undefined,
    },
    persistedMode,
    persistedPath,
    maxBodyBytes: positiveInt(env, 'GATEWAY_MAX_BODY_BYTES') ?? DEFAULT_MAX_BODY_BYTES,
    corsOrigins,
    queryPlanner: explicitQueryPlanner(env),
  };
}

/**
 * Checks a persisted-operation store read from JSON.
 * @param data - the parsed file
 * @param mode - the configured mode
 * @returns the options for the gateway
 */
export function persistedOptions(data: unknown, mode: PersistedOperationsMode): PersistedOperationsOptions {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ConfigError('the persisted-operation store must be a JSON object');
  for (const [id, doc] of Object.entries(data)) {
    if (typeof doc !== 'string' || !doc.trim()) throw new ConfigError(`persisted operation "${id}" must be a non-empty string`);
  }
  return { mode, store: data as Record<string, string> };
}
