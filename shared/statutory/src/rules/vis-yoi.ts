import type { RuleDefinition } from './rule-definition';

/**
 * VIS-YOI: Visits to a young person in a YOI: within 1 week, 6-weekly in the first year, then 3-monthly.
 *
 * Seed 004: a looked-after or care-order young person in a young offender institution is visited within 1 week of
 * the start, at intervals of not more than 6 weeks in the first year, then every 3 months.
 *
 * Clock: 1 week after the anchor `placementStart` (start of the custodial placement). Source: seed 004 §14.3
 * (mirrors CPPCR 2010 reg 28); LOCAL/NAT, configurable per organisation; verified against the wording.
 * @see seed file 004_7652cefcda3ef942.txt (DOMAIN.md §0.2)
 * @example
 * const calendar = HolidayCalendar.default();
 * nextVisitDue({ placementStart: '2026-12-21', intendedUntil18: false, custody: true }).dueDate; // '2026-12-28'
 */
export const VIS_YOI = {
  id: 'VIS-YOI',
  title: 'Visits to a young person in a YOI: within 1 week, 6-weekly in the first year, then 3-monthly',
  class: 'LOCAL',
  markers: 'LOCAL/NAT',
  anchor: 'placementStart',
  anchorDescription: 'start of the custodial placement',
  unit: 'WEEK',
  count: 1,
  direction: 'after',
  citation: 'seed 004 §14.3 (mirrors CPPCR 2010 reg 28)',
  sourceUrl: '004_7652cefcda3ef942.txt',
  configurable: true,
  verification: 'V',
  phases: [
    {
      phase: 'first',
      description: 'first visit',
      anchor: 'placementStart',
      anchorDescription: 'start of the custodial placement',
      unit: 'WEEK',
      count: 1,
      direction: 'after',
    },
    {
      phase: 'first-year',
      description: 'last visit in the first year',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit',
      unit: 'WEEK',
      count: 6,
      direction: 'after',
    },
    {
      phase: 'after-first-year',
      description: 'last visit after the first year',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit',
      unit: 'MONTH',
      count: 3,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
