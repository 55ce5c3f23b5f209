import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PCPP_5WD as rule } from './pcpp-5wd';

const calendar = HolidayCalendar.default();

describe('PCPP-5WD Initial Placement, Care and Pathway Plan within 5 working days of admission', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PCPP-5WD Initial Placement, Care and Pathway Plan within 5 working days of admission');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-30', practical: undefined, why: 'Example 2' },
    { start: '2027-05-28', expected: '2027-06-07', practical: undefined, why: 'Spring bank holiday 2027 skipped' },
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
