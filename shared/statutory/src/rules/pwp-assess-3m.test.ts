import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { PWP_ASSESS_3M as rule } from './pwp-assess-3m';

const calendar = HolidayCalendar.default();

describe('PWP-ASSESS-3M Needs assessment within 3 months of the 16th birthday or of becoming eligible', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PWP-ASSESS-3M Needs assessment within 3 months of the 16th birthday or of becoming eligible');
  });

  it.each([
    { start: '2027-02-10', expected: '2027-05-10', practical: undefined, why: 'Example 9a' },
    { start: '2027-04-04', expected: '2027-07-04', practical: '2027-07-02', why: 'Example 9b: a Sunday, no roll-forward' },
    { start: '2026-11-30', expected: '2027-02-28', practical: '2027-02-26', why: 'no 30 February' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2027-02-10', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2027-02-10', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
