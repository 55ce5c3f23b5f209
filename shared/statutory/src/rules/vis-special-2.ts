import type { RuleDefinition } from './rule-definition';

/**
 * VIS-SPECIAL-2: Weekly visits until the first review, then at most 4-weekly (temporary connected-person approval,
 * or ICO at home).
 *
 * A child placed with a temporarily approved connected person (reg 24), or living with a parent under an interim
 * care order: visits at least weekly until the first review, then at intervals of not more than 4 weeks. Use
 * nextVisitDue with the matching regime.
 *
 * Clock: 1 week after the anchor `lastVisit` (date of the last visit, or the placement start before any visit).
 * Source: CPPCR 2010 reg 28(4); NAT-REG, not configurable; verified against the wording.
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example
 * const calendar = HolidayCalendar.default();
 * computeDeadline('VIS-SPECIAL-2', '2026-12-22', { calendar, phase: 'after-first-review' }).dueDate; // '2027-01-19'
 */
export const VIS_SPECIAL_2 = {
  id: 'VIS-SPECIAL-2',
  title: 'Weekly visits until the first review, then at most 4-weekly (temporary connected-person approval, or ICO at home)',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'lastVisit',
  anchorDescription: 'date of the last visit, or the placement start before any visit',
  unit: 'WEEK',
  count: 1,
  direction: 'after',
  citation: 'CPPCR 2010 reg 28(4)',
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
      count: 4,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
