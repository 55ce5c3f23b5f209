import { ConfigError } from '@hub/service-kit';

/**
 * The gateway's query planner: `rust` is Hive's router query planner (`@graphql-hive/router-runtime`, a native
 * addon planning and executing the federated query); `js` is Hive Gateway's own planner and executor
 * (graphql-tools stitching and merging).
 */
export type QueryPlanner = 'rust' | 'js';

export const QUERY_PLANNERS: readonly QueryPlanner[] = ['rust', 'js'];

/**
 * The planner when GATEWAY_QUERY_PLANNER is unset: `js`, because under `rust` (router-runtime 1.4.23) the
 * end-to-end suites show differences the hub cannot accept: a subscription payload missing a field resolved by
 * another subgraph (`plan.version`), a refused subscription answered INTERNAL_SERVER_ERROR instead of FORBIDDEN,
 * FORBIDDEN errors where the tenancy matrix expects provider roles to read a child without them, a deadline
 * missing from a child's list (worked example 5) and audit lines that are not all a READ of the caller's operation.
 */
export const DEFAULT_QUERY_PLANNER: QueryPlanner = 'js';

/**
 * Reads GATEWAY_QUERY_PLANNER; anything other than `rust` or `js` is refused at start-up.
 * @param env - the environment
 * @returns the planner to run
 * @example queryPlannerFrom({ GATEWAY_QUERY_PLANNER: 'js' }) // 'js'
 */
export function queryPlannerFrom(env: NodeJS.ProcessEnv): QueryPlanner {
  const raw = env.GATEWAY_QUERY_PLANNER;
  if (raw === undefined || raw === '') return DEFAULT_QUERY_PLANNER;
  if (!(QUERY_PLANNERS as readonly string[]).includes(raw)) {
    throw new ConfigError(`GATEWAY_QUERY_PLANNER must be one of ${QUERY_PLANNERS.join(', ')}, got "${raw}"`);
  }
  return raw as QueryPlanner;
}
