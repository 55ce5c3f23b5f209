import { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import { computeDeadline } from './compute-deadline';
import type { BeyondCalendar, Deadline, RuleNotApplicable } from './deadline';
import { type PreviewFacts, previewDeadline } from './preview';

const calendar = HolidayCalendar.default();

describe('previewDeadline: rules computed from an anchor', () => {
  it.each`
    ruleId                | start                          | phase         | expected        | why
    ${'REV-REPORT-20WD'}  | ${'2027-03-03'}                | ${undefined}  | ${'2027-04-02'} | ${'if the review sits on 3 March 2027, the report is due 20 working days later, skipping Easter 2027'}
    ${'REV-DECISIONS-5WD'}| ${'2027-03-03'}                | ${undefined}  | ${'2027-03-10'} | ${'and its decisions 5 working days later'}
    ${'CON-S34-7D'}       | ${'2027-02-25T10:00:00Z'}      | ${undefined}  | ${'2027-03-04'} | ${'a refusal on 25 Feb 2027 runs out 7 calendar days later'}
    ${'PPM-72H'}          | ${'2027-06-30T23:30:00Z'}      | ${undefined}  | ${'2027-07-04'} | ${'an hour rule from a future instant'}
    ${'REV-CONSULT-20WD'} | ${'2027-04-21'}                | ${undefined}  | ${'2027-03-22'} | ${'a "before" rule counts back from a future review'}
    ${'APP-PANEL-PAPERS'} | ${'2027-01-21'}                | ${'distribute'} | ${'2027-01-18'} | ${'a stage of a multi-stage rule'}
    ${'VIS-1WK'}          | ${'2027-05-10'}                | ${undefined}  | ${'2027-05-17'} | ${'the first visit needs only the placement start as anchor'}
  `('$why', ({ ruleId, start, phase, expected }) => {
    const d = previewDeadline({ ruleId, anchor: start, calendar, ...(phase ? { phase } : {}) }) as Deadline;
    expect(d.dueDate).toBe(expected);
    expect(d).toEqual(computeDeadline(ruleId, start, { calendar, ...(phase ? { phase } : {}) }));
  });

  it('applies the organisation\'s overrides, and says so in the basis', () => {
    const d = previewDeadline({ ruleId: 'PCPP-5WD', anchor: '2027-03-01', calendar, overrides: [{ ruleId: 'PCPP-5WD', count: 10 }] }) as Deadline;
    expect(d.basis).toMatchObject({ count: 10, overridden: true });
  });

  it('answers not applicable for a rule the organisation switched off', () => {
    const r = previewDeadline({ ruleId: 'PCPP-5WD', anchor: '2027-03-01', calendar, overrides: [{ ruleId: 'PCPP-5WD', enabled: false }] }) as RuleNotApplicable;
    expect(r).toMatchObject({ applicable: false, ruleId: 'PCPP-5WD' });
    expect(r.reason).toContain('switched off');
  });

  it('answers beyond the calendar rather than guess', () => {
    const r = previewDeadline({ ruleId: 'REV-REPORT-20WD', anchor: '2028-12-20', calendar }) as BeyondCalendar;
    expect(r).toMatchObject({ beyondCalendar: true, uncoveredDate: '2029-01-01', calendarEndsOn: '2028-12-31' });
  });

  it.each`
    ruleId            | anchor          | why
    ${'NOT-A-RULE'}   | ${'2027-01-01'} | ${'an unknown rule'}
    ${'CP-KEY-OBJ'}   | ${'2027-01-01'} | ${'a catalogue rule with no clock'}
    ${'CP-DUE-10WD'}  | ${undefined}    | ${'a missing anchor'}
    ${'CP-DUE-10WD'}  | ${'3 March'}    | ${'a malformed anchor'}
    ${'PPM-72H'}      | ${'2027-03-03'} | ${'a date for an hour rule'}
  `('refuses $why', ({ ruleId, anchor }) => {
    expect(() => previewDeadline({ ruleId, anchor, calendar })).toThrow(StatutoryInputError);
  });
});

describe('previewDeadline: rules that need more facts than an anchor', () => {
  it.each`
    ruleId               | facts                                                          | missing                              | why
    ${'PWP-ASSESS-3M'}   | ${{}}                                                          | ${['dateOfBirth', 'eligibleFrom']}   | ${'the needs assessment needs the birthday and eligibility'}
    ${'PWP-ASSESS-3M'}   | ${{ dateOfBirth: '2011-02-10' }}                               | ${['eligibleFrom']}                  | ${'eligibility alone is missing'}
    ${'PWP-LOCAL-16Y3M'} | ${{ eligibleFrom: '2027-02-10' }}                              | ${['dateOfBirth']}                   | ${'the local pathway plan clock counts from the 16th birthday'}
    ${'VIS-6WK-Y1'}      | ${{}}                                                          | ${['placementStart']}                | ${'a visit interval depends on the placement'}
    ${'VIS-3M-LT'}       | ${{ placementStart: '2026-01-05' }}                            | ${['intendedUntil18']}               | ${'the long-term interval depends on the intended length'}
  `('names the missing facts: $why', ({ ruleId, facts, missing }) => {
    const r = previewDeadline({ ruleId, anchor: '2027-03-01', facts, calendar }) as RuleNotApplicable;
    expect(r).toMatchObject({ applicable: false, ruleId, missingFacts: missing });
    for (const m of missing) expect(r.reason).toContain(m);
  });

  it.each`
    ruleId               | anchor          | facts                                                                  | expected        | why
    ${'PWP-ASSESS-3M'}   | ${undefined}    | ${{ dateOfBirth: '2011-02-10', eligibleFrom: '2027-02-10' }}           | ${'2027-05-10'} | ${'3 months after the 16th birthday (Example 9a)'}
    ${'PWP-ASSESS-3M'}   | ${undefined}    | ${{ dateOfBirth: '2010-06-01', eligibleFrom: '2027-04-04' }}           | ${'2027-07-04'} | ${'3 months after becoming eligible, when that is later'}
    ${'PWP-LOCAL-16Y3M'} | ${undefined}    | ${{ dateOfBirth: '2011-02-10', eligibleFrom: '2027-02-10' }}           | ${'2027-05-10'} | ${'16 years 3 months'}
    ${'VIS-6WK-Y1'}      | ${'2027-03-01'} | ${{ placementStart: '2026-12-21' }}                                    | ${'2027-04-12'} | ${'6 weeks after a visit in the first year'}
    ${'VIS-3M-LT'}       | ${'2027-03-01'} | ${{ placementStart: '2025-12-01', intendedUntil18: true }}             | ${'2027-06-01'} | ${'3 months after a visit in a long-term placement, after its first year'}
    ${'VIS-6WK-OTHER'}   | ${'2027-03-01'} | ${{ placementStart: '2025-12-01', intendedUntil18: false }}            | ${'2027-04-12'} | ${'6 weeks after the first year otherwise'}
  `('computes from the facts: $why', ({ ruleId, anchor, facts, expected }) => {
    const d = previewDeadline({ ruleId, anchor, facts: facts as PreviewFacts, calendar }) as Deadline;
    expect(d.ruleId).toBe(ruleId);
    expect(d.dueDate).toBe(expected);
  });

  it.each`
    ruleId          | facts                                                        | instead          | why
    ${'VIS-3M-LT'}  | ${{ placementStart: '2026-12-21', intendedUntil18: true }}   | ${'VIS-6WK-Y1'}  | ${'a visit in the first year is six-weekly even for a long-term placement'}
    ${'VIS-6WK-Y1'} | ${{ placementStart: '2025-01-06' }}                          | ${'VIS-6WK-OTHER'} | ${'after the first year the six-week first-year rule no longer governs'}
  `('says which rule governs instead: $why', ({ ruleId, facts, instead }) => {
    const r = previewDeadline({ ruleId, anchor: '2027-03-01', facts, calendar }) as RuleNotApplicable;
    expect(r).toMatchObject({ applicable: false, ruleId, appliesInstead: instead });
  });
});
