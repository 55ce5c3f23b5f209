import type { RuleDefinition } from './rule-definition';

/**
 * REV-NEXT-6M: Later reviews not more than 6 months after the previous review.
 *
 * Third and later reviews are carried out at intervals of not more than six months.
 *
 * Clock: 6 calendar months after the anchor `previousReviewHeld` (date the previous review actually took place (not
 * its due date)). Source: CPPCR 2010 reg 33(2); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/33
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-NEXT-6M', '2028-03-31', { calendar }).dueDate; // '2028-09-30' (Example 8b)
 */
export const REV_NEXT_6M = {
  id: 'REV-NEXT-6M',
  title: 'Later reviews not more than 6 months after the previous review',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'previousReviewHeld',
  anchorDescription: 'date the previous review actually took place (not its due date)',
  unit: 'MONTH',
  count: 6,
  direction: 'after',
  citation: 'CPPCR 2010 reg 33(2)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/33',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
