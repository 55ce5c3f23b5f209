import type { RuleDefinition } from './rule-definition';

/**
 * APP-FCPM-5WD: Family Care and Protect Meeting within 5 working days of the request.
 *
 * A Family Care and Protect Meeting is convened as needed or within 5 working days of the request, whichever is
 * sooner.
 *
 * Clock: 5 working days after the anchor `requestReceived` (date the meeting was requested). Source: seed 004 §4.2
 * (Leicestershire); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 004_7652cefcda3ef942.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('APP-FCPM-5WD', '2026-12-21', { calendar }).dueDate; // '2026-12-30'
 */
export const APP_FCPM_5WD = {
  id: 'APP-FCPM-5WD',
  title: 'Family Care and Protect Meeting within 5 working days of the request',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'requestReceived',
  anchorDescription: 'date the meeting was requested',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'seed 004 §4.2 (Leicestershire)',
  sourceUrl: '004_7652cefcda3ef942.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
