import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { LA_IRO_PLACEMENT as rule } from './la-iro-placement';

const calendar = HolidayCalendar.default();

describe('LA-IRO-PLACEMENT Placement notified in writing within 5 working days of an emergency placement', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('LA-IRO-PLACEMENT Placement notified in writing within 5 working days of an emergency placement');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-30', practical: undefined, why: 'Example 2: emergency placement' },
    { start: '2025-12-24', expected: '2026-01-05', practical: undefined, why: 'Christmas Eve 2025 placement' },
    { start: '2026-12-21T15:00:00+00:00', phase: 'emergency', expected: '2026-12-30', practical: undefined, why: 'Example 2, the emergency stage named' },
    { start: '2026-12-21T15:00:00+00:00', phase: 'planned', expected: '2026-12-21', dueAt: '2026-12-21T15:00:00+00:00', practical: undefined, why: 'planned placement: notice due before it starts (reg 13(1))' },
    { start: '2026-12-25T09:00:00+00:00', phase: 'planned', expected: '2026-12-25', dueAt: '2026-12-25T09:00:00+00:00', practical: undefined, why: 'planned placement on Christmas Day: still due at the start, no working-day count' },
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
