import type { RuleDefinition } from './rule-definition';

/**
 * CP-UPDATE-POSTREV-10WD: Care plan updated within 10 working days of a review.
 *
 * Changes agreed at a looked-after review are made to the care plan within 10 working days. This is a local service
 * level, not a statutory breach (DOMAIN C-02).
 *
 * Clock: 10 working days after the anchor `reviewHeld` (date the review was held). Source: seeds 000 and 001
 * (provider policy); no national time limit (DOMAIN C-02); LOCAL, configurable per organisation; verified against
 * the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CP-UPDATE-POSTREV-10WD', '2027-01-21', { calendar }).dueDate; // '2027-02-04' (Example 4)
 */
export const CP_UPDATE_POSTREV_10WD = {
  id: 'CP-UPDATE-POSTREV-10WD',
  title: 'Care plan updated within 10 working days of a review',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'reviewHeld',
  anchorDescription: 'date the review was held',
  unit: 'WORKING_DAY',
  count: 10,
  direction: 'after',
  citation: 'seeds 000 and 001 (provider policy); no national time limit (DOMAIN C-02)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
