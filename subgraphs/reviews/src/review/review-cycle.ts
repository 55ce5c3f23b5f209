import {
  addWorkingDays, ageOn, computeConsultationDeadline, computeDeadline, HolidayCalendar, reviewDue,
} from '@hub/statutory';

/** Circumstances that bring the next review forward, and the rule each one comes from. */
export const EARLY_TRIGGER_RULES = {
  IRO_REQUEST: 'REV-EARLY',
  WELFARE_NOT_SAFEGUARDED: 'REV-VISIT-TRIGGER',
  CEASING_ACCOMMODATION: 'REV-BEFORE-CEASE',
  LEAVING_DETENTION: 'REV-EARLY',
  SIGNIFICANT_CHANGE: 'REV-EARLY',
  EMERGENCY_MOVE: 'REV-AFTER-EMERG',
} as const;
export type EarlyTrigger = keyof typeof EARLY_TRIGGER_RULES;

/**
 * LOCAL default: an early review (REV-EARLY and its kin) is targeted 20 working days after the trigger. The
 * regulations say only "earlier" or "as soon as possible", so each authority should set its own target
 * (env REVIEWS_EARLY_REVIEW_WORKING_DAYS).
 */
export const DEFAULT_EARLY_REVIEW_WORKING_DAYS = 20;

/** A review's facts, as the cycle needs them. */
export interface CycleReview {
  sequence: number;
  heldOn?: string | null;
}

/** An early-review trigger's facts. */
export interface CycleTrigger {
  trigger: string;
  triggeredOn: string;
  targetDueBy: string;
}

/** When a review falls due and why. */
export interface ReviewDue {
  sequence: number;
  dueBy: string;
  /** Last working day on or before a month-based `dueBy` that is not a working day (TIME-MONTHS, Example 8). */
  practicalDueBy: string | null;
  ruleId: string;
  basis: string;
}

/**
 * The early-review target for a trigger: `workingDays` after it (trigger day excluded, TIME-WD-DAY1).
 * @param calendar - the calendar in force
 * @param triggeredOn - date of the trigger
 * @param workingDays - the authority's target (LOCAL)
 * @returns the target date
 */
export function earlyTarget(calendar: HolidayCalendar, triggeredOn: string, workingDays = DEFAULT_EARLY_REVIEW_WORKING_DAYS): string {
  return addWorkingDays(calendar, triggeredOn, workingDays).date;
}

/**
 * When review `sequence` of a period is due: the statutory date from reviewDue (REV-1ST-20WD / REV-2ND-3M /
 * REV-NEXT-6M, anchored per TIME-ANCHOR on the dates earlier reviews were held), brought forward to the earliest
 * early-review target still in force (recorded after the previous review and not yet answered by this one).
 * @param periodStart - date the child became looked after (start of the period)
 * @param reviews - the period's reviews (any order)
 * @param triggers - the period's early-review triggers
 * @param sequence - which review
 * @param calendar - the calendar in force
 * @returns the due date, rule and explanation
 */
export function dueForSequence(periodStart: string, reviews: CycleReview[], triggers: CycleTrigger[], sequence: number, calendar: HolidayCalendar): ReviewDue {
  const heldBefore = reviews
    .filter((r) => r.sequence < sequence && r.heldOn)
    .sort((a, b) => a.sequence - b.sequence)
    .map((r) => r.heldOn!);
  const statutory = reviewDue({ becameLookedAfter: periodStart, heldReviews: heldBefore, calendar });
  const after = heldBefore.length ? heldBefore[heldBefore.length - 1]! : null;
  const self = reviews.find((r) => r.sequence === sequence);
  const inForce = triggers
    .filter((t) => (after === null || t.triggeredOn > after) && (!self?.heldOn || t.triggeredOn <= self.heldOn))
    .sort((a, b) => (a.targetDueBy < b.targetDueBy ? -1 : a.targetDueBy > b.targetDueBy ? 1 : 0));
  const early = inForce[0];
  if (early && early.targetDueBy < statutory.dueDate) {
    const ruleId = EARLY_TRIGGER_RULES[early.trigger as EarlyTrigger] ?? 'REV-EARLY';
    return {
      sequence,
      dueBy: early.targetDueBy,
      practicalDueBy: null,
      ruleId,
      basis: `Brought forward by ${early.trigger} on ${early.triggeredOn} (${ruleId}; local early-review target) from the statutory ${statutory.dueDate} (${statutory.ruleId}).`,
    };
  }
  return {
    sequence,
    dueBy: statutory.dueDate,
    practicalDueBy: statutory.basis.practicalDate ?? null,
    ruleId: statutory.ruleId,
    basis: statutory.basis.explanation,
  };
}

/**
 * The next review of a period: the one after the reviews already held.
 * @param periodStart - start of the period of care
 * @param reviews - the period's reviews
 * @param triggers - the period's early-review triggers
 * @param calendar - the calendar in force
 * @returns the next review's due date
 */
export function nextReviewDue(periodStart: string, reviews: CycleReview[], triggers: CycleTrigger[], calendar: HolidayCalendar): ReviewDue {
  const held = reviews.filter((r) => r.heldOn).length;
  return dueForSequence(periodStart, reviews, triggers, held + 1, calendar);
}

/** Deadlines that run from a held review (Example 4). */
export interface HeldReviewDeadlines {
  decisionsDueBy: string;
  reportDueBy: string;
}

/**
 * REV-DECISIONS-5WD and REV-REPORT-20WD from the date the review was held.
 * @param heldOn - date held
 * @param calendar - the calendar in force
 * @returns the two due dates
 */
export function heldReviewDeadlines(heldOn: string, calendar: HolidayCalendar): HeldReviewDeadlines {
  return {
    decisionsDueBy: computeDeadline('REV-DECISIONS-5WD', heldOn, { calendar })!.dueDate,
    reportDueBy: computeDeadline('REV-REPORT-20WD', heldOn, { calendar })!.dueDate,
  };
}

/**
 * REV-ADJOURN-20WD: an adjourned review reconvenes within 20 working days.
 * @param adjournedOn - date adjourned
 * @param calendar - the calendar in force
 * @returns the reconvene-by date
 */
export function reconveneBy(adjournedOn: string, calendar: HolidayCalendar): string {
  return computeDeadline('REV-ADJOURN-20WD', adjournedOn, { calendar })!.dueDate;
}

/**
 * REV-CONSULT-20WD: consult the child at least 20 working days before the review. Not applicable to a first
 * review (C-09, Example 6): the note says why, and nothing is shown as overdue.
 * @param sequence - which review
 * @param reviewDate - scheduled date, else due date
 * @param calendar - the calendar in force
 * @returns the due date, or null with a note
 */
export function consultation(sequence: number, reviewDate: string, calendar: HolidayCalendar): { dueBy: string | null; note: string | null } {
  const r = computeConsultationDeadline({ reviewSequence: sequence, reviewDate, calendar });
  return r.applicable ? { dueBy: r.deadline.dueDate, note: null } : { dueBy: null, note: `${r.ruleId} not applicable: ${r.reason}` };
}

/**
 * Validator rules 167/440/441 (§14.6): PN0 only for a child under 4 at the review date; PN1–PN7 only for a child
 * aged 4 or over.
 * @param code - the participation code
 * @param dateOfBirth - the child's date of birth, when known
 * @param heldOn - review date
 * @returns null when valid, else the reason
 */
export function participationProblem(code: string, dateOfBirth: string | null | undefined, heldOn: string): string | null {
  if (!/^PN[0-7]$/.test(code)) return `unknown participation code ${code}; expected PN0–PN7`;
  if (!dateOfBirth) return null;
  const age = ageOn(dateOfBirth, heldOn);
  if (code === 'PN0' && age >= 4) return `PN0 is only for a child under 4 at the review; the child was ${age}`;
  if (code !== 'PN0' && age < 4) return `${code} is only for a child aged 4 or over; the child was ${age} (use PN0)`;
  return null;
}
