import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { VIS_YOI as rule } from './vis-yoi';

const calendar = HolidayCalendar.default();

describe('VIS-YOI Visits to a young person in a YOI: within 1 week, 6-weekly in the first year, then 3-monthly', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-YOI Visits to a young person in a YOI: within 1 week, 6-weekly in the first year, then 3-monthly');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-28', phase: 'first', practical: '2026-12-24', why: 'within a week of the start (a bank holiday)' },
    { start: '2027-01-10', expected: '2027-02-21', phase: 'first-year', practical: '2027-02-19', why: 'six-weekly in the first year (a Sunday)' },
    { start: '2028-01-10', expected: '2028-04-10', phase: 'after-first-year', practical: undefined, why: 'three-monthly after it' },
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
