import type { RuleDefinition } from './rule-definition';

/**
 * IRO-N3-MISSING: IRO told promptly: the child runs away or goes missing from the home.
 *
 * Seed 001 says the IRO "should be notified and consulted" when the child runs away or goes missing from the home.
 * No source sets a time limit (DOMAIN §5.1), so this is modelled as immediate; an organisation sets its own target
 * in hours with an override (DOMAIN suggests the 24-hour serious-event SLA).
 *
 * Clock: immediately (without delay) the anchor `eventAt` (date and time of the event (the child runs away or goes
 * missing from the home)). Source: seed 001 (provider list; no statutory time limit); LOCAL, configurable per
 * organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('IRO-N3-MISSING', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const IRO_N3_MISSING = {
  id: 'IRO-N3-MISSING',
  title: 'IRO told promptly: the child runs away or goes missing from the home',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'eventAt',
  anchorDescription: 'date and time of the event (the child runs away or goes missing from the home)',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'seed 001 (provider list; no statutory time limit)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
