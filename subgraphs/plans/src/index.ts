/** @hub/plans: the plans subgraph (plans of every kind and the deadline ledger). */
export { plansSubgraph, plansEntities } from './definition';
export { buildPlansSchema } from './schema';
export { plansEventHandlers } from './events/handle-event';
