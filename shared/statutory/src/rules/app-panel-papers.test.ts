import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { APP_PANEL_PAPERS as rule } from './app-panel-papers';

const calendar = HolidayCalendar.default();

describe('APP-PANEL-PAPERS Children\'s Decision Meeting papers submitted 5 and distributed 3 working days before the panel', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('APP-PANEL-PAPERS Children\'s Decision Meeting papers submitted 5 and distributed 3 working days before the panel');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-01-14', phase: 'submit', practical: undefined, why: 'papers submitted 5 working days before' },
    { start: '2027-01-21', expected: '2027-01-18', phase: 'distribute', practical: undefined, why: 'papers distributed 3 working days before' },
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
