import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_6WK_OTHER as rule } from './vis-6wk-other';

const calendar = HolidayCalendar.default();

describe('VIS-6WK-OTHER Visits at intervals of not more than 6 weeks after the first year (other placements)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-6WK-OTHER Visits at intervals of not more than 6 weeks after the first year (other placements)');
  });

  it.each([
    { start: '2028-01-31', expected: '2028-03-13', practical: undefined, why: '42 days across a leap February' },
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
