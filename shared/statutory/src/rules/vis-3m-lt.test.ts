import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_3M_LT as rule } from './vis-3m-lt';

const calendar = HolidayCalendar.default();

describe('VIS-3M-LT Visits at intervals of not more than 3 months after the first year (placement intended to last until 18)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-3M-LT Visits at intervals of not more than 3 months after the first year (placement intended to last until 18)');
  });

  it.each([
    { start: '2028-01-31', expected: '2028-04-30', practical: '2028-04-28', why: 'month end; 30 Apr 2028 is a Sunday' },
    { start: '2027-11-30', expected: '2028-02-29', practical: undefined, why: 'leap year February' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2028-01-31', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2028-01-31', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
