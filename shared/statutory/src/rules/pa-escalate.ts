import type { RuleDefinition } from './rule-definition';

/**
 * PA-ESCALATE: Escalate when a requested review does not take place (configurable wait).
 *
 * Where a review requested under CHR reg 14(2)(e) does not take place, the registered person must escalate. The
 * waiting period is a configurable default, not law.
 *
 * Clock: 20 working days after the anchor `reviewRequested` (date the registered person asked the placing authority
 * to review the relevant plans). Source: seed 001 (Guide to the Children's Homes Regulations); NAT-GUID,
 * configurable per organisation; verified against the wording.
 *
 * Configurable default: no source fixes how long to wait before escalating; 20 working days is a placeholder each
 * organisation should set.
 * @see seed file 001_486a11af57d102a4.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('PA-ESCALATE', '2027-01-21', { calendar }).dueDate; // '2027-02-18'
 */
export const PA_ESCALATE = {
  id: 'PA-ESCALATE',
  title: 'Escalate when a requested review does not take place (configurable wait)',
  class: 'NAT-GUID',
  markers: 'NAT-GUID',
  anchor: 'reviewRequested',
  anchorDescription: 'date the registered person asked the placing authority to review the relevant plans',
  unit: 'WORKING_DAY',
  count: 20,
  direction: 'after',
  citation: 'seed 001 (Guide to the Children\'s Homes Regulations)',
  sourceUrl: '001_486a11af57d102a4.txt',
  configurable: true,
  verification: 'V',
  countNote: 'Configurable default: no source fixes how long to wait before escalating; 20 working days is a placeholder each organisation should set.',
} as const satisfies RuleDefinition;
