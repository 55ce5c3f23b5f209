import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { now as hubNow } from '@hub/service-kit';
import type { PlansContext } from '../context';
import { Child } from './child.type';
import { Plan, PlanKind, toPlan } from '../plan/plan.type';
import { planVisible, visibleVersions } from '../plan/plan.policy';
import type { PlanVersionEntity } from '../plan/plan-version.entity';
import { Deadline, DeadlineStatusKind, toDeadline } from '../deadline/deadline.type';
import { leanDeadlinesSuffice } from '../deadline/deadline-selection';
import { PlacementReadiness, placementReadiness } from './readiness';

async function assertSees(ctx: PlansContext, childId: string) {
  return (await ctx.readScope(childId)).require('read this child');
}

/** Fields the plans subgraph contributes to Child; every one batched through the request's loaders. */
@Resolver(() => Child)
export class ChildPlansResolver {
  @FieldResolver(() => [Plan], { description: 'Plans the caller may see, optionally of one kind.' })
  async plans(@Root() child: Child, @Arg('kind', () => PlanKind, { nullable: true }) kind: PlanKind | undefined, @Ctx() ctx: PlansContext): Promise<Plan[]> {
    const scope = await assertSees(ctx, child.id);
    const rows = (await ctx.loaders.plansByChild.load(child.id)).filter((p) => (!kind || p.kind === kind) && planVisible(scope, p));
    const versions = await ctx.loaders.versionsByPlan.loadMany(rows.map((r) => r.id));
    ctx.audit.note('READ', child.id, 'Child.plans');
    return rows.map((r, i) => toPlan(r, visibleVersions(scope, r, Array.isArray(versions[i]) ? (versions[i] as PlanVersionEntity[]) : [])));
  }

  @FieldResolver(() => [Deadline], { description: 'Deadline ledger of the child, by due instant; status judged at asOf (default now). A provider sees those of its placements.' })
  async deadlines(
    @Root() child: Child,
    @Arg('status', () => DeadlineStatusKind, { nullable: true }) status: DeadlineStatusKind | undefined,
    @Arg('asOf', () => Date, { nullable: true }) asOf: Date | undefined,
    @Ctx() ctx: PlansContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Deadline[]> {
    const scope = await assertSees(ctx, child.id);
    const at = asOf ?? hubNow();
    const ledger = leanDeadlinesSuffice(info) ? ctx.loaders.deadlinesByChildLean : ctx.loaders.deadlinesByChild;
    // A provider sees the deadlines of its placements, and its own others falling due during them.
    const rows = scope.filter(await ledger.load(child.id), (d) =>
      d.placementId ? { placementId: d.placementId, providerId: d.providerId ?? '' } : { providerId: d.providerId ?? '', at: d.dueAt });
    ctx.audit.note('READ', child.id, 'Child.deadlines');
    return rows.map((r) => toDeadline(r, at)).filter((d) => !status || d.status === status);
  }

  @FieldResolver(() => PlacementReadiness, { description: 'Whether the relevant plans are in place (PA-CHALLENGE-NOPLAN).' })
  async placementReadiness(@Root() child: Child, @Ctx() ctx: PlansContext): Promise<PlacementReadiness> {
    await assertSees(ctx, child.id);
    ctx.audit.note('READ', child.id, 'Child.placementReadiness');
    return placementReadiness(ctx, child.id);
  }

  @Query(() => PlacementReadiness, { name: 'placementReadiness', nullable: true, description: 'Whether the relevant plans are in place for the current placement (PA-CHALLENGE-NOPLAN).' })
  async placementReadinessOf(@Arg('childId', () => ID) childId: string, @Ctx() ctx: PlansContext): Promise<PlacementReadiness | null> {
    if (!(await ctx.childAccess.load(childId))) return null;
    await assertSees(ctx, childId);
    ctx.audit.note('READ', childId, 'placementReadiness');
    return placementReadiness(ctx, childId);
  }
}
