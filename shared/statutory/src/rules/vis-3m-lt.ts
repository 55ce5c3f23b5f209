import type { RuleDefinition } from './rule-definition';

/**
 * VIS-3M-LT: Visits at intervals of not more than 3 months after the first year (placement intended to last until
 * 18).
 *
 * After the first year, where the placement is intended to last until the child is 18, visits are at intervals of
 * not more than three months.
 *
 * Clock: 3 calendar months after the anchor `lastVisit` (date of the last visit (after the first year of a
 * placement intended to last until 18)). Source: CPPCR 2010 reg 28(2)(c)(i); NAT-REG, not configurable; verified
 * against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-3M-LT', '2028-01-31', { calendar }).dueDate; // '2028-04-30'
 */
export const VIS_3M_LT = {
  id: 'VIS-3M-LT',
  title: 'Visits at intervals of not more than 3 months after the first year (placement intended to last until 18)',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastVisit',
  anchorDescription: 'date of the last visit (after the first year of a placement intended to last until 18)',
  unit: 'MONTH',
  count: 3,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(2)(c)(i)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
