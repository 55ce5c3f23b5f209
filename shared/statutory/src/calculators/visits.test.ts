import { StatutoryInputError } from '../errors';
import { type VisitInput, nextPersonalAdviserVisitDue, nextVisitDue } from './visits';

const START = '2026-12-21';

describe('nextVisitDue (CPPCR reg 28)', () => {
  it.each<VisitInput & { ruleId: string; expected: string; phase?: string; why: string }>([
    { placementStart: START, intendedUntil18: false, ruleId: 'VIS-1WK', expected: '2026-12-28', why: 'Example 2: first visit within a week, due on a bank holiday' },
    { placementStart: START, lastVisit: '2026-12-22', intendedUntil18: false, ruleId: 'VIS-6WK-Y1', expected: '2027-02-02', why: 'Example 11: six weeks from the first visit' },
    { placementStart: START, lastVisit: '2026-12-28', intendedUntil18: true, ruleId: 'VIS-6WK-Y1', expected: '2027-02-08', why: 'Example 11: six weeks from a first visit left to the limit' },
    { placementStart: START, lastVisit: '2027-12-01', intendedUntil18: true, ruleId: 'VIS-6WK-Y1', expected: '2028-01-12', why: 'an interval begun in year 1 stays six-weekly past the anniversary' },
    { placementStart: START, lastVisit: '2027-12-21', intendedUntil18: true, ruleId: 'VIS-6WK-Y1', expected: '2028-02-01', why: 'a visit on the first anniversary is still in the first year (conservative)' },
    { placementStart: START, lastVisit: '2027-12-22', intendedUntil18: true, ruleId: 'VIS-3M-LT', expected: '2028-03-22', why: 'after the first year, intended to last until 18: three months' },
    { placementStart: START, lastVisit: '2027-12-22', intendedUntil18: false, ruleId: 'VIS-6WK-OTHER', expected: '2028-02-02', why: 'after the first year, any other placement: six weeks' },
    { placementStart: START, lastVisit: '2028-11-30', intendedUntil18: true, ruleId: 'VIS-3M-LT', expected: '2029-02-28', why: 'three months from 30 Nov ends on the last day of February' },
    { placementStart: START, intendedUntil18: true, custody: true, ruleId: 'VIS-YOI', phase: 'first', expected: '2026-12-28', why: 'custody: within one week of the start' },
    { placementStart: START, lastVisit: '2027-01-10', intendedUntil18: false, custody: true, ruleId: 'VIS-YOI', phase: 'first-year', expected: '2027-02-21', why: 'custody: six weeks in the first year' },
    { placementStart: START, lastVisit: '2028-01-10', intendedUntil18: false, custody: true, ruleId: 'VIS-YOI', phase: 'after-first-year', expected: '2028-04-10', why: 'custody: three months after the first year' },
    { placementStart: START, intendedUntil18: false, regime: 'PARENT_BEFORE_ASSESSMENT', ruleId: 'VIS-SPECIAL', phase: 'until-first-review', expected: '2026-12-28', why: 'placed with a parent before assessment: weekly from the start' },
    { placementStart: START, lastVisit: '2027-01-05', firstReviewHeld: '2027-01-21', intendedUntil18: false, regime: 'PARENT_BEFORE_ASSESSMENT', ruleId: 'VIS-SPECIAL', phase: 'until-first-review', expected: '2027-01-12', why: 'weekly while the last visit precedes the first review' },
    { placementStart: START, lastVisit: '2027-01-21', firstReviewHeld: '2027-01-21', intendedUntil18: false, regime: 'PARENT_BEFORE_ASSESSMENT', ruleId: 'VIS-SPECIAL', phase: 'after-first-review', expected: '2027-03-04', why: 'six-weekly from a visit on or after the first review' },
    { placementStart: START, lastVisit: '2027-01-22', firstReviewHeld: '2027-01-21', intendedUntil18: false, regime: 'CONNECTED_PERSON_TEMPORARY', ruleId: 'VIS-SPECIAL-2', phase: 'after-first-review', expected: '2027-02-19', why: 'temporary connected-person approval: four-weekly after the first review' },
    { placementStart: START, intendedUntil18: false, regime: 'CARE_ORDER_AT_HOME', ruleId: 'VIS-CO-HOME', phase: 'first', expected: '2026-12-28', why: 'care order at home: within a week of the order' },
    { placementStart: START, lastVisit: '2027-01-04', intendedUntil18: false, regime: 'CARE_ORDER_AT_HOME', ruleId: 'VIS-CO-HOME', phase: 'later', expected: '2027-02-15', why: 'care order at home: then six-weekly' },
  ])('$why', ({ ruleId, expected, phase, why: _why, ...input }) => {
    const d = nextVisitDue(input);
    expect([d.ruleId, d.dueDate, d.phase]).toEqual([ruleId, expected, phase]);
  });

  it('keeps the due date on a bank holiday and gives the practical date (Example 2)', () => {
    const d = nextVisitDue({ placementStart: START, intendedUntil18: false });
    expect([d.dueDate, d.dueAt, d.basis.practicalDate]).toEqual(['2026-12-28', '2026-12-28T23:59:59.999+00:00', '2026-12-24']);
    expect(d.basis.explanation).toContain('1 week (7 calendar days) after Mon 21 Dec 2026: due Mon 28 Dec 2026, not a working day (Boxing Day) and not extended, so in practice by Thu 24 Dec 2026');
  });

  it('refuses a visit before the placement started', () => {
    expect(() => nextVisitDue({ placementStart: START, lastVisit: '2026-12-20', intendedUntil18: false })).toThrow(StatutoryInputError);
  });
});

describe('nextPersonalAdviserVisitDue (VIS-PA-RELEVANT)', () => {
  it.each`
    movedIn         | lastVisit       | phase      | expected        | why
    ${'2027-03-01'} | ${undefined}    | ${'first'} | ${'2027-03-08'} | ${'within 7 days of the move'}
    ${'2027-03-01'} | ${'2027-03-05'} | ${'later'} | ${'2027-05-05'} | ${'then every two months'}
    ${'2027-03-01'} | ${'2027-02-20'} | ${'first'} | ${'2027-03-08'} | ${'a visit before the move does not count for the new accommodation'}
    ${'2027-11-01'} | ${'2027-12-31'} | ${'later'} | ${'2028-02-29'} | ${'two months from 31 Dec ends on 29 Feb in a leap year'}
  `('$why', ({ movedIn, lastVisit, phase, expected }) => {
    const d = nextPersonalAdviserVisitDue({ movedIn, lastVisit });
    expect([d.ruleId, d.phase, d.dueDate]).toEqual(['VIS-PA-RELEVANT', phase, expected]);
  });
});
