import { HolidayCalendar } from '@hub/statutory';
import {
  consultation, dueForSequence, earlyTarget, heldReviewDeadlines, nextReviewDue, participationProblem, reconveneBy,
} from './review-cycle';

const cal = HolidayCalendar.default();

describe('review cycle (REV-1ST-20WD, REV-2ND-3M, REV-NEXT-6M, TIME-ANCHOR)', () => {
  it.each([
    ['Example 3: first review', '2026-12-21', [], '2027-01-21', 'REV-1ST-20WD', 1],
    ['Example 3: second after the first held 2027-01-21', '2026-12-21', ['2027-01-21'], '2027-04-21', 'REV-2ND-3M', 2],
    ['Example 3: third after the second held 2027-04-21', '2026-12-21', ['2027-01-21', '2027-04-21'], '2027-10-21', 'REV-NEXT-6M', 3],
    ['TIME-ANCHOR: a late first review moves the second', '2026-12-21', ['2027-02-01'], '2027-05-01', 'REV-2ND-3M', 2],
  ])('%s', (_label, start, held, due, rule, seq) => {
    const reviews = (held as string[]).map((h, i) => ({ sequence: i + 1, heldOn: h }));
    const next = nextReviewDue(start as string, reviews, [], cal);
    expect(next).toMatchObject({ dueBy: due, ruleId: rule, sequence: seq });
  });

  it('Example 8(a): held 2026-11-30, second due 2027-02-28, in practice 2027-02-26', () => {
    const next = nextReviewDue('2026-11-02', [{ sequence: 1, heldOn: '2026-11-30' }], [], cal);
    expect(next).toMatchObject({ dueBy: '2027-02-28', practicalDueBy: '2027-02-26', ruleId: 'REV-2ND-3M' });
  });

  it('Example 8(b): held 2028-03-31, next due 2028-09-30, in practice 2028-09-29', () => {
    const reviews = [{ sequence: 1, heldOn: '2027-12-01' }, { sequence: 2, heldOn: '2028-03-31' }];
    expect(nextReviewDue('2027-11-01', reviews, [], cal)).toMatchObject({ dueBy: '2028-09-30', practicalDueBy: '2028-09-29', ruleId: 'REV-NEXT-6M' });
  });

  it('REV-EARLY: a trigger after the last review brings the due date forward; a held review answers it', () => {
    const target = earlyTarget(cal, '2027-05-03');
    expect(target).toBe('2027-06-01');
    const trig = [{ trigger: 'IRO_REQUEST', triggeredOn: '2027-05-03', targetDueBy: target }];
    const held = [{ sequence: 1, heldOn: '2027-01-21' }, { sequence: 2, heldOn: '2027-04-21' }];
    expect(nextReviewDue('2026-12-21', held, trig, cal)).toMatchObject({ dueBy: '2027-06-01', ruleId: 'REV-EARLY', sequence: 3 });
    const answered = [...held, { sequence: 3, heldOn: '2027-05-20' }];
    expect(nextReviewDue('2026-12-21', answered, trig, cal)).toMatchObject({ dueBy: '2027-11-20', ruleId: 'REV-NEXT-6M' });
    // The held review keeps the early due date it was held against.
    expect(dueForSequence('2026-12-21', answered, trig, 3, cal).dueBy).toBe('2027-06-01');
  });

  it('REV-AFTER-EMERG: a trigger later than the statutory date changes nothing', () => {
    const trig = [{ trigger: 'EMERGENCY_MOVE', triggeredOn: '2027-01-20', targetDueBy: earlyTarget(cal, '2027-01-20') }];
    expect(nextReviewDue('2026-12-21', [], trig, cal)).toMatchObject({ dueBy: '2027-01-21', ruleId: 'REV-1ST-20WD' });
  });
});

describe('deadlines after a review (Example 4)', () => {
  it('REV-DECISIONS-5WD 2027-01-28, REV-REPORT-20WD 2027-02-18, REV-ADJOURN-20WD 2027-02-18', () => {
    expect(heldReviewDeadlines('2027-01-21', cal)).toEqual({ decisionsDueBy: '2027-01-28', reportDueBy: '2027-02-18' });
    expect(reconveneBy('2027-01-21', cal)).toBe('2027-02-18');
  });
});

describe('REV-CONSULT-20WD (Example 6, C-09)', () => {
  it('is not applicable to a first review, with a note', () => {
    const c = consultation(1, '2027-01-21', cal);
    expect(c.dueBy).toBeNull();
    expect(c.note).toMatch(/REV-CONSULT-20WD not applicable/);
  });
  it('is 20 working days before a second review on 2027-04-21', () => {
    expect(consultation(2, '2027-04-21', cal)).toEqual({ dueBy: '2027-03-22', note: null });
  });
});

describe('participation codes (§14.6, validator rules 167/440/441)', () => {
  it.each([
    ['PN0 for a 10-year-old is refused', 'PN0', '2016-06-01', '2027-01-21', true],
    ['PN1 for a 10-year-old is fine', 'PN1', '2016-06-01', '2027-01-21', false],
    ['PN0 for a 3-year-old is fine', 'PN0', '2023-06-01', '2027-01-21', false],
    ['PN3 for a 3-year-old is refused', 'PN3', '2023-06-01', '2027-01-21', true],
    ['PN0 on the 4th birthday is refused', 'PN0', '2023-01-21', '2027-01-21', true],
    ['PN9 is unknown', 'PN9', '2016-06-01', '2027-01-21', true],
  ])('%s', (_l, code, dob, on, refused) => {
    expect(participationProblem(code, dob, on) !== null).toBe(refused);
  });
});
