import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildAccess, childConcerns, ConflictError, InputError, NotFoundError, now as hubNow, Principal, recordEvent } from '@hub/service-kit';
import { computeDeadline, endOfLondonDay, HolidayCalendar, londonDate } from '@hub/statutory';
import { ReviewRequestEntity } from './review-request.entity';
import { LookedAfterReviewEntity } from '../review/looked-after-review.entity';
import { LA_STAFF, requireChildPermission } from '../access';

/**
 * PA-ESCALATE: the day after which a request with no review is escalated (configurable wait, NAT-GUID).
 * @param calendar - the calendar in force
 * @param requestedAt - when the request was made
 * @returns the escalate-by date
 */
export function escalateByFor(calendar: HolidayCalendar, requestedAt: Date): string {
  return computeDeadline('PA-ESCALATE', londonDate(requestedAt), { calendar })!.dueDate;
}

/**
 * Records a review request and its ReviewRequested event (caller is inside a transaction).
 * @returns the request
 */
export async function createReviewRequest(
  em: EntityManager, calendar: HolidayCalendar,
  r: { childId: string; reason: string; details: string | null; requestedAt: Date; requestedBy: string; providerId: string | null },
  actor: Principal | null,
): Promise<ReviewRequestEntity> {
  const row = em.create(ReviewRequestEntity, { ...r, escalateBy: escalateByFor(calendar, r.requestedAt) });
  recordEvent(em, {
    type: 'ReviewRequested', aggregateType: 'ReviewRequest', aggregateId: row.id, childId: r.childId,
    payload: {
      ...(await childConcerns(em, r.childId)), providerId: r.providerId, requestId: row.id, reason: r.reason,
      requestedAt: r.requestedAt.toISOString(), escalateBy: row.escalateBy,
    },
    actor,
  });
  return row;
}

/**
 * Records that a review request was answered (by the authority, or by a review held after it), with the provider
 * who asked; caller is inside a transaction.
 * @param em - the unit of work
 * @param r - the answered request
 * @param actor - who answered
 * @param reviewId - the held review that answered it, if it was answered that way
 */
export async function recordRequestAnswered(em: EntityManager, r: ReviewRequestEntity, actor: Principal | null, reviewId: string | null): Promise<void> {
  recordEvent(em, {
    type: 'ReviewRequestAnswered', aggregateType: 'ReviewRequest', aggregateId: r.id, childId: r.childId,
    payload: {
      ...(await childConcerns(em, r.childId)), providerId: r.providerId ?? null, requestId: r.id, outcome: r.outcome,
      respondedAt: (r.respondedAt ?? hubNow()).toISOString(), note: r.responseNote ?? null, reviewId,
    },
    actor,
  });
}

/**
 * The PA-ESCALATE sweep: every pending request whose escalate-by day has ended without a review is marked
 * ESCALATED, with a ReviewRequestEscalated event, in one transaction. Idempotent: escalated requests are not
 * pending any more.
 * @param em - an EntityManager (forked)
 * @param asOf - the instant to judge by
 * @returns the requests escalated
 */
export async function escalateOverdue(em: EntityManager, asOf: Date, authority?: string): Promise<ReviewRequestEntity[]> {
  return em.transactional(async (tem) => {
    // Candidates by date first (the escalate-by day is before today's London date), then exactly by instant.
    // Rows another sweep (another instance, or the on-demand mutation) holds are skipped: each request is escalated,
    // and its event recorded, once.
    const candidates = await tem.find(ReviewRequestEntity, { outcome: 'PENDING', escalateBy: { $lt: londonDate(asOf) } }, {
      orderBy: { requestedAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
    });
    // An authority's case system escalates its own children's requests only (one lookup for the whole batch).
    const ownChildren = authority === undefined ? null : new Set(
      (await tem.find(ChildAccess, { childId: { $in: [...new Set(candidates.map((r) => r.childId))] }, placingAuthority: authority })).map((a) => a.childId),
    );
    const due = candidates.filter((r) => new Date(endOfLondonDay(r.escalateBy)).getTime() < asOf.getTime() && (ownChildren === null || ownChildren.has(r.childId)));
    for (const r of due) {
      r.outcome = 'ESCALATED';
      r.escalatedAt = asOf;
      recordEvent(tem, {
        type: 'ReviewRequestEscalated', aggregateType: 'ReviewRequest', aggregateId: r.id, childId: r.childId,
        payload: { ...(await childConcerns(tem, r.childId)), providerId: r.providerId ?? null, requestId: r.id, escalatedAt: asOf.toISOString(), escalateBy: r.escalateBy },
      });
    }
    return due;
  });
}

/** Provider review requests (PA-REVIEW-REQ) and the authority's response. */
export class ReviewRequestService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal, private readonly calendar: HolidayCalendar) {}

  /** requestReview: by the provider where the child is placed (CHR reg 14(2)(e)). */
  async request(childId: string, reason: string, details: string | null): Promise<ReviewRequestEntity> {
    return this.em.transactional(async (em) => {
      await requireChildPermission(em, this.principal, childId, { relations: ['PROVIDER'] }, 'request a review');
      return createReviewRequest(em, this.calendar, {
        childId, reason, details, requestedAt: hubNow(), requestedBy: this.principal.sub, providerId: this.principal.org,
      }, this.principal);
    });
  }

  /** respondToReviewRequest: the authority records its response (a held review answers a request by itself). */
  async respond(requestId: string, outcome: string, note: string | null): Promise<ReviewRequestEntity> {
    if (outcome === 'PENDING' || outcome === 'ESCALATED') {
      throw new InputError('respond with REVIEW_HELD or DECLINED', { field: 'outcome', reason: 'INVALID_OUTCOME' });
    }
    return this.em.transactional(async (em) => {
      const row = await em.findOne(ReviewRequestEntity, { id: requestId });
      if (!row) throw new NotFoundError(`unknown review request ${requestId}`);
      await requireChildPermission(em, this.principal, row.childId, { relations: ['AUTHORITY'], authorityRoles: LA_STAFF }, 'respond to a review request');
      if (row.outcome === 'REVIEW_HELD' || row.outcome === 'DECLINED') {
        throw new ConflictError('the request has already been answered', { reason: 'ALREADY_ANSWERED' });
      }
      // REVIEW_HELD is a fact, not a promise: a review of the child held on or after the day of the request (review
      // dates are days), the earliest such review answering it. An intended review is DECLINED or left pending.
      let reviewId: string | null = null;
      if (outcome === 'REVIEW_HELD') {
        const requestedOn = londonDate(row.requestedAt);
        const [held] = await em.find(LookedAfterReviewEntity, { childId: row.childId, heldOn: { $gte: requestedOn } }, { orderBy: { heldOn: 'asc' }, limit: 1 });
        if (!held) {
          throw new ConflictError(`no review of the child has been held since the request of ${requestedOn}; hold the review (holdReview answers the request) or decline it`, {
            field: 'outcome', reason: 'NO_REVIEW_HELD_SINCE_REQUEST', requestedOn,
          });
        }
        reviewId = held.id;
      }
      row.outcome = outcome as ReviewRequestEntity['outcome'];
      row.responseNote = note;
      row.respondedAt = hubNow();
      await recordRequestAnswered(em, row, this.principal, reviewId);
      return row;
    });
  }
}
