import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PEP_10WD as rule } from './pep-10wd';

const calendar = HolidayCalendar.default();

describe('PEP-10WD Personal education plan within 10 working days of an emergency placement', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PEP-10WD Personal education plan within 10 working days of an emergency placement');
  });

  it.each([
    { start: '2026-12-21', expected: '2027-01-07', practical: undefined, why: 'Example 1: same clock as the care plan' },
    { start: '2027-03-24', expected: '2027-04-09', practical: undefined, why: 'Example 5' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2026-12-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
