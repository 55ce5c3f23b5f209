import type { RuleDefinition } from './rule-definition';

/**
 * VIS-PA-RELEVANT: Personal adviser visits a relevant child within 7 days of a move, then at least every 2 months.
 *
 * The personal adviser visits a relevant child within 7 days of the move into accommodation, then at intervals of
 * not more than two months. Use nextPersonalAdviserVisitDue.
 *
 * Clock: 7 calendar days after the anchor `movedIn` (date the relevant child moved into the accommodation). Source:
 * CLR 2010 reg 8 [R]; NAT-REG, not configurable; not verified against the text: confirm before relying on it.
 * @see https://www.legislation.gov.uk/uksi/2010/2571/regulation/8
 * @example
 * const calendar = HolidayCalendar.default();
 * nextPersonalAdviserVisitDue({ movedIn: '2027-03-01', lastVisit: '2027-03-05' }).dueDate; // '2027-05-05'
 */
export const VIS_PA_RELEVANT = {
  id: 'VIS-PA-RELEVANT',
  title: 'Personal adviser visits a relevant child within 7 days of a move, then at least every 2 months',
  class: 'NAT-REG',
  markers: 'NAT-REG',
  anchor: 'movedIn',
  anchorDescription: 'date the relevant child moved into the accommodation',
  unit: 'CALENDAR_DAY',
  count: 7,
  direction: 'after',
  citation: 'CLR 2010 reg 8 [R]',
  sourceUrl: 'https://www.legislation.gov.uk/uksi/2010/2571/regulation/8',
  configurable: false,
  effectiveFrom: '2011-04-01',
  verification: 'R',
  phases: [
    {
      phase: 'first',
      description: 'first visit after the move',
      anchor: 'movedIn',
      anchorDescription: 'date the relevant child moved into the accommodation',
      unit: 'CALENDAR_DAY',
      count: 7,
      direction: 'after',
    },
    {
      phase: 'later',
      description: 'later visits',
      anchor: 'lastVisit',
      anchorDescription: 'date of the last visit',
      unit: 'MONTH',
      count: 2,
      direction: 'after',
    },
  ],
} as const satisfies RuleDefinition;
