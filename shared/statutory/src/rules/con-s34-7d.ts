import type { RuleDefinition } from './rule-definition';

/**
 * CON-S34-7D: Urgent refusal of contact lasts no more than 7 days.
 *
 * A local authority may refuse contact for a child in care as a matter of urgency for no more than seven (calendar)
 * days; a longer refusal needs a court order under s34(4).
 *
 * The duty stays open until contact resumes or an application to court is made; otherwise it is overdue after
 * the 7 days. A refusal is possible only for a child in care (a care order), not one accommodated under s20.
 *
 * Clock: 7 calendar days after the anchor `contactRefused` (date contact was refused under s34(6)). Source:
 * Children Act 1989 s34(6) [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on
 * it.
 * @see https://www.legislation.gov.uk/ukpga/1989/41/section/34
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CON-S34-7D', '2026-12-23', { calendar }).dueDate; // '2026-12-30' (Example 10a)
 */
export const CON_S34_7D = {
  id: 'CON-S34-7D',
  title: 'Urgent refusal of contact lasts no more than 7 days',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'contactRefused',
  anchorDescription: 'date contact was refused under s34(6)',
  unit: 'CALENDAR_DAY',
  count: 7,
  direction: 'after',
  citation: 'Children Act 1989 s34(6) [R]',
  sourceUrl: 'https://www.legislation.gov.uk/ukpga/1989/41/section/34',
  configurable: false,
  effectiveFrom: '1991-10-14',
  verification: 'R',
} as const satisfies RuleDefinition;
