import shipped from '../data/bank-holidays.json';
import { CalendarHorizonError } from '../errors';
import { isoWeekday } from '../time/iso-date';
import { HolidayCalendar } from './holiday-calendar';
import { addWorkingDays } from './working-days';

const calendar = HolidayCalendar.default();
const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5 };

describe('HolidayCalendar.default (DOMAIN §1.1, England and Wales 2018–2028)', () => {
  it('covers whole years 2018–2028: 32 entries for 2025–2028 (DOMAIN §1.1) and 59 published ones for 2018–2024', () => {
    expect(calendar.horizonStart).toBe('2018-01-01');
    expect(calendar.horizonEnd).toBe('2028-12-31');
    expect(calendar.division).toBe('england-and-wales');
    expect(calendar.entries).toHaveLength(32 + 59);
    expect(calendar.entries.filter((e) => e.date >= '2025-01-01')).toHaveLength(32);
    expect(HolidayCalendar.default()).toBe(calendar);
  });

  it('marks 2028 provisional with a computed source, and 2025–2027 as published on gov.uk', () => {
    for (const e of calendar.entries) {
      const projected = e.date.startsWith('2028');
      expect(e.provisional).toBe(projected);
      expect(e.source).toBe(projected ? 'computed from BFDA 1971 Sch 1 and usual proclamations; provisional' : 'https://www.gov.uk/bank-holidays.json');
    }
    expect(calendar.isProvisionalYear(2028)).toBe(true);
    expect(calendar.isProvisionalYear(2027)).toBe(false);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(calendar.entries)).toBe(true);
    expect(Object.isFrozen(calendar.entries[0])).toBe(true);
  });

  // The §1.1 table, row by row: each date is listed and falls on the weekday shown.
  it.each`
    date            | weekday  | why
    ${'2025-01-01'} | ${'Wed'} | ${'2025 New Year'}
    ${'2025-04-18'} | ${'Fri'} | ${'2025 Good Friday'}
    ${'2025-04-21'} | ${'Mon'} | ${'2025 Easter Monday'}
    ${'2025-05-05'} | ${'Mon'} | ${'2025 Early May'}
    ${'2025-05-26'} | ${'Mon'} | ${'2025 Spring'}
    ${'2025-08-25'} | ${'Mon'} | ${'2025 Summer'}
    ${'2025-12-25'} | ${'Thu'} | ${'2025 Christmas'}
    ${'2025-12-26'} | ${'Fri'} | ${'2025 Boxing Day'}
    ${'2026-01-01'} | ${'Thu'} | ${'2026 New Year'}
    ${'2026-04-03'} | ${'Fri'} | ${'2026 Good Friday'}
    ${'2026-04-06'} | ${'Mon'} | ${'2026 Easter Monday'}
    ${'2026-05-04'} | ${'Mon'} | ${'2026 Early May'}
    ${'2026-05-25'} | ${'Mon'} | ${'2026 Spring'}
    ${'2026-08-31'} | ${'Mon'} | ${'2026 Summer'}
    ${'2026-12-25'} | ${'Fri'} | ${'2026 Christmas'}
    ${'2026-12-28'} | ${'Mon'} | ${'2026 Boxing Day substitute (26th is a Saturday)'}
    ${'2027-01-01'} | ${'Fri'} | ${'2027 New Year'}
    ${'2027-03-26'} | ${'Fri'} | ${'2027 Good Friday'}
    ${'2027-03-29'} | ${'Mon'} | ${'2027 Easter Monday'}
    ${'2027-05-03'} | ${'Mon'} | ${'2027 Early May'}
    ${'2027-05-31'} | ${'Mon'} | ${'2027 Spring'}
    ${'2027-08-30'} | ${'Mon'} | ${'2027 Summer'}
    ${'2027-12-27'} | ${'Mon'} | ${'2027 Christmas substitute (25th is a Saturday)'}
    ${'2027-12-28'} | ${'Tue'} | ${'2027 Boxing Day substitute (26th is a Sunday)'}
    ${'2028-01-03'} | ${'Mon'} | ${'2028 New Year substitute (1st is a Saturday), provisional'}
    ${'2028-04-14'} | ${'Fri'} | ${'2028 Good Friday, provisional'}
    ${'2028-04-17'} | ${'Mon'} | ${'2028 Easter Monday, provisional'}
    ${'2028-05-01'} | ${'Mon'} | ${'2028 Early May, provisional'}
    ${'2028-05-29'} | ${'Mon'} | ${'2028 Spring, provisional'}
    ${'2028-08-28'} | ${'Mon'} | ${'2028 Summer, provisional'}
    ${'2028-12-25'} | ${'Mon'} | ${'2028 Christmas, provisional'}
    ${'2028-12-26'} | ${'Tue'} | ${'2028 Boxing Day, provisional'}
  `('$why: $date is a listed $weekday', ({ date, weekday }) => {
    expect(calendar.holiday(date)).toBeDefined();
    expect(isoWeekday(date)).toBe(WEEKDAY[weekday]);
    expect(calendar.isWorkingDay(date)).toBe(false);
  });
});

describe('isWorkingDay and nonWorkingReason (TIME-WD-DEF)', () => {
  it.each`
    date            | reason                      | why
    ${'2026-12-24'} | ${undefined}                | ${'Christmas Eve is a working day'}
    ${'2026-12-29'} | ${undefined}                | ${'the day after the Boxing Day substitute'}
    ${'2027-12-25'} | ${'Saturday'}               | ${'Christmas Day 2027 on a Saturday reads as the weekend'}
    ${'2027-12-26'} | ${'Sunday'}                 | ${'Boxing Day 2027 on a Sunday'}
    ${'2027-12-27'} | ${'Christmas Day'}          | ${'substitute day keeps the gov.uk title'}
    ${'2027-12-28'} | ${'Boxing Day'}             | ${'second substitute day'}
    ${'2027-12-29'} | ${undefined}                | ${'first working day after the double substitutes'}
    ${'2028-01-03'} | ${'New Year’s Day'}         | ${'provisional New Year substitute'}
    ${'2027-03-26'} | ${'Good Friday'}            | ${'Good Friday'}
    ${'2026-08-31'} | ${'Summer bank holiday'}    | ${'summer bank holiday'}
    ${'2026-08-30'} | ${'Sunday'}                 | ${'an ordinary Sunday'}
  `('$why ($date)', ({ date, reason }) => {
    expect(calendar.nonWorkingReason(date)).toBe(reason);
    expect(calendar.isWorkingDay(date)).toBe(reason === undefined);
  });

  it('treats Christmas Day and Good Friday as non-working by name even when the data omits them', () => {
    const sparse = HolidayCalendar.fromGovUkJson({
      'england-and-wales': { division: 'england-and-wales', events: [{ title: 'New Year’s Day', date: '2026-01-01', notes: '', bunting: true }] },
    });
    expect(sparse.nonWorkingReason('2026-12-25')).toBe('Christmas Day');
    expect(sparse.nonWorkingReason('2026-04-03')).toBe('Good Friday');
    // Easter Monday is a bank holiday only by proclamation/BFDA, so it is not inferred.
    expect(sparse.isWorkingDay('2026-04-06')).toBe(true);
  });

  it('honours a one-off proclaimed holiday given as a dated entry (2023 coronation)', () => {
    const withCoronation = HolidayCalendar.fromGovUkJson({
      'england-and-wales': {
        division: 'england-and-wales',
        events: [
          { title: 'Early May bank holiday', date: '2023-05-01', notes: '', bunting: true },
          { title: 'Bank holiday for the coronation of King Charles III', date: '2023-05-08', notes: '', bunting: true },
        ],
      },
    });
    expect(withCoronation.nonWorkingReason('2023-05-08')).toBe('Bank holiday for the coronation of King Charles III');
    expect(addWorkingDays(withCoronation, '2023-05-05', 1).date).toBe('2023-05-09');
  });

  it.each`
    date            | why
    ${'2029-01-01'} | ${'the day after the horizon'}
    ${'2017-12-31'} | ${'the day before the horizon'}
  `('refuses to answer for $why', ({ date }) => {
    expect(() => calendar.isWorkingDay(date)).toThrow(CalendarHorizonError);
    try {
      calendar.nonWorkingReason(date);
    } catch (e) {
      expect(e).toMatchObject({ date, horizonStart: '2018-01-01', horizonEnd: '2028-12-31' });
    }
    expect(calendar.covers(date)).toBe(false);
    expect(calendar.holiday(date)).toBeUndefined();
  });
});

describe('toGovUkJson', () => {
  it('round-trips through fromGovUkJson and reproduces the shipped file', () => {
    const again = HolidayCalendar.fromGovUkJson(calendar.toGovUkJson());
    expect(again.entries).toEqual(calendar.entries);
    expect(again.horizonStart).toBe(calendar.horizonStart);
    expect(again.horizonEnd).toBe(calendar.horizonEnd);
    expect(calendar.toGovUkJson()).toEqual(shipped);
  });
});
