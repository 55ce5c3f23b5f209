import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { REV_NEXT_6M as rule } from './rev-next-6m';

const calendar = HolidayCalendar.default();

describe('REV-NEXT-6M Later reviews not more than 6 months after the previous review', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-NEXT-6M Later reviews not more than 6 months after the previous review');
  });

  it.each([
    { start: '2027-04-21', expected: '2027-10-21', practical: undefined, why: 'Example 3' },
    { start: '2028-03-31', expected: '2028-09-30', practical: '2028-09-29', why: 'Example 8b' },
    { start: '2027-08-31', expected: '2028-02-29', practical: undefined, why: 'no 31 February, leap year' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2027-04-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2027-04-21', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
