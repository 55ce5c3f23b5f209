import type { RuleDefinition } from './rule-definition';

/**
 * REV-CONSULT-20WD: Child consulted at least 20 working days before the review.
 *
 * The child is consulted at least 20 working days before the review about who attends and where. For a first review
 * this would be the day the child became looked after, so it cannot apply (DOMAIN C-09, Example 6): use
 * computeConsultationDeadline, which returns "not applicable" for sequence 1.
 *
 * Clock: 20 working days before the anchor `reviewDate` (date the review is scheduled (or due); second and later
 * reviews only). Source: seed 004 §11.2 (Leicestershire); LOCAL, configurable per organisation; verified against
 * the wording.
 * @see seed file 004_7652cefcda3ef942.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-CONSULT-20WD', '2027-01-21', { calendar }).dueDate; // '2026-12-21' (Example 6)
 */
export const REV_CONSULT_20WD = {
  id: 'REV-CONSULT-20WD',
  title: 'Child consulted at least 20 working days before the review',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'reviewDate',
  anchorDescription: 'date the review is scheduled (or due); second and later reviews only',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'before',
  citation: 'seed 004 §11.2 (Leicestershire)',
  sourceUrl: '004_7652cefcda3ef942.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
