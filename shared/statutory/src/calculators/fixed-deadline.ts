import { HolidayCalendar } from '../calendar/holiday-calendar';
import { computeDeadline } from '../deadlines/compute-deadline';
import type { Deadline } from '../deadlines/deadline';
import type { Instant, IsoDate } from '../time/civil';
import type { ImplementedRuleId } from '../rules/registry';

/**
 * computeDeadline without overrides, for calculators of national rules (which an organisation cannot switch off),
 * so the result is never null.
 * @param ruleId - the rule
 * @param anchor - the anchor fact
 * @param calendar - the calendar, or the shipped one
 * @param phase - stage of a multi-stage rule
 * @returns the deadline
 * @example fixedDeadline('VIS-1WK', '2026-12-21').dueDate; // '2026-12-28'
 */
export function fixedDeadline(ruleId: ImplementedRuleId, anchor: IsoDate | Instant, calendar?: HolidayCalendar, phase?: string): Deadline {
  const cal = calendar ?? HolidayCalendar.default();
  return computeDeadline(ruleId, anchor, phase === undefined ? { calendar: cal } : { calendar: cal, phase }) as Deadline;
}
