import type { RuleDefinition } from './rule-definition';

/**
 * R40-LOCAL-24H: Serious event notifications sent within 24 hours (local target).
 *
 * Providers notify everyone appropriate within 24 clock hours of a serious event, weekends and bank holidays
 * included. The law itself says "without delay" (R40-SERIOUS).
 *
 * Clock: 24 clock hours after the anchor `incidentAt` (date and time of the serious event). Source: Benecare, East
 * Riding and Wakefield procedures [S] (local target for CHR 2015 reg 40 "without delay"); LOCAL/Ofsted practice,
 * configurable per organisation; secondary source.
 * @see https://www.legislation.gov.uk/uksi/2015/541/regulation/40
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('R40-LOCAL-24H', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-27T22:00:00+00:00' (Example 10b)
 */
export const R40_LOCAL_24H = {
  id: 'R40-LOCAL-24H',
  title: 'Serious event notifications sent within 24 hours (local target)',
  class: 'LOCAL',
  markers: 'LOCAL/Ofsted practice',
  anchor: 'incidentAt',
  anchorDescription: 'date and time of the serious event',
  unit: 'HOUR',
  count: 24,
  direction: 'after',
  citation: 'Benecare, East Riding and Wakefield procedures [S] (local target for CHR 2015 reg 40 "without delay")',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2015/541/regulation/40',
  configurable: true,
  verification: 'S',
} as const satisfies RuleDefinition;
