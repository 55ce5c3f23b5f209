import type { RuleDefinition } from './rule-definition';

/**
 * CP-PERM-2NDREV: Plan for permanence by the second review.
 *
 * The care plan must contain a plan for permanence by the second review at the latest. The deadline is the latest
 * date for the second review; if the second review is held earlier, the plan is due at that review.
 *
 * Clock: 3 calendar months after the anchor `firstReviewHeld` (date the first review was actually held (the second
 * review, by which the permanence plan is due, is not more than 3 months later)). Source: Children Act 1989
 * Guidance and Regulations Vol 2 ch. 2 [R]; CPPCR 2010 reg 33(2); NAT-GUID + LOCAL, configurable per organisation;
 * not verified against the text: confirm before relying on it.
 * @see https://www.gov.uk/government/publications/children-act-1989-care-planning-placement-and-case-review
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CP-PERM-2NDREV', '2027-01-21', { calendar }).dueDate; // '2027-04-21'
 */
export const CP_PERM_2NDREV = {
  id: 'CP-PERM-2NDREV',
  title: 'Plan for permanence by the second review',
  class: 'NAT-GUID',
  markers: 'NAT-GUID + LOCAL',
  anchor: 'firstReviewHeld',
  anchorDescription: 'date the first review was actually held (the second review, by which the permanence plan is due, is not more than 3 months later)',
  unit: 'MONTH',
  count: 3,
  direction: 'after',
  citation: 'Children Act 1989 Guidance and Regulations Vol 2 ch. 2 [R]; CPPCR 2010 reg 33(2)',
  sourceUrl: 'https://www.gov.uk/government/publications/children-act-1989-care-planning-placement-and-case-review',
  configurable: true,
  verification: 'R',
} as const satisfies RuleDefinition;
