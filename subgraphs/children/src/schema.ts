import type { GraphQLSchema } from 'graphql';
import { accessLogModule, buildFederatedSchema, ForbiddenError } from '@hub/service-kit';
import type { ChildrenContext } from './context';
import { ChildResolver } from './child/child.resolver';
import { ChildMutationResolver } from './child/child.mutation.resolver';
import { PlacementResolver, SignificantEventResolver } from './placement/placement.resolver';
import { ReferenceDataResolver } from './reference-data/reference.resolver';
import { CalendarResolver } from './calendar/calendar.resolver';
import { ChildContactResolver } from './contact/child-contact.resolver';
import { readChildForField } from './placement/read-child-for-field';
import { toPlacement } from './placement/placement.type';
import { toAuthority, toProvider } from './reference-data/reference.types';
import { resolveReturnReference, Ssda903ChildResolver, Ssda903MutationResolver, Ssda903ReturnResolver } from './ssda903/ssda903.resolver';

/**
 * The children subgraph schema. `_entities` applies the same policy as the queries: an entity the caller may
 * not see resolves to null with a FORBIDDEN error.
 * @returns the federated schema
 */
export function buildChildrenSchema(): Promise<GraphQLSchema> {
  const accessLog = accessLogModule('children', true);
  return buildFederatedSchema(
    { resolvers: [ChildResolver, ChildMutationResolver, PlacementResolver, SignificantEventResolver, ReferenceDataResolver, CalendarResolver, ChildContactResolver, Ssda903ReturnResolver, Ssda903ChildResolver, Ssda903MutationResolver, ...accessLog.resolvers], orphanedTypes: [...accessLog.types] },
    {
      ...accessLog.references,
      Child: { __resolveReference: (ref: { id: string }, ctx: ChildrenContext) => readChildForField(ctx, ref.id) },
      Ssda903Return: { __resolveReference: resolveReturnReference },
      Placement: {
        __resolveReference: async (ref: { id: string }, ctx: ChildrenContext) => {
          const row = await ctx.loaders.placementById.load(ref.id);
          if (!row) return null;
          const scope = (await ctx.readScope(row.childId)).require('read this placement');
          if (!scope.sees({ placementId: row.id, providerId: row.providerId })) throw new ForbiddenError('not permitted to read this placement');
          ctx.audit.note('READ', row.childId, 'Placement');
          return toPlacement(row);
        },
      },
      Authority: {
        __resolveReference: async (ref: { code: string }, ctx: ChildrenContext) => {
          const row = await ctx.loaders.authorityByCode.load(ref.code);
          return row ? toAuthority(row) : null;
        },
      },
      Provider: {
        __resolveReference: async (ref: { id: string }, ctx: ChildrenContext) => {
          const row = await ctx.loaders.providerById.load(ref.id);
          return row ? toProvider(row) : null;
        },
      },
    } as never,
  );
}
