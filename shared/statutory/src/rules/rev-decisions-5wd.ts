import type { RuleDefinition } from './rule-definition';

/**
 * REV-DECISIONS-5WD: Review decisions circulated within 5 working days.
 *
 * The IRO circulates the review decisions within 5 working days of the meeting (statutory guidance, good practice).
 *
 * Clock: 5 working days after the anchor `reviewHeld` (date the review was held). Source: IRO Handbook (2010) ch. 3
 * [R]; NAT-GUID (verify), configurable per organisation; not verified against the text: confirm before relying on
 * it.
 * @see https://www.gov.uk/government/publications/independent-reviewing-officers-handbook
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-DECISIONS-5WD', '2027-01-21', { calendar }).dueDate; // '2027-01-28' (Example 4)
 */
export const REV_DECISIONS_5WD = {
  id: 'REV-DECISIONS-5WD',
  title: 'Review decisions circulated within 5 working days',
  class: 'NAT-GUID',
  markers: 'NAT-GUID (verify)',
  anchor: 'reviewHeld',
  anchorDescription: 'date the review was held',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'IRO Handbook (2010) ch. 3 [R]',
  sourceUrl: 'https://www.gov.uk/government/publications/independent-reviewing-officers-handbook',
  configurable: true,
  verification: 'R',
} as const satisfies RuleDefinition;
