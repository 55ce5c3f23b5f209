import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_SPECIAL_2 as rule } from './vis-special-2';

const calendar = HolidayCalendar.default();

describe('VIS-SPECIAL-2 Weekly visits until the first review, then at most 4-weekly (temporary connected-person approval, or ICO at home)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-SPECIAL-2 Weekly visits until the first review, then at most 4-weekly (temporary connected-person approval, or ICO at home)');
  });

  it.each([
    { start: '2026-12-22', expected: '2026-12-29', phase: 'until-first-review', practical: undefined, why: 'weekly before the first review' },
    { start: '2026-12-22', expected: '2027-01-19', phase: 'after-first-review', practical: undefined, why: 'four-weekly after it' },
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
