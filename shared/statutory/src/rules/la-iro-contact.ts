import type { RuleDefinition } from './rule-definition';

/**
 * LA-IRO-CONTACT: IRO told immediately, in writing, of a s34(6) contact refusal.
 *
 * When contact is refused under s34(6), the IRO is among those given written notice immediately.
 *
 * Clock: immediately (without delay) the anchor `contactRefused` (date (and time) contact was refused under
 * s34(6)). Source: CPPCR 2010 reg 8(2)(e); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/8
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('LA-IRO-CONTACT', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const LA_IRO_CONTACT = {
  id: 'LA-IRO-CONTACT',
  title: 'IRO told immediately, in writing, of a s34(6) contact refusal',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'contactRefused',
  anchorDescription: 'date (and time) contact was refused under s34(6)',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CPPCR 2010 reg 8(2)(e)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/8',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
} as const satisfies RuleDefinition;
