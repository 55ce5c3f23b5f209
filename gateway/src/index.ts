/**
 * @hub/gateway: the Care Planning Hub's single GraphQL endpoint (Hive Gateway runtime over the composed
 * supergraph), with token verification, limits, health and readiness.
 */
export { startGateway } from './gateway';
export type { QueryPlanner } from './query-planner';
export { DEFAULT_LIMITS, resolveLimits } from './options';
export type { GatewayOptions, GatewayLimits, RateLimitOptions, ResolvedLimits, RunningGateway } from './options';
export type { PersistedOperationsMode, PersistedOperationsOptions } from './limits/persisted-operations';
export type { GatewayErrorCode } from './limits/gateway-errors';
export type { ReadinessReport, SubgraphReadiness } from './readiness';
