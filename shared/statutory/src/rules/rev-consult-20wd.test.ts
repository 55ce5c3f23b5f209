import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { REV_CONSULT_20WD as rule } from './rev-consult-20wd';

const calendar = HolidayCalendar.default();

describe('REV-CONSULT-20WD Child consulted at least 20 working days before the review', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-CONSULT-20WD Child consulted at least 20 working days before the review');
  });

  it.each([
    { start: '2027-01-21', expected: '2026-12-21', practical: undefined, why: 'Example 6: lands on the day the child became looked after' },
    { start: '2027-04-21', expected: '2027-03-22', practical: undefined, why: 'second review after Easter 2027' },
    { start: '2027-10-21', expected: '2027-09-23', practical: undefined, why: 'third review' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2027-01-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
