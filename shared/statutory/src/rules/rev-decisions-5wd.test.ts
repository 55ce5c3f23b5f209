import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { REV_DECISIONS_5WD as rule } from './rev-decisions-5wd';

const calendar = HolidayCalendar.default();

describe('REV-DECISIONS-5WD Review decisions circulated within 5 working days', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-DECISIONS-5WD Review decisions circulated within 5 working days');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-01-28', practical: undefined, why: 'Example 4' },
    { start: '2026-12-23', expected: '2027-01-04', practical: undefined, why: 'review on 23 Dec 2026' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (NAT-GUID)', () => {
    expect(computeDeadline(rule.id, '2027-01-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
