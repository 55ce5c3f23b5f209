import type { Instant } from '../time/civil';
import { instantToEpochMs } from '../time/london';

/**
 * Where a deadline stands (the `Deadline.status` values of the hub's API). BEYOND_CALENDAR: still owed, but its
 * date cannot be computed until a newer bank-holiday calendar is loaded.
 */
export type DeadlineStatus = 'PENDING' | 'MET' | 'OVERDUE' | 'NOT_APPLICABLE' | 'BEYOND_CALENDAR';

/** The facts {@link deadlineStatus} needs. Instants as ISO strings or as Dates (a ledger row's own values). */
export interface DeadlineStatusInput {
  /** Null while the date cannot be computed (past the calendar's horizon). */
  dueAt: Instant | Date | null;
  /** When the duty was done; a late completion is still MET (lateness is reported separately). */
  metAt?: Instant | Date | null;
  /** The rule cannot apply to this case (e.g. REV-CONSULT-20WD for a first review). */
  notApplicable?: boolean;
}

/**
 * Status of a deadline at a moment: NOT_APPLICABLE if flagged so; MET if done (even late); BEYOND_CALENDAR while
 * it has no due instant; OVERDUE once `asOf` is after `dueAt`; otherwise PENDING. `asOf` is a parameter: the engine never reads the clock.
 * @param d - due instant, completion instant and applicability
 * @param asOf - the moment to judge at
 * @returns the status
 * @example deadlineStatus({ dueAt: '2027-01-07T23:59:59.999+00:00' }, '2027-01-08T00:00:00+00:00'); // 'OVERDUE'
 */
export function deadlineStatus(d: DeadlineStatusInput, asOf: Instant | Date): DeadlineStatus {
  if (d.notApplicable) return 'NOT_APPLICABLE';
  if (d.metAt !== undefined && d.metAt !== null) return 'MET';
  if (d.dueAt === null) return 'BEYOND_CALENDAR';
  return epochMs(asOf) > epochMs(d.dueAt) ? 'OVERDUE' : 'PENDING';
}

const epochMs = (i: Instant | Date): number => (i instanceof Date ? i.getTime() : instantToEpochMs(i));

/**
 * Whether a duty done at `metAt` was late.
 * @param dueAt - when it was due
 * @param metAt - when it was done
 * @returns true when done after the deadline
 * @example wasLate('2027-01-07T23:59:59.999+00:00', '2027-01-08T09:00:00+00:00'); // true
 */
export function wasLate(dueAt: Instant, metAt: Instant): boolean {
  return instantToEpochMs(metAt) > instantToEpochMs(dueAt);
}
