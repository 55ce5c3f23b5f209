import type { RuleDefinition } from './rule-definition';

/**
 * APP-PLO-4M: PLO pre-proceedings concluded within 4 months (progress reviewed at 3).
 *
 * PLO pre-proceedings are expected to conclude within 4 months, with progress reviewed at 3 months.
 *
 * Clock: 4 calendar months after the anchor `preProceedingsStarted` (date PLO pre-proceedings started). Source:
 * seed 004 §5.11 (Leicestershire); LOCAL, configurable per organisation; verified against the wording.
 * @see seed file 004_7652cefcda3ef942.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('APP-PLO-4M', '2026-10-31', { calendar }).dueDate; // '2027-02-28'
 */
export const APP_PLO_4M = {
  id: 'APP-PLO-4M',
  title: 'PLO pre-proceedings concluded within 4 months (progress reviewed at 3)',
  class: 'LOCAL',
  markers: 'LOCAL',
  anchor: 'preProceedingsStarted',
  anchorDescription: 'date PLO pre-proceedings started',
  unit: 'MONTH',
  count: 4,
  direction: 'after',
  citation: 'seed 004 §5.11 (Leicestershire)',
  sourceUrl: '004_7652cefcda3ef942.txt',
  configurable: true,
  verification: 'V',
  phases: [
    {
      phase: 'conclude',
      description: 'pre-proceedings concluded',
      anchor: 'preProceedingsStarted',
      anchorDescription: 'date PLO pre-proceedings started',
      unit: 'MONTH',
      count: 4,
      direction: 'after',
    },
    {
      phase: 'progress-review',
      description: 'progress reviewed by the panel',
      anchor: 'preProceedingsStarted',
      anchorDescription: 'date PLO pre-proceedings started',
      unit: 'MONTH',
      count: 3,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
