import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import { PPM_72H as rule } from './ppm-72h';

const calendar = HolidayCalendar.default();

describe('PPM-72H First Placement Planning Meeting within 72 hours of an urgent placement', () => {
  it('is registered under this id and title', () => {
    expect(`${rule.id} ${rule.title}`).toBe('PPM-72H First Placement Planning Meeting within 72 hours of an urgent placement');
  });

  it.each([
    { start: '2026-12-21T15:00+00:00', expected: '2026-12-24', dueAt: '2026-12-24T15:00:00+00:00', practical: undefined, why: 'Example 2: 72 clock hours over Christmas' },
    { start: '2026-03-27T15:00:00+00:00', expected: '2026-03-30', dueAt: '2026-03-30T16:00:00+01:00', practical: undefined, why: 'across the spring clock change' },
    { start: '2026-10-23T15:00:00+01:00', expected: '2026-10-26', dueAt: '2026-10-26T14:00:00+00:00', practical: undefined, why: 'across the autumn clock change' },
  ] as { start: string; expected: string; phase?: string; dueAt?: string; practical?: string; why: string }[])('$why', ({ start, expected, phase, dueAt, practical }) => {
    const d = computeDeadline(rule.id, start, phase ? { calendar, phase } : { calendar })!;
    expect(d.ruleId).toBe(rule.id);
    expect(d.dueDate).toBe(expected);
    if (dueAt) expect(d.dueAt).toBe(dueAt);
    expect(d.basis.practicalDate).toBe(practical);
  });

  it('may be switched off by an organisation (LOCAL)', () => {
    expect(computeDeadline(rule.id, '2026-12-21T15:00+00:00', { calendar, overrides: [{ ruleId: rule.id, enabled: false }] })).toBeNull();
  });
});
