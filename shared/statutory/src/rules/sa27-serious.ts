import type { RuleDefinition } from './rule-definition';

/**
 * SA27-SERIOUS: Serious event in supported accommodation notified without delay.
 *
 * Supported accommodation providers notify serious events (death and a list similar to CHR reg 40) without delay
 * (regulation 27, not "regulation 33": DOMAIN C-08).
 *
 * Clock: immediately (without delay) the anchor `incidentAt` (date and time of the serious event). Source: SAR 2023
 * reg 27 [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2023/416/regulation/27
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('SA27-SERIOUS', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const SA27_SERIOUS = {
  id: 'SA27-SERIOUS',
  title: 'Serious event in supported accommodation notified without delay',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'incidentAt',
  anchorDescription: 'date and time of the serious event',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'SAR 2023 reg 27 [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2023/416/regulation/27',
  configurable: false,
  effectiveFrom: '2023-04-28',
  verification: 'R',
} as const satisfies RuleDefinition;
