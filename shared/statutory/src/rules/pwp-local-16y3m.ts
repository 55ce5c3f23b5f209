import type { RuleDefinition } from './rule-definition';

/**
 * PWP-LOCAL-16Y3M: First pathway plan completed by age 16 years 3 months.
 *
 * Seed 002 wants the first pathway plan (not just the assessment) complete by 16 years 3 months: a stricter local
 * overlay on reg 42 (DOMAIN C-05). For a child who becomes eligible after that date, the national PWP-ASSESS-3M
 * clock is the one that can be met.
 *
 * Clock: 3 calendar months after the anchor `sixteenthBirthday` (16th birthday). Source: seed 002 (LA practice
 * note); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 002_02d638b3b95b1b89.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PWP-LOCAL-16Y3M', '2027-02-10', { calendar }).dueDate; // '2027-05-10'
 */
export const PWP_LOCAL_16Y3M = {
  id: 'PWP-LOCAL-16Y3M',
  title: 'First pathway plan completed by age 16 years 3 months',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'sixteenthBirthday',
  anchorDescription: '16th birthday',
  unit: 'MONTH',
  count: 3,
  direction: 'after',
  citation: 'seed 002 (LA practice note)',
  sourceUrl: '002_02d638b3b95b1b89.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
