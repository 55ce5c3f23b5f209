import type { IsoDate } from './time/civil';
import { messages } from './messages';

/**
 * Thrown when a working-day computation would have to look at a day the holiday calendar does not cover.
 * The hub must refuse to guess past the calendar's horizon (DOMAIN §16 note 4); load a newer calendar instead.
 *
 * @example
 * try { addWorkingDays(HolidayCalendar.default(), '2028-12-20', 20); }
 * catch (e) { if (e instanceof CalendarHorizonError) console.log(e.date); } // '2029-01-01'
 */
export class CalendarHorizonError extends Error {
  override readonly name = 'CalendarHorizonError';
  /**
   * @param date - the day that fell outside the calendar
   * @param horizonStart - first day the calendar covers
   * @param horizonEnd - last day the calendar covers
   */
  constructor(
    readonly date: IsoDate,
    readonly horizonStart: IsoDate,
    readonly horizonEnd: IsoDate,
  ) {
    super(messages.calendarHorizon(date, horizonStart, horizonEnd));
  }
}

/**
 * Thrown when bank-holiday data (gov.uk `bank-holidays.json` shape) is malformed.
 *
 * @example
 * HolidayCalendar.fromGovUkJson({}); // throws CalendarDataError: division "england-and-wales" is missing
 */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';
}

/**
 * Thrown when an organisation's override would disable or re-time a rule it may not change
 * (a NAT-REG rule), names an unknown rule, or gives a bad count.
 *
 * @example
 * validateOverrides([{ ruleId: 'REV-1ST-20WD', enabled: false }]); // throws RuleOverrideError
 */
export class RuleOverrideError extends Error {
  override readonly name = 'RuleOverrideError';
  /**
   * @param ruleId - the rule id the override named
   * @param message - why it was refused
   */
  constructor(
    readonly ruleId: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Thrown for malformed input to the rules engine: a date that is not `YYYY-MM-DD`, an instant without an offset,
 * a non-integer count, or facts that contradict each other (a review held before the child became looked after).
 *
 * @example
 * addDays('2026-02-30', 1); // throws StatutoryInputError
 */
export class StatutoryInputError extends Error {
  override readonly name = 'StatutoryInputError';
}
