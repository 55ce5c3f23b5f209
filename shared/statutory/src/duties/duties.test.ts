import { HolidayCalendar } from '../calendar/holiday-calendar';
import type { Deadline } from '../deadlines/deadline';
import { nextVisitDue } from '../calculators/visits';
import { computeDuty, Duty, DutyFact, dutiesFor } from './duties';

const calendar = HolidayCalendar.default();
const rules = (f: DutyFact) => dutiesFor(f).map((d) => `${d.ruleId}@${d.subject}${d.phase ? `/${d.phase}` : ''}${d.notApplicableReason ? ' (flagged)' : ''}`);
const due = (d: Duty) => (computeDuty(d, { calendar }) as Deadline).dueDate;

const placement = {
  fact: 'PLACEMENT_STARTED', placementId: 'pl', periodOfCareId: 'pc', startedAt: '2026-12-21T10:00:00Z', providerKind: 'FOSTER',
  isEmergency: false, firstInPeriod: false, intendedUntil18: false, custody: false,
} as const;

describe('dutiesFor: which clocks a fact starts', () => {
  it.each`
    fact                                                                                     | expected                                                                                                                                  | why
    ${{ fact: 'PERIOD_OF_CARE_STARTED', periodOfCareId: 'pc', startedOn: '2026-12-21', shortBreak: false }} | ${['IRO-APPOINT-5WD@period:pc', 'HP-IHA@period:pc', 'PEP-10WD@period:pc']}                                  | ${'becoming looked after starts the period clocks (the review cycle is the reviews service\'s)'}
    ${{ fact: 'PERIOD_OF_CARE_STARTED', periodOfCareId: 'pc', startedOn: '2026-12-21', shortBreak: true }}  | ${[]}                                                                                                        | ${'a pre-planned short break has no clocks (reg 48, 903 rule 399)'}
    ${placement}                                                                             | ${['PP-DUE-5WD@placement:pl', 'LA-IRO-PLACEMENT@placement:pl/planned', 'VIS-1WK@placement:pl:visit-after:start']} | ${'a planned foster placement: placement plan, the reg 13 notice before it starts, first visit'}
    ${{ ...placement, providerKind: 'CHILDRENS_HOME', isEmergency: true, firstInPeriod: true }} | ${['PP-DUE-5WD@placement:pl', 'PCPP-5WD@placement:pl', 'PPM-72H@placement:pl', 'LA-IRO-PLACEMENT@placement:pl', 'VIS-1WK@placement:pl:visit-after:start', 'CP-DUE-10WD@period:pc']} | ${'the first, emergency placement in a children\'s home: PCPP, 72-hour meeting, reg 13 notice in 5 WD, care plan'}
    ${{ ...placement, firstInPeriod: true, periodOfCareId: null }}                           | ${['PP-DUE-5WD@placement:pl', 'LA-IRO-PLACEMENT@placement:pl/planned', 'VIS-1WK@placement:pl:visit-after:start']} | ${'no care plan clock without a period of care'}
    ${{ ...placement, custody: true }}                                                       | ${['PP-DUE-5WD@placement:pl', 'LA-IRO-PLACEMENT@placement:pl/planned', 'VIS-YOI@placement:pl:visit-after:start/first']} | ${'in custody the first visit is VIS-YOI'}
    ${{ fact: 'VISIT_RECORDED', placementId: 'pl', placementStartedAt: '2026-12-21T10:00:00Z', visitedOn: '2026-12-22', intendedUntil18: false, custody: false }} | ${['VIS-6WK-Y1@placement:pl:visit-after:2026-12-22']} | ${'a visit in the first year starts a 6-week interval'}
    ${{ fact: 'VISIT_RECORDED', placementId: 'pl', placementStartedAt: '2025-01-06T10:00:00Z', visitedOn: '2026-03-02', intendedUntil18: true, custody: false }}  | ${['VIS-3M-LT@placement:pl:visit-after:2026-03-02']}  | ${'after the first year, a placement meant to last until 18 is visited 3-monthly'}
    ${{ fact: 'VISIT_RECORDED', placementId: 'pl', placementStartedAt: '2025-01-06T10:00:00Z', visitedOn: '2026-03-02', intendedUntil18: false, custody: false }} | ${['VIS-6WK-OTHER@placement:pl:visit-after:2026-03-02']} | ${'after the first year, other placements stay 6-weekly'}
    ${{ fact: 'REVIEW_HELD', reviewId: 'r1', periodOfCareId: 'pc', sequence: 1, heldOn: '2027-01-21' }} | ${['REV-DECISIONS-5WD@review:r1', 'CP-UPDATE-POSTREV-10WD@review:r1', 'REV-REPORT-20WD@review:r1', 'CP-PERM-2NDREV@period:pc']} | ${'the first review also starts the permanence plan clock'}
    ${{ fact: 'REVIEW_HELD', reviewId: 'r2', periodOfCareId: 'pc', sequence: 2, heldOn: '2027-04-21' }} | ${['REV-DECISIONS-5WD@review:r2', 'CP-UPDATE-POSTREV-10WD@review:r2', 'REV-REPORT-20WD@review:r2']} | ${'later reviews: decisions, care plan update, report'}
    ${{ fact: 'REVIEW_ADJOURNED', reviewId: 'r1', adjournedOn: '2027-01-21' }}               | ${['REV-ADJOURN-20WD@review:r1']}                                                                            | ${'an adjourned review reconvenes within 20 WD'}
    ${{ fact: 'REVIEW_SCHEDULED', reviewId: 'r1', sequence: 1, scheduledFor: '2027-01-21' }} | ${['REV-CONSULT-20WD@review:r1 (flagged)']}                                                                  | ${'a first review\'s consultation is flagged, not overdue (C-09, Example 6)'}
    ${{ fact: 'REVIEW_SCHEDULED', reviewId: 'r2', sequence: 2, scheduledFor: '2027-04-21' }} | ${['REV-CONSULT-20WD@review:r2']}                                                                            | ${'later reviews: consult 20 WD before'}
    ${{ fact: 'CONTACT_REFUSED', eventId: 'e1', occurredAt: '2027-03-01T09:00:00Z' }}       | ${['CON-S34-7D@event:e1']}                                                                                   | ${'a refusal of contact starts the 7-day clock'}
  `('$why', ({ fact, expected }) => {
    expect(rules(fact)).toEqual(expected);
  });
});

describe('computeDuty: the dates of the duties', () => {
  it.each`
    fact                                                                                                   | ruleId                   | expected        | why
    ${{ fact: 'PERIOD_OF_CARE_STARTED', periodOfCareId: 'pc', startedOn: '2026-12-21', shortBreak: false }} | ${'IRO-APPOINT-5WD'}     | ${'2026-12-30'} | ${'5 WD skipping Christmas, Boxing Day and its substitute Mon 28 Dec'}
    ${{ ...placement, isEmergency: true }}                                                                 | ${'PPM-72H'}             | ${'2026-12-24'} | ${'72 clock hours from the placement instant'}
    ${{ fact: 'REVIEW_HELD', reviewId: 'r1', periodOfCareId: 'pc', sequence: 1, heldOn: '2027-01-21' }}     | ${'REV-DECISIONS-5WD'}   | ${'2027-01-28'} | ${'Example 4: decisions'}
    ${{ fact: 'REVIEW_HELD', reviewId: 'r1', periodOfCareId: 'pc', sequence: 1, heldOn: '2027-01-21' }}     | ${'REV-REPORT-20WD'}     | ${'2027-02-18'} | ${'Example 4: report'}
    ${{ fact: 'REVIEW_SCHEDULED', reviewId: 'r2', sequence: 2, scheduledFor: '2027-04-21' }}               | ${'REV-CONSULT-20WD'}    | ${'2027-03-22'} | ${'Example 6: 20 WD before the second review'}
  `('$why', ({ fact, ruleId, expected }) => {
    const d = dutiesFor(fact).find((x) => x.ruleId === ruleId)!;
    expect(due(d)).toBe(expected);
  });

  it.each`
    start                     | lastVisit       | intendedUntil18 | custody  | why
    ${'2026-12-21T10:00:00Z'} | ${null}         | ${false}        | ${false} | ${'first visit'}
    ${'2026-12-21T10:00:00Z'} | ${'2026-12-22'} | ${false}        | ${false} | ${'first year'}
    ${'2025-01-06T10:00:00Z'} | ${'2026-03-02'} | ${true}         | ${false} | ${'long-term after the first year'}
    ${'2025-01-06T10:00:00Z'} | ${'2026-03-02'} | ${false}        | ${true}  | ${'custody after the first year'}
  `('a visit duty gives the date nextVisitDue gives: $why', ({ start, lastVisit, intendedUntil18, custody }) => {
    const fact: DutyFact = lastVisit
      ? { fact: 'VISIT_RECORDED', placementId: 'pl', placementStartedAt: start, visitedOn: lastVisit, intendedUntil18, custody }
      : { ...placement, startedAt: start, intendedUntil18, custody };
    const d = dutiesFor(fact).find((x) => x.subject.includes(':visit-after:'))!;
    expect(computeDuty(d, { calendar })).toEqual(nextVisitDue({ placementStart: start.slice(0, 10), lastVisit, intendedUntil18, custody, calendar }));
  });

  it('an authority that switched a LOCAL rule off gets null; a national visit clock ignores overrides', () => {
    const [consult] = dutiesFor({ fact: 'REVIEW_SCHEDULED', reviewId: 'r2', sequence: 2, scheduledFor: '2027-04-21' });
    expect(computeDuty(consult!, { calendar, overrides: [{ ruleId: 'REV-CONSULT-20WD', enabled: false }] })).toBeNull();
    const visit = dutiesFor({ ...placement, custody: true }).find((x) => x.ruleId === 'VIS-YOI')!;
    expect(computeDuty(visit, { calendar, overrides: [{ ruleId: 'VIS-YOI', enabled: false }] })).not.toBeNull();
  });

  it('a working-day count past the calendar is a BeyondCalendar entry, not an error', () => {
    const [iro] = dutiesFor({ fact: 'PERIOD_OF_CARE_STARTED', periodOfCareId: 'pc', startedOn: '2028-12-27', shortBreak: false });
    expect(computeDuty(iro!, { calendar })).toMatchObject({ beyondCalendar: true, ruleId: 'IRO-APPOINT-5WD' });
  });
});
