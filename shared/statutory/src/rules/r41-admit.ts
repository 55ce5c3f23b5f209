import type { RuleDefinition } from './rule-definition';

/**
 * R41-ADMIT: Host authority notified in writing of every admission and discharge without delay.
 *
 * The registered person notifies the host authority (where the home is), unless it is also the placing authority,
 * in writing and without delay, giving the child's details and the placing authority's and IRO's contact details.
 *
 * Clock: immediately (without delay) the anchor `admissionOrDischarge` (date and time of the admission or
 * discharge). Source: CHR 2015 reg 41; NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/41
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('R41-ADMIT', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const R41_ADMIT = {
  id: 'R41-ADMIT',
  title: 'Host authority notified in writing of every admission and discharge without delay',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'admissionOrDischarge',
  anchorDescription: 'date and time of the admission or discharge',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CHR 2015 reg 41',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2015/541/regulation/41',
  configurable: false,
  effectiveFrom: '2015-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
