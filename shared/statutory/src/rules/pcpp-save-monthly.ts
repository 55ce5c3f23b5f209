import type { RuleDefinition } from './rule-definition';

/**
 * PCPP-SAVE-MONTHLY: PCPP saved at least monthly.
 *
 * The PCPP is a living document, saved to the case system at least monthly.
 *
 * Clock: 1 calendar month after the anchor `pcppLastSaved` (date the PCPP was last saved). Source: seed 001
 * (provider policy); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PCPP-SAVE-MONTHLY', '2027-01-31', { calendar }).dueDate; // '2027-02-28'
 */
export const PCPP_SAVE_MONTHLY = {
  id: 'PCPP-SAVE-MONTHLY',
  title: 'PCPP saved at least monthly',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'pcppLastSaved',
  anchorDescription: 'date the PCPP was last saved',
  unit: 'MONTH',
  count: 1,
  direction: 'after',
  citation: 'seed 001 (provider policy)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
} as const satisfies RuleDefinition;
