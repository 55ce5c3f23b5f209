import type { RuleDefinition } from './rule-definition';

/**
 * PA-EMERG-MOVE: Placing authority contacted immediately after an emergency move.
 *
 * When the registered person moves a child out of the home in an emergency, the placing authority is contacted
 * immediately and a review follows as soon as possible.
 *
 * Clock: immediately (without delay) the anchor `movedAt` (date and time the child was moved out of the home).
 * Source: seed 001 (Guide to the Children's Homes Regulations); NAT-GUID, configurable per organisation; verified
 * against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PA-EMERG-MOVE', '2026-12-26T22:00:00+00:00', { calendar }).dueAt; // '2026-12-26T22:00:00+00:00'
 */
export const PA_EMERG_MOVE = {
  id: 'PA-EMERG-MOVE',
  title: 'Placing authority contacted immediately after an emergency move',
  class: 'NAT-GUID',
  markers: 'NAT-GUID',
  anchor: 'movedAt',
  anchorDescription: 'date and time the child was moved out of the home',
  unit: 'IMMEDIATE',
  count: 0,
  direction: 'after',
  citation: 'seed 001 (Guide to the Children\'s Homes Regulations)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
