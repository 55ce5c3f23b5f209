import { StatutoryInputError } from '../errors';
import { retainUntil } from './retention';

describe('retainUntil (RET-LA-75, RET-CH-75, RET-NOTE)', () => {
  it.each`
    dob             | dod             | expected        | cppcr           | chr             | why
    ${'2011-02-10'} | ${undefined}    | ${'2086-02-10'} | ${'2086-02-10'} | ${'2086-02-10'} | ${'Example 12: 75th anniversary of birth'}
    ${'2011-02-10'} | ${'2024-03-03'} | ${'2039-03-03'} | ${'2039-03-02'} | ${'2039-03-03'} | ${'Example 12: died aged 13, the later of the two 15-year readings'}
    ${'2011-02-10'} | ${'2029-02-09'} | ${'2044-02-09'} | ${'2044-02-08'} | ${'2044-02-09'} | ${'died the day before the 18th birthday: 15-year rule'}
    ${'2011-02-10'} | ${'2029-02-10'} | ${'2086-02-10'} | ${'2086-02-10'} | ${'2086-02-10'} | ${'died on the 18th birthday: 75-year rule'}
    ${'2011-02-10'} | ${null}         | ${'2086-02-10'} | ${'2086-02-10'} | ${'2086-02-10'} | ${'null date of death means alive'}
    ${'2012-02-29'} | ${undefined}    | ${'2087-03-01'} | ${'2087-03-01'} | ${'2087-03-01'} | ${'29 Feb birth: 75th anniversary in a common year is 1 Mar'}
    ${'2015-06-01'} | ${'2024-02-29'} | ${'2039-03-01'} | ${'2039-02-28'} | ${'2039-03-01'} | ${'died on 29 Feb: 15th anniversary in a common year is 1 Mar'}
  `('$why', ({ dob, dod, expected, cppcr, chr }) => {
    const r = retainUntil({ dateOfBirth: dob, dateOfDeath: dod });
    expect([r.date, r.retainUntil, r.cppcrDate, r.chrDate]).toEqual([expected, expected, cppcr, chr]);
  });

  it('explains the basis and names the rules', () => {
    const r = retainUntil({ dateOfBirth: '2011-02-10', dateOfDeath: '2024-03-03' });
    expect(r.diedBeforeEighteen).toBe(true);
    expect(r.ruleIds).toEqual(['RET-LA-75', 'RET-CH-75', 'RET-NOTE']);
    expect(r.basis).toContain('keep until the later, Thu 3 Mar 2039');
    expect(retainUntil({ dateOfBirth: '2011-02-10' }).basis).toContain('keep until Sun 10 Feb 2086');
  });

  it('refuses a death before birth', () => {
    expect(() => retainUntil({ dateOfBirth: '2011-02-10', dateOfDeath: '2010-01-01' })).toThrow(StatutoryInputError);
  });
});
