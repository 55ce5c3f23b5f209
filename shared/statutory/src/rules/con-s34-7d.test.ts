import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { CON_S34_7D as rule } from './con-s34-7d';

const calendar = HolidayCalendar.default();

describe('CON-S34-7D Urgent refusal of contact lasts no more than 7 days', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('CON-S34-7D Urgent refusal of contact lasts no more than 7 days');
  });

  it.each([
    { start: '2026-12-23', expected: '2026-12-30', practical: undefined, why: 'Example 10a' },
    { start: '2027-02-25', expected: '2027-03-04', practical: undefined, why: 'across February in a common year' },
    { start: '2028-02-25', expected: '2028-03-03', practical: undefined, why: 'across February in a leap year' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2026-12-23', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2026-12-23', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
