import type { RuleDefinition } from './rule-definition';

/**
 * PWP-ASSESS-3M: Needs assessment within 3 months of the 16th birthday or of becoming eligible.
 *
 * The needs assessment of an eligible child is completed not more than 3 months after the 16th birthday, or after
 * becoming eligible if that is later. Starting it at 16 years 3 months (seed 001) breaches this (DOMAIN C-05).
 *
 * Clock: 3 calendar months after the anchor `eligibleFrom` (the later of the 16th birthday and the date the child
 * became an eligible child). Source: CPPCR 2010 reg 42(1); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/42
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PWP-ASSESS-3M', '2027-02-10', { calendar }).dueDate; // '2027-05-10' (Example 9a)
 */
export const PWP_ASSESS_3M = {
  id: 'PWP-ASSESS-3M',
  title: 'Needs assessment within 3 months of the 16th birthday or of becoming eligible',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'eligibleFrom',
  anchorDescription: 'the later of the 16th birthday and the date the child became an eligible child',
  unit: 'MONTH',
  count: 3,
  direction: 'after',
  citation: 'CPPCR 2010 reg 42(1)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/42',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
