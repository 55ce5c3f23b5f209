import type { RuleDefinition } from './rule-definition';

/**
 * HP-RHA: Review health assessment every 6 months before age 5 and every 12 months after.
 *
 * The child's health is reviewed at least once every 6 months before the 5th birthday and at least once every 12
 * months after it. Use healthAssessmentReviewDue, which picks the phase from the child's age at the last
 * assessment.
 *
 * Clock: 6 calendar months after the anchor `lastHealthAssessment` (date of the last health assessment). Source:
 * CPPCR 2010 reg 7 [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/7
 * @example
 * const calendar = HolidayCalendar.default();
 * healthAssessmentReviewDue({ dateOfBirth: '2023-01-10', lastAssessment: '2026-03-01' }).dueDate; // '2026-09-01'
 */
export const HP_RHA = {
  id: 'HP-RHA',
  title: 'Review health assessment every 6 months before age 5 and every 12 months after',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastHealthAssessment',
  anchorDescription: 'date of the last health assessment',
  unit: 'MONTH',
  count: 6,
  direction: 'after',
  citation: 'CPPCR 2010 reg 7 [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/7',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
  phases: [
    {
      phase: 'under-5',
      description: 'last assessment before the 5th birthday',
      anchor: 'lastHealthAssessment',
      anchorDescription: 'date of the last health assessment',
      unit: 'MONTH',
      count: 6,
      direction: 'after',
    },
    {
      phase: 'from-5',
      description: 'last assessment on or after the 5th birthday',
      anchor: 'lastHealthAssessment',
      anchorDescription: 'date of the last health assessment',
      unit: 'MONTH',
      count: 12,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
