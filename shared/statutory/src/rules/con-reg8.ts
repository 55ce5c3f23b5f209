import type { RuleDefinition } from './rule-definition';

/**
 * CON-REG8: Written notice of a contact refusal given immediately.
 *
 * Written notice of the decision, its date, reasons, duration and remedies goes immediately to the child (if of
 * sufficient understanding), parents, a previous carer under a High Court order, others whose wishes are relevant,
 * and the IRO (DOMAIN C-10).
 *
 * Clock: immediately (without delay) the anchor `contactRefused` (date (and time) contact was refused under
 * s34(6)). Source: CPPCR 2010 reg 8(1)–(3); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/8
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('CON-REG8', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const CON_REG8 = {
  id: 'CON-REG8',
  title: 'Written notice of a contact refusal given immediately',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'contactRefused',
  anchorDescription: 'date (and time) contact was refused under s34(6)',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CPPCR 2010 reg 8(1)–(3)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/8',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
