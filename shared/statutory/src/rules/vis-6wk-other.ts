import type { RuleDefinition } from './rule-definition';

/**
 * VIS-6WK-OTHER: Visits at intervals of not more than 6 weeks after the first year (other placements).
 *
 * After the first year of any placement not intended to last until 18, visits stay at intervals of not more than
 * six weeks.
 *
 * Clock: 6 weeks after the anchor `lastVisit` (date of the last visit (after the first year of any other
 * placement)). Source: CPPCR 2010 reg 28(2)(c)(ii); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-6WK-OTHER', '2028-01-31', { calendar }).dueDate; // '2028-03-13'
 */
export const VIS_6WK_OTHER = {
  id: 'VIS-6WK-OTHER',
  title: 'Visits at intervals of not more than 6 weeks after the first year (other placements)',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastVisit',
  anchorDescription: 'date of the last visit (after the first year of any other placement)',
  unit: 'WEEK',
  count: 6,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(2)(c)(ii)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
