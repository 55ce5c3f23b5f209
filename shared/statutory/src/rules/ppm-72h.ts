import type { RuleDefinition } from './rule-definition';

/**
 * PPM-72H: First Placement Planning Meeting within 72 hours of an urgent placement.
 *
 * The first Placement Planning Meeting is held before the placement or, where the placement is urgent, within 72
 * hours of it. Clock hours from the placement timestamp: weekends and bank holidays are irrelevant (TIME-HOURS).
 *
 * Clock: 72 clock hours after the anchor `placementStart` (date and time the placement started). Source: seed 001
 * (provider policy); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PPM-72H', '2026-12-21T15:00+00:00', { calendar }).dueAt; // '2026-12-24T15:00:00+00:00' (Example 2)
 */
export const PPM_72H = {
  id: 'PPM-72H',
  title: 'First Placement Planning Meeting within 72 hours of an urgent placement',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'placementStart',
  anchorDescription: 'date and time the placement started',
  unit: 'HOUR',
  count: 72,
  direction: 'after',
  citation: 'seed 001 (provider policy)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
