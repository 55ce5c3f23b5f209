import shippedBankHolidays from '../data/bank-holidays.json';
import { CalendarHorizonError } from '../errors';
import { type IsoDate, civilFromDays, weekdayName, weekdayOfDayNumber } from '../time/civil';
import { assertIsoDate, fromDayNumber, toDayNumber } from '../time/iso-date';
import { goodFriday } from './easter';
import { GOV_UK_BANK_HOLIDAYS_URL, type HolidayEntry, parseGovUkDivision } from './gov-uk-json';

export type { HolidayEntry } from './gov-uk-json';

/** Options for {@link HolidayCalendar.fromGovUkJson}. */
export interface GovUkJsonOptions {
  /**
   * Which division to read. Only England and Wales applies to CPPCR (TIME-WD-CAL).
   * @default 'england-and-wales'
   */
  division?: string;
  /**
   * Source recorded for events that carry no `source` field.
   * @default 'https://www.gov.uk/bank-holidays.json'
   */
  source?: string;
}

const ENGLAND_AND_WALES = 'england-and-wales';
let shipped: HolidayCalendar | undefined;

/**
 * The bank-holiday calendar that defines a **working day** (TIME-WD-DEF): any day other than a Saturday, a Sunday,
 * Christmas Day, Good Friday or a bank holiday under the Banking and Financial Dealings Act 1971 in England,
 * including substitute days appointed by proclamation. Immutable; covers whole years from `horizonStart` to
 * `horizonEnd` and refuses to answer outside them (CalendarHorizonError) rather than guess.
 *
 * @see https://www.gov.uk/bank-holidays
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/2
 * @example
 * const cal = HolidayCalendar.default();
 * cal.isWorkingDay('2026-12-28'); // false: Boxing Day (substitute day)
 * cal.nonWorkingReason('2026-12-28'); // 'Boxing Day'
 */
export class HolidayCalendar {
  /** 1 January of the first year covered. */
  readonly horizonStart: IsoDate;
  /** 31 December of the last year covered. */
  readonly horizonEnd: IsoDate;
  /** The listed holidays in date order, each with its source. */
  readonly entries: readonly HolidayEntry[];
  private readonly byDate: ReadonlyMap<IsoDate, HolidayEntry>;
  private readonly provisionalYears: ReadonlySet<number>;
  private readonly startDay: number;
  private readonly endDay: number;
  private readonly goodFridays = new Map<number, number>();

  private constructor(
    /** The gov.uk division the entries came from. */
    readonly division: string,
    entries: HolidayEntry[],
  ) {
    this.entries = Object.freeze(entries.map((e) => Object.freeze({ ...e })));
    this.byDate = new Map(this.entries.map((e) => [e.date, e]));
    this.provisionalYears = new Set(this.entries.filter((e) => e.provisional).map((e) => Number(e.date.slice(0, 4))));
    this.horizonStart = `${this.entries[0]!.date.slice(0, 4)}-01-01`;
    this.horizonEnd = `${this.entries[this.entries.length - 1]!.date.slice(0, 4)}-12-31`;
    this.startDay = toDayNumber(this.horizonStart);
    this.endDay = toDayNumber(this.horizonEnd);
  }

  /**
   * Builds a calendar from a gov.uk `bank-holidays.json` document (as downloaded, or the shipped copy).
   * Validation is strict: a missing division, a malformed date, a duplicate or a year with no events throws.
   * @param json - the parsed JSON document
   * @param opts - division and default source
   * @returns the calendar
   * @throws CalendarDataError with the path of the first problem
   * @example HolidayCalendar.fromGovUkJson(await (await fetch(url)).json()); // at the service edge, not here
   */
  static fromGovUkJson(json: unknown, opts: GovUkJsonOptions = {}): HolidayCalendar {
    const division = opts.division ?? ENGLAND_AND_WALES;
    return new HolidayCalendar(division, parseGovUkDivision(json, division, opts.source ?? GOV_UK_BANK_HOLIDAYS_URL));
  }

  /**
   * The shipped England and Wales calendar, 2025–2028: 2025–2027 as published on gov.uk; 2028 computed from
   * BFDA 1971 Sch 1, the usual proclamations and the Easter date, and flagged provisional (DOMAIN §1.1).
   * @returns the shared, immutable calendar
   * @example HolidayCalendar.default().horizonEnd; // '2028-12-31'
   */
  static default(): HolidayCalendar {
    shipped ??= HolidayCalendar.fromGovUkJson(shippedBankHolidays, { division: ENGLAND_AND_WALES });
    return shipped;
  }

  /**
   * Whether a date lies inside the calendar's horizon.
   * @param d - an ISO date
   * @returns true when the calendar can answer for `d`
   * @example HolidayCalendar.default().covers('2029-01-01'); // false
   */
  covers(d: IsoDate): boolean {
    assertIsoDate(d);
    return d >= this.horizonStart && d <= this.horizonEnd;
  }

  /**
   * The listed holiday on a date, if any (a plain lookup: no horizon check, no by-name days).
   * @param d - an ISO date
   * @returns the entry, or undefined
   * @example HolidayCalendar.default().holiday('2027-12-27')?.title; // 'Christmas Day' (substitute)
   */
  holiday(d: IsoDate): HolidayEntry | undefined {
    return this.byDate.get(assertIsoDate(d));
  }

  /**
   * Why a date is not a working day: `Saturday`, `Sunday`, the listed holiday's title, or `Christmas Day` /
   * `Good Friday` by name when the data omits them.
   * @param d - an ISO date inside the horizon
   * @returns the reason, or undefined for a working day
   * @throws CalendarHorizonError outside the horizon
   * @example HolidayCalendar.default().nonWorkingReason('2027-12-25'); // 'Saturday'
   */
  nonWorkingReason(d: IsoDate): string | undefined {
    return this.nonWorkingReasonOfDay(toDayNumber(d));
  }

  /**
   * {@link nonWorkingReason} for a day number (days since 1970-01-01): the fast path used when counting.
   * @param day - the day number
   * @returns the reason, or undefined for a working day
   * @throws CalendarHorizonError outside the horizon
   * @example HolidayCalendar.default().nonWorkingReasonOfDay(20815); // 'Boxing Day' (2026-12-28)
   */
  nonWorkingReasonOfDay(day: number): string | undefined {
    if (day < this.startDay || day > this.endDay) throw new CalendarHorizonError(fromDayNumber(day), this.horizonStart, this.horizonEnd);
    const wd = weekdayOfDayNumber(day);
    if (wd >= 6) return weekdayName(wd);
    const listed = this.byDate.get(fromDayNumber(day));
    if (listed) return listed.title;
    const c = civilFromDays(day);
    if (c.month === 12 && c.day === 25) return 'Christmas Day';
    if (day === this.goodFridayDay(c.year)) return 'Good Friday';
    return undefined;
  }

  private goodFridayDay(year: number): number {
    let d = this.goodFridays.get(year);
    if (d === undefined) this.goodFridays.set(year, (d = toDayNumber(goodFriday(year))));
    return d;
  }

  /**
   * TIME-WD-DEF: not a Saturday or Sunday, not a listed bank holiday, not Christmas Day or Good Friday.
   * @param d - an ISO date inside the horizon
   * @returns true for a working day
   * @throws CalendarHorizonError outside the horizon
   * @example HolidayCalendar.default().isWorkingDay('2026-12-29'); // true
   */
  isWorkingDay(d: IsoDate): boolean {
    return this.nonWorkingReason(d) === undefined;
  }

  /**
   * Whether the data for a year is provisional (any entry in that year is flagged provisional).
   * @param year - a year
   * @returns true when results depending on that year's calendar are projections
   * @example HolidayCalendar.default().isProvisionalYear(2028); // true
   */
  isProvisionalYear(year: number): boolean {
    return this.provisionalYears.has(year);
  }

  /**
   * The calendar as a gov.uk-shaped document, including `provisional` and `source` per event, so it round-trips
   * through {@link HolidayCalendar.fromGovUkJson}.
   * @returns `{ [division]: { division, events } }`
   * @example HolidayCalendar.fromGovUkJson(cal.toGovUkJson()); // an equal calendar
   */
  toGovUkJson(): object {
    return {
      [this.division]: {
        division: this.division,
        events: this.entries.map((e) => ({
          title: e.title,
          date: e.date,
          notes: e.notes,
          bunting: e.bunting,
          provisional: e.provisional,
          source: e.source,
        })),
      },
    };
  }
}
