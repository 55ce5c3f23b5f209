import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { HP_RHA as rule } from './hp-rha';

const calendar = HolidayCalendar.default();

describe('HP-RHA Review health assessment every 6 months before age 5 and every 12 months after', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('HP-RHA Review health assessment every 6 months before age 5 and every 12 months after');
  });

  it.each([
    { start: '2026-03-01', expected: '2026-09-01', phase: 'under-5', practical: undefined, why: 'under 5: six months' },
    { start: '2027-01-31', expected: '2028-01-31', phase: 'from-5', practical: undefined, why: 'from 5: twelve months' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2026-03-01', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2026-03-01', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
