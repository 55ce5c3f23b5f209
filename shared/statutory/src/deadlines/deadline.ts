import type { SkippedDay } from '../calendar/working-days';
import type { Instant, IsoDate } from '../time/civil';
import type { RuleClass, RuleUnit } from '../rules/rule-definition';
import type { RuleId } from '../rules/rule-ids';

/** How a deadline was computed: enough to show a worker, an auditor or a court where the date came from. */
export interface DeadlineBasis {
  /** The anchor as given (a date, or an instant for hour-based and immediate rules). */
  anchor: IsoDate | Instant;
  /** Machine name of the anchor fact, e.g. `placementStart`. */
  anchorFact: string;
  /** The anchor fact in words. */
  anchorDescription: string;
  unit: RuleUnit;
  /** The count actually used (after any local override). */
  count: number;
  direction: 'after' | 'before';
  /** Non-working days skipped (working-day rules), in date order. */
  skipped: SkippedDay[];
  citation: string;
  sourceUrl?: string;
  class: RuleClass;
  /** True when an organisation's override changed the count. */
  overridden: boolean;
  /** True when the computation used bank-holiday data for a year flagged provisional (e.g. 2028). */
  provisional: boolean;
  /**
   * TIME-WD-DAY1 alternative for working-day rules: the date if the trigger day were counted as day 1 (one working
   * day nearer the anchor). Equal to the due date when the anchor is not a working day (it cannot be day 1).
   */
  inclusiveAlternative?: IsoDate;
  /**
   * For calendar-day, week and month rules whose date is not a working day: the last working day on or before it.
   * There is no roll-forward (TIME-MONTHS), so this is when the duty must in practice be done.
   */
  practicalDate?: IsoDate;
  /** One sentence explaining the computation. */
  explanation: string;
}

/** A computed statutory (or local) deadline. */
export interface Deadline {
  ruleId: RuleId;
  title: string;
  class: RuleClass;
  /** London calendar date the duty falls due. */
  dueDate: IsoDate;
  /** Exact moment it falls due: the end of `dueDate` in London, or the exact instant for hour and immediate rules. */
  dueAt: Instant;
  /** The stage of a multi-stage rule that was computed, when the rule has stages. */
  phase?: string;
  basis: DeadlineBasis;
}

/**
 * A deadline that cannot be computed yet: its working-day count runs past the end of the bank-holiday calendar.
 * The engine refuses to guess (DOMAIN §16 note 4); it is computed once a newer calendar is loaded. The basis holds
 * everything but the outcome (anchor, unit, count, citation), and its explanation says what is missing.
 */
export interface BeyondCalendar {
  beyondCalendar: true;
  ruleId: RuleId;
  title: string;
  class: RuleClass;
  /** The stage of a multi-stage rule that was asked for, when the rule has stages. */
  phase?: string;
  /** The first day the count needed that the calendar does not cover. */
  uncoveredDate: IsoDate;
  /** The last day the calendar covers. */
  calendarEndsOn: IsoDate;
  /** Why there is no date, in words. */
  reason: string;
  basis: DeadlineBasis;
}

/** A rule that cannot apply to the facts given (not the same as overdue). */
export interface RuleNotApplicable {
  applicable: false;
  ruleId: RuleId;
  /** Why it does not apply, in words. */
  reason: string;
  /** Facts the rule needs that were not given (by input name), when that is why. */
  missingFacts?: string[];
  /** The rule that governs these facts instead, when another one does. */
  appliesInstead?: RuleId;
}
