import { ageMilestones, ageOn, anniversary } from './ages';

describe('anniversary (Family Law Reform Act 1969 s9)', () => {
  it.each`
    dob             | years | expected        | why
    ${'2011-02-10'} | ${16} | ${'2027-02-10'} | ${'an ordinary birthday (Example 9a)'}
    ${'2011-02-10'} | ${75} | ${'2086-02-10'} | ${'75th anniversary for retention (Example 12)'}
    ${'2012-02-29'} | ${1}  | ${'2013-03-01'} | ${'29 Feb birthday in a common year falls on 1 Mar'}
    ${'2012-02-29'} | ${4}  | ${'2016-02-29'} | ${'29 Feb birthday in a leap year'}
    ${'2012-02-29'} | ${14} | ${'2026-03-01'} | ${'14th birthday of a 29 Feb child in 2026'}
  `('$why', ({ dob, years, expected }) => {
    expect(anniversary(dob, years)).toBe(expected);
  });
});

describe('ageOn', () => {
  it.each`
    dob             | on              | expected | why
    ${'2011-02-10'} | ${'2027-02-09'} | ${15}    | ${'the day before the 16th birthday'}
    ${'2011-02-10'} | ${'2027-02-10'} | ${16}    | ${'on the 16th birthday'}
    ${'2012-02-29'} | ${'2013-02-28'} | ${0}     | ${'a 29 Feb child is not yet 1 on 28 Feb'}
    ${'2012-02-29'} | ${'2013-03-01'} | ${1}     | ${'a 29 Feb child is 1 on 1 Mar'}
  `('$why', ({ dob, on, expected }) => {
    expect(ageOn(dob, on)).toBe(expected);
  });
});

describe('ageMilestones (AGE-16Y3M, AGE-18, AGE-20Y6M, AGE-21)', () => {
  it('gives every milestone of a child born 10 Feb 2011', () => {
    expect(ageMilestones('2011-02-10')).toEqual({
      fifth: '2016-02-10',
      fourteenth: '2025-02-10',
      sixteenth: '2027-02-10',
      sixteenYearsThreeMonths: '2027-05-10',
      eighteenth: '2029-02-10',
      twentyYearsSixMonths: '2031-08-10',
      twentyFirst: '2032-02-10',
      twentyFifth: '2036-02-10',
    });
  });

  it.each`
    dob             | key                          | expected        | why
    ${'2010-11-30'} | ${'sixteenYearsThreeMonths'} | ${'2027-02-28'} | ${'16y3m from a 30 Nov birthday ends on the last day of February'}
    ${'2010-11-30'} | ${'twentyYearsSixMonths'}    | ${'2031-05-30'} | ${'20y6m corresponding date'}
    ${'2012-02-29'} | ${'sixteenth'}               | ${'2028-02-29'} | ${'16th birthday of a 29 Feb child in a leap year'}
    ${'2012-02-29'} | ${'eighteenth'}              | ${'2030-03-01'} | ${'18th birthday of a 29 Feb child in a common year'}
  `('$why', ({ dob, key, expected }) => {
    expect(ageMilestones(dob)[key as keyof ReturnType<typeof ageMilestones>]).toBe(expected);
  });
});
