import type { RuleDefinition } from './rule-definition';

/**
 * LA-IRO-PLACEMENT: Placement notified in writing before a planned placement, or within 5 working days of an emergency one.
 *
 * The placement arrangements are notified in writing to the IRO, the child, parents, contact holders, the previous
 * carer, health bodies, GP and school before the placement or, in an emergency, within 5 working days of its start.
 *
 * Clock: 5 working days after the anchor `placementStart` (start of the placement (an emergency placement not
 * notified beforehand)); stage `planned`: due at the start of a planned placement (notice before it starts). Source: CPPCR 2010 reg 13(1)–(2); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/13
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('LA-IRO-PLACEMENT', '2026-12-21', { calendar }).dueDate; // '2026-12-30' (Example 2)
 */
export const LA_IRO_PLACEMENT = {
  id: 'LA-IRO-PLACEMENT',
  title: 'Placement notified in writing within 5 working days of an emergency placement',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'placementStart',
  anchorDescription: 'start of the placement (an emergency placement not notified beforehand)',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'CPPCR 2010 reg 13(1)–(2)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/13',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
  phases: [
    {
      phase: 'emergency',
      description: 'an emergency placement: written notice within 5 working days of its start (reg 13(2))',
      anchor: 'placementStart',
      anchorDescription: 'start of the placement (an emergency placement not notified beforehand)',
      unit: 'WORKING_DAY',
      count: 5,
      direction: 'after',
    },
    {
      phase: 'planned',
      description: 'a planned placement: written notice before the placement starts (reg 13(1))',
      anchor: 'placementStart',
      anchorDescription: 'start of the placement (a planned placement)',
      unit: 'IMMEDIATE',
      count: 0,
      direction: 'before',
    },
  ],
} as const satisfies RuleDefinition;
