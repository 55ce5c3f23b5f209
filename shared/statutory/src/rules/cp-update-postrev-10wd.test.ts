import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { CP_UPDATE_POSTREV_10WD as rule } from './cp-update-postrev-10wd';

const calendar = HolidayCalendar.default();

describe('CP-UPDATE-POSTREV-10WD Care plan updated within 10 working days of a review', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('CP-UPDATE-POSTREV-10WD Care plan updated within 10 working days of a review');
  });

  it.each([
    { start: '2027-01-21', expected: '2027-02-04', practical: undefined, why: 'Example 4: update after the review of 21 Jan 2027' },
    { start: '2027-12-23', expected: '2028-01-11', practical: undefined, why: 'review just before Christmas 2027' },
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
