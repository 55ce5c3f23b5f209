import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { REV_1ST_20WD as rule } from './rev-1st-20wd';

const calendar = HolidayCalendar.default();

describe('REV-1ST-20WD First review within 20 working days of becoming looked after', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-1ST-20WD First review within 20 working days of becoming looked after');
  });

  it.each([
    { start: '2026-12-21', expected: '2027-01-21', practical: undefined, why: 'Example 3' },
    { start: '2027-03-24', expected: '2027-04-23', practical: undefined, why: 'Example 5' },
    { start: '2027-12-23', expected: '2028-01-25', practical: undefined, why: 'Example 7' },
    { start: '2026-01-03', expected: '2026-01-30', practical: undefined, why: 'became looked after on a Saturday' },
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
