import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildConcerns, childConcerns, ConflictError, InputError, NotFoundError, now as hubNow, Principal, recordEvent } from '@hub/service-kit';
import { HolidayCalendar, isBeyondCalendar, londonDate, reviewCycleLedgerEntry } from '@hub/statutory';
import { LookedAfterReviewEntity } from './looked-after-review.entity';
import { EarlyTriggerEntity } from './early-trigger.entity';
import { PeriodOfCareEntity } from '../child/period-of-care.entity';
import { ReviewChildEntity } from '../child/review-child.entity';
import { ReviewRequestEntity } from '../review-request/review-request.entity';
import { recordRequestAnswered } from '../review-request/review-request.service';
import { dueForSequence, EarlyTrigger, earlyTarget, nextReviewDue, participationProblem, ReviewDue } from './review-cycle';
import { LA_STAFF, requireChildPermission } from '../access';
import { reviewsConfig } from '../config';

/** The open period of care of a child, if any (the latest one without an end). */
export async function openPeriod(em: EntityManager, childId: string): Promise<PeriodOfCareEntity | null> {
  return em.findOne(PeriodOfCareEntity, { childId, endedOn: null }, { orderBy: { startedOn: 'desc' } });
}

/**
 * Sends the deadline ledger the date the next review of a period falls due (ReviewDueSet). The reviews service owns
 * the review cycle (it knows the reviews held and the early-review triggers); plans writes the date as sent. Called
 * when a period starts, a review is held and a trigger is recorded, inside the caller's transaction. A pre-planned
 * short break has no review cycle (CPPCR reg 48, 903 rule 399).
 * @param em - the transaction
 * @param calendar - the calendar in force
 * @param period - the period of care
 * @param actor - who caused it, if a person
 * @param concerns - the organisations, when the caller has them from the event it handles (this service's access
 *   facts for a child may not be written yet when its period of care arrives)
 */
export async function recordNextReviewDue(
  em: EntityManager, calendar: HolidayCalendar, period: PeriodOfCareEntity, actor: Principal | null, concerns?: Required<ChildConcerns>,
): Promise<void> {
  if (period.shortBreak) return;
  const [reviews, triggers] = await Promise.all([
    em.find(LookedAfterReviewEntity, { periodOfCareId: period.id }),
    em.find(EarlyTriggerEntity, { periodOfCareId: period.id }),
  ]);
  const entry = reviewCycleLedgerEntry({ becameLookedAfter: period.startedOn, reviews, triggers, calendar });
  recordEvent(em, {
    type: 'ReviewDueSet', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId: period.childId,
    payload: {
      ...(concerns ?? (await childConcerns(em, period.childId))), periodOfCareId: period.id, sequence: entry.sequence,
      dueBy: isBeyondCalendar(entry.deadline) ? null : entry.deadline.dueDate, ruleId: entry.ruleId, deadline: entry.deadline,
    },
    actor,
  });
}

/**
 * Records an early-review trigger against the open period and emits EarlyReviewTriggered (REV-EARLY, REV-VISIT-TRIGGER,
 * REV-BEFORE-CEASE, REV-AFTER-EMERG). Caller is inside a transaction.
 * @returns the next review's due date after the trigger
 */
export async function addEarlyTrigger(
  em: EntityManager, calendar: HolidayCalendar, period: PeriodOfCareEntity, trigger: EarlyTrigger, triggeredOn: string,
  actor: Principal | null, sourceEventId: string | null = null,
): Promise<ReviewDue> {
  em.create(EarlyTriggerEntity, {
    childId: period.childId, periodOfCareId: period.id, trigger, triggeredOn, sourceEventId,
    targetDueBy: earlyTarget(calendar, triggeredOn, reviewsConfig.earlyReviewWorkingDays),
  });
  await em.flush();
  const [reviews, triggers] = await Promise.all([
    em.find(LookedAfterReviewEntity, { periodOfCareId: period.id }),
    em.find(EarlyTriggerEntity, { periodOfCareId: period.id }),
  ]);
  const next = nextReviewDue(period.startedOn, reviews, triggers, calendar);
  recordEvent(em, {
    type: 'EarlyReviewTriggered', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId: period.childId,
    payload: { ...(await childConcerns(em, period.childId)), periodOfCareId: period.id, trigger, triggeredOn, dueBy: next.dueBy, ruleId: next.ruleId },
    actor,
  });
  await recordNextReviewDue(em, calendar, period, actor);
  return next;
}

/** The Looked After Review cycle: scheduling, holding, adjourning, decisions, report, consultation, triggers. */
export class ReviewService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal, private readonly calendar: HolidayCalendar) {}

  private today(): string {
    return londonDate(hubNow());
  }

  private notFuture(date: string, field: string): void {
    if (date > this.today()) throw new InputError(`${field} cannot be in the future`, { field, reason: 'DATE_IN_FUTURE' });
  }

  private async review(em: EntityManager, id: string): Promise<LookedAfterReviewEntity> {
    const row = await em.findOne(LookedAfterReviewEntity, { id });
    if (!row) throw new NotFoundError(`unknown review ${id}`);
    return row;
  }

  private async periodOf(em: EntityManager, review: LookedAfterReviewEntity): Promise<PeriodOfCareEntity> {
    return em.findOneOrFail(PeriodOfCareEntity, { id: review.periodOfCareId });
  }

  private async dueOf(em: EntityManager, period: PeriodOfCareEntity, sequence: number): Promise<ReviewDue> {
    const [reviews, triggers] = await Promise.all([
      em.find(LookedAfterReviewEntity, { periodOfCareId: period.id }),
      em.find(EarlyTriggerEntity, { periodOfCareId: period.id }),
    ]);
    return dueForSequence(period.startedOn, reviews, triggers, sequence, this.calendar);
  }

  /** The next review record of the open period (the first not held), created when none exists. */
  private async nextRecord(em: EntityManager, period: PeriodOfCareEntity): Promise<LookedAfterReviewEntity> {
    const reviews = await em.find(LookedAfterReviewEntity, { periodOfCareId: period.id }, { orderBy: { sequence: 'asc' } });
    const pending = reviews.find((r) => !r.heldOn);
    if (pending) return pending;
    return em.create(LookedAfterReviewEntity, { childId: period.childId, periodOfCareId: period.id, sequence: reviews.length + 1 });
  }

  /** scheduleReview: the authority's staff set the date of the next review of the open period. */
  async schedule(childId: string, scheduledFor: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      await requireChildPermission(em, this.principal, childId, { relations: ['AUTHORITY'], authorityRoles: LA_STAFF }, 'schedule a review');
      const period = await openPeriod(em, childId);
      if (!period) throw new ConflictError('the child is not looked after', { reason: 'NOT_LOOKED_AFTER' });
      if (scheduledFor < period.startedOn) {
        throw new InputError('a review cannot be scheduled before the child became looked after', { field: 'scheduledFor', reason: 'BEFORE_LOOKED_AFTER' });
      }
      const row = await this.nextRecord(em, period);
      row.scheduledFor = scheduledFor;
      await em.flush();
      const due = await this.dueOf(em, period, row.sequence);
      recordEvent(em, {
        type: 'ReviewScheduled', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId,
        payload: { ...(await childConcerns(em, childId)), reviewId: row.id, periodOfCareId: period.id, sequence: row.sequence, scheduledFor, dueBy: due.dueBy, ruleId: due.ruleId },
        actor: this.principal,
      });
      return row;
    });
  }

  /**
   * holdReview: the IRO (who chairs) records that the review took place. Refuses a date before the child became
   * looked after, in the future, before the previous review or the adjournment, and a participation code that
   * does not fit the child's age (§14.6). Pending review requests made on or before the date are satisfied.
   */
  async hold(ref: { reviewId?: string | null; childId?: string | null }, heldOn: string, participation: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      let row: LookedAfterReviewEntity | null = null;
      let period: PeriodOfCareEntity | null;
      let childId: string;
      if (ref.reviewId) {
        row = await this.review(em, ref.reviewId);
        childId = row.childId;
        period = await this.periodOf(em, row);
      } else if (ref.childId) {
        childId = ref.childId;
        period = null;
      } else throw new InputError('give reviewId or childId', { reason: 'MISSING_TARGET' });
      await requireChildPermission(em, this.principal, childId, { relations: ['IRO', 'AUTHORITY'], authorityRoles: ['LA_SYSTEM'] }, 'hold a review');
      period ??= await openPeriod(em, childId);
      if (!period) throw new ConflictError('the child is not looked after', { reason: 'NOT_LOOKED_AFTER' });
      if (heldOn < period.startedOn) {
        throw new InputError(`a review cannot be held before the child became looked after on ${period.startedOn}`, { field: 'heldOn', reason: 'BEFORE_LOOKED_AFTER' });
      }
      this.notFuture(heldOn, 'heldOn');
      if (period.endedOn && heldOn > period.endedOn) {
        throw new InputError('the period of care had ended by then', { field: 'heldOn', reason: 'AFTER_PERIOD_ENDED' });
      }
      row ??= await this.nextRecord(em, period);
      if (row.heldOn) throw new ConflictError('this review has already been held', { reason: 'REVIEW_ALREADY_HELD' });
      const earlier = await em.find(LookedAfterReviewEntity, { periodOfCareId: period.id, sequence: { $lt: row.sequence } });
      if (earlier.some((r) => !r.heldOn)) throw new ConflictError('an earlier review of the period has not been held', { reason: 'OUT_OF_SEQUENCE' });
      if (earlier.some((r) => r.heldOn! > heldOn)) {
        throw new InputError('a review cannot be held before the previous one', { field: 'heldOn', reason: 'BEFORE_PREVIOUS_REVIEW' });
      }
      if (row.adjournedOn && heldOn < row.adjournedOn) {
        throw new InputError('the reconvened review cannot precede the adjournment', { field: 'heldOn', reason: 'BEFORE_ADJOURNMENT' });
      }
      const child = await em.findOne(ReviewChildEntity, { childId });
      const problem = participationProblem(participation, child?.dateOfBirth, heldOn);
      if (problem) throw new InputError(problem, { field: 'participation', reason: 'INVALID_PARTICIPATION_CODE' });
      row.heldOn = heldOn;
      row.participation = participation;
      // PA-REVIEW-REQ: a request is answered by a review held after it.
      const pending = await em.find(ReviewRequestEntity, { childId, outcome: { $in: ['PENDING', 'ESCALATED'] } });
      for (const r of pending) {
        if (londonDate(r.requestedAt) <= heldOn) {
          r.outcome = 'REVIEW_HELD';
          r.respondedAt = hubNow();
          await recordRequestAnswered(em, r, this.principal, row.id);
        }
      }
      await em.flush();
      recordEvent(em, {
        type: 'ReviewHeld', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId,
        payload: { ...(await childConcerns(em, childId)), reviewId: row.id, periodOfCareId: period.id, periodStartedOn: period.startedOn, sequence: row.sequence, heldOn, participation },
        actor: this.principal,
      });
      await recordNextReviewDue(em, this.calendar, period, this.principal);
      return row;
    });
  }

  /** adjournReview (REV-ADJOURN-20WD): once only, before the review is held; reconvene within 20 working days. */
  async adjourn(reviewId: string, adjournedOn: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      const row = await this.review(em, reviewId);
      await requireChildPermission(em, this.principal, row.childId, { relations: ['IRO'] }, 'adjourn a review');
      const period = await this.periodOf(em, row);
      if (row.heldOn) throw new ConflictError('this review has already been held', { reason: 'REVIEW_ALREADY_HELD' });
      if (row.adjournedOn) throw new ConflictError('a review may be adjourned once only (REV-ADJOURN-20WD)', { reason: 'ALREADY_ADJOURNED' });
      if (adjournedOn < period.startedOn) {
        throw new InputError('a review cannot be adjourned before the child became looked after', { field: 'adjournedOn', reason: 'BEFORE_LOOKED_AFTER' });
      }
      this.notFuture(adjournedOn, 'adjournedOn');
      row.adjournedOn = adjournedOn;
      recordEvent(em, {
        type: 'ReviewAdjourned', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId: row.childId,
        payload: { ...(await childConcerns(em, row.childId)), reviewId: row.id, periodOfCareId: row.periodOfCareId, sequence: row.sequence, adjournedOn },
        actor: this.principal,
      });
      return row;
    });
  }

  /** Loads a held review for a post-review record by the IRO; REVIEW_NOT_HELD before it took place. */
  private async heldReview(em: EntityManager, reviewId: string, on: string, field: string, what: string): Promise<LookedAfterReviewEntity> {
    const row = await this.review(em, reviewId);
    await requireChildPermission(em, this.principal, row.childId, { relations: ['IRO', 'AUTHORITY'], authorityRoles: ['LA_SYSTEM'] }, what);
    if (!row.heldOn) throw new InputError(`cannot ${what} before the review is held`, { field: 'reviewId', reason: 'REVIEW_NOT_HELD' });
    if (on < row.heldOn) throw new InputError(`${field} cannot precede the review`, { field, reason: 'BEFORE_REVIEW' });
    this.notFuture(on, field);
    return row;
  }

  /** recordReviewDecisions (REV-DECISIONS-5WD). */
  async recordDecisions(reviewId: string, decisions: string[], circulatedOn: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      const row = await this.heldReview(em, reviewId, circulatedOn, 'circulatedOn', 'record decisions');
      row.decisions = decisions.map((d) => d.trim()).filter(Boolean);
      row.decisionsCirculatedOn = circulatedOn;
      recordEvent(em, {
        type: 'ReviewDecisionsRecorded', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId: row.childId,
        payload: { ...(await childConcerns(em, row.childId)), reviewId: row.id, decisionsCirculatedOn: circulatedOn },
        actor: this.principal,
      });
      return row;
    });
  }

  /** issueReviewReport (REV-REPORT-20WD). */
  async issueReport(reviewId: string, issuedOn: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      const row = await this.heldReview(em, reviewId, issuedOn, 'issuedOn', 'issue the report');
      row.reportIssuedOn = issuedOn;
      recordEvent(em, {
        type: 'ReviewReportIssued', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId: row.childId,
        payload: { ...(await childConcerns(em, row.childId)), reviewId: row.id, issuedOn },
        actor: this.principal,
      });
      return row;
    });
  }

  /** recordConsultation (REV-CONSULT-20WD): the social worker or the IRO consulted the child. */
  async recordConsultation(reviewId: string, consultedOn: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      const row = await this.review(em, reviewId);
      await requireChildPermission(em, this.principal, row.childId, { relations: ['IRO', 'AUTHORITY'], authorityRoles: LA_STAFF }, 'record a consultation');
      this.notFuture(consultedOn, 'consultedOn');
      row.consultedOn = consultedOn;
      recordEvent(em, {
        type: 'ChildConsulted', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId: row.childId,
        payload: { ...(await childConcerns(em, row.childId)), reviewId: row.id, consultedOn },
        actor: this.principal,
      });
      return row;
    });
  }

  /** recordOutcomeStar (REV-CHILD-STAR, LOCAL): the provider's keyworker records the reading before the review. */
  async recordOutcomeStar(reviewId: string, capturedOn: string, tool: string): Promise<LookedAfterReviewEntity> {
    return this.em.transactional(async (em) => {
      const row = await this.review(em, reviewId);
      await requireChildPermission(em, this.principal, row.childId, { relations: ['PROVIDER', 'AUTHORITY'], authorityRoles: LA_STAFF }, 'record an Outcome Star reading');
      this.notFuture(capturedOn, 'capturedOn');
      // The reading is the child's view taken before the review: never dated after it was held.
      if (row.heldOn && capturedOn > row.heldOn) {
        throw new InputError(`the reading must be taken on or before the review (held ${row.heldOn})`, { field: 'capturedOn', reason: 'AFTER_REVIEW', heldOn: row.heldOn });
      }
      // One reading per review: the same reading again is a no-op; a different one never replaces it silently.
      if (row.outcomeStarCapturedOn) {
        if (row.outcomeStarCapturedOn === capturedOn && row.outcomeStarTool === tool) return row;
        throw new ConflictError(`a reading taken on ${row.outcomeStarCapturedOn} is already recorded for this review`, {
          field: 'capturedOn', reason: 'OUTCOME_STAR_ALREADY_RECORDED', recordedOn: row.outcomeStarCapturedOn,
        });
      }
      row.outcomeStarCapturedOn = capturedOn;
      row.outcomeStarTool = tool;
      recordEvent(em, {
        type: 'OutcomeStarRecorded', aggregateType: 'LookedAfterReview', aggregateId: row.id, childId: row.childId,
        payload: { ...(await childConcerns(em, row.childId)), reviewId: row.id, capturedOn, tool },
        actor: this.principal,
      });
      return row;
    });
  }

  /** recordEarlyReviewTrigger: brings the next review forward (REV-EARLY and kin). */
  async recordEarlyTrigger(childId: string, trigger: EarlyTrigger, triggeredOn: string): Promise<ReviewDue & { periodOfCareId: string }> {
    return this.em.transactional(async (em) => {
      await requireChildPermission(em, this.principal, childId, { relations: ['AUTHORITY', 'IRO'], authorityRoles: LA_STAFF }, 'record an early-review trigger');
      const period = await openPeriod(em, childId);
      if (!period) throw new ConflictError('the child is not looked after', { reason: 'NOT_LOOKED_AFTER' });
      if (triggeredOn < period.startedOn) {
        throw new InputError('the trigger predates the period of care', { field: 'triggeredOn', reason: 'BEFORE_LOOKED_AFTER' });
      }
      this.notFuture(triggeredOn, 'triggeredOn');
      const next = await addEarlyTrigger(em, this.calendar, period, trigger, triggeredOn, this.principal);
      return { ...next, periodOfCareId: period.id };
    });
  }
}
