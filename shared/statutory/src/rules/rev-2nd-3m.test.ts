import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { REV_2ND_3M as rule } from './rev-2nd-3m';

const calendar = HolidayCalendar.default();

describe('REV-2ND-3M Second review not more than 3 months after the first', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-2ND-3M Second review not more than 3 months after the first');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-04-21', practical: undefined, why: 'Example 3' },
    { start: '2026-11-30', expected: '2027-02-28', practical: '2027-02-26', why: 'Example 8a' },
    { start: '2027-11-30', expected: '2028-02-29', practical: undefined, why: 'leap year February' },
    { start: '2027-10-31', expected: '2028-01-31', practical: undefined, why: 'corresponding date across the year end' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2027-01-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2027-01-21', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
