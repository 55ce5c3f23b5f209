/**
 * DOMAIN.md §15, every worked example and sub-point, as its own row. Default counting convention TIME-WD-DAY1
 * (trigger day excluded); the inclusive alternative is checked where the example gives it.
 */
import { HolidayCalendar } from './calendar/holiday-calendar';
import { addWorkingDays } from './calendar/working-days';
import { leavingCareStatus } from './calculators/leaving-care';
import { needsAssessmentDue } from './calculators/needs-assessment';
import { retainUntil } from './calculators/retention';
import { computeConsultationDeadline, reviewDue } from './calculators/review-cycle';
import { nextVisitDue } from './calculators/visits';
import { computeDeadline } from './deadlines/compute-deadline';
import type { ImplementedRuleId } from './rules/registry';

const calendar = HolidayCalendar.default();

interface Row {
  ruleId: ImplementedRuleId;
  start: string;
  expected: string;
  alternative?: string;
  practical?: string;
  dueAt?: string;
  provisional?: boolean;
  why: string;
}

describe('DOMAIN §15 worked examples: deadlines', () => {
  it.each<Row>([
    { ruleId: 'CP-DUE-10WD', start: '2026-12-21T15:00:00+00:00', expected: '2027-01-07', alternative: '2027-01-06', why: 'Ex 1: care plan Thu 7 Jan 2027 (alt Wed 6 Jan)' },
    { ruleId: 'PEP-10WD', start: '2026-12-21', expected: '2027-01-07', alternative: '2027-01-06', why: 'Ex 1: PEP on the same clock, Thu 7 Jan 2027' },
    { ruleId: 'PP-DUE-5WD', start: '2026-12-21', expected: '2026-12-30', alternative: '2026-12-29', why: 'Ex 2: placement plan Wed 30 Dec 2026 (alt Tue 29 Dec)' },
    { ruleId: 'LA-IRO-PLACEMENT', start: '2026-12-21', expected: '2026-12-30', why: 'Ex 2: reg 13 written notification Wed 30 Dec 2026' },
    { ruleId: 'PCPP-5WD', start: '2026-12-21', expected: '2026-12-30', why: 'Ex 2: provider PCPP Wed 30 Dec 2026' },
    { ruleId: 'PPM-72H', start: '2026-12-21T15:00+00:00', expected: '2026-12-24', dueAt: '2026-12-24T15:00:00+00:00', why: 'Ex 2: Placement Planning Meeting by Thu 24 Dec 2026 15:00' },
    { ruleId: 'VIS-1WK', start: '2026-12-21', expected: '2026-12-28', practical: '2026-12-24', why: 'Ex 2: first visit Mon 28 Dec 2026, a bank holiday but still due' },
    { ruleId: 'REV-1ST-20WD', start: '2026-12-21', expected: '2027-01-21', alternative: '2027-01-20', why: 'Ex 3: first review Thu 21 Jan 2027 (alt Wed 20 Jan)' },
    { ruleId: 'REV-2ND-3M', start: '2027-01-21', expected: '2027-04-21', why: 'Ex 3: second review by Wed 21 Apr 2027' },
    { ruleId: 'REV-NEXT-6M', start: '2027-04-21', expected: '2027-10-21', why: 'Ex 3: third review by Thu 21 Oct 2027' },
    { ruleId: 'REV-DECISIONS-5WD', start: '2027-01-21', expected: '2027-01-28', why: 'Ex 4: review decisions Thu 28 Jan 2027' },
    { ruleId: 'CP-UPDATE-POSTREV-10WD', start: '2027-01-21', expected: '2027-02-04', why: 'Ex 4: care plan update Thu 4 Feb 2027' },
    { ruleId: 'REV-REPORT-20WD', start: '2027-01-21', expected: '2027-02-18', why: 'Ex 4: IRO review report Thu 18 Feb 2027' },
    { ruleId: 'REV-ADJOURN-20WD', start: '2027-01-21', expected: '2027-02-18', why: 'Ex 4: adjourned meeting reconvened by Thu 18 Feb 2027' },
    { ruleId: 'PP-DUE-5WD', start: '2027-03-24', expected: '2027-04-02', alternative: '2027-04-01', why: 'Ex 5: placement plan Fri 2 Apr 2027 (alt Thu 1 Apr)' },
    { ruleId: 'CP-DUE-10WD', start: '2027-03-24', expected: '2027-04-09', alternative: '2027-04-08', why: 'Ex 5: care plan Fri 9 Apr 2027 (alt Thu 8 Apr)' },
    { ruleId: 'REV-1ST-20WD', start: '2027-03-24', expected: '2027-04-23', alternative: '2027-04-22', why: 'Ex 5: first review Fri 23 Apr 2027 (alt Thu 22 Apr)' },
    { ruleId: 'REV-CONSULT-20WD', start: '2027-01-21', expected: '2026-12-21', why: 'Ex 6: counting 20 working days back lands on Mon 21 Dec 2026' },
    { ruleId: 'PP-DUE-5WD', start: '2027-12-23', expected: '2028-01-04', alternative: '2027-12-31', provisional: true, why: 'Ex 7: placement plan Tue 4 Jan 2028 (alt Fri 31 Dec 2027)' },
    { ruleId: 'CP-DUE-10WD', start: '2027-12-23', expected: '2028-01-11', alternative: '2028-01-10', provisional: true, why: 'Ex 7: care plan Tue 11 Jan 2028 (alt Mon 10 Jan)' },
    { ruleId: 'REV-1ST-20WD', start: '2027-12-23', expected: '2028-01-25', alternative: '2028-01-24', provisional: true, why: 'Ex 7: first review Tue 25 Jan 2028 (alt Mon 24 Jan)' },
    { ruleId: 'REV-2ND-3M', start: '2026-11-30', expected: '2027-02-28', practical: '2027-02-26', why: 'Ex 8a: second review by Sun 28 Feb 2027, in practice Fri 26 Feb' },
    { ruleId: 'REV-NEXT-6M', start: '2028-03-31', expected: '2028-09-30', practical: '2028-09-29', provisional: true, why: 'Ex 8b: next review by Sat 30 Sep 2028, in practice Fri 29 Sep' },
    { ruleId: 'PWP-REV-6M', start: '2027-08-31', expected: '2028-02-29', why: 'Ex 8c: pathway plan review by Tue 29 Feb 2028 (leap year)' },
    { ruleId: 'PWP-ASSESS-3M', start: '2027-02-10', expected: '2027-05-10', why: 'Ex 9a: needs assessment complete by Mon 10 May 2027' },
    { ruleId: 'PWP-LOCAL-16Y3M', start: '2027-02-10', expected: '2027-05-10', why: 'Ex 9a: seed 002 first pathway plan by the same date' },
    { ruleId: 'PWP-ASSESS-3M', start: '2027-04-04', expected: '2027-07-04', practical: '2027-07-02', why: 'Ex 9b: assessment by Sun 4 Jul 2027, in practice Fri 2 Jul' },
    { ruleId: 'CON-S34-7D', start: '2026-12-23', expected: '2026-12-30', why: 'Ex 10a: s34(6) refusal ends by Wed 30 Dec 2026' },
    { ruleId: 'CON-REG8', start: '2026-12-23', expected: '2026-12-23', dueAt: '2026-12-23T23:59:59.999+00:00', why: 'Ex 10a: written notice immediately (23 Dec)' },
    { ruleId: 'LA-IRO-CONTACT', start: '2026-12-23', expected: '2026-12-23', why: 'Ex 10a: the IRO among those told immediately' },
    { ruleId: 'R40-SERIOUS', start: '2026-12-26T22:00:00+00:00', expected: '2026-12-26', dueAt: '2026-12-26T22:00:00+00:00', why: 'Ex 10b: reg 40(4) notification without delay' },
    { ruleId: 'R40-LOCAL-24H', start: '2026-12-26T22:00:00+00:00', expected: '2026-12-27', dueAt: '2026-12-27T22:00:00+00:00', why: 'Ex 10b: local 24-hour SLA by Sun 27 Dec 2026 22:00' },
    { ruleId: 'VIS-6WK-Y1', start: '2026-12-22', expected: '2027-02-02', why: 'Ex 11: next visit Tue 2 Feb 2027' },
    { ruleId: 'VIS-6WK-Y1', start: '2026-12-28', expected: '2027-02-08', why: 'Ex 11: next visit Mon 8 Feb 2027 after a first visit at the limit' },
  ])('$why', ({ ruleId, start, expected, alternative, practical, dueAt, provisional }) => {
    const d = computeDeadline(ruleId, start, { calendar })!;
    expect(d.dueDate).toBe(expected);
    if (alternative) expect(d.basis.inclusiveAlternative).toBe(alternative);
    expect(d.basis.practicalDate).toBe(practical);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.provisional).toBe(provisional ?? false);
  });
});

describe('DOMAIN §15 worked examples: calendars, statuses and calculators', () => {
  it('Ex 1: the non-working days of Christmas 2026', () => {
    expect(addWorkingDays(calendar, '2026-12-21', 10).skipped.map((s) => s.date)).toEqual([
      '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28', '2027-01-01', '2027-01-02', '2027-01-03',
    ]);
  });

  it('Ex 3: the review cycle from the dates held', () => {
    expect(reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: [], calendar }).dueDate).toBe('2027-01-21');
    expect(reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: ['2027-01-21'], calendar }).dueDate).toBe('2027-04-21');
    expect(reviewDue({ becameLookedAfter: '2026-12-21', heldReviews: ['2027-01-21', '2027-04-21'], calendar }).dueDate).toBe('2027-10-21');
  });

  it('Ex 5: Good Friday and Easter Monday 2027 are skipped', () => {
    expect(addWorkingDays(calendar, '2027-03-24', 5).skipped.map((s) => s.date)).toEqual(['2027-03-26', '2027-03-27', '2027-03-28', '2027-03-29']);
  });

  it('Ex 6: the consultation rule cannot apply to a first review, so it is flagged, not overdue', () => {
    expect(computeConsultationDeadline({ reviewSequence: 1, reviewDate: '2027-01-21', calendar }).applicable).toBe(false);
  });

  it('Ex 7: the non-working days of Christmas and New Year 2027–28', () => {
    expect(addWorkingDays(calendar, '2027-12-23', 5).skipped.map((s) => s.date)).toEqual([
      '2027-12-25', '2027-12-26', '2027-12-27', '2027-12-28', '2028-01-01', '2028-01-02', '2028-01-03',
    ]);
  });

  it('Ex 9a: eligible from the 16th birthday with 101 days, assessment by 10 May 2027', () => {
    const s = leavingCareStatus({ dateOfBirth: '2011-02-10', periods: [{ start: '2026-11-02' }], asOf: '2027-02-10' });
    expect([s.status, s.eligibleFrom, s.qualifyingDays]).toEqual(['ELIGIBLE', '2027-02-10', 101]);
    expect(needsAssessmentDue({ dateOfBirth: '2011-02-10', eligibleFrom: s.eligibleFrom!, calendar }).dueDate).toBe('2027-05-10');
  });

  it('Ex 9b: late entrant eligible on the 91st day, Sun 4 Apr 2027; assessment Sun 4 Jul, in practice Fri 2 Jul', () => {
    const s = leavingCareStatus({ dateOfBirth: '2010-06-01', periods: [{ start: '2027-01-04' }], asOf: '2027-04-04' });
    expect([s.status, s.eligibleFrom]).toEqual(['ELIGIBLE', '2027-04-04']);
    const d = needsAssessmentDue({ dateOfBirth: '2010-06-01', eligibleFrom: s.eligibleFrom!, calendar });
    expect([d.dueDate, d.basis.practicalDate]).toEqual(['2027-07-04', '2027-07-02']);
  });

  it('Ex 11: visits after Example 1', () => {
    expect(nextVisitDue({ placementStart: '2026-12-21', lastVisit: '2026-12-22', intendedUntil18: false, calendar }).dueDate).toBe('2027-02-02');
    expect(nextVisitDue({ placementStart: '2026-12-21', lastVisit: '2026-12-28', intendedUntil18: false, calendar }).dueDate).toBe('2027-02-08');
  });

  it('Ex 12: retention to the 75th anniversary, or the later 15-year date after a death before 18', () => {
    expect(retainUntil({ dateOfBirth: '2011-02-10' }).retainUntil).toBe('2086-02-10');
    const died = retainUntil({ dateOfBirth: '2011-02-10', dateOfDeath: '2024-03-03' });
    expect([died.chrDate, died.cppcrDate, died.retainUntil]).toEqual(['2039-03-03', '2039-03-02', '2039-03-03']);
  });
});
