import { Field, ID, ObjectType } from 'type-graphql';
import type { PlansContext } from '../context';
import { PlanKind, PlanStatus } from '../plan/plan.type';
import type { PlanKindCode } from '../plan/plan.entity';
import { planVisible } from '../plan/plan.policy';

/** One relevant plan and whether it is in place. */
@ObjectType()
export class ReadinessItem {
  @Field(() => PlanKind) kind!: PlanKind;
  @Field(() => Boolean) present!: boolean;
  @Field(() => ID, { nullable: true }) planId?: string | null;
  @Field(() => PlanStatus, { nullable: true, description: 'Status of the latest version, if the plan exists.' }) status?: PlanStatus | null;
  @Field(() => String) requirement!: string;
}

/** Whether the relevant plans are in place for the current placement (PA-CHALLENGE-NOPLAN, PCPP-MISSING-PLAN). */
@ObjectType()
export class PlacementReadiness {
  @Field(() => ID) childId!: string;
  @Field(() => ID, { nullable: true }) placementId?: string | null;
  @Field(() => Boolean) ready!: boolean;
  @Field(() => [String], { description: 'What is missing, in words.' }) missing!: string[];
  @Field(() => [ReadinessItem]) items!: ReadinessItem[];
}

/**
 * Checks the relevant plans of a child's current placement: an endorsed care plan (CP-PREP-BEFORE), a placement plan
 * for this placement endorsed and signed (PP-BEFORE, PP-SIGNED), an endorsed health plan (HP-PLAN) and PEP, and for
 * a children's home the provider's endorsed PCPP. Batched: plans, versions and placements each load in one query.
 * @param ctx - request context
 * @param childId - the child
 * @returns the readiness
 */
export async function placementReadiness(ctx: PlansContext, childId: string): Promise<PlacementReadiness> {
  const [plans, placements, scope] = await Promise.all([ctx.loaders.plansByChild.load(childId), ctx.loaders.placementsByChild.load(childId), ctx.readScope(childId)]);
  const versions = await ctx.loaders.versionsByPlan.loadMany(plans.map((p) => p.id));
  const current = [...placements].reverse().find((p) => !p.endedAt) ?? null;
  const info = plans.map((p, i) => {
    const vs = Array.isArray(versions[i]) ? (versions[i] as Array<{ status: string; signedAt?: Date | null }>) : [];
    const endorsed = vs.filter((v) => v.status === 'ENDORSED').pop();
    return { plan: p, latest: vs[vs.length - 1]?.status ?? null, endorsed: Boolean(endorsed), signed: Boolean(endorsed?.signedAt) };
  });
  const needs: Array<{ kind: PlanKindCode; requirement: string; ok: (x: (typeof info)[number]) => boolean }> = [
    { kind: 'CARE', requirement: 'an endorsed care plan (CP-PREP-BEFORE)', ok: (x) => x.endorsed },
    { kind: 'HEALTH', requirement: 'an endorsed health plan (HP-PLAN)', ok: (x) => x.endorsed },
    { kind: 'PEP', requirement: 'an endorsed personal education plan (PEP-10WD)', ok: (x) => x.endorsed },
  ];
  if (current) {
    needs.push({ kind: 'PLACEMENT', requirement: 'a placement plan for the current placement, endorsed and signed (PP-BEFORE, PP-SIGNED)', ok: (x) => x.plan.placementId === current.id && x.endorsed && x.signed });
    if (current.providerKind === 'CHILDRENS_HOME') {
      needs.push({ kind: 'PROVIDER', requirement: "the home's endorsed PCPP for this placement (PCPP-5WD)", ok: (x) => x.plan.placementId === current.id && x.endorsed });
    }
  }
  const items = needs.map((n) => {
    const candidates = info.filter((x) => x.plan.kind === n.kind);
    const good = candidates.find(n.ok);
    const shown = good ?? candidates[candidates.length - 1];
    return Object.assign(new ReadinessItem(), {
      // Whether a plan is in place is the caller's to know; which plan it is only when the caller may read it.
      kind: n.kind as PlanKind, present: Boolean(good), planId: shown && planVisible(scope, shown.plan) ? shown.plan.id : null, status: (shown?.latest as PlanStatus) ?? null, requirement: n.requirement,
    });
  });
  const missing = items.filter((i) => !i.present).map((i) => i.requirement);
  return Object.assign(new PlacementReadiness(), { childId, placementId: current?.id ?? null, ready: missing.length === 0, missing, items });
}
