import { ConfigError } from '@hub/service-kit';

/** Configuration of live changes, parsed once from the environment; bad values throw at start-up. */
export interface ChangeConfig {
  /** How long the change log keeps changes, in ms (env CHANGE_LOG_RETENTION_DAYS, may be fractional). @default 30 days */
  retentionMs: number;
  /** How often each instance's feed looks at the log without a signal (a lost pub/sub message). @default 1000 */
  pollMs: number;
  /** How often old changes are pruned. @default 1 hour */
  pruneMs: number;
}

function positive(env: NodeJS.ProcessEnv, name: string, dflt: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/**
 * Parses the live-change configuration.
 * @param env - the environment
 * @returns the configuration
 */
export function loadChangeConfig(env: NodeJS.ProcessEnv = process.env): ChangeConfig {
  return {
    retentionMs: positive(env, 'CHANGE_LOG_RETENTION_DAYS', 30) * 86_400_000,
    pollMs: positive(env, 'CHANGE_FEED_POLL_MS', 1000),
    pruneMs: positive(env, 'CHANGE_LOG_PRUNE_MS', 3_600_000),
  };
}
