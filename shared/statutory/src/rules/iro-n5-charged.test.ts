import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { IRO_N5_CHARGED as rule } from './iro-n5-charged';

const calendar = HolidayCalendar.default();

describe('IRO-N5-CHARGED IRO told promptly: the child is charged with an offence', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('IRO-N5-CHARGED IRO told promptly: the child is charged with an offence');
  });

  it.each([
    { start: '2026-12-26T22:00:00+00:00', expected: '2026-12-26', dueAt: '2026-12-26T22:00:00+00:00', practical: undefined, why: 'charged: due at the moment of the event' },
    { start: '2027-07-01T08:00:00Z', expected: '2027-07-01', dueAt: '2027-07-01T09:00:00+01:00', practical: undefined, why: 'a summer event is rendered in BST' },
    { start: '2026-12-23', expected: '2026-12-23', dueAt: '2026-12-23T23:59:59.999+00:00', practical: undefined, why: 'given only the date, due by the end of that day' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2026-12-26T22:00:00+00:00', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
