import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { RuleOverrideError } from '../errors';
import { VIS_PA_RELEVANT as rule } from './vis-pa-relevant';

const calendar = HolidayCalendar.default();

describe('VIS-PA-RELEVANT Personal adviser visits a relevant child within 7 days of a move, then at least every 2 months', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('VIS-PA-RELEVANT Personal adviser visits a relevant child within 7 days of a move, then at least every 2 months');
  });

  it.each([
    { start: '2027-03-01', expected: '2027-03-08', phase: 'first', practical: undefined, why: 'within 7 days of the move' },
    { start: '2027-03-05', expected: '2027-05-05', phase: 'later', practical: undefined, why: 'then every two months' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('cannot be switched off or re-timed (NAT-REG)', () => {
    expect(() => computeDeadline(rule.id, '2027-03-01', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toThrow(RuleOverrideError);
    expect(() => computeDeadline(rule.id, '2027-03-01', { calendar, overrides: [{ ruleId: rule.id, count: rule.count + 1 }] })).toThrow(RuleOverrideError);
  });
});
