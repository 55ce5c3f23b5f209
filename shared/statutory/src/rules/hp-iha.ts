import type { RuleDefinition } from './rule-definition';

/**
 * HP-IHA: Initial health assessment before the first review.
 *
 * The initial health assessment is done before the first placement or, if not practicable, before the first review:
 * the same clock as REV-1ST-20WD (DOMAIN C-11). If the first review is scheduled earlier, the assessment is due
 * before that date.
 *
 * Clock: 20 working days after the anchor `becameLookedAfter` (date the child became looked after (the first review
 * is due 20 working days later)). Source: CPPCR 2010 reg 7(1) [R]; NAT-REG, not configurable; not verified against
 * the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/7
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('HP-IHA', '2026-12-21', { calendar }).dueDate; // '2027-01-21'
 */
export const HP_IHA = {
  id: 'HP-IHA',
  title: 'Initial health assessment before the first review',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'becameLookedAfter',
  anchorDescription: 'date the child became looked after (the first review is due 20 working days later)',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'after',
  citation: 'CPPCR 2010 reg 7(1) [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/7',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
} as const satisfies RuleDefinition;
