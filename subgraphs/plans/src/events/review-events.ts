import type { EntityManager } from '@mikro-orm/postgresql';
import type { HubEvent } from '@hub/service-kit';
import { hubCalendar } from '@hub/service-kit';
import { computeConsultationDeadline, endOfLondonDay, reviewDue } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { ReviewFactEntity } from '../facts/review-fact.entity';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { compute, meetDeadlines, overridesOf, upsertDeadline, LedgerSubject } from '../deadline/ledger';
import { endorsedPermanencePlanAt } from '../plan/plan-deadlines';

type P = Record<string, any>;

const reviewSubject = (periodId: string, sequence: number) => `period:${periodId}:review:${sequence}`;

async function subjectFor(em: EntityManager, childId: string, subjectKey: string, periodId: string | null): Promise<LedgerSubject> {
  const child = await em.findOne(ChildFactEntity, { childId });
  return { childId, subjectKey, placingAuthority: child?.placingAuthority ?? 'UNKNOWN', periodId };
}

async function reviewHeld(em: EntityManager, p: P): Promise<void> {
  const heldOn = String(p.heldOn);
  let period = await em.findOne(PeriodFactEntity, { id: p.periodOfCareId });
  if (!period && p.periodStartedOn) {
    period = em.create(PeriodFactEntity, { id: p.periodOfCareId, childId: p.childId, startedOn: String(p.periodStartedOn), shortBreak: false });
  }
  if (!period) return;
  if (!(await em.findOne(ReviewFactEntity, { id: p.reviewId }))) {
    em.create(ReviewFactEntity, { id: p.reviewId, childId: p.childId, periodId: period.id, sequence: Number(p.sequence), heldOn });
  }
  await em.flush();
  const held = (await em.find(ReviewFactEntity, { periodId: period.id }, { orderBy: { heldOn: 'asc' } })).map((r) => r.heldOn);
  const metAt = new Date(endOfLondonDay(heldOn));
  // The review held meets the pending review clock (any earlier one too); a reconvened adjourned review meets REV-ADJOURN-20WD.
  await meetDeadlines(em, { periodId: period.id, subjectKey: { $like: `period:${period.id}:review:%` } }, metAt);
  await meetDeadlines(em, { childId: p.childId, ruleId: 'REV-ADJOURN-20WD' }, metAt);
  const base = await subjectFor(em, p.childId, '', period.id);
  const next = reviewDue({ becameLookedAfter: period.startedOn, heldReviews: held, calendar: hubCalendar() });
  // REV-2ND-3M / REV-NEXT-6M from the date the review was actually held (TIME-ANCHOR).
  await upsertDeadline(em, { ...base, subjectKey: reviewSubject(period.id, next.sequence) }, next.ruleId, next);
  const overrides = await overridesOf(em, base.placingAuthority);
  const s = { ...base, subjectKey: `review:${p.reviewId}` };
  // Worked example 4: decisions 5 WD, care plan update 10 WD (LOCAL), report 20 WD.
  for (const rule of ['REV-DECISIONS-5WD', 'CP-UPDATE-POSTREV-10WD', 'REV-REPORT-20WD'] as const) {
    await upsertDeadline(em, s, rule, compute(rule, heldOn, overrides));
  }
  if (Number(p.sequence) === 1) await permanenceByTheSecondReview(em, { ...base, subjectKey: `period:${period.id}` }, heldOn, overrides);
}

/**
 * CP-PERM-2NDREV: the first review starts the clock of the plan for permanence, due by the second review (3 months
 * after the first, like REV-2ND-3M). A care plan with a permanence plan already endorsed in this period meets it.
 */
async function permanenceByTheSecondReview(em: EntityManager, s: LedgerSubject, heldOn: string, overrides: Awaited<ReturnType<typeof overridesOf>>): Promise<void> {
  const row = await upsertDeadline(em, s, 'CP-PERM-2NDREV', compute('CP-PERM-2NDREV', heldOn, overrides));
  if (!row || row.metAt || row.notApplicable) return;
  const endorsed = await endorsedPermanencePlanAt(em, s.childId);
  if (endorsed) row.metAt = endorsed;
}

async function reviewAdjourned(em: EntityManager, p: P): Promise<void> {
  const s = await subjectFor(em, p.childId, `review:${p.reviewId}`, p.periodOfCareId ?? null);
  // REV-ADJOURN-20WD: the reconvened meeting within 20 WD of the adjournment (CPPCR reg 36(2)).
  await upsertDeadline(em, s, 'REV-ADJOURN-20WD', compute('REV-ADJOURN-20WD', String(p.adjournedOn), await overridesOf(em, s.placingAuthority)));
}

async function reviewScheduled(em: EntityManager, p: P): Promise<void> {
  const s = await subjectFor(em, p.childId, `review:${p.reviewId}`, p.periodOfCareId ?? null);
  const overrides = await overridesOf(em, s.placingAuthority);
  const sequence = Number(p.sequence);
  const result = computeConsultationDeadline({ reviewSequence: sequence, reviewDate: String(p.scheduledFor), calendar: hubCalendar(), overrides });
  if (result.applicable) {
    await upsertDeadline(em, s, 'REV-CONSULT-20WD', result.deadline);
    return;
  }
  // C-09 / Example 6: the lead time cannot be met for a first review, so it is flagged, not shown as overdue.
  const d = compute('REV-CONSULT-20WD', String(p.scheduledFor), overrides);
  if (d) await upsertDeadline(em, s, 'REV-CONSULT-20WD', d, { notApplicableReason: result.reason });
}

async function earlyReview(em: EntityManager, p: P): Promise<void> {
  const dueBy = String(p.dueBy);
  const pending = await em.find(DeadlineEntity, {
    periodId: p.periodOfCareId, subjectKey: { $like: `period:${p.periodOfCareId}:review:%` }, metAt: null, notApplicable: false,
  });
  for (const d of pending) {
    if (d.dueDate && dueBy >= d.dueDate) continue;
    // REV-EARLY: the rule id stays; the earlier date and its trigger are recorded in the basis.
    d.dueDate = dueBy;
    d.dueAt = new Date(endOfLondonDay(dueBy));
    d.basis = { ...d.basis, explanation: `${d.basis.explanation} Brought forward to ${dueBy}: early review triggered (${p.trigger ?? 'REV-EARLY'}) on ${p.triggeredOn}.` };
  }
}

/** Handlers of the reviews service's events. */
export const reviewHandlers: Record<string, (em: EntityManager, payload: P, e: HubEvent) => Promise<void>> = {
  ReviewHeld: reviewHeld,
  ReviewAdjourned: reviewAdjourned,
  ReviewScheduled: reviewScheduled,
  EarlyReviewTriggered: earlyReview,
  ReviewDecisionsRecorded: async (em, p) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-DECISIONS-5WD' }, new Date(endOfLondonDay(String(p.decisionsCirculatedOn))));
  },
  ReviewReportIssued: async (em, p) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-REPORT-20WD' }, new Date(endOfLondonDay(String(p.issuedOn))));
  },
  ChildConsulted: async (em, p) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-CONSULT-20WD' }, new Date(endOfLondonDay(String(p.consultedOn))));
  },
  IroAssigned: async (em, p) => {
    const child = await em.findOne(ChildFactEntity, { childId: p.childId });
    if (child) {
      child.iroId = p.iroId ?? null;
      child.iroName = p.iroName ?? null;
      child.iroEmail = p.iroEmail ?? null;
      child.iroPhone = p.iroPhone ?? null;
    }
    await meetDeadlines(em, { childId: p.childId, ruleId: 'IRO-APPOINT-5WD' }, new Date(endOfLondonDay(String(p.assignedOn))));
  },
};
