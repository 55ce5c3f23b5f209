import { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import { computeConsultationDeadline, reviewDue } from './review-cycle';

const calendar = HolidayCalendar.default();

describe('reviewDue (CPPCR reg 33, TIME-ANCHOR)', () => {
  it.each`
    start           | held                                        | ruleId            | sequence | expected        | practical       | why
    ${'2026-12-21'} | ${[]}                                       | ${'REV-1ST-20WD'} | ${1}     | ${'2027-01-21'} | ${undefined}    | ${'Example 3: first review 20 working days after becoming looked after'}
    ${'2026-12-21'} | ${['2027-01-21']}                           | ${'REV-2ND-3M'}   | ${2}     | ${'2027-04-21'} | ${undefined}    | ${'Example 3: second review 3 months after the first was held'}
    ${'2026-12-21'} | ${['2027-01-21', '2027-04-21']}             | ${'REV-NEXT-6M'}  | ${3}     | ${'2027-10-21'} | ${undefined}    | ${'Example 3: third review 6 months after the second'}
    ${'2026-12-21'} | ${['2027-01-14']}                           | ${'REV-2ND-3M'}   | ${2}     | ${'2027-04-14'} | ${undefined}    | ${'anchored on the date held (early), not the date due'}
    ${'2026-12-21'} | ${['2027-01-21', '2027-05-03']}             | ${'REV-NEXT-6M'}  | ${3}     | ${'2027-11-03'} | ${undefined}    | ${'anchored on the date held (late), not the date due'}
    ${'2026-12-21'} | ${['2027-01-21', '2027-04-21', '2027-10-01']} | ${'REV-NEXT-6M'} | ${4}    | ${'2028-04-01'} | ${'2028-03-31'} | ${'fourth review; 1 Apr 2028 is a Saturday'}
    ${'2027-03-24'} | ${[]}                                       | ${'REV-1ST-20WD'} | ${1}     | ${'2027-04-23'} | ${undefined}    | ${'Example 5: across Easter 2027'}
    ${'2027-12-23'} | ${[]}                                       | ${'REV-1ST-20WD'} | ${1}     | ${'2028-01-25'} | ${undefined}    | ${'Example 7: double substitutes, provisional 2028'}
    ${'2026-11-02'} | ${['2026-11-30']}                           | ${'REV-2ND-3M'}   | ${2}     | ${'2027-02-28'} | ${'2027-02-26'} | ${'Example 8a: month end, practical Friday'}
    ${'2027-09-01'} | ${['2027-09-30', '2028-03-31']}             | ${'REV-NEXT-6M'}  | ${3}     | ${'2028-09-30'} | ${'2028-09-29'} | ${'Example 8b: no 31 September'}
  `('$why', ({ start, held, ruleId, sequence, expected, practical }) => {
    const d = reviewDue({ becameLookedAfter: start, heldReviews: held, calendar });
    expect([d.ruleId, d.sequence, d.dueDate, d.basis.practicalDate]).toEqual([ruleId, sequence, expected, practical]);
  });

  it('uses the shipped calendar by default', () => {
    expect(reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: [] }).dueDate).toBe('2027-01-21');
  });

  it.each`
    start           | held                            | why
    ${'2026-12-21'} | ${['2027-04-21', '2027-01-21']} | ${'reviews out of order'}
    ${'2026-12-21'} | ${['2026-12-01']}               | ${'a review before the period of care'}
    ${'2026-12-21'} | ${['not a date']}               | ${'a malformed date'}
  `('refuses $why', ({ start, held }) => {
    expect(() => reviewDue({ becameLookedAfter: start, heldReviews: held, calendar })).toThrow(StatutoryInputError);
  });
});

describe('computeConsultationDeadline (REV-CONSULT-20WD, DOMAIN C-09)', () => {
  it('is not applicable to a first review (Example 6), with the reason', () => {
    const r = computeConsultationDeadline({ reviewSequence: 1, reviewDate: '2027-01-21', calendar });
    expect(r).toEqual({ applicable: false, ruleId: 'REV-CONSULT-20WD', reason: expect.stringContaining('C-09') });
  });

  it.each`
    sequence | review          | overrides                                     | expected        | why
    ${2}     | ${'2027-04-21'} | ${[]}                                         | ${'2027-03-22'} | ${'second review: 20 working days back across Easter 2027'}
    ${3}     | ${'2027-10-21'} | ${[]}                                         | ${'2027-09-23'} | ${'third review'}
    ${2}     | ${'2027-04-21'} | ${[{ ruleId: 'REV-CONSULT-20WD', count: 10 }]} | ${'2027-04-07'} | ${'an organisation shortens the lead time'}
  `('$why', ({ sequence, review, overrides, expected }) => {
    const r = computeConsultationDeadline({ reviewSequence: sequence, reviewDate: review, calendar, overrides });
    expect(r.applicable && r.deadline.dueDate).toBe(expected);
  });

  it('is not applicable when the organisation switched it off', () => {
    const r = computeConsultationDeadline({ reviewSequence: 2, reviewDate: '2027-04-21', overrides: [{ ruleId: 'REV-CONSULT-20WD', enabled: false }] });
    expect(r).toEqual({ applicable: false, ruleId: 'REV-CONSULT-20WD', reason: 'REV-CONSULT-20WD is switched off by the organisation\'s configuration' });
  });

  it('refuses a bad sequence number', () => {
    expect(() => computeConsultationDeadline({ reviewSequence: 0, reviewDate: '2027-04-21' })).toThrow(StatutoryInputError);
  });
});
