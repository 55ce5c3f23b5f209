import type { RuleDefinition } from './rule-definition';

/**
 * VIS-6WK-Y1: Visits at intervals of not more than 6 weeks in the first year of a placement.
 *
 * In the first year of a placement, visits are at intervals of not more than six weeks (42 days).
 *
 * Clock: 6 weeks after the anchor `lastVisit` (date of the last visit (made in the first year of the placement)).
 * Source: CPPCR 2010 reg 28(2)(b); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-6WK-Y1', '2026-12-22', { calendar }).dueDate; // '2027-02-02' (Example 11)
 */
export const VIS_6WK_Y1 = {
  id: 'VIS-6WK-Y1',
  title: 'Visits at intervals of not more than 6 weeks in the first year of a placement',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastVisit',
  anchorDescription: 'date of the last visit (made in the first year of the placement)',
  unit: 'WEEK',
  count: 6,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(2)(b)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
