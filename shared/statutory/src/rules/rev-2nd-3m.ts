import type { RuleDefinition } from './rule-definition';

/**
 * REV-2ND-3M: Second review not more than 3 months after the first.
 *
 * The second review is carried out not more than three months after the first. Calendar months, corresponding date
 * or month end, no roll-forward (TIME-MONTHS).
 *
 * Clock: 3 calendar months after the anchor `firstReviewHeld` (date the first review actually took place (not its
 * due date)). Source: CPPCR 2010 reg 33(2); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/33
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-2ND-3M', '2026-11-30', { calendar }).practicalDate; // '2027-02-26' (Example 8a; due Sun 28 Feb)
 */
export const REV_2ND_3M = {
  id: 'REV-2ND-3M',
  title: 'Second review not more than 3 months after the first',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'firstReviewHeld',
  anchorDescription: 'date the first review actually took place (not its due date)',
  unit: 'MONTH',
  count: 3,
  direction: 'after',
  citation: 'CPPCR 2010 reg 33(2)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/33',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
