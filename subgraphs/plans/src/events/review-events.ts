import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventHandlerMap, ReviewAdjournedPayload, ReviewDueSetPayload, ReviewHeldPayload, ReviewScheduledPayload } from '@hub/service-kit';
import { dutiesFor, endOfLondonDay } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { ReviewFactEntity } from '../facts/review-fact.entity';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { meetDeadlines, overridesOf, recordDuties, upsertDeadline, LedgerSubject } from '../deadline/ledger';
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
  const metAt = new Date(endOfLondonDay(heldOn));
  // The review held meets its own review clock and any earlier one still open (never a later one: the next
  // review's date arrives in ReviewDueSet); a reconvened adjourned review meets REV-ADJOURN-20WD.
  const upTo = Array.from({ length: p.sequence }, (_, i) => reviewSubject(period.id, i + 1));
  await meetDeadlines(em, { periodId: period.id, subjectKey: { $in: upTo } }, metAt);
  await meetDeadlines(em, { childId: p.childId, ruleId: 'REV-ADJOURN-20WD' }, metAt);
  const base = await subjectFor(em, p.childId, '', period.id);
  const overrides = await overridesOf(em, base.placingAuthority);
  // Worked example 4: decisions 5 WD, care plan update 10 WD (LOCAL), report 20 WD; after the first, CP-PERM-2NDREV.
  const rows = await recordDuties(em, base, dutiesFor({ fact: 'REVIEW_HELD', reviewId: p.reviewId, periodOfCareId: period.id, sequence: p.sequence, heldOn }), overrides);
  await permanenceAlreadyPlanned(em, rows.get('CP-PERM-2NDREV') ?? null, p.childId);
}

/**
 * CP-PERM-2NDREV: the first review starts the clock of the plan for permanence, due by the second review (3 months
 * after the first, like REV-2ND-3M). A care plan with a permanence plan already endorsed in this period meets it.
 */
async function permanenceAlreadyPlanned(em: EntityManager, row: DeadlineEntity | null, childId: string): Promise<void> {
  if (!row || row.metAt || row.notApplicable) return;
  const endorsed = await endorsedPermanencePlanAt(em, childId);
  if (endorsed) row.metAt = endorsed;
}

async function reviewAdjourned(em: EntityManager, p: ReviewAdjournedPayload): Promise<void> {
  const { subjectKey: _k, ...base } = await subjectFor(em, p.childId, '', p.periodOfCareId);
  // REV-ADJOURN-20WD: the reconvened meeting within 20 WD of the adjournment (CPPCR reg 36(2)).
  await recordDuties(em, base, dutiesFor({ fact: 'REVIEW_ADJOURNED', reviewId: p.reviewId, adjournedOn: p.adjournedOn }), await overridesOf(em, base.placingAuthority));
}

async function reviewScheduled(em: EntityManager, p: ReviewScheduledPayload): Promise<void> {
  const { subjectKey: _k, ...base } = await subjectFor(em, p.childId, '', p.periodOfCareId);
  // REV-CONSULT-20WD; C-09 / Example 6: for a first review it is flagged, not shown as overdue.
  await recordDuties(em, base, dutiesFor({ fact: 'REVIEW_SCHEDULED', reviewId: p.reviewId, sequence: p.sequence, scheduledFor: p.scheduledFor }), await overridesOf(em, base.placingAuthority));
}

/**
 * The date the next review of a period falls due, as the reviews service computed it (it owns the review cycle:
 * reviews held, early-review triggers). Written as sent: the ledger computes nothing here.
 */
async function reviewDueSet(em: EntityManager, p: ReviewDueSetPayload): Promise<void> {
  const s = await subjectFor(em, p.childId, reviewSubject(p.periodOfCareId, p.sequence), p.periodOfCareId);
  await upsertDeadline(em, s, p.deadline.ruleId, p.deadline);
}

/** Handlers of the reviews service's events. */
export const reviewHandlers: EventHandlerMap = {
  ReviewHeld: (em, e) => reviewHeld(em, e.payload),
  ReviewAdjourned: (em, e) => reviewAdjourned(em, e.payload),
  ReviewScheduled: (em, e) => reviewScheduled(em, e.payload),
  ReviewDueSet: (em, e) => reviewDueSet(em, e.payload),
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
