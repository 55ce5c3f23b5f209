import type { EntityManager } from '@mikro-orm/postgresql';
import { hubCalendar } from '@hub/service-kit';
import type { EarlyReviewTriggeredPayload, EventHandlerMap, ReviewAdjournedPayload, ReviewHeldPayload, ReviewScheduledPayload } from '@hub/service-kit';
import { computeConsultationDeadline, endOfLondonDay, reviewDue } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { ReviewFactEntity } from '../facts/review-fact.entity';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { compute, meetDeadlines, overridesOf, upsertDeadline, LedgerSubject } from '../deadline/ledger';
import { endorsedPermanencePlanAt } from '../plan/plan-deadlines';

const reviewSubject = (periodId: string, sequence: number) => `period:${periodId}:review:${sequence}`;

async function subjectFor(em: EntityManager, childId: string, subjectKey: string, periodId: string | null): Promise<LedgerSubject> {
  const child = await em.findOne(ChildFactEntity, { childId });
  return { childId, subjectKey, placingAuthority: child?.placingAuthority ?? 'UNKNOWN', periodId };
}

async function reviewHeld(em: EntityManager, p: ReviewHeldPayload): Promise<void> {
  const heldOn = p.heldOn;
  const period = (await em.findOne(PeriodFactEntity, { id: p.periodOfCareId }))
    ?? em.create(PeriodFactEntity, { id: p.periodOfCareId, childId: p.childId, startedOn: p.periodStartedOn, shortBreak: false });
  if (!(await em.findOne(ReviewFactEntity, { id: p.reviewId }))) {
    em.create(ReviewFactEntity, { id: p.reviewId, childId: p.childId, periodId: period.id, sequence: p.sequence, heldOn });
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

async function reviewAdjourned(em: EntityManager, p: ReviewAdjournedPayload): Promise<void> {
  const s = await subjectFor(em, p.childId, `review:${p.reviewId}`, p.periodOfCareId);
  // REV-ADJOURN-20WD: the reconvened meeting within 20 WD of the adjournment (CPPCR reg 36(2)).
  await upsertDeadline(em, s, 'REV-ADJOURN-20WD', compute('REV-ADJOURN-20WD', p.adjournedOn, await overridesOf(em, s.placingAuthority)));
}

async function reviewScheduled(em: EntityManager, p: ReviewScheduledPayload): Promise<void> {
  const s = await subjectFor(em, p.childId, `review:${p.reviewId}`, p.periodOfCareId);
  const overrides = await overridesOf(em, s.placingAuthority);
  const sequence = p.sequence;
  const result = computeConsultationDeadline({ reviewSequence: sequence, reviewDate: p.scheduledFor, calendar: hubCalendar(), overrides });
  if (result.applicable) {
    await upsertDeadline(em, s, 'REV-CONSULT-20WD', result.deadline);
    return;
  }
  // C-09 / Example 6: the lead time cannot be met for a first review, so it is flagged, not shown as overdue.
  const d = compute('REV-CONSULT-20WD', p.scheduledFor, overrides);
  if (d) await upsertDeadline(em, s, 'REV-CONSULT-20WD', d, { notApplicableReason: result.reason });
}

async function earlyReview(em: EntityManager, p: EarlyReviewTriggeredPayload): Promise<void> {
  const dueBy = p.dueBy;
  const pending = await em.find(DeadlineEntity, {
    periodId: p.periodOfCareId, subjectKey: { $like: `period:${p.periodOfCareId}:review:%` }, metAt: null, notApplicable: false,
  });
  for (const d of pending) {
    if (d.dueDate && dueBy >= d.dueDate) continue;
    // REV-EARLY: the rule id stays; the earlier date and its trigger are recorded in the basis.
    d.dueDate = dueBy;
    d.dueAt = new Date(endOfLondonDay(dueBy));
    d.basis = { ...d.basis, explanation: `${d.basis.explanation} Brought forward to ${dueBy}: early review triggered (${p.trigger}) on ${p.triggeredOn}.` };
  }
}

/** Handlers of the reviews service's events. */
export const reviewHandlers: EventHandlerMap = {
  ReviewHeld: (em, e) => reviewHeld(em, e.payload),
  ReviewAdjourned: (em, e) => reviewAdjourned(em, e.payload),
  ReviewScheduled: (em, e) => reviewScheduled(em, e.payload),
  EarlyReviewTriggered: (em, e) => earlyReview(em, e.payload),
  ReviewDecisionsRecorded: async (em, { payload: p }) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-DECISIONS-5WD' }, new Date(endOfLondonDay(p.decisionsCirculatedOn)));
  },
  ReviewReportIssued: async (em, { payload: p }) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-REPORT-20WD' }, new Date(endOfLondonDay(p.issuedOn)));
  },
  ChildConsulted: async (em, { payload: p }) => {
    await meetDeadlines(em, { childId: p.childId, subjectKey: `review:${p.reviewId}`, ruleId: 'REV-CONSULT-20WD' }, new Date(endOfLondonDay(p.consultedOn)));
  },
  IroAssigned: async (em, { payload: p }) => {
    const child = await em.findOne(ChildFactEntity, { childId: p.childId });
    if (child) {
      child.iroId = p.iroId;
      child.iroName = p.iroName;
      child.iroEmail = p.iroEmail ?? null;
      child.iroPhone = p.iroPhone ?? null;
    }
    await meetDeadlines(em, { childId: p.childId, ruleId: 'IRO-APPOINT-5WD' }, new Date(endOfLondonDay(p.assignedOn)));
  },
};
