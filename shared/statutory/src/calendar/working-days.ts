import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import type { IsoDate } from '../time/civil';
import { assertIsoDate, fromDayNumber, toDayNumber } from '../time/iso-date';
import type { HolidayCalendar } from './holiday-calendar';

/** A non-working day passed over while counting working days, with the reason it is not a working day. */
export interface SkippedDay {
  date: IsoDate;
  reason: string;
}

/** Result of {@link addWorkingDays}. */
export interface WorkingDayResult {
  /** The Nth working day. */
  date: IsoDate;
  /** Every non-working day passed over between `from` (exclusive) and `date`, in date order. */
  skipped: SkippedDay[];
}

/**
 * Counts working days by TIME-WD-DAY1: the trigger day is **excluded**, so day 1 is the first working day strictly
 * after `from` (if `from` is itself a non-working day, day 1 is simply the next working day); the result is the
 * Nth working day, and the duty is due by the end of it. A negative `n` counts backwards the same way, excluding
 * `from` (REV-CONSULT-20WD, "at least 20 working days before the review": Example 6). `n = 0` returns `from`.
 * The exclusion follows the rule that the day of the event is left out when time runs from it
 * (*Goldsmiths' Co v West Metropolitan Rly* [1904] 1 KB 1).
 * @param cal - the holiday calendar (England and Wales)
 * @param from - the trigger date
 * @param n - working days to count; may be negative
 * @returns the date and the non-working days skipped
 * @throws CalendarHorizonError if any day that must be examined lies outside the calendar
 * @throws StatutoryInputError for a bad date or a non-integer `n`
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/2
 * @example addWorkingDays(HolidayCalendar.default(), '2026-12-21', 10).date; // '2027-01-07' (Example 1)
 */
export function addWorkingDays(cal: HolidayCalendar, from: IsoDate, n: number): WorkingDayResult {
  if (!Number.isInteger(n)) throw new StatutoryInputError(messages.invalidCount('working days', n));
  let day = toDayNumber(assertIsoDate(from, 'from'));
  const step = n < 0 ? -1 : 1;
  const skipped: SkippedDay[] = [];
  for (let counted = 0; counted < Math.abs(n); ) {
    day += step;
    const reason = cal.nonWorkingReasonOfDay(day);
    if (reason === undefined) counted++;
    else skipped.push({ date: fromDayNumber(day), reason });
  }
  if (step < 0) skipped.reverse();
  return { date: fromDayNumber(day), skipped };
}

/**
 * The "in practice" date for a month, week or day deadline that falls on a non-working day: there is no
 * roll-forward (TIME-MONTHS), so the duty must be done by the last working day on or before it (Example 8).
 * @param cal - the holiday calendar
 * @param d - the deadline
 * @returns `d` itself when it is a working day, else the previous working day
 * @throws CalendarHorizonError if the search leaves the calendar
 * @example previousWorkingDayOnOrBefore(HolidayCalendar.default(), '2027-02-28'); // '2027-02-26'
 */
export function previousWorkingDayOnOrBefore(cal: HolidayCalendar, d: IsoDate): IsoDate {
  let day = toDayNumber(assertIsoDate(d));
  while (cal.nonWorkingReasonOfDay(day) !== undefined) day--;
  return fromDayNumber(day);
}
