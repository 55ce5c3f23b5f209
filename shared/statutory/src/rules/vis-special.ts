import type { RuleDefinition } from './rule-definition';

/**
 * VIS-SPECIAL: Weekly visits until the first review, then at most 6-weekly (placed with a parent before
 * assessment).
 *
 * A child placed with a parent before the reg 19 assessment is complete: visits at least weekly until the first
 * review, then at intervals of not more than 6 weeks. Use nextVisitDue with the matching regime.
 *
 * Clock: 1 week after the anchor `lastVisit` (date of the last visit, or the placement start before any visit).
 * Source: CPPCR 2010 reg 28(3); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-SPECIAL', '2026-12-22', { calendar, phase: 'after-first-review' }).dueDate; // '2027-02-02'
 */
export const VIS_SPECIAL = {
  id: 'VIS-SPECIAL',
  title: 'Weekly visits until the first review, then at most 6-weekly (placed with a parent before assessment)',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastVisit',
  anchorDescription: 'date of the last visit, or the placement start before any visit',
  unit: 'WEEK',
  count: 1,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(3)',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/959/regulation/28',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'V',
  phases: [
    {
      phase: 'until-first-review',
      description: 'until the first review',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit, or the placement start before any visit',
      unit: 'WEEK',
      count: 1,
      direction: 'after',
    },
    {
      phase: 'after-first-review',
      description: 'after the first review',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit',
      unit: 'WEEK',
      count: 6,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
