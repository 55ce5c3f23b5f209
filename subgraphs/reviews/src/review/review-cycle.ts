import {
  addWorkingDays, ageOn, computeConsultationDeadline, computeDeadline, CycleReview, CycleTrigger, EARLY_REVIEW_TRIGGER_RULES,
  EarlyReviewTrigger, HolidayCalendar, nextReviewCycleDue, reviewCycleDue, ReviewCycleDue,
} from '@hub/statutory';

/** Circumstances that bring the next review forward, and the rule each one comes from (decided by the engine). */
export const EARLY_TRIGGER_RULES = EARLY_REVIEW_TRIGGER_RULES;
export type EarlyTrigger = EarlyReviewTrigger;

/**
 * LOCAL default: an early review (REV-EARLY and its kin) is targeted 20 working days after the trigger. The
 * regulations say only "earlier" or "as soon as possible", so each authority should set its own target
 * (env REVIEWS_EARLY_REVIEW_WORKING_DAYS).
 */
export const DEFAULT_EARLY_REVIEW_WORKING_DAYS = 20;

export type { CycleReview, CycleTrigger };

/** When a review falls due and why (the engine's answer; `deadline` is the ledger entry sent to plans). */
export type ReviewDue = ReviewCycleDue;

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
 * When review `sequence` of a period is due: the engine's {@link reviewCycleDue} (statutory clock, brought forward
 * by an early-review trigger still in force). The reviews service owns this date; plans receives it in ReviewDueSet.
 * @param periodStart - date the child became looked after (start of the period)
 * @param reviews - the period's reviews (any order)
 * @param triggers - the period's early-review triggers
 * @param sequence - which review
 * @param calendar - the calendar in force
 * @returns the due date, rule and explanation
 */
export function dueForSequence(periodStart: string, reviews: CycleReview[], triggers: CycleTrigger[], sequence: number, calendar: HolidayCalendar): ReviewDue {
  return reviewCycleDue({ becameLookedAfter: periodStart, reviews, triggers, sequence, calendar });
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
  return nextReviewCycleDue({ becameLookedAfter: periodStart, reviews, triggers, calendar });
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
