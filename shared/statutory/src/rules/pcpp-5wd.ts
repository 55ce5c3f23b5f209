import type { RuleDefinition } from './rule-definition';

/**
 * PCPP-5WD: Initial Placement, Care and Pathway Plan within 5 working days of admission.
 *
 * The home/deputy manager completes the initial PCPP within 5 working days of the child's admission.
 *
 * Clock: 5 working days after the anchor `admission` (date the child was admitted to the home). Source: seed 001
 * (provider policy); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PCPP-5WD', '2026-12-21', { calendar }).dueDate; // '2026-12-30' (Example 2)
 */
export const PCPP_5WD = {
  id: 'PCPP-5WD',
  title: 'Initial Placement, Care and Pathway Plan within 5 working days of admission',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'admission',
  anchorDescription: 'date the child was admitted to the home',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'seed 001 (provider policy)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
