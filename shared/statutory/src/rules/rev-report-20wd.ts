import type { RuleDefinition } from './rule-definition';

/**
 * REV-REPORT-20WD: Review record circulated within 20 working days.
 *
 * The IRO produces and circulates the review report within 20 working days of the review ("should": seed 001; the
 * IRO Handbook gives the same period).
 *
 * Clock: 20 working days after the anchor `reviewHeld` (date the review was held). Source: seed 001; IRO Handbook
 * (2010) ch. 3 [R]; LOCAL + NAT-GUID, configurable per organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-REPORT-20WD', '2027-01-21', { calendar }).dueDate; // '2027-02-18' (Example 4)
 */
export const REV_REPORT_20WD = {
  id: 'REV-REPORT-20WD',
  title: 'Review record circulated within 20 working days',
  class: 'LOCAL',
  markers: 'LOCAL + NAT-GUID',
  anchor: 'reviewHeld',
  anchorDescription: 'date the review was held',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'after',
  citation: 'seed 001; IRO Handbook (2010) ch. 3 [R]',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
