import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_6WK_Y1 as rule } from './vis-6wk-y1';

const calendar = HolidayCalendar.default();

describe('VIS-6WK-Y1 Visits at intervals of not more than 6 weeks in the first year of a placement', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-6WK-Y1 Visits at intervals of not more than 6 weeks in the first year of a placement');
  });

  it.each([
    { start: '2026-12-22', expected: '2027-02-02', practical: undefined, why: 'Example 11' },
    { start: '2026-12-28', expected: '2027-02-08', practical: undefined, why: 'Example 11, first visit at the limit' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2026-12-22', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2026-12-22', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
