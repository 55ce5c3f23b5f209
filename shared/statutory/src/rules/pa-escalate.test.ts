import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PA_ESCALATE as rule } from './pa-escalate';

const calendar = HolidayCalendar.default();

describe('PA-ESCALATE Escalate when a requested review does not take place (configurable wait)', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PA-ESCALATE Escalate when a requested review does not take place (configurable wait)');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-02-18', practical: undefined, why: 'default wait of 20 working days' },
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
