import type { RuleDefinition } from './rule-definition';

/**
 * LA-IRO-SIGFAIL: IRO told without delay of a significant failure to implement review decisions.
 *
 * The authority informs the IRO of any significant failure to implement review decisions, or of a significant
 * change of circumstances after the review.
 *
 * Clock: immediately (without delay) the anchor `failureIdentified` (date (and time) the significant failure, or
 * significant change of circumstances, was identified). Source: CPPCR 2010 reg 37 [R]; NAT-REG, not configurable;
 * not verified against the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/37
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('LA-IRO-SIGFAIL', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const LA_IRO_SIGFAIL = {
  id: 'LA-IRO-SIGFAIL',
  title: 'IRO told without delay of a significant failure to implement review decisions',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'failureIdentified',
  anchorDescription: 'date (and time) the significant failure, or significant change of circumstances, was identified',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'CPPCR 2010 reg 37 [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/37',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
} as const satisfies RuleDefinition;
