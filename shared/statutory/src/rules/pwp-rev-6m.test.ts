import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { PWP_REV_6M as rule } from './pwp-rev-6m';

const calendar = HolidayCalendar.default();

describe('PWP-REV-6M Pathway plan reviewed at intervals of not more than 6 months', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PWP-REV-6M Pathway plan reviewed at intervals of not more than 6 months');
  });

  it.each([
    { start: '2027-08-31', expected: '2028-02-29', practical: undefined, why: 'Example 8c: leap year' },
    { start: '2026-08-31', expected: '2027-02-28', practical: '2027-02-26', why: 'no 31 February in a common year' },
    { start: '2027-03-15', expected: '2027-09-15', practical: undefined, why: 'corresponding date' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2027-08-31', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2027-08-31', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
