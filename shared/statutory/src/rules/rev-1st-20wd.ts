import type { RuleDefinition } from './rule-definition';

/**
 * REV-1ST-20WD: First review within 20 working days of becoming looked after.
 *
 * The responsible authority must first review the case within 20 working days of the date on which the child
 * becomes looked after. Sources that still say "four weeks" follow the superseded 1991 regulations (DOMAIN C-04).
 *
 * Clock: 20 working days after the anchor `becameLookedAfter` (date the child became looked after (start of this
 * period of care, not a later placement)). Source: CPPCR 2010 reg 33(1); NAT-REG, not configurable; verified
 * against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/33
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('REV-1ST-20WD', '2026-12-21', { calendar }).dueDate; // '2027-01-21' (Example 3)
 */
export const REV_1ST_20WD = {
  id: 'REV-1ST-20WD',
  title: 'First review within 20 working days of becoming looked after',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'becameLookedAfter',
  anchorDescription: 'date the child became looked after (start of this period of care, not a later placement)',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'after',
  citation: 'CPPCR 2010 reg 33(1)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/33',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
