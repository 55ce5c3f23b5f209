import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_CO_HOME as rule } from './vis-co-home';

const calendar = HolidayCalendar.default();

describe('VIS-CO-HOME Visit within 1 week of a care order where the child lives with a parent, then at most 6-weekly', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-CO-HOME Visit within 1 week of a care order where the child lives with a parent, then at most 6-weekly');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-28', phase: 'first', practical: '2026-12-24', why: 'within a week of the care order (a bank holiday)' },
    { start: '2027-01-04', expected: '2027-02-15', phase: 'later', practical: undefined, why: 'then six-weekly' },
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
