import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { IRO_APPOINT_5WD as rule } from './iro-appoint-5wd';

const calendar = HolidayCalendar.default();

describe('IRO-APPOINT-5WD IRO appointed within 5 working days (good practice)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('IRO-APPOINT-5WD IRO appointed within 5 working days (good practice)');
  });

  it.each([
    { start: '2026-12-21', expected: '2026-12-30', practical: undefined, why: 'over Christmas 2026' },
    { start: '2027-03-24', expected: '2027-04-02', practical: undefined, why: 'over Easter 2027' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (NAT-GUID)', () => {
    expect(computeDeadline(rule.id, '2026-12-21', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
