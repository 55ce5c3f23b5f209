/** @hub/children: the children subgraph. */
export { childrenSubgraph, childrenEntities } from './definition';
export { buildChildrenSchema } from './schema';
