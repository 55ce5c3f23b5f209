import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { FREE_TEXT_MAX, maxLengthArg } from '@hub/service-kit';
import type { PlansContext } from '../context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Child, childRef } from '../child/child.type';
import { Plan, PlanCirculation, PlanObjective, PlanProgress, toPlan } from './plan.type';
import { CreatePlanInput, PlanContentInput, PlanRecipientInput } from './plan.input';
import { PlanService } from './plan.service';
import type { PlanEntity } from './plan.entity';
import { readPlan } from './read-plan';

const service = (ctx: PlansContext, em: EntityManager) => new PlanService(em, ctx.principal, (id) => ctx.relationTo(id));

/** Runs a plan change in one transaction with its WRITE audit line (both commit, or neither), then presents the plan. */
async function write(ctx: PlansContext, what: string, change: (s: PlanService) => Promise<PlanEntity>): Promise<Plan> {
  const plan = await ctx.transactional(async (em) => {
    const changed = await change(service(ctx, em));
    ctx.audit.note('WRITE', changed.childId, what);
    return changed;
  });
  ctx.loaders.versionsByPlan.clear(plan.id);
  return toPlan(plan, await ctx.loaders.versionsByPlan.load(plan.id));
}

/** Plan queries and mutations. Each mutation commits whole, with its outbox events, or changes nothing. */
@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => Plan, { nullable: true, description: 'One plan, if the caller may see it.' })
  plan(@Arg('id', () => ID) id: string, @Ctx() ctx: PlansContext): Promise<Plan | null> {
    return readPlan(ctx, id);
  }

  @FieldResolver(() => Child)
  child(@Root() plan: Plan): Child {
    return childRef(plan.childId);
  }

  @FieldResolver(() => [PlanCirculation], { description: 'Recipients of endorsed versions (CIRC-CP, CIRC-PWP-YP).' })
  async circulatedTo(@Root() plan: Plan, @Ctx() ctx: PlansContext): Promise<PlanCirculation[]> {
    return (await ctx.loaders.circulationsByPlan.load(plan.id)).map((c) => Object.assign(new PlanCirculation(), {
      recipientRole: c.recipientRole, recipientName: c.recipientName, version: c.version, circulatedBy: c.circulatedBy, circulatedAt: c.circulatedAt,
    }));
  }

  @Mutation(() => Plan)
  async createPlan(@Arg('input', () => CreatePlanInput) input: CreatePlanInput, @Ctx() ctx: PlansContext): Promise<Plan> {
    return write(ctx, 'createPlan', (s) => s.create(input));
  }

  @Mutation(() => Plan, { description: 'Edits the latest DRAFT version (as a new version); SUBMITTED and ENDORSED versions are immutable.' })
  async updatePlan(
    @Arg('planId', () => ID) planId: string, @Arg('version', () => Int) version: number,
    @Arg('content', () => PlanContentInput) content: PlanContentInput, @Ctx() ctx: PlansContext,
  ): Promise<Plan> {
    return write(ctx, 'updatePlan', (s) => s.update(planId, version, content));
  }

  @Mutation(() => Plan, { description: 'A new DRAFT version revising the latest one.' })
  async revisePlan(@Arg('planId', () => ID) planId: string, @Arg('content', () => PlanContentInput) content: PlanContentInput, @Ctx() ctx: PlansContext): Promise<Plan> {
    return write(ctx, 'revisePlan', (s) => s.revise(planId, content));
  }

  @Mutation(() => Plan)
  async submitPlan(@Arg('planId', () => ID) planId: string, @Arg('version', () => Int) version: number, @Ctx() ctx: PlansContext): Promise<Plan> {
    return write(ctx, 'submitPlan', (s) => s.submit(planId, version));
  }

  @Mutation(() => Plan, { description: 'Endorses a SUBMITTED version (APP-CP-TM, APP-CP-COURT, APP-PWP, APP-PP-SIGN); supersedes the one in force.' })
  async endorsePlan(@Arg('planId', () => ID) planId: string, @Arg('version', () => Int) version: number, @Ctx() ctx: PlansContext): Promise<Plan> {
    return write(ctx, 'endorsePlan', (s) => s.endorse(planId, version));
  }

  @Mutation(() => Plan, { description: "The provider's registered manager signs the placement plan (PP-SIGNED)." })
  async signPlacementPlan(@Arg('planId', () => ID) planId: string, @Arg('version', () => Int) version: number, @Ctx() ctx: PlansContext): Promise<Plan> {
    return write(ctx, 'signPlacementPlan', (s) => s.sign(planId, version));
  }

  @Mutation(() => Plan, { description: 'Records who received the endorsed version (CIRC-CP, CIRC-PWP-YP).' })
  async circulatePlan(
    @Arg('planId', () => ID) planId: string, @Arg('recipients', () => [PlanRecipientInput]) recipients: PlanRecipientInput[], @Ctx() ctx: PlansContext,
  ): Promise<Plan> {
    const plan = await write(ctx, 'circulatePlan', (s) => s.circulate(planId, recipients));
    ctx.loaders.circulationsByPlan.clear(planId);
    return plan;
  }

  @Mutation(() => PlanProgress, { description: 'Progress against a provider plan objective.' })
  async addPlanProgress(
    @Arg('planId', () => ID) planId: string, @Arg('objectiveId', () => ID) objectiveId: string, @Arg('note', () => String, maxLengthArg('note', FREE_TEXT_MAX)) note: string, @Ctx() ctx: PlansContext,
  ): Promise<PlanProgress> {
    const row = await ctx.transactional(async (em) => {
      const added = await service(ctx, em).addProgress(planId, objectiveId, note);
      const plan = await ctx.loaders.planById.load(planId);
      if (plan) ctx.audit.note('WRITE', plan.childId, 'addPlanProgress');
      return added;
    });
    return Object.assign(new PlanProgress(), row);
  }
}

@Resolver(() => PlanObjective)
export class PlanObjectiveResolver {
  @FieldResolver(() => [PlanProgress])
  async progress(@Root() o: PlanObjective, @Ctx() ctx: PlansContext): Promise<PlanProgress[]> {
    return (await ctx.loaders.progressByPlan.load(o.planId)).filter((p) => p.objectiveId === o.id).map((p) => Object.assign(new PlanProgress(), p));
  }
}
