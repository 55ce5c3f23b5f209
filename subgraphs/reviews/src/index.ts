/** @hub/reviews: the reviews subgraph. */
export { reviewsSubgraph, reviewsEntities, defineReviewsSubgraph } from './definition';
export { buildReviewsSchema } from './schema';
