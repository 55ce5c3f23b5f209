import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, InputError, parseLocalDate, Principal, requireRole } from '@hub/service-kit';
import type { HolidayCalendar } from '@hub/statutory';
import { PeriodOfCareEntity } from '../child/period-of-care.entity';
import { LookedAfterReviewEntity } from '../review/looked-after-review.entity';
import { ReviewService } from '../review/review.service';
import { requireChildPermission } from '../access';

/** What importing one review held did: recorded it (HELD) or found it already recorded (UNCHANGED). */
export type ReviewImportOutcome = 'HELD' | 'UNCHANGED';

/**
 * Records a review held, from an authority's previous SSDA903 return, in the period of care that covers its date,
 * ended or not (holdReview only holds the open period's next review). The case system of the child's authority
 * only. The review is held through ReviewService.hold, so its checks (order within the period, participation code
 * and age, not in the future) and its ReviewHeld event are those of holdReview. A review already recorded on that
 * date in that period with the same code is UNCHANGED; with another code, CONFLICT (REVIEW_CODE_DIFFERS).
 * @param em - the transaction's entity manager
 * @param principal - the caller
 * @param calendar - the bank-holiday calendar
 * @param childId - the child
 * @param heldOnInput - the review's date, YYYY-MM-DD
 * @param participation - REVIEW_CODE PN0–PN7
 * @returns the review and what was done
 */
export async function importReviewHeld(
  em: EntityManager, principal: Principal, calendar: HolidayCalendar, childId: string, heldOnInput: string, participation: string,
): Promise<{ review: LookedAfterReviewEntity; outcome: ReviewImportOutcome }> {
  requireRole(principal, ['LA_SYSTEM'], "import reviews from the authority's SSDA903 return");
  await requireChildPermission(em, principal, childId, { relations: ['AUTHORITY'], authorityRoles: ['LA_SYSTEM'] }, 'import a review');
  const heldOn = parseLocalDate(heldOnInput, 'heldOn');
  const [period] = await em.find(
    PeriodOfCareEntity,
    { childId, startedOn: { $lte: heldOn }, $or: [{ endedOn: null }, { endedOn: { $gte: heldOn } }] },
    { orderBy: { startedOn: 'desc' }, limit: 1 },
  );
  if (!period) {
    // Also the answer while the child's period of care is still on its way from the children service.
    throw new ConflictError(`no period of care of the child covers ${heldOn}`, { reason: 'NOT_LOOKED_AFTER', field: 'heldOn' });
  }
  const reviews = await em.find(LookedAfterReviewEntity, { periodOfCareId: period.id }, { orderBy: { sequence: 'asc' } });
  const same = reviews.find((r) => r.heldOn === heldOn);
  if (same) {
    if (same.participation !== participation) {
      throw new ConflictError(`a review held on ${heldOn} is recorded with ${same.participation ?? 'no code'}`, { reason: 'REVIEW_CODE_DIFFERS', field: 'participation' });
    }
    return { review: same, outcome: 'UNCHANGED' };
  }
  if (reviews.some((r) => r.heldOn && r.heldOn > heldOn)) {
    throw new InputError(`a later review of the period is already recorded: reviews are imported in date order`, { field: 'heldOn', reason: 'BEFORE_PREVIOUS_REVIEW' });
  }
  const row = reviews.find((r) => !r.heldOn) ?? em.create(LookedAfterReviewEntity, { childId, periodOfCareId: period.id, sequence: reviews.length + 1 });
  await em.flush();
  const review = await new ReviewService(em, principal, calendar).hold({ reviewId: row.id }, heldOn, participation);
  return { review, outcome: 'HELD' };
}
