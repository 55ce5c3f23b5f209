import type { RuleDefinition } from './rule-definition';

/**
 * VIS-CO-HOME: Visit within 1 week of a care order where the child lives with a parent, then at most 6-weekly.
 *
 * Where a care order is made and the child lives with a parent, the child is visited within one week of the order
 * and then at intervals of not more than six weeks.
 *
 * Clock: 1 week after the anchor `careOrderMade` (date the care order was made). Source: CPPCR 2010 reg 28(5);
 * NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-CO-HOME', '2026-12-21', { calendar }).dueDate; // '2026-12-28'
 */
export const VIS_CO_HOME = {
  id: 'VIS-CO-HOME',
  title: 'Visit within 1 week of a care order where the child lives with a parent, then at most 6-weekly',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'careOrderMade',
  anchorDescription: 'date the care order was made',
  unit: 'WEEK',
  count: 1,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(5)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
  phases: [
    {
      phase: 'first',
      description: 'first visit',
      anchor: 'careOrderMade',
      anchorDescription: 'date the care order was made',
      unit: 'WEEK',
      count: 1,
      direction: 'after',
    },
    {
      phase: 'later',
      description: 'later visits',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit',
      unit: 'WEEK',
      count: 6,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
