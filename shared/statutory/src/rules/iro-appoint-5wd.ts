import type { RuleDefinition } from './rule-definition';

/**
 * IRO-APPOINT-5WD: IRO appointed within 5 working days (good practice).
 *
 * Good practice: an IRO is appointed within the first five working days of the child becoming looked after. The
 * duty to appoint (IRO-APPOINT, CA 1989 s25A) has no fixed period.
 *
 * Clock: 5 working days after the anchor `becameLookedAfter` (date the child became looked after). Source: IRO
 * Handbook (2010) [R]; Rochdale procedure [S]; NAT-GUID, configurable per organisation; not verified against the
 * text: confirm before relying on it.
 * @see https://www.gov.uk/government/publications/independent-reviewing-officers-handbook
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('IRO-APPOINT-5WD', '2026-12-21', { calendar }).dueDate; // '2026-12-30'
 */
export const IRO_APPOINT_5WD = {
  id: 'IRO-APPOINT-5WD',
  title: 'IRO appointed within 5 working days (good practice)',
  class: 'NAT-GUID',
  markers: 'NAT-GUID',
  anchor: 'becameLookedAfter',
  anchorDescription: 'date the child became looked after',
  unit: 'WORKING_DAY',
  count: 5,
  direction: 'after',
  citation: 'IRO Handbook (2010) [R]; Rochdale procedure [S]',
  sourceUrl: 'https://www.gov.uk/government/publications/independent-reviewing-officers-handbook',
  configurable: true,
  verification: 'R',
} as const satisfies RuleDefinition;
