import { easterSunday, goodFriday } from './easter';

describe('Easter and Good Friday (Good Friday is non-working by name: TIME-WD-DEF)', () => {
  it.each`
    year    | easter          | friday          | why
    ${2025} | ${'2025-04-20'} | ${'2025-04-18'} | ${'2025'}
    ${2026} | ${'2026-04-05'} | ${'2026-04-03'} | ${'2026'}
    ${2027} | ${'2027-03-28'} | ${'2027-03-26'} | ${'2027 (Example 5)'}
    ${2028} | ${'2028-04-16'} | ${'2028-04-14'} | ${'2028 (provisional data)'}
    ${2008} | ${'2008-03-23'} | ${'2008-03-21'} | ${'an early Easter'}
    ${2038} | ${'2038-04-25'} | ${'2038-04-23'} | ${'the latest possible Easter'}
  `('$why', ({ year, easter, friday }) => {
    expect(easterSunday(year)).toBe(easter);
    expect(goodFriday(year)).toBe(friday);
  });
});
