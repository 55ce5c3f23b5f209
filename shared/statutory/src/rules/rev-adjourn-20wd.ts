import type { RuleDefinition } from './rule-definition';

/**
 * REV-ADJOURN-20WD: Adjourned review reconvened within 20 working days.
 *
 * If the IRO is not satisfied that the authority has given enough information, the IRO may adjourn the review
 * meeting once, for not more than 20 working days.
 *
 * Clock: 20 working days after the anchor `adjournedOn` (date the IRO adjourned the review meeting). Source: CPPCR
 * 2010 reg 36(2) [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/36
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-ADJOURN-20WD', '2027-01-21', { calendar }).dueDate; // '2027-02-18' (Example 4)
 */
export const REV_ADJOURN_20WD = {
  id: 'REV-ADJOURN-20WD',
  title: 'Adjourned review reconvened within 20 working days',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'adjournedOn',
  anchorDescription: 'date the IRO adjourned the review meeting',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'after',
  citation: 'CPPCR 2010 reg 36(2) [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/36',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
} as const satisfies RuleDefinition;
