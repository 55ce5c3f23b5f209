import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { deadlineStatus, isBeyondCalendar } from '@hub/statutory';
import type { BeyondCalendar, Deadline as EngineDeadline } from '@hub/statutory';
import { DeadlineBasis, DeadlineStatusKind, toBasis } from './deadline.type';

/** Facts some rules need besides an anchor (leaving-care and visit rules). */
@InputType()
export class DeadlinePreviewFacts {
  @Field(() => String, { nullable: true, description: "The child's date of birth (PWP-ASSESS-3M, PWP-LOCAL-16Y3M)." })
  dateOfBirth?: string;

  @Field(() => String, { nullable: true, description: 'When the child became, or will become, an eligible child (AGE-ELIGIBLE).' })
  eligibleFrom?: string;

  @Field(() => String, { nullable: true, description: 'Start of the placement (visit rules).' })
  placementStart?: string;

  @Field(() => Boolean, { nullable: true, description: 'The placement is intended to last until the child is 18 (VIS-3M-LT, VIS-6WK-OTHER).' })
  intendedUntil18?: boolean;

  @Field(() => String, { nullable: true, description: 'Date the first review was held (VIS-SPECIAL, VIS-SPECIAL-2).' })
  firstReviewHeld?: string;
}

/** A deadline computed for planning ahead: the ledger's Deadline shape, with nothing recorded. */
@ObjectType()
export class DeadlinePreview {
  @Field(() => String, { description: 'Rule id from DOMAIN.md, verbatim.' })
  ruleId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  class!: string;

  @Field(() => String, { nullable: true, description: 'The stage of a multi-stage rule computed.' })
  phase?: string | null;

  @Field(() => Date, { nullable: true, description: 'When it would fall due; null while BEYOND_CALENDAR.' })
  dueAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'London date it would fall due (YYYY-MM-DD); null while BEYOND_CALENDAR.' })
  dueDate!: string | null;

  @Field(() => DeadlineStatusKind, { description: 'PENDING or OVERDUE at asOf, or BEYOND_CALENDAR.' })
  status!: DeadlineStatusKind;

  @Field(() => String, { nullable: true, description: 'Why it is BEYOND_CALENDAR, in words.' })
  reason?: string | null;

  @Field(() => DeadlineBasis)
  basis!: DeadlineBasis;
}

/** One review of a child's timetable. */
@ObjectType()
export class ReviewTimetableEntry {
  @Field(() => Int, { description: 'Which review of the period of care (1 = first).' })
  sequence!: number;

  @Field(() => Boolean, { description: 'Counted from a review not yet held, assumed to sit on its own due date.' })
  projected!: boolean;

  @Field(() => DeadlinePreview)
  deadline!: DeadlinePreview;
}

/** Waiting deadlines of one authority. */
@ObjectType()
export class AuthorityDeadlineCount {
  @Field(() => String)
  authority!: string;

  @Field(() => Int)
  count!: number;
}

/** Unmet deadlines with no date yet because their count runs past the bank-holiday calendar. */
@ObjectType()
export class DeadlinesBeyondCalendar {
  @Field(() => Int)
  total!: number;

  @Field(() => [AuthorityDeadlineCount], { description: 'By placing authority, most first.' })
  byAuthority!: AuthorityDeadlineCount[];

  @Field(() => String, { description: 'The last date the calendar in force covers; load a newer one to date these deadlines.' })
  calendarEndsOn!: string;
}

/**
 * Maps an engine result to a preview, with its status at `asOf`.
 * @param d - a deadline, or one past the calendar
 * @param asOf - the instant to judge at
 * @returns the GraphQL object
 */
export function toPreview(d: EngineDeadline | BeyondCalendar, asOf: Date): DeadlinePreview {
  const beyond = isBeyondCalendar(d);
  const status = deadlineStatus({ dueAt: beyond ? null : d.dueAt }, asOf.toISOString());
  return Object.assign(new DeadlinePreview(), {
    ruleId: d.ruleId, title: d.title, class: d.class, phase: d.phase ?? null,
    dueAt: beyond ? null : new Date(d.dueAt), dueDate: beyond ? null : d.dueDate,
    status: status as DeadlineStatusKind, reason: beyond ? d.reason : null, basis: toBasis(d.basis),
  });
}
