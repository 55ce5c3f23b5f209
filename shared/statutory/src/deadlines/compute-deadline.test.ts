import { HolidayCalendar } from '../calendar/holiday-calendar';
import { CalendarHorizonError, StatutoryInputError } from '../errors';
import type { ImplementedRuleId } from '../rules/registry';
import { computeDeadline, computeDeadlineOrBeyond, isBeyondCalendar, sortDeadlines } from './compute-deadline';
import type { BeyondCalendar } from './deadline';
import { RULES } from '../rules/registry';

const calendar = HolidayCalendar.default();
const due = (id: ImplementedRuleId, anchor: string, phase?: string) => computeDeadline(id, anchor, phase ? { calendar, phase } : { calendar })!;

describe('computeDeadline: anchors', () => {
  it.each`
    id               | start                           | expected        | why
    ${'CP-DUE-10WD'} | ${'2026-12-21T15:00:00+00:00'}  | ${'2027-01-07'} | ${'an instant anchor for a day rule is taken as its London date'}
    ${'CP-DUE-10WD'} | ${'2026-12-21T23:30:00-01:00'}  | ${'2027-01-08'} | ${'00:30 London on 22 Dec starts the count a day later'}
    ${'PP-DUE-5WD'}  | ${'2027-06-30T23:30:00Z'}       | ${'2027-07-08'} | ${'23:30 UTC in summer is already 1 Jul in London'}
    ${'VIS-1WK'}     | ${'2026-12-21T09:00:00+00:00'}  | ${'2026-12-28'} | ${'week rules convert instants too'}
  `('$why', ({ id, start, expected }) => {
    expect(due(id, start).dueDate).toBe(expected);
  });

  it.each`
    id               | start                           | expected                           | why
    ${'CP-DUE-10WD'} | ${'2026-12-21T15:00:00+00:00'}  | ${'2026-12-21T15:00:00+00:00'}     | ${'a winter instant already in London time is kept'}
    ${'CP-DUE-10WD'} | ${'2026-12-21T15:00:00Z'}       | ${'2026-12-21T15:00:00+00:00'}     | ${'a UTC instant in winter is shown with the GMT offset'}
    ${'PPM-72H'}     | ${'2027-06-30T23:30:00Z'}       | ${'2027-07-01T00:30:00+01:00'}     | ${'a UTC instant in summer is shown in BST, on its London date'}
    ${'R40-SERIOUS'} | ${'2027-03-28T00:30:00.000Z'}   | ${'2027-03-28T00:30:00+00:00'}     | ${'the night the clocks go forward, before 01:00 UTC, is still GMT'}
    ${'R40-SERIOUS'} | ${'2027-03-28T01:30:00.000Z'}   | ${'2027-03-28T02:30:00+01:00'}     | ${'after 01:00 UTC it is BST'}
    ${'CP-DUE-10WD'} | ${'2026-12-21'}                 | ${'2026-12-21'}                    | ${'a date anchor is kept as given'}
  `('shows the anchor in London time in the basis: $why', ({ id, start, expected }) => {
    const d = due(id, start);
    expect(d.basis.anchor).toBe(expected);
  });

  it('explains an hour deadline from a UTC anchor with the same London time the basis shows', () => {
    const d = due('PPM-72H', '2027-06-30T23:30:00Z');
    expect(d.basis.explanation).toContain('Thu 1 Jul 2027 00:30 BST');
    expect(d.dueAt).toBe('2027-07-04T00:30:00+01:00');
  });

  it.each`
    id               | start           | error                  | why
    ${'PPM-72H'}     | ${'2026-12-21'} | ${StatutoryInputError} | ${'an hour rule needs a time'}
    ${'CP-DUE-10WD'} | ${'21/12/2026'} | ${StatutoryInputError} | ${'a malformed anchor'}
    ${'NOT-A-RULE'}  | ${'2026-12-21'} | ${StatutoryInputError} | ${'an unknown rule id'}
    ${'CP-KEY-OBJ'}  | ${'2026-12-21'} | ${StatutoryInputError} | ${'a catalogue id with no clock'}
  `('refuses $why', ({ id, start, error }) => {
    expect(() => computeDeadline(id, start, { calendar })).toThrow(error);
  });
});

describe('computeDeadline: the basis', () => {
  it('records everything needed to explain a working-day deadline (Example 1)', () => {
    const d = due('CP-DUE-10WD', '2026-12-21');
    expect(d).toMatchObject({
      ruleId: 'CP-DUE-10WD',
      title: 'Care plan within 10 working days of the first placement',
      class: 'NAT-REG',
      dueDate: '2027-01-07',
      dueAt: '2027-01-07T23:59:59.999+00:00',
    });
    expect(d.basis).toMatchObject({
      anchor: '2026-12-21',
      anchorFact: 'firstPlacementStart',
      unit: 'WORKING_DAY',
      count: 10,
      direction: 'after',
      citation: 'CPPCR 2010 reg 4(2)',
      sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/4',
      class: 'NAT-REG',
      overridden: false,
      provisional: false,
      inclusiveAlternative: '2027-01-06',
    });
    expect(d.basis.skipped.map((s) => s.date)).toEqual(['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(d.basis.practicalDate).toBeUndefined();
    expect(d.basis.explanation).toBe(
      '10 working days after Mon 21 Dec 2026 (trigger day excluded), skipping Fri 25 Dec 2026 (Christmas Day), Sat 26 Dec 2026 (Saturday), ' +
        'Sun 27 Dec 2026 (Sunday), Mon 28 Dec 2026 (Boxing Day), Fri 1 Jan 2027 (New Year’s Day), Sat 2 Jan 2027 (Saturday), ' +
        'Sun 3 Jan 2027 (Sunday): due Thu 7 Jan 2027 (counting the trigger day as day 1 would give Wed 6 Jan 2027); CPPCR 2010 reg 4(2) (NAT-REG)',
    );
  });

  it('has no earlier inclusive alternative when the anchor is not a working day', () => {
    const d = due('PP-DUE-5WD', '2026-12-26');
    expect(d.dueDate).toBe('2027-01-05');
    expect(d.basis.inclusiveAlternative).toBe('2027-01-05');
  });

  it('gives the inclusive alternative one working day later for a "before" rule (review day counted as day 1)', () => {
    expect(due('REV-CONSULT-20WD', '2027-01-21').basis.inclusiveAlternative).toBe('2026-12-22');
  });

  it('gives a practical date for a month rule ending on a weekend, and explains it (Example 8a)', () => {
    const d = due('REV-2ND-3M', '2026-11-30');
    expect([d.dueDate, d.basis.practicalDate, d.basis.skipped]).toEqual(['2027-02-28', '2027-02-26', []]);
    expect(d.basis.explanation).toBe(
      '3 calendar months after Mon 30 Nov 2026 (no corresponding date, so the last day of that month): due Sun 28 Feb 2027, ' +
        'not a working day (Sunday) and not extended, so in practice by Fri 26 Feb 2027; CPPCR 2010 reg 33(2) (NAT-REG)',
    );
  });

  it('omits the practical date, without failing, when the due date is past the calendar', () => {
    const d = due('REV-NEXT-6M', '2028-09-30');
    expect(d.dueDate).toBe('2029-03-30');
    expect(d.basis.practicalDate).toBeUndefined();
    expect(d.basis.explanation).toContain('the calendar does not cover it');
  });

  it('throws for a working-day rule that runs past the calendar', () => {
    expect(() => due('REV-1ST-20WD', '2028-12-20')).toThrow(CalendarHorizonError);
  });

  it.each`
    id                   | start                          | uncovered       | why
    ${'REV-1ST-20WD'}    | ${'2028-12-20'}                | ${'2029-01-01'} | ${'a first review due in January 2029'}
    ${'PP-DUE-5WD'}      | ${'2028-12-27T10:00:00Z'}      | ${'2029-01-01'} | ${'an instant anchor near the end of the calendar'}
    ${'REV-CONSULT-20WD'}| ${'2018-01-10'}                | ${'2017-12-31'} | ${'a count backwards past the start of the calendar'}
  `('keeps what is known when the count leaves the calendar: $why', ({ id, start, uncovered }) => {
    const r = computeDeadlineOrBeyond(id, start, { calendar });
    expect(isBeyondCalendar(r)).toBe(true);
    const b = r as BeyondCalendar;
    expect(b).toMatchObject({ ruleId: id, uncoveredDate: uncovered, calendarEndsOn: '2028-12-31' });
    expect(b.basis).toMatchObject({ unit: 'WORKING_DAY', count: RULES[id as ImplementedRuleId].count, skipped: [], citation: RULES[id as ImplementedRuleId].citation });
    expect(b.reason).toContain('cannot be counted yet');
    expect(b.reason).toContain(`${RULES[id as ImplementedRuleId].count} working days`);
    expect(b.basis.explanation).toBe(b.reason);
  });

  it.each`
    id               | start           | why
    ${'REV-1ST-20WD'}| ${'2028-11-01'} | ${'a count inside the calendar gives the ordinary deadline'}
    ${'REV-NEXT-6M'} | ${'2028-09-30'} | ${'a month rule past the calendar still has its date'}
  `('computes as usual when it can: $why', ({ id, start }) => {
    const r = computeDeadlineOrBeyond(id, start, { calendar });
    expect(isBeyondCalendar(r)).toBe(false);
    expect(r).toEqual(due(id, start));
  });

  it('uses the overridden count and says so, past the calendar', () => {
    const r = computeDeadlineOrBeyond('PCPP-5WD', '2028-12-20', { calendar, overrides: [{ ruleId: 'PCPP-5WD', count: 15 }] }) as BeyondCalendar;
    expect(r.basis).toMatchObject({ count: 15, overridden: true });
  });

  it('still answers null for a switched-off rule', () => {
    expect(computeDeadlineOrBeyond('PCPP-5WD', '2028-12-20', { calendar, overrides: [{ ruleId: 'PCPP-5WD', enabled: false }] })).toBeNull();
  });

  it.each`
    id                | start           | provisional | why
    ${'PP-DUE-5WD'}   | ${'2027-12-23'} | ${true}     | ${'a count that reaches 2028 uses provisional data (Example 7)'}
    ${'PP-DUE-5WD'}   | ${'2028-02-01'} | ${true}     | ${'a count inside 2028 relies on 2028 having no other holidays'}
    ${'PP-DUE-5WD'}   | ${'2026-12-21'} | ${false}    | ${'published years only'}
    ${'REV-NEXT-6M'}  | ${'2028-03-31'} | ${true}     | ${'the practical date comes from provisional data (Example 8b)'}
    ${'PWP-REV-6M'}   | ${'2027-08-31'} | ${false}    | ${'a month rule on a working day consults no calendar'}
  `('flags provisional data: $why', ({ id, start, provisional }) => {
    expect(due(id, start).basis.provisional).toBe(provisional);
  });
});

describe('computeDeadline: hour and immediate rules', () => {
  it('renders an hour deadline in London time with its own date', () => {
    const d = due('PPM-72H', '2026-12-21T15:00+00:00');
    expect([d.dueDate, d.dueAt, d.basis.skipped, d.basis.practicalDate]).toEqual(['2026-12-24', '2026-12-24T15:00:00+00:00', [], undefined]);
    expect(d.basis.explanation).toBe(
      '72 clock hours after Mon 21 Dec 2026 15:00 GMT (weekends and bank holidays do not extend it): due Thu 24 Dec 2026 15:00 GMT; seed 001 (provider policy) (LOCAL)',
    );
  });

  it('is due at the event for an immediate rule with an instant', () => {
    const d = due('R40-SERIOUS', '2026-12-26T22:00:00+00:00');
    expect([d.dueDate, d.dueAt]).toEqual(['2026-12-26', '2026-12-26T22:00:00+00:00']);
  });

  it('is due by the end of the day for an immediate rule given only a date', () => {
    const d = due('CON-REG8', '2026-12-23');
    expect([d.dueDate, d.dueAt]).toEqual(['2026-12-23', '2026-12-23T23:59:59.999+00:00']);
    expect(d.basis.explanation).toBe('without delay (immediately) after Wed 23 Dec 2026: due the end of Wed 23 Dec 2026; CPPCR 2010 reg 8(1)–(3) (NAT-REG)');
  });

  it('refuses an SLA in hours without the time of the event', () => {
    expect(() => computeDeadline('IRO-N2-SAFEGUARDING', '2026-12-23', { calendar, overrides: [{ ruleId: 'IRO-N2-SAFEGUARDING', count: 24 }] })).toThrow(
      StatutoryInputError,
    );
  });
});

describe('computeDeadline: phases', () => {
  it.each`
    id                    | start           | phase                   | expected        | why
    ${'APP-PANEL-PAPERS'} | ${'2027-01-21'} | ${undefined}            | ${'2027-01-14'} | ${'main clock: papers submitted 5 working days before the panel'}
    ${'APP-PANEL-PAPERS'} | ${'2027-01-21'} | ${'distribute'}         | ${'2027-01-18'} | ${'papers distributed 3 working days before'}
    ${'APP-PLO-4M'}       | ${'2026-10-31'} | ${'progress-review'}    | ${'2027-01-31'} | ${'PLO progress reviewed at 3 months'}
    ${'HP-RHA'}           | ${'2027-01-31'} | ${'from-5'}             | ${'2028-01-31'} | ${'health review 12 months from age 5'}
    ${'VIS-SPECIAL-2'}    | ${'2026-12-22'} | ${'after-first-review'} | ${'2027-01-19'} | ${'four-weekly after the first review'}
  `('$why', ({ id, start, phase, expected }) => {
    const d = due(id, start, phase);
    expect(d.dueDate).toBe(expected);
    expect(d.phase).toBe(phase ?? d.phase);
  });

  it('applies a count override to the main clock only', () => {
    const overrides = [{ ruleId: 'APP-PANEL-PAPERS' as const, count: 7 }];
    expect(computeDeadline('APP-PANEL-PAPERS', '2027-01-21', { calendar, overrides })!.dueDate).toBe('2027-01-12');
    expect(computeDeadline('APP-PANEL-PAPERS', '2027-01-21', { calendar, overrides, phase: 'distribute' })!.basis).toMatchObject({ count: 3, overridden: false });
  });

  it('refuses an unknown phase, and a phase for a rule without phases', () => {
    expect(() => due('APP-PANEL-PAPERS', '2027-01-21', 'tomorrow')).toThrow(StatutoryInputError);
    expect(() => due('CP-DUE-10WD', '2027-01-21', 'first')).toThrow(StatutoryInputError);
  });
});

describe('sortDeadlines', () => {
  it('orders by due instant across offsets and leaves the input alone', () => {
    const a = due('PP-DUE-5WD', '2026-12-21');
    const b = due('PPM-72H', '2026-12-21T15:00:00+00:00');
    const input = [a, b];
    expect(sortDeadlines(input).map((d) => d.ruleId)).toEqual(['PPM-72H', 'PP-DUE-5WD']);
    expect(input.map((d) => d.ruleId)).toEqual(['PP-DUE-5WD', 'PPM-72H']);
  });
});
