import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { REV_REPORT_20WD as rule } from './rev-report-20wd';

const calendar = HolidayCalendar.default();

describe('REV-REPORT-20WD Review record circulated within 20 working days', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('REV-REPORT-20WD Review record circulated within 20 working days');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-02-18', practical: undefined, why: 'Example 4' },
    { start: '2026-12-21', expected: '2027-01-21', practical: undefined, why: 'review on 21 Dec 2026' },
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
