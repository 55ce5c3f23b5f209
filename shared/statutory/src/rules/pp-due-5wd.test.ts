import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { PP_DUE_5WD as rule } from './pp-due-5wd';

const calendar = HolidayCalendar.default();

describe('PP-DUE-5WD Placement plan within 5 working days of the placement starting', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PP-DUE-5WD Placement plan within 5 working days of the placement starting');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-30', practical: undefined, why: 'Example 2' },
    { start: '2027-03-24', expected: '2027-04-02', practical: undefined, why: 'Example 5' },
    { start: '2027-12-23', expected: '2028-01-04', practical: undefined, why: 'Example 7' },
    { start: '2026-08-27', expected: '2026-09-04', practical: undefined, why: 'Summer bank holiday 2026 skipped' },
    { start: '2026-12-25', expected: '2027-01-05', practical: undefined, why: 'placement on Christmas Day' },
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
