/**
 * Leaf module: proleptic Gregorian calendar arithmetic on day numbers, with no imports, so that both the date
 * functions and the message module can use it without an import cycle.
 * Day numbers count days since 1970-01-01 (day 0), as in Howard Hinnant's `days_from_civil` algorithm.
 */

/** A calendar date, `YYYY-MM-DD`, with no time zone (statutory day, week and month rules work on these). */
export type IsoDate = string;

/** An ISO 8601 date-time with an offset, e.g. `2026-12-21T15:00:00+00:00` (the hour rules work on these). */
export type Instant = string;

/** Year, month (1–12) and day of month. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Day number (days since 1970-01-01) of a civil date.
 * @param y - year
 * @param m - month 1–12
 * @param d - day of month
 * @returns the day number
 * @example daysFromCivil(1970, 1, 2); // 1
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Civil date of a day number.
 * @param n - days since 1970-01-01
 * @returns year, month and day
 * @example civilFromDays(0); // { year: 1970, month: 1, day: 1 }
 */
export function civilFromDays(n: number): CivilDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Whether a year is a Gregorian leap year.
 * @param y - year
 * @returns true for leap years
 * @example isLeapYear(2028); // true
 */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/**
 * Number of days in a month.
 * @param y - year
 * @param m - month 1–12
 * @returns 28–31
 * @example daysInMonth(2027, 2); // 28
 */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/**
 * ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday).
 * @param n - days since 1970-01-01
 * @returns 1–7
 * @example weekdayOfDayNumber(0); // 4
 */
export function weekdayOfDayNumber(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/**
 * Zero-padded decimal.
 * @param n - a non-negative integer
 * @param width - minimum digits
 * @returns the padded string
 * @example pad(7, 2); // '07'
 */
export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats a civil date as `YYYY-MM-DD` (no validation).
 * @param c - the date
 * @returns the ISO date
 * @example formatCivil({ year: 2026, month: 12, day: 21 }); // '2026-12-21'
 */
export function formatCivil(c: CivilDate): IsoDate {
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`;
}

/**
 * Splits `YYYY-MM-DD` into numbers without validating (callers validate first).
 * @param d - an ISO date
 * @returns year, month and day
 * @example splitIso('2026-12-21'); // { year: 2026, month: 12, day: 21 }
 */
export function splitIso(d: IsoDate): CivilDate {
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * Human form of an ISO date used in explanations, e.g. `Mon 21 Dec 2026` (no validation).
 * @param d - an ISO date
 * @returns the display string
 * @example displayDate('2026-12-21'); // 'Mon 21 Dec 2026'
 */
export function displayDate(d: IsoDate): string {
  const c = splitIso(d);
  const wd = weekdayOfDayNumber(daysFromCivil(c.year, c.month, c.day));
  return `${WEEKDAYS[wd - 1]} ${c.day} ${MONTHS[c.month - 1]} ${c.year}`;
}

/**
 * English weekday name for an ISO weekday number.
 * @param isoWeekday - 1 = Monday … 7 = Sunday
 * @returns e.g. 'Saturday'
 * @example weekdayName(6); // 'Saturday'
 */
export function weekdayName(isoWeekday: number): string {
  return WEEKDAY_NAMES[isoWeekday - 1]!;
}
