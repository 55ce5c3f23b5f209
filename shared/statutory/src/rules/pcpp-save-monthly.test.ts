import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PCPP_SAVE_MONTHLY as rule } from './pcpp-save-monthly';

const calendar = HolidayCalendar.default();

describe('PCPP-SAVE-MONTHLY PCPP saved at least monthly', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PCPP-SAVE-MONTHLY PCPP saved at least monthly');
  });

  it.each([
    { start: '2027-01-31', expected: '2027-02-28', practical: '2027-02-26', why: 'month end; 28 Feb 2027 is a Sunday' },
    { start: '2027-03-15', expected: '2027-04-15', practical: undefined, why: 'corresponding date' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2027-01-31', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
