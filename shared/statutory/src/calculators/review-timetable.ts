import { HolidayCalendar } from '../calendar/holiday-calendar';
import { CalendarHorizonError, StatutoryInputError } from '../errors';
import { messages } from '../messages';
import { computeDeadlineOrBeyond } from '../deadlines/compute-deadline';
import type { BeyondCalendar, Deadline } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, compareIsoDates } from '../time/iso-date';
import { reviewDue } from './review-cycle';

/** Input to {@link reviewTimetable}. */
export interface ReviewTimetableInput {
  /** Start of the period of care. */
  becameLookedAfter: IsoDate;
  /** Dates reviews were actually held in this period of care, in order. */
  heldReviews: readonly IsoDate[];
  /** Last date to project to (inclusive). */
  until: IsoDate;
  /**
   * The England and Wales calendar.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
  /**
   * At most this many entries.
   * @default 100
   */
  limit?: number;
}

/** One review of the timetable. */
export interface ReviewTimetableEntry {
  /** Which review (1 = first). */
  sequence: number;
  /** True when the review it counts from has not been held: it is assumed to sit on its own due date. */
  projected: boolean;
  /** The deadline with its basis, or, for a first review whose count leaves the calendar, why there is no date. */
  deadline: Deadline | BeyondCalendar;
}

/**
 * The child's next looked-after reviews up to `until` (CPPCR reg 33, TIME-ANCHOR): the one now due, counted from the
 * last review held (or from becoming looked after), then each later one counted from the previous one's due date, as
 * if every review sits on its due date. A first review past the calendar's horizon ends the timetable, with its
 * reason; month clocks need no calendar.
 * @param input - period start, reviews held, horizon of the projection, calendar
 * @returns the reviews due on or before `until`, in order; the one now due is included even when it is past
 * @throws StatutoryInputError when dates are malformed, out of order or precede the period of care
 * @example reviewTimetable({ becameLookedAfter: '2026-12-21', heldReviews: ['2027-01-21'], until: '2028-01-31' }).map((e) => e.deadline.dueDate);
 * // ['2027-04-21', '2027-10-21']
 */
export function reviewTimetable(input: ReviewTimetableInput): ReviewTimetableEntry[] {
  const until = assertIsoDate(input.until, 'until');
  const limit = input.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1) throw new StatutoryInputError(messages.invalidCount('limit', limit));
  const calendar = input.calendar ?? HolidayCalendar.default();
  const anchors: IsoDate[] = [...input.heldReviews];
  const out: ReviewTimetableEntry[] = [];
  while (out.length < limit) {
    const projected = anchors.length > input.heldReviews.length;
    let next: Deadline & { sequence: number };
    try {
      next = reviewDue({ becameLookedAfter: input.becameLookedAfter, heldReviews: anchors, calendar });
    } catch (e) {
      if (!(e instanceof CalendarHorizonError) || anchors.length > 0) throw e;
      const beyond = computeDeadlineOrBeyond('REV-1ST-20WD', input.becameLookedAfter, { calendar }) as BeyondCalendar;
      out.push({ sequence: 1, projected: false, deadline: beyond });
      break;
    }
    if (compareIsoDates(next.dueDate, until) > 0) break;
    const { sequence, ...deadline } = next;
    out.push({
      sequence,
      projected,
      deadline: projected
        ? { ...deadline, basis: { ...deadline.basis, explanation: `${deadline.basis.explanation}${messages.projectedReview(sequence - 1, anchors[anchors.length - 1]!)}` } }
        : deadline,
    });
    anchors.push(next.dueDate);
  }
  return out;
}
