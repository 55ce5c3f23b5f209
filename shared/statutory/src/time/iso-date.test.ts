import { StatutoryInputError } from '../errors';
import { addDays, addMonths, compareIsoDates, daysBetween, isIsoDate, isoWeekday, laterOf } from './iso-date';

describe('addDays (TIME-WEEKS: calendar days, never extended by bank holidays)', () => {
  it.each`
    start           | days   | expected        | why
    ${'2026-12-21'} | ${7}   | ${'2026-12-28'} | ${'one week after Mon 21 Dec 2026 is the Boxing Day substitute (Example 2)'}
    ${'2026-12-22'} | ${42}  | ${'2027-02-02'} | ${'six weeks across the year end (Example 11)'}
    ${'2026-12-28'} | ${42}  | ${'2027-02-08'} | ${'six weeks from the last permitted first visit (Example 11)'}
    ${'2026-12-23'} | ${7}   | ${'2026-12-30'} | ${'seven days of a s34(6) refusal (Example 10a)'}
    ${'2028-02-28'} | ${1}   | ${'2028-02-29'} | ${'leap day exists in 2028'}
    ${'2027-02-28'} | ${1}   | ${'2027-03-01'} | ${'no leap day in 2027'}
    ${'2027-01-01'} | ${-1}  | ${'2026-12-31'} | ${'negative count crosses the year end backwards'}
    ${'2026-05-05'} | ${0}   | ${'2026-05-05'} | ${'zero days is the same date'}
    ${'2000-02-28'} | ${1}   | ${'2000-02-29'} | ${'2000 is a leap year (divisible by 400)'}
    ${'1900-02-28'} | ${1}   | ${'1900-03-01'} | ${'1900 is not a leap year (divisible by 100)'}
  `('$why', ({ start, days, expected }) => {
    expect(addDays(start, days)).toBe(expected);
  });

  it('refuses a fractional count and a malformed date', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(StatutoryInputError);
    expect(() => addDays('2026-13-01', 1)).toThrow(StatutoryInputError);
  });
});

describe('addMonths (TIME-MONTHS: corresponding date, else month end, no roll-forward)', () => {
  it.each`
    start           | months | expected        | why
    ${'2027-01-21'} | ${3}   | ${'2027-04-21'} | ${'corresponding date exists (Example 3, second review)'}
    ${'2027-04-21'} | ${6}   | ${'2027-10-21'} | ${'six months, corresponding date (Example 3, third review)'}
    ${'2026-11-30'} | ${3}   | ${'2027-02-28'} | ${'no 30 Feb: last day of February (Example 8a); a Sunday, not rolled forward'}
    ${'2028-03-31'} | ${6}   | ${'2028-09-30'} | ${'no 31 Sep: last day of September (Example 8b)'}
    ${'2027-08-31'} | ${6}   | ${'2028-02-29'} | ${'no 31 Feb; 2028 is a leap year (Example 8c)'}
    ${'2027-01-31'} | ${1}   | ${'2027-02-28'} | ${'31 Jan plus one month in a common year'}
    ${'2028-01-31'} | ${1}   | ${'2028-02-29'} | ${'31 Jan plus one month in a leap year'}
    ${'2028-02-29'} | ${12}  | ${'2029-02-28'} | ${'29 Feb plus 12 months has no corresponding date: 28 Feb'}
    ${'2028-02-29'} | ${-12} | ${'2027-02-28'} | ${'29 Feb minus 12 months: 28 Feb'}
    ${'2027-03-31'} | ${-1}  | ${'2027-02-28'} | ${'negative months clamp to the month end too'}
    ${'2027-11-15'} | ${3}   | ${'2028-02-15'} | ${'crosses the year end'}
    ${'2026-12-31'} | ${2}   | ${'2027-02-28'} | ${'31 Dec plus two months'}
    ${'2027-05-31'} | ${1}   | ${'2027-06-30'} | ${'31 May plus one month: 30 Jun'}
    ${'2027-02-10'} | ${3}   | ${'2027-05-10'} | ${'16th birthday plus three months (Example 9a)'}
    ${'2027-04-04'} | ${0}   | ${'2027-04-04'} | ${'zero months is the same date'}
  `('$why', ({ start, months, expected }) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it('refuses a fractional count, a malformed date and a result outside 0001–9999', () => {
    expect(() => addMonths('2026-01-31', 0.5)).toThrow(StatutoryInputError);
    expect(() => addMonths('2026-02-29', 1)).toThrow(StatutoryInputError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(StatutoryInputError);
  });
});

describe('isoWeekday', () => {
  it.each`
    date            | expected | why
    ${'1970-01-01'} | ${4}     | ${'the epoch was a Thursday'}
    ${'2000-01-01'} | ${6}     | ${'1 Jan 2000 was a Saturday'}
    ${'2026-12-28'} | ${1}     | ${'Boxing Day substitute 2026 is a Monday'}
    ${'2027-12-25'} | ${6}     | ${'Christmas Day 2027 is a Saturday'}
    ${'2027-12-26'} | ${7}     | ${'Boxing Day 2027 is a Sunday'}
    ${'2028-02-29'} | ${2}     | ${'29 Feb 2028 is a Tuesday (Example 8c)'}
    ${'2027-07-04'} | ${7}     | ${'4 Jul 2027 is a Sunday (Example 9b)'}
  `('$why', ({ date, expected }) => {
    expect(isoWeekday(date)).toBe(expected);
  });
});

describe('isIsoDate', () => {
  it.each`
    value                     | expected | why
    ${'2028-02-29'}           | ${true}  | ${'a leap day'}
    ${'2027-02-29'}           | ${false} | ${'no leap day in 2027'}
    ${'2026-04-31'}           | ${false} | ${'April has 30 days'}
    ${'2026-00-10'}           | ${false} | ${'month zero'}
    ${'0000-01-01'}           | ${false} | ${'year zero is outside 0001–9999'}
    ${'2026-1-5'}             | ${false} | ${'not zero-padded'}
    ${'2026-12-21T15:00:00Z'} | ${false} | ${'an instant is not a date'}
    ${20261221}               | ${false} | ${'not a string'}
  `('$why', ({ value, expected }) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('date comparisons', () => {
  it('orders, picks the later date and counts days between', () => {
    expect(compareIsoDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareIsoDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(laterOf('2026-11-02', '2027-02-10')).toBe('2027-02-10');
    expect(laterOf('2027-02-10', '2026-11-02')).toBe('2027-02-10');
    expect(daysBetween('2026-11-02', '2027-02-10')).toBe(100);
  });
});
