import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { R40_LOCAL_24H as rule } from './r40-local-24h';

const calendar = HolidayCalendar.default();

describe('R40-LOCAL-24H Serious event notifications sent within 24 hours (local target)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('R40-LOCAL-24H Serious event notifications sent within 24 hours (local target)');
  });

  it.each([
    { start: '2026-12-26T22:00:00+00:00', expected: '2026-12-27', dueAt: '2026-12-27T22:00:00+00:00', practical: undefined, why: 'Example 10b: Saturday night' },
    { start: '2026-03-28T22:00:00+00:00', expected: '2026-03-29', dueAt: '2026-03-29T23:00:00+01:00', practical: undefined, why: 'across the spring clock change' },
    { start: '2026-10-24T23:30:00+01:00', expected: '2026-10-25', dueAt: '2026-10-25T22:30:00+00:00', practical: undefined, why: 'across the autumn clock change' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2026-12-26T22:00:00+00:00', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
