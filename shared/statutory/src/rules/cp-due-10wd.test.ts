import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { CP_DUE_10WD as rule } from './cp-due-10wd';

const calendar = HolidayCalendar.default();

describe('CP-DUE-10WD Care plan within 10 working days of the first placement', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('CP-DUE-10WD Care plan within 10 working days of the first placement');
  });

  it.each([
    { start: '2026-12-21', expected: '2027-01-07', practical: undefined, why: 'Example 1: Christmas 2026 emergency admission' },
    { start: '2027-03-24', expected: '2027-04-09', practical: undefined, why: 'Example 5: Easter 2027' },
    { start: '2027-12-23', expected: '2028-01-11', practical: undefined, why: 'Example 7: double substitutes' },
    { start: '2026-05-01', expected: '2026-05-18', practical: undefined, why: 'Early May bank holiday 2026 skipped' },
    { start: '2026-01-03', expected: '2026-01-16', practical: undefined, why: 'first placement on a Saturday: day 1 is Monday' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2026-12-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2026-12-21', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
