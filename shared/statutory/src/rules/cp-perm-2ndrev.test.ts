import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { CP_PERM_2NDREV as rule } from './cp-perm-2ndrev';

const calendar = HolidayCalendar.default();

describe('CP-PERM-2NDREV Plan for permanence by the second review', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('CP-PERM-2NDREV Plan for permanence by the second review');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-04-21', practical: undefined, why: 'due with the second review after a first review on 21 Jan 2027' },
    { start: '2026-11-30', expected: '2027-02-28', practical: '2027-02-26', why: 'month end, as the second review (Example 8a)' },
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
