import type { EntityManager } from '@mikro-orm/postgresql';
import { leavingCareStatus, londonDate } from '@hub/statutory';
import { PlanEntity } from './plan.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { unexplainedAreas } from './plan-content';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { compute, meetDeadlines, overridesOf, upsertDeadline } from '../deadline/ledger';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';

/**
 * Meets PP-DUE-5WD once the placement plan is both signed by the appropriate person and endorsed by the authority
 * (PP-SIGNED: CPPCR reg 9(3)); the later of the two is when the duty was done.
 */
async function placementPlanDone(em: EntityManager, plan: PlanEntity, v: PlanVersionEntity): Promise<void> {
  if (!v.signedAt || !v.endorsedAt || !plan.placementId) return;
  // Only a complete plan (or one saying which areas are missing and why) meets the duty.
  if (unexplainedAreas(plan.kind, v.content).length) return;
  const at = v.signedAt > v.endorsedAt ? v.signedAt : v.endorsedAt;
  await meetDeadlines(em, { childId: plan.childId, ruleId: 'PP-DUE-5WD', placementId: plan.placementId }, at);
}

/**
 * The deadlines an endorsement meets (its own service's plan events feed the ledger in the same transaction).
 * @param em - the unit of work of the endorsement
 * @param plan - the plan
 * @param v - the version endorsed
 * @param at - when
 */
export async function meetOnEndorsement(em: EntityManager, plan: PlanEntity, v: PlanVersionEntity, at: Date): Promise<void> {
  const childId = plan.childId;
  switch (plan.kind) {
    case 'CARE': {
      await meetDeadlines(em, { childId, ruleId: 'CP-DUE-10WD' }, at);
      // CP-PERM-2NDREV: met by an endorsed care plan that contains the plan for permanence (CP-CONTENT).
      if (v.content.permanencePlan?.trim()) await meetDeadlines(em, { childId, ruleId: 'CP-PERM-2NDREV' }, at);
      // CP-UPDATE-POSTREV-10WD: only a care plan endorsed on or after the review it follows meets it.
      const day = londonDate(at.toISOString());
      const open = await em.find(DeadlineEntity, { childId, ruleId: 'CP-UPDATE-POSTREV-10WD', metAt: null, notApplicable: false });
      for (const d of open) if (String(d.basis.anchor) <= day) d.metAt = at;
      return;
    }
    case 'PLACEMENT':
      return placementPlanDone(em, plan, v);
    case 'PROVIDER':
      await meetDeadlines(em, plan.placementId ? { childId, ruleId: 'PCPP-5WD', placementId: plan.placementId } : { childId, ruleId: 'PCPP-5WD', providerId: plan.providerId }, at);
      return;
    case 'PEP':
      await meetDeadlines(em, { childId, ruleId: 'PEP-10WD' }, at);
      return;
    case 'HEALTH':
      // HP-IHA is met by the assessment itself (recordHealthAssessment), not by the health plan (HP-PLAN).
      return;
    case 'PATHWAY':
      return pathwayEndorsed(em, plan, at);
  }
}

/**
 * A pathway plan endorsed meets PWP-LOCAL-16Y3M and PWP-ASSESS-3M and the previous PWP-REV-6M; for a relevant or
 * former relevant young person it starts the next 6-month review clock (PWP-REV-6M). An eligible child's pathway
 * plan is reviewed with each looked-after review instead (PWP-REV-ELIGIBLE), so no clock is started for them.
 */
async function pathwayEndorsed(em: EntityManager, plan: PlanEntity, at: Date): Promise<void> {
  const childId = plan.childId;
  await meetDeadlines(em, { childId, ruleId: { $in: ['PWP-LOCAL-16Y3M', 'PWP-ASSESS-3M'] } }, at);
  await meetDeadlines(em, { childId, ruleId: 'PWP-REV-6M', subjectKey: { $like: `plan:${plan.id}:%` } }, at);
  const child = await em.findOne(ChildFactEntity, { childId });
  if (!child?.dateOfBirth) return;
  const periods = await em.find(PeriodFactEntity, { childId });
  const day = londonDate(at.toISOString());
  const status = leavingCareStatus({
    dateOfBirth: child.dateOfBirth,
    periods: periods.map((p) => ({ start: p.startedOn, end: p.endedOn ?? null, shortBreak: p.shortBreak })),
    asOf: day,
  });
  if (status.status !== 'RELEVANT' && status.status !== 'FORMER_RELEVANT') return;
  await upsertDeadline(em, { childId, subjectKey: `plan:${plan.id}:review-after:${day}`, placingAuthority: child.placingAuthority, periodId: null },
    'PWP-REV-6M', compute('PWP-REV-6M', day, await overridesOf(em, child.placingAuthority)));
}

/**
 * A signature on an already endorsed placement plan completes PP-DUE-5WD.
 * @param em - the unit of work
 * @param plan - the placement plan
 * @param v - the version signed
 */
export async function meetOnSigning(em: EntityManager, plan: PlanEntity, v: PlanVersionEntity): Promise<void> {
  await placementPlanDone(em, plan, v);
}

/**
 * When the care plan in force, if it contains a plan for permanence, was endorsed (CP-PERM-2NDREV).
 * @param em - the unit of work
 * @param childId - the child
 * @returns the endorsement time, or null when no endorsed care plan has a permanence plan
 */
export async function endorsedPermanencePlanAt(em: EntityManager, childId: string): Promise<Date | null> {
  const plans = await em.find(PlanEntity, { childId, kind: 'CARE' });
  if (plans.length === 0) return null;
  const versions = await em.find(PlanVersionEntity, { planId: { $in: plans.map((p) => p.id) }, status: 'ENDORSED' }, { orderBy: { endorsedAt: 'asc' } });
  const withPlan = versions.find((v) => Boolean(v.content.permanencePlan?.trim()) && v.endorsedAt);
  return withPlan?.endorsedAt ?? null;
}
