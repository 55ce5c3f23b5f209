import type { RuleDefinition } from './rule-definition';

/**
 * R40-SERIOUS: Serious event notified to Ofsted and each other relevant person without delay.
 *
 * Sexual exploitation, a serious incident needing police involvement, an allegation of abuse, or a child protection
 * enquiry is notified without delay. Weekends and bank holidays give no extension; the local 24-hour target is
 * R40-LOCAL-24H.
 *
 * Clock: immediately (without delay) the anchor `incidentAt` (date and time of the serious event). Source: CHR 2015
 * reg 40(4); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/40
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('R40-SERIOUS', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const R40_SERIOUS = {
  id: 'R40-SERIOUS',
  title: 'Serious event notified to Ofsted and each other relevant person without delay',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'incidentAt',
  anchorDescription: 'date and time of the serious event',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CHR 2015 reg 40(4)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2015/541/regulation/40',
  configurable: false,
  effectiveFrom: '2015-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
