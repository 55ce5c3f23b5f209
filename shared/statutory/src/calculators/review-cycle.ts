import { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import { computeDeadline } from '../deadlines/compute-deadline';
import type { Deadline, RuleNotApplicable } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, compareIsoDates } from '../time/iso-date';
import type { RuleOverride } from '../rules/overrides';
import { fixedDeadline } from './fixed-deadline';

/** Input to {@link reviewDue}. */
export interface ReviewDueInput {
  /** Date the child became looked after: the start of this period of care (not a later placement). */
  becameLookedAfter: IsoDate;
  /** Dates reviews were actually held in this period of care, in order. */
  heldReviews: readonly IsoDate[];
  /**
   * The England and Wales calendar.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/** A review deadline with the number of the review it is for (1 = first review). */
export interface ReviewDeadline extends Deadline {
  sequence: number;
}

/**
 * When the next looked-after review is due (CPPCR reg 33; TIME-ANCHOR): the first within 20 working days of the
 * child becoming looked after (REV-1ST-20WD); the second not more than 3 months after the first was **held**
 * (REV-2ND-3M); later ones not more than 6 months after the previous one was held (REV-NEXT-6M). Anchors are the
 * dates reviews actually took place, not their due dates; a new period of care restarts the cycle, a change of
 * placement does not.
 * @param input - start of the period of care, reviews held, calendar
 * @returns the next review's deadline and sequence number
 * @throws StatutoryInputError when reviews are out of order or precede the period of care
 * @throws CalendarHorizonError when the first-review count leaves the calendar
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/33
 * @example reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: [] }).dueDate; // '2027-01-21' (Example 3)
 * @example reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: ['2027-01-21'] }).dueDate; // '2027-04-21'
 */
export function reviewDue(input: ReviewDueInput): ReviewDeadline {
  const start = assertIsoDate(input.becameLookedAfter, 'becameLookedAfter');
  let prev: IsoDate = start;
  for (const held of input.heldReviews) {
    assertIsoDate(held, 'held review');
    if (compareIsoDates(held, start) < 0) throw new StatutoryInputError(messages.reviewBeforeCare(held, start));
    if (compareIsoDates(held, prev) < 0) throw new StatutoryInputError(messages.reviewsOutOfOrder(prev, held));
    prev = held;
  }
  const n = input.heldReviews.length;
  const deadline =
    n === 0
      ? fixedDeadline('REV-1ST-20WD', start, input.calendar)
      : fixedDeadline(n === 1 ? 'REV-2ND-3M' : 'REV-NEXT-6M', input.heldReviews[n - 1]!, input.calendar);
  return { ...deadline, sequence: n + 1 };
}

/** Input to {@link computeConsultationDeadline}. */
export interface ConsultationInput {
  /** Which review (1 = first). */
  reviewSequence: number;
  /** Date the review is scheduled for (or due by). */
  reviewDate: IsoDate;
  /**
   * The England and Wales calendar.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
  /** The organisation's overrides (REV-CONSULT-20WD is LOCAL, so it may be re-timed or switched off). */
  overrides?: readonly RuleOverride[];
}

/** Result of {@link computeConsultationDeadline}. */
export type ConsultationResult = { applicable: true; deadline: Deadline } | RuleNotApplicable;

/**
 * REV-CONSULT-20WD: the date by which the child must be consulted, at least 20 working days before the review
 * (counted backwards, review day excluded). Not applicable to a first review, whose 20-working-day lead time would
 * begin on the day the child became looked after (DOMAIN C-09, Example 6): the caller should flag it, not show it
 * as overdue. Also not applicable when the organisation has switched the rule off.
 * @param input - review number and date, calendar, overrides
 * @returns the deadline, or a not-applicable result with the reason
 * @throws StatutoryInputError for a bad sequence number or date
 * @example computeConsultationDeadline({ reviewSequence: 2, reviewDate: '2027-04-21' }); // { applicable: true, deadline: { dueDate: '2027-03-22', … } }
 * @example computeConsultationDeadline({ reviewSequence: 1, reviewDate: '2027-01-21' }).applicable; // false
 */
export function computeConsultationDeadline(input: ConsultationInput): ConsultationResult {
  if (!Number.isInteger(input.reviewSequence) || input.reviewSequence < 1)
    throw new StatutoryInputError(messages.reviewSequence(input.reviewSequence));
  assertIsoDate(input.reviewDate, 'reviewDate');
  if (input.reviewSequence === 1) return { applicable: false, ruleId: 'REV-CONSULT-20WD', reason: messages.consultationFirstReview };
  const deadline = computeDeadline('REV-CONSULT-20WD', input.reviewDate, {
    calendar: input.calendar ?? HolidayCalendar.default(),
    overrides: input.overrides ?? [],
  });
  if (deadline === null) return { applicable: false, ruleId: 'REV-CONSULT-20WD', reason: messages.ruleDisabled('REV-CONSULT-20WD') };
  return { applicable: true, deadline };
}
