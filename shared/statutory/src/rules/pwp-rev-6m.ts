import type { RuleDefinition } from './rule-definition';

/**
 * PWP-REV-6M: Pathway plan reviewed at intervals of not more than 6 months.
 *
 * For a relevant or former relevant child the pathway plan is reviewed at intervals of not more than 6 months (and
 * sooner on request or a significant change). Duties run to 21, or to 25 on request (DOMAIN C-06).
 *
 * Clock: 6 calendar months after the anchor `lastPathwayPlanReview` (date the pathway plan was last reviewed).
 * Source: CLR 2010 reg 7 [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on
 * it.
 * @see https://www.legislation.gov.uk/uksi/2010/2571/regulation/7
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PWP-REV-6M', '2027-08-31', { calendar }).dueDate; // '2028-02-29' (Example 8c)
 */
export const PWP_REV_6M = {
  id: 'PWP-REV-6M',
  title: 'Pathway plan reviewed at intervals of not more than 6 months',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastPathwayPlanReview',
  anchorDescription: 'date the pathway plan was last reviewed',
  unit: 'MONTH',
  count: 6,
  direction: 'after',
  citation: 'CLR 2010 reg 7 [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/2571/regulation/7',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
} as const satisfies RuleDefinition;
