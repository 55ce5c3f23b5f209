import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import {
  type IsoDate,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatCivil,
  splitIso,
  weekdayOfDayNumber,
} from './civil';

export type { IsoDate } from './civil';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a value is a valid calendar date written `YYYY-MM-DD` (years 0001–9999).
 * @param d - any value
 * @returns true when `d` is a real calendar date in that form
 * @example isIsoDate('2028-02-29'); // true
 * @example isIsoDate('2027-02-29'); // false
 */
export function isIsoDate(d: unknown): d is IsoDate {
  if (typeof d !== 'string') return false;
  const m = ISO_DATE.exec(d);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const day = Number(m[3]);
  return y >= 1 && mo >= 1 && mo <= 12 && day >= 1 && day <= daysInMonth(y, mo);
}

/**
 * Validates an ISO date and returns it, or throws.
 * @param d - the value to check
 * @param what - what the value is, for the error message
 * @returns `d`, typed as an IsoDate
 * @throws StatutoryInputError when `d` is not a valid `YYYY-MM-DD` date
 * @example assertIsoDate('2026-12-21'); // '2026-12-21'
 */
export function assertIsoDate(d: unknown, what = 'date'): IsoDate {
  if (!isIsoDate(d)) throw new StatutoryInputError(messages.invalidDate(what, d));
  return d;
}

/**
 * Day number (days since 1970-01-01) of a validated ISO date.
 * @param d - an ISO date
 * @returns the day number
 * @example toDayNumber('1970-01-02'); // 1
 */
export function toDayNumber(d: IsoDate): number {
  const c = splitIso(assertIsoDate(d));
  return daysFromCivil(c.year, c.month, c.day);
}

/**
 * ISO date of a day number.
 * @param n - days since 1970-01-01
 * @returns the ISO date
 * @example fromDayNumber(1); // '1970-01-02'
 */
export function fromDayNumber(n: number): IsoDate {
  return formatCivil(civilFromDays(n));
}

function assertInteger(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new StatutoryInputError(messages.invalidCount(what, n));
}

/**
 * Adds calendar days (TIME-WEEKS: "one week" is 7 days, "six weeks" 42; bank holidays never extend them).
 * @param d - the start date
 * @param n - days to add; may be negative
 * @returns the date `n` calendar days after `d`
 * @throws StatutoryInputError for a bad date or a non-integer `n`
 * @example addDays('2026-12-21', 7); // '2026-12-28' (VIS-1WK, Example 2)
 */
export function addDays(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'days');
  return fromDayNumber(toDayNumber(d) + n);
}

/**
 * Adds calendar months by the TIME-MONTHS rule (Interpretation Act 1978 Sch 1; *Dodds v Walker* [1981] 1 WLR 1027):
 * the result is the corresponding date, or the last day of that month when there is none (31st, 29–30 Feb).
 * There is no roll-forward off a weekend or bank holiday: the duty must be done on or before this date.
 * @param d - the start date
 * @param n - months to add; may be negative
 * @returns the corresponding date `n` months later (or the month's last day)
 * @throws StatutoryInputError for a bad date or a non-integer `n`
 * @example addMonths('2026-11-30', 3); // '2027-02-28' (Example 8a)
 * @example addMonths('2027-08-31', 6); // '2028-02-29' (Example 8c, leap year)
 */
export function addMonths(d: IsoDate, n: number): IsoDate {
  assertInteger(n, 'months');
  const c = splitIso(assertIsoDate(d));
  const total = c.year * 12 + (c.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 1 || year > 9999) throw new StatutoryInputError(messages.dateOutOfRange(d, n));
  return formatCivil({ year, month, day: Math.min(c.day, daysInMonth(year, month)) });
}

/**
 * ISO weekday of a date.
 * @param d - an ISO date
 * @returns 1 = Monday … 7 = Sunday
 * @example isoWeekday('2026-12-28'); // 1 (Monday)
 */
export function isoWeekday(d: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(d));
}

/**
 * Compares two ISO dates.
 * @param a - first date
 * @param b - second date
 * @returns negative, zero or positive as `a` is before, equal to or after `b`
 * @example compareIsoDates('2026-01-01', '2026-01-02'); // -1
 */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/**
 * The later of two ISO dates.
 * @param a - first date
 * @param b - second date
 * @returns whichever is later
 * @example laterOf('2027-02-10', '2026-11-02'); // '2027-02-10'
 */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return compareIsoDates(a, b) >= 0 ? a : b;
}

/**
 * Calendar days from `a` to `b` (positive when `b` is later).
 * @param a - first date
 * @param b - second date
 * @returns `b - a` in days
 * @example daysBetween('2026-12-21', '2026-12-28'); // 7
 */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}
