import type { RuleDefinition } from './rule-definition';

/**
 * PP-DUE-5WD: Placement plan within 5 working days of the placement starting.
 *
 * Where it was not reasonably practicable to prepare the placement plan before the placement (for example an
 * emergency), it must be prepared within 5 working days of the start of the placement. The clock restarts with
 * every placement (DOMAIN C-01).
 *
 * Clock: 5 working days after the anchor `placementStart` (start of this placement, made without a placement plan
 * because that was not reasonably practicable). Source: CPPCR 2010 reg 9(2); NAT-REG, not configurable; verified
 * against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/9
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PP-DUE-5WD', '2026-12-21', { calendar }).dueDate; // '2026-12-30' (Example 2)
 */
export const PP_DUE_5WD = {
  id: 'PP-DUE-5WD',
  title: 'Placement plan within 5 working days of the placement starting',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'placementStart',
  anchorDescription: 'start of this placement, made without a placement plan because that was not reasonably practicable',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'CPPCR 2010 reg 9(2)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/9',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
