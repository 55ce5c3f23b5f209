import type { GraphQLSchema } from 'graphql';
import { accessLogModule, buildFederatedSchema } from '@hub/service-kit';
import type { PlansContext } from './context';
import { PlanObjectiveResolver, PlanResolver } from './plan/plan.resolver';
import { CarePlan, HealthPlan, PathwayPlan, PersonalEducationPlan, PlacementPlan, ProviderPlan } from './plan/plan.type';
import { readPlan } from './plan/read-plan';
import { ChildPlansResolver } from './child/child-plans.resolver';
import { childRef } from './child/child.type';
import { DeadlineResolver } from './deadline/deadline.resolver';
import { ChildReviewTimetableResolver, DeadlinePreviewResolver } from './deadline/deadline-preview.resolver';
import { CaseRecordResolver } from './case-record/case-record.resolver';

const planReference = { __resolveReference: (ref: { id: string }, ctx: PlansContext) => readPlan(ctx, ref.id) };

/**
 * The plans subgraph schema. `_entities` applies the same policy as the queries: an entity the caller may not see
 * resolves to null with a FORBIDDEN error; an unknown one to null.
 * @returns the federated schema
 */
export function buildPlansSchema(): Promise<GraphQLSchema> {
  const accessLog = accessLogModule('plans', false);
  return buildFederatedSchema(
    {
      resolvers: [PlanResolver, PlanObjectiveResolver, ChildPlansResolver, DeadlineResolver, DeadlinePreviewResolver, ChildReviewTimetableResolver, CaseRecordResolver, ...accessLog.resolvers],
      orphanedTypes: [CarePlan, PlacementPlan, PathwayPlan, PersonalEducationPlan, HealthPlan, ProviderPlan, ...accessLog.types],
    },
    {
      ...accessLog.references,
      Child: {
        __resolveReference: async (ref: { id: string }, ctx: PlansContext) => {
          if (!(await ctx.childAccess.load(ref.id))) return null;
          (await ctx.readScope(ref.id)).require('read this child');
          return childRef(ref.id);
        },
      },
      Plan: planReference,
      CarePlan: planReference,
      PlacementPlan: planReference,
      PathwayPlan: planReference,
      PersonalEducationPlan: planReference,
      HealthPlan: planReference,
      ProviderPlan: planReference,
    } as never,
  );
}
