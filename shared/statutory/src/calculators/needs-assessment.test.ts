import { healthAssessmentReviewDue } from './health';
import { needsAssessmentDue } from './needs-assessment';

describe('needsAssessmentDue (PWP-ASSESS-3M, CPPCR reg 42(1))', () => {
  it.each`
    dob             | eligibleFrom    | expected        | practical       | why
    ${'2011-02-10'} | ${'2027-02-10'} | ${'2027-05-10'} | ${undefined}    | ${'Example 9a: eligible on the 16th birthday'}
    ${'2010-06-01'} | ${'2027-04-04'} | ${'2027-07-04'} | ${'2027-07-02'} | ${'Example 9b: late entrant, due on a Sunday'}
    ${'2011-02-10'} | ${'2027-01-01'} | ${'2027-05-10'} | ${undefined}    | ${'anchored on the later of the 16th birthday and eligibility'}
  `('$why', ({ dob, eligibleFrom, expected, practical }) => {
    const d = needsAssessmentDue({ dateOfBirth: dob, eligibleFrom });
    expect([d.ruleId, d.dueDate, d.basis.practicalDate]).toEqual(['PWP-ASSESS-3M', expected, practical]);
  });
});

describe('healthAssessmentReviewDue (HP-RHA)', () => {
  it.each`
    last            | phase        | expected        | why
    ${'2026-03-01'} | ${'under-5'} | ${'2026-09-01'} | ${'under 5: six months'}
    ${'2027-12-01'} | ${'under-5'} | ${'2028-06-01'} | ${'an interval begun before the 5th birthday stays six months'}
    ${'2028-01-10'} | ${'from-5'}  | ${'2029-01-10'} | ${'on the 5th birthday: twelve months'}
  `('$why', ({ last, phase, expected }) => {
    const d = healthAssessmentReviewDue({ dateOfBirth: '2023-01-10', lastAssessment: last });
    expect([d.ruleId, d.phase, d.dueDate]).toEqual(['HP-RHA', phase, expected]);
  });
});
