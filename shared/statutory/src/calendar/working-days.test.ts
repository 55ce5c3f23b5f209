import { CalendarHorizonError, StatutoryInputError } from '../errors';
import { HolidayCalendar } from './holiday-calendar';
import { addWorkingDays, previousWorkingDayOnOrBefore } from './working-days';

const calendar = HolidayCalendar.default();

describe('addWorkingDays (TIME-WD-DAY1: trigger day excluded)', () => {
  it.each`
    start           | days   | expected        | why
    ${'2026-12-21'} | ${10}  | ${'2027-01-07'} | ${'Example 1: Christmas 2026 with the Boxing Day substitute'}
    ${'2026-12-21'} | ${5}   | ${'2026-12-30'} | ${'Example 2: five working days over Christmas'}
    ${'2026-12-21'} | ${20}  | ${'2027-01-21'} | ${'Example 3: twenty working days over Christmas and New Year'}
    ${'2027-03-24'} | ${5}   | ${'2027-04-02'} | ${'Example 5: Good Friday and Easter Monday 2027'}
    ${'2027-12-23'} | ${5}   | ${'2028-01-04'} | ${'Example 7: double substitutes and the New Year substitute'}
    ${'2026-01-09'} | ${1}   | ${'2026-01-12'} | ${'Friday to Monday'}
    ${'2026-01-10'} | ${1}   | ${'2026-01-12'} | ${'start on a Saturday: day 1 is Monday'}
    ${'2026-01-11'} | ${1}   | ${'2026-01-12'} | ${'start on a Sunday: day 1 is Monday'}
    ${'2026-12-25'} | ${1}   | ${'2026-12-29'} | ${'start on Christmas Day: skips the weekend and the substitute'}
    ${'2026-12-26'} | ${1}   | ${'2026-12-29'} | ${'start on the Saturday before a substitute Monday'}
    ${'2026-04-02'} | ${1}   | ${'2026-04-07'} | ${'Easter 2026: Good Friday to Easter Monday skipped'}
    ${'2025-12-31'} | ${1}   | ${'2026-01-02'} | ${'year end: New Year’s Day skipped'}
    ${'2027-12-24'} | ${1}   | ${'2027-12-29'} | ${'Christmas 2027: Sat, Sun and two substitute days skipped'}
    ${'2027-12-31'} | ${1}   | ${'2028-01-04'} | ${'New Year 2028 substitute (provisional) skipped'}
    ${'2028-05-26'} | ${1}   | ${'2028-05-30'} | ${'provisional Spring bank holiday 2028 skipped'}
    ${'2024-12-31'} | ${253} | ${'2025-12-31'} | ${'every working day of 2025: 261 weekdays less 8 bank holidays'}
    ${'2026-12-25'} | ${0}   | ${'2026-12-25'} | ${'zero returns the trigger day itself, even a non-working one'}
    ${'2027-01-21'} | ${-20} | ${'2026-12-21'} | ${'Example 6: twenty working days back over Christmas'}
    ${'2026-01-12'} | ${-1}  | ${'2026-01-09'} | ${'negative: Monday back to Friday'}
    ${'2026-01-02'} | ${-1}  | ${'2025-12-31'} | ${'negative across New Year’s Day'}
    ${'2026-12-28'} | ${-1}  | ${'2026-12-24'} | ${'negative from a substitute day skips Christmas and the weekend'}
  `('$why', ({ start, days, expected }) => {
    expect(addWorkingDays(calendar, start, days).date).toBe(expected);
  });

  it('lists every skipped non-working day with its reason, in date order (Example 1)', () => {
    expect(addWorkingDays(calendar, '2026-12-21', 10).skipped).toEqual([
      { date: '2026-12-25', reason: 'Christmas Day' },
      { date: '2026-12-26', reason: 'Saturday' },
      { date: '2026-12-27', reason: 'Sunday' },
      { date: '2026-12-28', reason: 'Boxing Day' },
      { date: '2027-01-01', reason: 'New Year’s Day' },
      { date: '2027-01-02', reason: 'Saturday' },
      { date: '2027-01-03', reason: 'Sunday' },
    ]);
  });

  it('lists skipped days in date order when counting backwards, excluding the trigger day', () => {
    expect(addWorkingDays(calendar, '2026-12-29', -1)).toEqual({
      date: '2026-12-24',
      skipped: [
        { date: '2026-12-25', reason: 'Christmas Day' },
        { date: '2026-12-26', reason: 'Saturday' },
        { date: '2026-12-27', reason: 'Sunday' },
        { date: '2026-12-28', reason: 'Boxing Day' },
      ],
    });
  });

  it('does not list a non-working trigger day as skipped', () => {
    expect(addWorkingDays(calendar, '2026-12-26', 1).skipped.map((s) => s.date)).toEqual(['2026-12-27', '2026-12-28']);
  });

  it.each`
    start           | days   | outside         | why
    ${'2028-12-20'} | ${20}  | ${'2029-01-01'} | ${'twenty working days from 20 Dec 2028 run past the horizon'}
    ${'2028-12-29'} | ${1}   | ${'2029-01-01'} | ${'the next working day after the last Friday of 2028 is unknown'}
    ${'2018-01-02'} | ${-2}  | ${'2017-12-31'} | ${'counting back before the horizon'}
  `('throws CalendarHorizonError: $why', ({ start, days, outside }) => {
    expect(() => addWorkingDays(calendar, start, days)).toThrow(CalendarHorizonError);
    expect(() => addWorkingDays(calendar, start, days)).toThrow(expect.objectContaining({ date: outside, horizonEnd: '2028-12-31', horizonStart: '2018-01-01' }));
  });

  it('refuses a fractional count and a malformed date', () => {
    expect(() => addWorkingDays(calendar, '2026-12-21', 1.5)).toThrow(StatutoryInputError);
    expect(() => addWorkingDays(calendar, '21/12/2026', 1)).toThrow(StatutoryInputError);
  });
});

describe('previousWorkingDayOnOrBefore (no roll-forward: the practical date)', () => {
  it.each`
    start           | expected        | why
    ${'2027-02-28'} | ${'2027-02-26'} | ${'Example 8a: Sunday 28 Feb 2027 → Friday 26 Feb'}
    ${'2028-09-30'} | ${'2028-09-29'} | ${'Example 8b: Saturday 30 Sep 2028 → Friday 29 Sep'}
    ${'2027-07-04'} | ${'2027-07-02'} | ${'Example 9b: Sunday 4 Jul 2027 → Friday 2 Jul'}
    ${'2026-12-28'} | ${'2026-12-24'} | ${'Example 2: the Boxing Day substitute → Thursday 24 Dec'}
    ${'2027-12-28'} | ${'2027-12-24'} | ${'Christmas 2027: four non-working days back to Friday 24 Dec'}
    ${'2027-01-07'} | ${'2027-01-07'} | ${'a working day is its own practical date'}
  `('$why', ({ start, expected }) => {
    expect(previousWorkingDayOnOrBefore(calendar, start)).toBe(expected);
  });

  it('throws when the search leaves the calendar', () => {
    expect(() => previousWorkingDayOnOrBefore(calendar, '2018-01-01')).toThrow(CalendarHorizonError);
  });
});
