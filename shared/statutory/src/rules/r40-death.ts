import type { RuleDefinition } from './rule-definition';

/**
 * R40-DEATH: Death of a child notified without delay.
 *
 * The registered person notifies HMCI, the placing authority, the Secretary of State, the host authority, the ICB
 * and others of a child's death without delay.
 *
 * Clock: immediately (without delay) the anchor `incidentAt` (date and time of the death). Source: CHR 2015 reg
 * 40(1); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/40
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('R40-DEATH', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const R40_DEATH = {
  id: 'R40-DEATH',
  title: 'Death of a child notified without delay',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'incidentAt',
  anchorDescription: 'date and time of the death',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CHR 2015 reg 40(1)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2015/541/regulation/40',
  configurable: false,
  effectiveFrom: '2015-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
