import { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import type { BeyondCalendar, Deadline } from '../deadlines/deadline';
import { reviewTimetable } from './review-timetable';

const calendar = HolidayCalendar.default();
const dates = (start: string, held: string[], until: string) =>
  reviewTimetable({ becameLookedAfter: start, heldReviews: held, until, calendar }).map((e) => `${e.sequence}:${e.deadline.ruleId}:${(e.deadline as Deadline).dueDate}${e.projected ? '*' : ''}`);

describe('reviewTimetable', () => {
  it.each`
    start           | held                          | until           | expected                                                                                          | why
    ${'2026-12-21'} | ${[]}                         | ${'2027-12-31'} | ${['1:REV-1ST-20WD:2027-01-21', '2:REV-2ND-3M:2027-04-21*', '3:REV-NEXT-6M:2027-10-21*']}        | ${'from becoming looked after: first, second and third reviews (Examples 3 and 8)'}
    ${'2026-12-21'} | ${['2027-01-21']}             | ${'2028-05-01'} | ${['2:REV-2ND-3M:2027-04-21', '3:REV-NEXT-6M:2027-10-21*', '4:REV-NEXT-6M:2028-04-21*']}         | ${'from the first review held'}
    ${'2026-12-21'} | ${['2027-01-14', '2027-04-01']} | ${'2028-04-01'} | ${['3:REV-NEXT-6M:2027-10-01', '4:REV-NEXT-6M:2028-04-01*']}                                   | ${'from the date the last review was actually held, not its due date'}
    ${'2026-11-30'} | ${['2026-12-17']}             | ${'2027-09-01'} | ${['2:REV-2ND-3M:2027-03-17']}                                                                    | ${'a review due after until is left out'}
    ${'2026-08-31'} | ${['2026-09-28', '2026-11-30']} | ${'2027-12-01'} | ${['3:REV-NEXT-6M:2027-05-30', '4:REV-NEXT-6M:2027-11-30*']}                                   | ${'month ends: 30 Nov + 6 months is 30 May, then 30 Nov'}
    ${'2026-12-21'} | ${['2027-01-21']}             | ${'2027-01-31'} | ${[]}                                                                                             | ${'nothing due before until'}
  `('$why', ({ start, held, until, expected }) => {
    expect(dates(start, held, until)).toEqual(expected);
  });

  it('explains a projected review with the assumption it rests on', () => {
    const [, second] = reviewTimetable({ becameLookedAfter: '2026-12-21', heldReviews: [], until: '2027-06-01', calendar });
    expect(second!.deadline.basis.explanation).toContain('assuming review 1 sits on its due date, Thu 21 Jan 2027');
    expect(second!.deadline.basis.anchor).toBe('2027-01-21');
  });

  it('ends with the reason when the first review cannot be counted within the calendar', () => {
    const t = reviewTimetable({ becameLookedAfter: '2028-12-20', heldReviews: [], until: '2030-01-01', calendar });
    expect(t).toHaveLength(1);
    expect(t[0]).toMatchObject({ sequence: 1, projected: false, deadline: { beyondCalendar: true, ruleId: 'REV-1ST-20WD', uncoveredDate: '2029-01-01' } });
    expect((t[0]!.deadline as BeyondCalendar).reason).toContain('cannot be counted yet');
  });

  it('keeps projecting month clocks past the calendar (they need no working days)', () => {
    expect(dates('2028-06-01', ['2028-06-20', '2028-09-20'], '2030-01-01')).toEqual(['3:REV-NEXT-6M:2029-03-20', '4:REV-NEXT-6M:2029-09-20*']);
  });

  it('stops at the limit', () => {
    expect(reviewTimetable({ becameLookedAfter: '2026-12-21', heldReviews: [], until: '2099-12-31', calendar, limit: 5 })).toHaveLength(5);
  });

  it.each`
    held              | until           | why
    ${['2026-12-01']} | ${'2027-12-31'} | ${'a review before the period of care'}
    ${[]}             | ${'31/12/2027'} | ${'a malformed until'}
  `('refuses $why', ({ held, until }) => {
    expect(() => reviewTimetable({ becameLookedAfter: '2026-12-21', heldReviews: held, until, calendar })).toThrow(StatutoryInputError);
  });
});
