import type { RuleDefinition } from './rule-definition';

/**
 * CP-DUE-10WD: Care plan within 10 working days of the first placement.
 *
 * If the first placement is made before a care plan exists because preparing one was not practicable, the care plan
 * must be prepared within 10 working days of the start of the first placement. Exceptions (children under s31A
 * court care plans, placements before April 2011: reg 4(6)) are for the caller to exclude.
 *
 * Clock: 10 working days after the anchor `firstPlacementStart` (start of the first placement of this period of
 * care, made without a care plan because that was not practicable). Source: CPPCR 2010 reg 4(2); NAT-REG, not
 * configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/4
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CP-DUE-10WD', '2026-12-21', { calendar }).dueDate; // '2027-01-07' (Example 1)
 */
export const CP_DUE_10WD = {
  id: 'CP-DUE-10WD',
  title: 'Care plan within 10 working days of the first placement',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'firstPlacementStart',
  anchorDescription: 'start of the first placement of this period of care, made without a care plan because that was not practicable',
  unit: 'WORKING_DAY',
  count: 10,
  direction: 'after',
  citation: 'CPPCR 2010 reg 4(2)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/4',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
