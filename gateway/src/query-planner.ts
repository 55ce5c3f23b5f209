import { ConfigError } from '@hub/service-kit';

/**
 * The gateway's query planner: `rust` is Hive's router query planner (`@graphql-hive/router-runtime`, a native
 * addon planning each query and mutation, its plan executed in JavaScript; subscriptions as under `js`, see
 * rust-planner.ts); `js` is Hive Gateway's own planner and executor (graphql-tools stitching and merging).
 */
export type QueryPlanner = 'rust' | 'js';

export const QUERY_PLANNERS: readonly QueryPlanner[] = ['rust', 'js'];

/**
 * The planner when GATEWAY_QUERY_PLANNER is unset: `rust`, which costs the gateway about half the CPU of `js` per
 * caseload page (README, Performance), where the addon loads (Linux glibc and macOS, x64 and arm64); elsewhere
 * the gateway falls back to `js` and says so. Every end-to-end suite passes under both
 * (test/query-planners.e2e.test.ts runs both side by side).
 */
export const DEFAULT_QUERY_PLANNER: QueryPlanner = 'rust';

/**
 * Whether the Rust planner's native addon loads on this machine.
 * @returns true when it does
 */
export async function rustPlannerAvailable(): Promise<boolean> {
  try {
    const moduleName = '@graphql-hive/router-query-planner';
    const m = (await import(moduleName)) as { QueryPlanner?: unknown };
    return typeof m.QueryPlanner === 'function';
  } catch {
    return false;
  }
}

/**
 * The planner to run: the one asked for (GATEWAY_QUERY_PLANNER, or the gateway's option), refused at start-up if
 * it is `rust` and the addon does not load; unset, `rust` where it loads and `js` elsewhere.
 * @param asked - the planner set explicitly, if any
 * @param log - where the fallback is reported
 * @returns the planner
 */
export async function resolveQueryPlanner(asked: QueryPlanner | undefined, log: { warn(o: object, msg: string): void }): Promise<QueryPlanner> {
  const planner = asked ?? DEFAULT_QUERY_PLANNER;
  if (planner !== 'rust' || (await rustPlannerAvailable())) return planner;
  if (asked === 'rust') throw new ConfigError(`GATEWAY_QUERY_PLANNER=rust, but the Rust query planner does not load on ${process.platform}-${process.arch}`);
  log.warn({ platform: process.platform, arch: process.arch }, 'the Rust query planner does not load here; planning with js');
  return 'js';
}

/**
 * Reads GATEWAY_QUERY_PLANNER; anything other than `rust` or `js` is refused at start-up.
 * @param env - the environment
 * @returns the planner to run
 * @example queryPlannerFrom({ GATEWAY_QUERY_PLANNER: 'js' }) // 'js'
 */
export function queryPlannerFrom(env: NodeJS.ProcessEnv): QueryPlanner {
  return explicitQueryPlanner(env) ?? DEFAULT_QUERY_PLANNER;
}

/**
 * GATEWAY_QUERY_PLANNER when set; anything other than `rust` or `js` is refused.
 * @param env - the environment
 * @returns the planner set, or undefined
 */
export function explicitQueryPlanner(env: NodeJS.ProcessEnv): QueryPlanner | undefined {
  const raw = env.GATEWAY_QUERY_PLANNER;
  if (raw === undefined || raw === '') return undefined;
  if (!(QUERY_PLANNERS as readonly string[]).includes(raw)) {
    throw new ConfigError(`GATEWAY_QUERY_PLANNER must be one of ${QUERY_PLANNERS.join(', ')}, got "${raw}"`);
  }
  return raw as QueryPlanner;
}
