import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { LA_IRO_CONTACT as rule } from './la-iro-contact';

const calendar = HolidayCalendar.default();

describe('LA-IRO-CONTACT IRO told immediately, in writing, of a s34(6) contact refusal', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('LA-IRO-CONTACT IRO told immediately, in writing, of a s34(6) contact refusal');
  });

  it.each([
    { start: '2026-12-26T22:00:00+00:00', expected: '2026-12-26', dueAt: '2026-12-26T22:00:00+00:00', practical: undefined, why: 'Example 10a: due at the moment of the event' },
    { start: '2027-07-01T08:00:00Z', expected: '2027-07-01', dueAt: '2027-07-01T09:00:00+01:00', practical: undefined, why: 'a summer event is rendered in BST' },
    { start: '2026-12-23', expected: '2026-12-23', dueAt: '2026-12-23T23:59:59.999+00:00', practical: undefined, why: 'given only the date, due by the end of that day' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2026-12-26T22:00:00+00:00', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2026-12-26T22:00:00+00:00', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
