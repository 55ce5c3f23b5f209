import type { GraphQLSchema } from 'graphql';
import { accessLogModule, buildFederatedSchema } from '@hub/service-kit';
import type { ReviewsContext } from './context';
import { ChildReviewsResolver } from './child/child-reviews.resolver';
import { childRef } from './child/child.type';
import { ReviewMutationResolver } from './review/review.mutation.resolver';
import { IroResolver } from './iro/iro.resolver';
import { ReviewRequestResolver } from './review-request/review-request.resolver';
import { reviewForCaller } from './review/review.view';
import { resolveReturnReference, Ssda903Return, Ssda903ReviewsResolver } from './ssda903/ssda903-reviews.resolver';

/**
 * The reviews subgraph schema. `_entities` applies the same policy as the queries: a child or review the caller
 * may not see resolves to null with a FORBIDDEN error; an unknown id resolves to null.
 * @returns the federated schema
 */
export function buildReviewsSchema(): Promise<GraphQLSchema> {
  const accessLog = accessLogModule('reviews', false);
  return buildFederatedSchema(
    { resolvers: [ChildReviewsResolver, ReviewMutationResolver, IroResolver, ReviewRequestResolver, Ssda903ReviewsResolver, ...accessLog.resolvers], orphanedTypes: [...accessLog.types, Ssda903Return] },
    {
      ...accessLog.references,
      Child: {
        __resolveReference: async (ref: { id: string }, ctx: ReviewsContext) => {
          if (!(await ctx.childAccess.load(ref.id))) return null;
          (await ctx.readScope(ref.id)).require('read this child');
          return childRef(ref.id);
        },
      },
      Ssda903Return: { __resolveReference: resolveReturnReference },
      LookedAfterReview: {
        __resolveReference: async (ref: { id: string }, ctx: ReviewsContext) => {
          const row = await ctx.loaders.reviewById.load(ref.id);
          if (!row) return null;
          return reviewForCaller(ctx, row);
        },
      },
    } as never,
  );
}
