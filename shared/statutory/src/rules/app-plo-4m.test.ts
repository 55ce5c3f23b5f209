import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { APP_PLO_4M as rule } from './app-plo-4m';

const calendar = HolidayCalendar.default();

describe('APP-PLO-4M PLO pre-proceedings concluded within 4 months (progress reviewed at 3)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('APP-PLO-4M PLO pre-proceedings concluded within 4 months (progress reviewed at 3)');
  });

  it.each([
    { start: '2026-10-31', expected: '2027-02-28', phase: 'conclude', practical: '2027-02-26', why: 'concluded within 4 months (month end)' },
    { start: '2026-10-31', expected: '2027-01-31', phase: 'progress-review', practical: '2027-01-29', why: 'progress reviewed at 3 months' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2026-10-31', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
