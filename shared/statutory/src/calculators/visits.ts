import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import type { Deadline } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { addMonths, assertIsoDate, compareIsoDates } from '../time/iso-date';
import { fixedDeadline } from './fixed-deadline';
import type { ImplementedRuleId } from '../rules/registry';

/**
 * Which visiting regime of CPPCR reg 28 applies. `STANDARD` is reg 28(2); the others are the special cases of
 * reg 28(3)–(5) (VIS-SPECIAL, VIS-SPECIAL-2, VIS-CO-HOME).
 */
export type VisitRegime = 'STANDARD' | 'PARENT_BEFORE_ASSESSMENT' | 'CONNECTED_PERSON_TEMPORARY' | 'CARE_ORDER_AT_HOME';

/** Input to {@link nextVisitDue}. */
export interface VisitInput {
  /** Start of the placement (for CARE_ORDER_AT_HOME, the date the care order was made; for custody, the start of it). */
  placementStart: IsoDate;
  /** Date of the last visit in this placement; null or absent before the first. */
  lastVisit?: IsoDate | null;
  /** Whether the placement is intended to last until the child is 18 (reg 28(2)(c)(i)). */
  intendedUntil18: boolean;
  /**
   * The young person is in a young offender institution (VIS-YOI, seed 004 §14.3).
   * @default false
   */
  custody?: boolean;
  /**
   * Special visiting regime.
   * @default 'STANDARD'
   */
  regime?: VisitRegime;
  /** Date the first review was held (the weekly regimes of reg 28(3)–(4) run until it). */
  firstReviewHeld?: IsoDate | null;
  /**
   * Calendar for the practical date.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/**
 * The last day counted as the first year of a placement: the first anniversary of its start. Including the
 * anniversary day is the conservative reading (a visit on it still starts a six-week interval).
 */
function inFirstYear(placementStart: IsoDate, visit: IsoDate): boolean {
  return compareIsoDates(visit, addMonths(placementStart, 12)) <= 0;
}

/**
 * When the social worker's next visit is due (CPPCR reg 28; VIS-1WK, VIS-6WK-Y1, VIS-3M-LT, VIS-6WK-OTHER,
 * VIS-YOI, VIS-SPECIAL, VIS-SPECIAL-2, VIS-CO-HOME). Weeks are 7 calendar days and bank holidays do not extend them.
 *
 * Boundary choice: each interval is governed by the rule in force **on the day of the last visit**. A visit in the
 * first year starts a 6-week interval even if the 6 weeks end after the first anniversary (the stricter reading for
 * long-term placements), and the first year includes its anniversary day. Likewise a weekly interval begun before
 * the first review stays weekly.
 * @param input - placement start, last visit, intention, custody, regime, first review, calendar
 * @returns the next visit deadline, with the rule id that governs it
 * @throws StatutoryInputError for bad dates or a visit before the placement started
 * @see https://www.legislation.gov.uk/uksi/2010/959/regulation/28
 * @example nextVisitDue({ placementStart: '2026-12-21', intendedUntil18: false }).dueDate; // '2026-12-28' (VIS-1WK)
 * @example nextVisitDue({ placementStart: '2026-12-21', lastVisit: '2026-12-22', intendedUntil18: false }).dueDate; // '2027-02-02'
 */
export function nextVisitDue(input: VisitInput): Deadline {
  const rule = nextVisitRule(input);
  return fixedDeadline(rule.ruleId, rule.anchor, input.calendar, rule.phase);
}

/** Which visit rule governs the next visit, from which date, and in which stage (no calendar needed). */
export interface VisitRule {
  ruleId: ImplementedRuleId;
  anchor: IsoDate;
  phase?: string;
}

/**
 * The decision behind {@link nextVisitDue}: the rule (and stage) that governs the next visit and the date it counts
 * from. Used by {@link dutiesFor} so the ledger records the same rule the calculator computes.
 * @param input - placement start, last visit, intention, custody, regime, first review
 * @returns the rule id, its anchor and its stage
 * @throws StatutoryInputError for bad dates or a visit before the placement started
 * @example nextVisitRule({ placementStart: '2026-12-21', intendedUntil18: false }); // { ruleId: 'VIS-1WK', anchor: '2026-12-21' }
 */
export function nextVisitRule(input: Omit<VisitInput, 'calendar'>): VisitRule {
  const start = assertIsoDate(input.placementStart, 'placementStart');
  const last = input.lastVisit === undefined || input.lastVisit === null ? undefined : assertIsoDate(input.lastVisit, 'lastVisit');
  if (last !== undefined && compareIsoDates(last, start) < 0) throw new StatutoryInputError(messages.visitBeforePlacement(last, start));

  if (input.custody) {
    if (last === undefined) return { ruleId: 'VIS-YOI', anchor: start, phase: 'first' };
    return { ruleId: 'VIS-YOI', anchor: last, phase: inFirstYear(start, last) ? 'first-year' : 'after-first-year' };
  }
  switch (input.regime ?? 'STANDARD') {
    case 'PARENT_BEFORE_ASSESSMENT':
    case 'CONNECTED_PERSON_TEMPORARY': {
      const id = input.regime === 'PARENT_BEFORE_ASSESSMENT' ? 'VIS-SPECIAL' : 'VIS-SPECIAL-2';
      const from = last ?? start;
      const review = input.firstReviewHeld ?? undefined;
      const weekly = review === undefined || compareIsoDates(from, assertIsoDate(review, 'firstReviewHeld')) < 0;
      return { ruleId: id, anchor: from, phase: weekly ? 'until-first-review' : 'after-first-review' };
    }
    case 'CARE_ORDER_AT_HOME':
      return last === undefined ? { ruleId: 'VIS-CO-HOME', anchor: start, phase: 'first' } : { ruleId: 'VIS-CO-HOME', anchor: last, phase: 'later' };
    case 'STANDARD':
      if (last === undefined) return { ruleId: 'VIS-1WK', anchor: start };
      if (inFirstYear(start, last)) return { ruleId: 'VIS-6WK-Y1', anchor: last };
      return { ruleId: input.intendedUntil18 ? 'VIS-3M-LT' : 'VIS-6WK-OTHER', anchor: last };
  }
}

/** Input to {@link nextPersonalAdviserVisitDue}. */
export interface PersonalAdviserVisitInput {
  /** Date the relevant child moved into the accommodation. */
  movedIn: IsoDate;
  /** Date of the personal adviser's last visit; a visit before the move does not count for the new accommodation. */
  lastVisit?: IsoDate | null;
  /**
   * Calendar for the practical date.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/**
 * VIS-PA-RELEVANT: the personal adviser visits a relevant child within 7 days of a move into accommodation, then at
 * intervals of not more than two months (CLR 2010 reg 8 [R]).
 * @param input - move date, last visit, calendar
 * @returns the next visit deadline (phase `first` or `later`)
 * @see https://www.legislation.gov.uk/uksi/2010/2571/regulation/8
 * @example nextPersonalAdviserVisitDue({ movedIn: '2027-03-01' }).dueDate; // '2027-03-08'
 */
export function nextPersonalAdviserVisitDue(input: PersonalAdviserVisitInput): Deadline {
  const moved = assertIsoDate(input.movedIn, 'movedIn');
  const last = input.lastVisit === undefined || input.lastVisit === null ? undefined : assertIsoDate(input.lastVisit, 'lastVisit');
  if (last === undefined || compareIsoDates(last, moved) < 0) return fixedDeadline('VIS-PA-RELEVANT', moved, input.calendar, 'first');
  return fixedDeadline('VIS-PA-RELEVANT', last, input.calendar, 'later');
}
