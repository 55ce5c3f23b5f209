import { StatutoryInputError } from '../errors';
import { type CarePeriod, leavingCareAssessment, leavingCareStatus } from './leaving-care';

const DOB = '2011-02-10'; // 14 on 2025-02-10, 16 on 2027-02-10, 18 on 2029-02-10, 21 on 2032-02-10, 25 on 2036-02-10

interface Row {
  dob?: string;
  periods: CarePeriod[];
  asOf: string;
  status: string;
  /** null: must not have become eligible */
  eligibleFrom?: string | null;
  days?: number;
  flags?: { requestedSupportTo25?: boolean; educationOrTrainingUntil?: string };
  why: string;
}

describe('leavingCareStatus (AGE-ELIGIBLE, AGE-RELEVANT, AGE-FORMERREL, AGE-13WK-COUNT)', () => {
  it.each<Row>([
    { periods: [{ start: '2026-11-02' }], asOf: '2027-02-10', status: 'ELIGIBLE', eligibleFrom: '2027-02-10', days: 101, why: 'Example 9a: 101 days on the 16th birthday, eligible from it' },
    { periods: [{ start: '2026-11-02' }], asOf: '2027-02-09', status: 'NONE', days: 100, eligibleFrom: null, why: 'the day before the 16th birthday: too young' },
    { dob: '2010-06-01', periods: [{ start: '2027-01-04' }], asOf: '2027-04-03', status: 'NONE', days: 90, eligibleFrom: null, why: 'exactly 90 days is not 13 weeks' },
    { dob: '2010-06-01', periods: [{ start: '2027-01-04' }], asOf: '2027-04-04', status: 'ELIGIBLE', eligibleFrom: '2027-04-04', days: 91, why: 'Example 9b: the 91st day (4 Jan counted as day 1)' },
    { periods: [{ start: '2024-12-01', end: '2025-03-01' }, { start: '2027-01-01' }], asOf: '2027-03-11', status: 'NONE', days: 90, eligibleFrom: null, why: 'days before the 14th birthday do not count (20 + 70 = 90)' },
    { periods: [{ start: '2024-12-01', end: '2025-03-01' }, { start: '2027-01-01' }], asOf: '2027-03-12', status: 'ELIGIBLE', eligibleFrom: '2027-03-12', days: 91, why: 'periods split across the 14th birthday add up' },
    { periods: [{ start: '2026-06-01', end: '2026-12-31', shortBreak: true }, { start: '2027-01-10' }], asOf: '2027-03-01', status: 'NONE', days: 51, eligibleFrom: null, why: 'short-break periods are excluded' },
    { periods: [{ start: '2026-01-01', shortBreak: true }], asOf: '2027-03-01', status: 'NONE', days: 0, eligibleFrom: null, why: 'a child only in short breaks is never eligible' },
    { periods: [{ start: '2026-11-02', end: '2027-01-31' }, { start: '2027-01-31' }], asOf: '2027-02-10', status: 'ELIGIBLE', eligibleFrom: '2027-02-10', days: 101, why: 'a day in two periods (same-day change) counts once' },
    { periods: [{ start: '2025-03-01', end: '2027-02-09' }], asOf: '2027-06-01', status: 'NONE', days: 711, eligibleFrom: null, why: 'care ceased before 16: never eligible, so not relevant' },
    { periods: [{ start: '2025-03-01', end: '2027-02-10' }], asOf: '2027-03-01', status: 'RELEVANT', eligibleFrom: '2027-02-10', why: 'care ceased on the 16th birthday itself: that day counts' },
    { periods: [{ start: '2026-11-02', end: '2028-05-01' }], asOf: '2028-06-01', status: 'RELEVANT', eligibleFrom: '2027-02-10', why: 'ceased at 17 after being eligible' },
    { periods: [{ start: '2027-06-01', end: '2027-07-15' }], asOf: '2027-08-01', status: 'NONE', days: 45, eligibleFrom: null, why: 'ceased at 16 before 13 weeks' },
    { periods: [{ start: '2026-11-02', end: '2028-05-01' }, { start: '2028-09-01' }], asOf: '2028-10-01', status: 'ELIGIBLE', eligibleFrom: '2027-02-10', why: 'a relevant child who comes back into care is eligible again' },
    { periods: [{ start: '2027-05-01' }], asOf: '2027-03-01', status: 'NONE', days: 0, eligibleFrom: null, why: 'a period starting after asOf is ignored' },
    { periods: [{ start: '2026-11-02' }], asOf: '2029-02-10', status: 'FORMER_RELEVANT', eligibleFrom: '2027-02-10', why: 'eligible when care ended at 18' },
    { periods: [{ start: '2026-11-02', end: '2028-05-01' }], asOf: '2030-01-01', status: 'FORMER_RELEVANT', why: 'relevant at 18' },
    { periods: [{ start: '2026-11-02' }], asOf: '2032-02-09', status: 'FORMER_RELEVANT', why: 'the day before the 21st birthday' },
    { periods: [{ start: '2026-11-02' }], asOf: '2032-02-10', status: 'NONE', why: 'duties end at 21 without a request' },
    { periods: [{ start: '2026-11-02' }], asOf: '2032-02-10', status: 'FORMER_RELEVANT', flags: { requestedSupportTo25: true }, why: 'aged 21 and asked for support to 25' },
    { periods: [{ start: '2026-11-02' }], asOf: '2036-02-10', status: 'NONE', flags: { requestedSupportTo25: true }, why: 'support on request ends at 25' },
    { periods: [{ start: '2026-11-02' }], asOf: '2033-06-01', status: 'FORMER_RELEVANT', flags: { educationOrTrainingUntil: '2033-07-31' }, why: 'in a planned programme of education past 21' },
    { periods: [{ start: '2028-12-01' }], asOf: '2029-06-01', status: 'NONE', eligibleFrom: null, why: 'fewer than 13 weeks before 18: not former relevant' },
    { dob: '2012-02-29', periods: [{ start: '2026-02-28' }], asOf: '2026-05-30', status: 'NONE', days: 91, eligibleFrom: null, why: '29 Feb child: 14th birthday is 1 Mar 2026, so 28 Feb does not count' },
    { dob: '2012-02-29', periods: [{ start: '2026-02-28' }], asOf: '2028-03-01', status: 'ELIGIBLE', eligibleFrom: '2028-02-29', why: '29 Feb child is 16 on 29 Feb 2028' },
  ])('$why', ({ dob, periods, asOf, status, eligibleFrom, days, flags, why }) => {
    const r = leavingCareStatus({ dateOfBirth: dob ?? DOB, periods, asOf, ...flags });
    expect({ why, status: r.status }).toEqual({ why, status });
    if (eligibleFrom !== undefined) expect(r.eligibleFrom).toBe(eligibleFrom ?? undefined);
    if (days !== undefined) expect(r.qualifyingDays).toBe(days);
  });

  it('returns exactly status, eligibleFrom and qualifyingDays', () => {
    expect(leavingCareStatus({ dateOfBirth: DOB, periods: [{ start: '2026-11-02' }], asOf: '2027-02-10' })).toEqual({
      status: 'ELIGIBLE',
      eligibleFrom: '2027-02-10',
      qualifyingDays: 101,
    });
    expect(leavingCareStatus({ dateOfBirth: DOB, periods: [{ start: '2026-11-02' }], asOf: '2027-02-09' })).toEqual({ status: 'NONE', qualifyingDays: 100 });
  });

  it('names the rule and whether the child is looked after', () => {
    expect(leavingCareAssessment({ dateOfBirth: DOB, periods: [{ start: '2026-11-02' }], asOf: '2027-02-10' })).toMatchObject({ ruleId: 'AGE-ELIGIBLE', lookedAfter: true });
    expect(leavingCareAssessment({ dateOfBirth: DOB, periods: [{ start: '2026-11-02', end: '2028-05-01' }], asOf: '2028-06-01' })).toMatchObject({
      ruleId: 'AGE-RELEVANT',
      lookedAfter: false,
    });
    expect(leavingCareAssessment({ dateOfBirth: DOB, periods: [{ start: '2026-11-02' }], asOf: '2032-03-01', requestedSupportTo25: true }).ruleId).toBe('AGE-PA-25');
    expect(leavingCareAssessment({ dateOfBirth: DOB, periods: [{ start: '2026-11-02' }], asOf: '2033-06-01', educationOrTrainingUntil: '2033-07-31' }).ruleId).toBe('AGE-HE-25');
  });

  it('refuses a period that ends before it starts, and malformed dates', () => {
    expect(() => leavingCareStatus({ dateOfBirth: DOB, periods: [{ start: '2027-02-01', end: '2027-01-01' }], asOf: '2027-03-01' })).toThrow(StatutoryInputError);
    expect(() => leavingCareStatus({ dateOfBirth: DOB, periods: [{ start: '2027-02-30' }], asOf: '2027-03-01' })).toThrow(StatutoryInputError);
    expect(() => leavingCareStatus({ dateOfBirth: DOB, periods: [], asOf: 'today' })).toThrow(StatutoryInputError);
  });
});
