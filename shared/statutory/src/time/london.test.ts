import { StatutoryInputError } from '../errors';
import fc from 'fast-check';
import { addHours, displayLondonInstant, endOfLondonDay, instantToEpochMs, isInstant, londonDate, londonParts, londonPartsByIntl, toLondonInstant } from './london';

describe('londonDate', () => {
  it.each`
    instant                                  | expected        | why
    ${'2026-06-30T23:30:00Z'}                | ${'2026-07-01'} | ${'23:30 UTC in summer is 00:30 BST the next day'}
    ${'2026-12-31T23:30:00Z'}                | ${'2026-12-31'} | ${'in winter London is on UTC'}
    ${'2026-12-21T23:30:00-05:00'}           | ${'2026-12-22'} | ${'an offset west of London moves into the next London day'}
    ${'2026-03-29T00:59:59Z'}                | ${'2026-03-29'} | ${'the last GMT second before the spring change'}
    ${'2026-10-24T23:30:00Z'}                | ${'2026-10-25'} | ${'still BST until 01:00 UTC on the autumn change day'}
    ${new Date(Date.UTC(2027, 0, 7, 12))}    | ${'2027-01-07'} | ${'a Date object'}
  `('$why', ({ instant, expected }) => {
    expect(londonDate(instant)).toBe(expected);
  });
});

describe('endOfLondonDay', () => {
  it.each`
    date            | expected                           | why
    ${'2027-01-07'} | ${'2027-01-07T23:59:59.999+00:00'} | ${'winter: GMT'}
    ${'2026-07-01'} | ${'2026-07-01T23:59:59.999+01:00'} | ${'summer: BST'}
    ${'2026-03-28'} | ${'2026-03-28T23:59:59.999+00:00'} | ${'the day before the spring change'}
    ${'2026-03-29'} | ${'2026-03-29T23:59:59.999+01:00'} | ${'the spring change day ends in BST'}
    ${'2026-10-24'} | ${'2026-10-24T23:59:59.999+01:00'} | ${'the day before the autumn change'}
    ${'2026-10-25'} | ${'2026-10-25T23:59:59.999+00:00'} | ${'the autumn change day ends in GMT'}
  `('$why', ({ date, expected }) => {
    expect(endOfLondonDay(date)).toBe(expected);
  });
});

describe('toLondonInstant', () => {
  it.each`
    instant                           | expected                           | why
    ${'2026-07-01T12:00:00Z'}         | ${'2026-07-01T13:00:00+01:00'}     | ${'UTC noon in summer is 13:00 BST'}
    ${'2026-12-21T15:00+00:00'}       | ${'2026-12-21T15:00:00+00:00'}     | ${'seconds are always shown'}
    ${'2026-12-21T15:00:00.5Z'}       | ${'2026-12-21T15:00:00.500+00:00'} | ${'milliseconds shown when not zero'}
    ${'2026-12-21T10:00:00-05:00'}    | ${'2026-12-21T15:00:00+00:00'}     | ${'another offset is re-rendered in London time'}
    ${new Date(0)}                    | ${'1970-01-01T01:00:00+01:00'}     | ${'British Standard Time (1968–71) comes from the time zone data'}
  `('$why', ({ instant, expected }) => {
    expect(toLondonInstant(instant)).toBe(expected);
  });
});

describe('addHours (TIME-HOURS: real elapsed hours)', () => {
  it.each`
    start                            | hours  | expected                         | why
    ${'2026-12-21T15:00+00:00'}      | ${72}  | ${'2026-12-24T15:00:00+00:00'}   | ${'PPM-72H over Christmas (Example 2)'}
    ${'2026-12-26T22:00:00+00:00'}   | ${24}  | ${'2026-12-27T22:00:00+00:00'}   | ${'R40-LOCAL-24H on a Saturday night (Example 10b)'}
    ${'2026-03-28T12:00:00+00:00'}   | ${24}  | ${'2026-03-29T13:00:00+01:00'}   | ${'24 h across the spring change reads 13:00 BST'}
    ${'2026-03-27T15:00:00+00:00'}   | ${72}  | ${'2026-03-30T16:00:00+01:00'}   | ${'72 h across the spring change'}
    ${'2026-10-24T12:00:00+01:00'}   | ${24}  | ${'2026-10-25T11:00:00+00:00'}   | ${'24 h across the autumn change reads 11:00 GMT'}
    ${'2026-10-23T15:00:00+01:00'}   | ${72}  | ${'2026-10-26T14:00:00+00:00'}   | ${'72 h across the autumn change'}
    ${'2026-03-29T00:30:00+00:00'}   | ${1}   | ${'2026-03-29T02:30:00+01:00'}   | ${'the missing hour 01:00–02:00 is skipped'}
    ${'2026-03-29T13:00:00+01:00'}   | ${-24} | ${'2026-03-28T12:00:00+00:00'}   | ${'negative hours go back across the change'}
    ${'2026-12-21T15:00:00+00:00'}   | ${0}   | ${'2026-12-21T15:00:00+00:00'}   | ${'zero hours'}
  `('$why', ({ start, hours, expected }) => {
    expect(addHours(start, hours)).toBe(expected);
  });
});

describe('instant parsing', () => {
  it.each`
    value                          | why
    ${'2026-12-21T15:00'}          | ${'no offset: would be read in the host time zone'}
    ${'2026-12-21'}                | ${'a date only'}
    ${'2026-02-30T10:00:00Z'}      | ${'no 30 February'}
    ${'2026-12-21T24:00:00Z'}      | ${'hour 24'}
    ${'2026-12-21T15:00:00+0000'}  | ${'offset without a colon'}
    ${new Date(Number.NaN)}        | ${'an invalid Date'}
  `('refuses $why', ({ value }) => {
    expect(() => instantToEpochMs(value)).toThrow(StatutoryInputError);
  });

  it('accepts Z, fractional seconds and minute-only times', () => {
    expect(instantToEpochMs('1970-01-01T01:00:00+01:00')).toBe(0);
    expect(instantToEpochMs('1970-01-01T00:00:00.123456Z')).toBe(123);
    expect(isInstant('2026-12-21T15:00+00:00')).toBe(true);
    expect(isInstant('2026-12-21')).toBe(false);
  });

  it('refuses a non-finite number of hours', () => {
    expect(() => addHours('2026-12-21T15:00:00Z', Number.NaN)).toThrow(StatutoryInputError);
  });

  it('displays an instant in London time with its zone', () => {
    expect(displayLondonInstant('2026-07-01T12:00:00Z')).toBe('Wed 1 Jul 2026 13:00 BST');
    expect(displayLondonInstant('2026-12-24T15:00:00+00:00')).toBe('Thu 24 Dec 2026 15:00 GMT');
    // British Double Summer Time (1941) shows the numeric offset.
    expect(displayLondonInstant('1941-06-01T12:00:00Z')).toBe('Sun 1 Jun 1941 14:00 +02:00');
  });

  it('refuses a value that is neither a string nor a Date', () => {
    expect(() => instantToEpochMs(12345 as unknown as string)).toThrow(StatutoryInputError);
  });

  it('gives the same end-of-day instant on repeated calls (memoised)', () => {
    expect(endOfLondonDay('2026-03-29')).toBe(endOfLondonDay('2026-03-29'));
  });
});

describe('londonParts: the offset asked of Intl once per UTC hour gives what Intl gives for every instant', () => {
  const same = (ms: number) => {
    const [a, b] = [londonParts(ms), londonPartsByIntl(ms)];
    if (a.date !== b.date || a.time !== b.time || a.offsetMinutes !== b.offsetMinutes) expect([ms, a]).toEqual([ms, b]);
  };

  it('agrees with Intl at random instants from 1800 to 2200, milliseconds included', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        same(ms);
      }),
      { numRuns: 5_000 },
    );
  });

  it.each([
    ['GMT to BST, 2026', '2026-03-29'],
    ['BST to GMT, 2026', '2026-10-25'],
    ['British Standard Time begins, 1968', '1968-02-18'],
    ['British Standard Time ends, 1971', '1971-10-31'],
    ['double summer time begins, 1941', '1941-05-04'],
    ['double summer time ends, 1941', '1941-08-10'],
    ['the first summer time, 1916', '1916-05-21'],
    ['local mean time ends, 1847', '1847-12-01'],
  ])('agrees with Intl every few seconds of the day an offset changed, and every second of its small hours (%s)', (_label, day) => {
    const start = Date.parse(`${day}T00:00:00Z`);
    for (let ms = start - 3_600_000; ms < start + 25 * 3_600_000; ms += 29_989) same(ms);
    for (let ms = start; ms < start + 4 * 3_600_000; ms += 1_000) same(ms);
  });
});
