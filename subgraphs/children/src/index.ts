/** @hub/children: the children subgraph. */
export { childrenSubgraph, childrenEntities } from './definition';
export { buildChildrenSchema } from './schema';
export { exportReturn, gatewayPost, type GatewayPost, type ExportResult } from './ssda903/export';
export { importReturn, parseReturn, readReturnFiles, type ImportResult, type RefusedRow } from './ssda903/import';
