import { HolidayCalendar } from '../calendar/holiday-calendar';
import { CalendarHorizonError } from '../errors';
import { nextReviewCycleDue, reviewCycleDue, reviewCycleLedgerEntry } from './review-cycle-due';

const calendar = HolidayCalendar.default();
const held = (...dates: string[]) => dates.map((heldOn, i) => ({ sequence: i + 1, heldOn }));
const trig = (trigger: string, triggeredOn: string, targetDueBy: string) => ({ trigger, triggeredOn, targetDueBy });

describe('reviewCycleDue (REV-1ST-20WD, REV-2ND-3M, REV-NEXT-6M, TIME-ANCHOR, early reviews)', () => {
  it.each`
    start           | reviews                                      | triggers                                                     | sequence | dueBy           | ruleId               | ledgerRule        | why
    ${'2026-12-21'} | ${[]}                                        | ${[]}                                                        | ${1}     | ${'2027-01-21'} | ${'REV-1ST-20WD'}    | ${'REV-1ST-20WD'} | ${'Example 3: first review'}
    ${'2026-12-21'} | ${held('2027-01-21')}                        | ${[]}                                                        | ${2}     | ${'2027-04-21'} | ${'REV-2ND-3M'}      | ${'REV-2ND-3M'}   | ${'Example 3: second, 3 months after the first held'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-04-21')}          | ${[]}                                                        | ${3}     | ${'2027-10-21'} | ${'REV-NEXT-6M'}     | ${'REV-NEXT-6M'}  | ${'Example 3: third, 6 months after the second held'}
    ${'2026-12-21'} | ${held('2027-02-01')}                        | ${[]}                                                        | ${2}     | ${'2027-05-01'} | ${'REV-2ND-3M'}      | ${'REV-2ND-3M'}   | ${'TIME-ANCHOR: a late first review moves the second'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-04-21')}          | ${[trig('IRO_REQUEST', '2027-05-03', '2027-06-01')]}         | ${3}     | ${'2027-06-01'} | ${'REV-EARLY'}       | ${'REV-NEXT-6M'}  | ${'REV-EARLY: a trigger after the last review brings the next forward; the ledger keeps the statutory rule'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-04-21', '2027-05-20')} | ${[trig('IRO_REQUEST', '2027-05-03', '2027-06-01')]}    | ${4}     | ${'2027-11-20'} | ${'REV-NEXT-6M'}     | ${'REV-NEXT-6M'}  | ${'a review held after the trigger answers it'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-04-21', '2027-05-20')} | ${[trig('IRO_REQUEST', '2027-05-03', '2027-06-01')]}    | ${3}     | ${'2027-06-01'} | ${'REV-EARLY'}       | ${'REV-NEXT-6M'}  | ${'the held review keeps the early date it was held against'}
    ${'2026-12-21'} | ${[]}                                        | ${[trig('EMERGENCY_MOVE', '2027-01-20', '2027-02-17')]}      | ${1}     | ${'2027-01-21'} | ${'REV-1ST-20WD'}    | ${'REV-1ST-20WD'} | ${'REV-AFTER-EMERG: a target later than the statutory date changes nothing'}
    ${'2026-12-21'} | ${[]}                                        | ${[trig('EMERGENCY_MOVE', '2026-12-22', '2027-01-14'), trig('WELFARE_NOT_SAFEGUARDED', '2026-12-23', '2027-01-12')]} | ${1} | ${'2027-01-12'} | ${'REV-VISIT-TRIGGER'} | ${'REV-1ST-20WD'} | ${'of several triggers in force the earliest target wins'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-05-01')}          | ${[trig('SIGNIFICANT_CHANGE', '2027-05-03', '2027-06-01')]}  | ${3}     | ${'2027-06-01'} | ${'REV-EARLY'}       | ${'REV-NEXT-6M'}  | ${'a trigger after a review held on an earlier date still stands for the next one'}
    ${'2026-12-21'} | ${held('2027-01-21', '2027-05-10')}          | ${[trig('SIGNIFICANT_CHANGE', '2027-05-03', '2027-06-01')]}  | ${3}     | ${'2027-11-10'} | ${'REV-NEXT-6M'}     | ${'REV-NEXT-6M'}  | ${'a trigger before the last review held was answered by it'}
  `('$why', ({ start, reviews, triggers, sequence, dueBy, ruleId, ledgerRule }) => {
    const due = reviewCycleDue({ becameLookedAfter: start, reviews, triggers, sequence, calendar });
    expect(due).toMatchObject({ sequence, dueBy, ruleId });
    expect(due.deadline).toMatchObject({ ruleId: ledgerRule, dueDate: dueBy });
  });

  it('the ledger entry of a brought-forward review says why, and ends on its new date in London', () => {
    const due = nextReviewCycleDue({ becameLookedAfter: '2026-12-21', reviews: held('2027-01-21'), triggers: [trig('IRO_REQUEST', '2027-02-10', '2027-03-10')], calendar });
    expect(due.deadline.dueAt).toBe('2027-03-10T23:59:59.999+00:00');
    expect(due.deadline.basis.explanation).toContain('Brought forward to 2027-03-10: early review triggered (IRO_REQUEST) on 2027-02-10.');
    expect(due.basis).toContain('from the statutory 2027-04-21 (REV-2ND-3M)');
  });

  it('Example 8(a): a month date that is not a working day has a practical date', () => {
    expect(nextReviewCycleDue({ becameLookedAfter: '2026-11-02', reviews: held('2026-11-30'), triggers: [], calendar })).toMatchObject({ dueBy: '2027-02-28', practicalDueBy: '2027-02-26' });
  });

  it('a first review past the calendar: reviewCycleDue refuses to guess, the ledger entry waits for a newer calendar', () => {
    const input = { becameLookedAfter: '2028-12-20', reviews: [], triggers: [], calendar };
    expect(() => nextReviewCycleDue(input)).toThrow(CalendarHorizonError);
    expect(reviewCycleLedgerEntry(input)).toMatchObject({ sequence: 1, deadline: { beyondCalendar: true, ruleId: 'REV-1ST-20WD', basis: { anchor: '2028-12-20' } } });
    expect(reviewCycleLedgerEntry({ ...input, becameLookedAfter: '2026-12-21' })).toMatchObject({ sequence: 1, deadline: { dueDate: '2027-01-21' } });
  });
});
