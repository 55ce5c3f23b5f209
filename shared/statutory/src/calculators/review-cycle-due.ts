import { HolidayCalendar } from '../calendar/holiday-calendar';
import { CalendarHorizonError } from '../errors';
import { computeDeadlineOrBeyond } from '../deadlines/compute-deadline';
import type { BeyondCalendar, Deadline } from '../deadlines/deadline';
import type { IsoDate } from '../time/civil';
import { endOfLondonDay } from '../time/london';
import { reviewDue } from './review-cycle';

/** Circumstances that bring the next review forward, and the rule each one comes from. */
export const EARLY_REVIEW_TRIGGER_RULES = {
  IRO_REQUEST: 'REV-EARLY',
  WELFARE_NOT_SAFEGUARDED: 'REV-VISIT-TRIGGER',
  CEASING_ACCOMMODATION: 'REV-BEFORE-CEASE',
  LEAVING_DETENTION: 'REV-EARLY',
  SIGNIFICANT_CHANGE: 'REV-EARLY',
  EMERGENCY_MOVE: 'REV-AFTER-EMERG',
} as const;
export type EarlyReviewTrigger = keyof typeof EARLY_REVIEW_TRIGGER_RULES;

/** A review of the period, as the cycle needs it. */
export interface CycleReview {
  sequence: number;
  heldOn?: IsoDate | null;
}

/** An early-review trigger of the period: when it happened and the authority's target date for the review. */
export interface CycleTrigger {
  trigger: string;
  triggeredOn: IsoDate;
  targetDueBy: IsoDate;
}

/** Input to {@link reviewCycleDue}. */
export interface ReviewCycleInput {
  /** Start of the period of care. */
  becameLookedAfter: IsoDate;
  /** The period's reviews (any order; held ones carry `heldOn`). */
  reviews: readonly CycleReview[];
  /** The period's early-review triggers. */
  triggers: readonly CycleTrigger[];
  /** Which review (1 = first). */
  sequence: number;
  /**
   * The England and Wales calendar.
   * @default HolidayCalendar.default()
   */
  calendar?: HolidayCalendar;
}

/** When a review falls due and why, for the review record and for the deadline ledger. */
export interface ReviewCycleDue {
  sequence: number;
  dueBy: IsoDate;
  /** Last working day on or before a month-based `dueBy` that is not a working day (TIME-MONTHS, Example 8). */
  practicalDueBy: IsoDate | null;
  /** The rule the date comes from: the statutory clock, or the early-review rule that brought it forward. */
  ruleId: string;
  /** One sentence explaining the date. */
  basis: string;
  /**
   * The ledger entry: the statutory rule (REV-1ST-20WD, REV-2ND-3M, REV-NEXT-6M) with its basis, its due date moved
   * to the early-review target when one brought it forward (the trigger recorded in the explanation).
   */
  deadline: Deadline;
}

/**
 * When review `sequence` of a period is due (CPPCR reg 33, TIME-ANCHOR): the statutory date from {@link reviewDue}
 * (REV-1ST-20WD / REV-2ND-3M / REV-NEXT-6M, anchored on the dates earlier reviews were held), brought forward to the
 * earliest early-review target still in force: a trigger recorded after the previous review was held and not yet
 * answered by this one (REV-EARLY, REV-VISIT-TRIGGER, REV-BEFORE-CEASE, REV-AFTER-EMERG). A target later than the
 * statutory date changes nothing.
 * @param input - period start, reviews, triggers, sequence, calendar
 * @returns the due date, the rule, the explanation and the ledger entry
 * @throws CalendarHorizonError when the first review's count leaves the calendar (see {@link reviewCycleLedgerEntry})
 * @example reviewCycleDue({ becameLookedAfter: '2026-12-21', reviews: [], triggers: [], sequence: 1 }).dueBy; // '2027-01-21'
 */
export function reviewCycleDue(input: ReviewCycleInput): ReviewCycleDue {
  const { sequence, reviews } = input;
  const heldBefore = reviews
    .filter((r) => r.sequence < sequence && r.heldOn)
    .sort((a, b) => a.sequence - b.sequence)
    .map((r) => r.heldOn!);
  const { sequence: _s, ...statutory } = reviewDue({ becameLookedAfter: input.becameLookedAfter, heldReviews: heldBefore, calendar: input.calendar ?? HolidayCalendar.default() });
  const after = heldBefore.length ? heldBefore[heldBefore.length - 1]! : null;
  const self = reviews.find((r) => r.sequence === sequence);
  const inForce = input.triggers
    .filter((t) => (after === null || t.triggeredOn > after) && (!self?.heldOn || t.triggeredOn <= self.heldOn))
    .sort((a, b) => (a.targetDueBy < b.targetDueBy ? -1 : a.targetDueBy > b.targetDueBy ? 1 : 0));
  const early = inForce[0];
  if (early && early.targetDueBy < statutory.dueDate) {
    const ruleId = EARLY_REVIEW_TRIGGER_RULES[early.trigger as EarlyReviewTrigger] ?? 'REV-EARLY';
    return {
      sequence,
      dueBy: early.targetDueBy,
      practicalDueBy: null,
      ruleId,
      basis: `Brought forward by ${early.trigger} on ${early.triggeredOn} (${ruleId}; local early-review target) from the statutory ${statutory.dueDate} (${statutory.ruleId}).`,
      deadline: {
        ...statutory,
        dueDate: early.targetDueBy,
        dueAt: endOfLondonDay(early.targetDueBy),
        basis: {
          ...statutory.basis,
          explanation: `${statutory.basis.explanation} Brought forward to ${early.targetDueBy}: early review triggered (${early.trigger}) on ${early.triggeredOn}.`,
        },
      },
    };
  }
  return {
    sequence,
    dueBy: statutory.dueDate,
    practicalDueBy: statutory.basis.practicalDate ?? null,
    ruleId: statutory.ruleId,
    basis: statutory.basis.explanation,
    deadline: statutory,
  };
}

/**
 * The next review of a period: the one after the reviews already held.
 * @param input - period start, reviews, triggers, calendar
 * @returns the next review's due date
 * @throws CalendarHorizonError when the first review's count leaves the calendar
 */
export function nextReviewCycleDue(input: Omit<ReviewCycleInput, 'sequence'>): ReviewCycleDue {
  return reviewCycleDue({ ...input, sequence: input.reviews.filter((r) => r.heldOn).length + 1 });
}

/**
 * The ledger entry for the next review of a period: {@link nextReviewCycleDue}'s deadline, or, when a first
 * review's working-day count runs past the calendar, a BeyondCalendar entry (kept in the ledger and dated when a
 * newer calendar arrives) rather than an error.
 * @param input - period start, reviews, triggers, calendar
 * @returns the sequence, the rule as users see it (REV-EARLY and kin when brought forward) and the entry
 */
export function reviewCycleLedgerEntry(input: Omit<ReviewCycleInput, 'sequence'>): { sequence: number; ruleId: string; deadline: Deadline | BeyondCalendar } {
  try {
    const due = nextReviewCycleDue(input);
    return { sequence: due.sequence, ruleId: due.ruleId, deadline: due.deadline };
  } catch (e) {
    if (!(e instanceof CalendarHorizonError) || input.reviews.some((r) => r.heldOn)) throw e;
    return { sequence: 1, ruleId: 'REV-1ST-20WD', deadline: computeDeadlineOrBeyond('REV-1ST-20WD', input.becameLookedAfter, { calendar: input.calendar ?? HolidayCalendar.default() }) as BeyondCalendar };
  }
}
