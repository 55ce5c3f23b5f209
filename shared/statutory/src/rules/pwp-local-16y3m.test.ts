import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PWP_LOCAL_16Y3M as rule } from './pwp-local-16y3m';

const calendar = HolidayCalendar.default();

describe('PWP-LOCAL-16Y3M First pathway plan completed by age 16 years 3 months', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PWP-LOCAL-16Y3M First pathway plan completed by age 16 years 3 months');
  });

  it.each([
    { start: '2027-02-10', expected: '2027-05-10', practical: undefined, why: 'Example 9a: 16 years 3 months' },
    { start: '2026-11-30', expected: '2027-02-28', practical: '2027-02-26', why: 'a 30 Nov birthday' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2027-02-10', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
