import { DocumentNode, getOperationAST } from 'graphql';
import type { UnifiedGraphHandler } from '@graphql-mesh/fusion-runtime';
import { handleFederationSupergraph } from '@graphql-mesh/fusion-runtime';
import { createDefaultExecutor } from '@graphql-mesh/transport-common';
import { unifiedGraphHandler as routerRuntimeHandler } from '@graphql-hive/router-runtime';

/**
 * Whether a request is a subscription (the operation it names, or its only one).
 * @param request - the execution request
 * @returns true for a subscription
 */
export function isSubscription(request: { document: DocumentNode; operationName?: string }): boolean {
  return getOperationAST(request.document, request.operationName)?.operation === 'subscription';
}

/**
 * The `rust` query planner: queries and mutations are planned by Hive's router query planner and its plans
 * executed by `@graphql-hive/router-runtime`; subscriptions go through Hive Gateway's own planning and merging
 * (graphql-tools), as under `js`. router-runtime 1.4.23 drops an inline fragment on an @interfaceObject's
 * implementation from a subscription event (`plan { ... on CarePlan { version } }` of a change came without
 * `version`) and answers a subgraph's refusal of a subscription with INTERNAL_SERVER_ERROR, where the `js` path
 * delivers the field and passes the refusal's code on.
 *
 * The schema clients validate against, and subscriptions run on, is the `js` handler's (the same public schema).
 * @param opts - what Hive hands a unified-graph handler
 * @returns the handler's result: the `js` schema and an executor choosing by operation type
 */
export const rustPlannerHandler: UnifiedGraphHandler = async (opts) => {
  const planned = await routerRuntimeHandler(opts);
  const merged = handleFederationSupergraph(opts);
  const viaMerging = createDefaultExecutor(merged.unifiedGraph);
  const viaPlans = planned.executor;
  if (!viaPlans) throw new Error('router-runtime returned no executor');
  return {
    ...merged,
    overrideLabels: planned.overrideLabels,
    executor: (request) => (isSubscription(request) ? viaMerging(request) : viaPlans(request)),
  };
};
