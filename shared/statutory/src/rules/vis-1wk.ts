import type { RuleDefinition } from './rule-definition';

/**
 * VIS-1WK: Social worker visit within one week of the start of any placement.
 *
 * The child is visited within one week (7 calendar days) of the start of any placement. Bank holidays do not extend
 * it (TIME-WEEKS).
 *
 * Clock: 1 week after the anchor `placementStart` (start of the placement). Source: CPPCR 2010 reg 28(2)(a);
 * NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-1WK', '2026-12-21', { calendar }).dueDate; // '2026-12-28' (Example 2: a bank holiday, still due)
 */
export const VIS_1WK = {
  id: 'VIS-1WK',
  title: 'Social worker visit within one week of the start of any placement',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'placementStart',
  anchorDescription: 'start of the placement',
  unit: 'WEEK',
  count: 1,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(2)(a)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
