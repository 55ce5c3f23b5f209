import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { HolidayCalendar } from '@hub/statutory';
import type { LookedAfterReviewEntity } from './looked-after-review.entity';
import { consultation, CycleTrigger, dueForSequence, heldReviewDeadlines, reconveneBy, ReviewDue } from './review-cycle';

/** A Looked After Review (CPPCR Part 6) with its deadlines, computed by the statutory engine. */
@Directive('@key(fields: "id")')
@ObjectType()
export class LookedAfterReview {
  @Field(() => ID)
  id!: string;

  childId!: string;

  @Field(() => Int, { description: '1 = first review of the period of care.' })
  sequence!: number;

  @Field(() => String)
  periodOfCareId!: string;

  @Field(() => String, { description: 'Due by (REV-1ST-20WD / REV-2ND-3M / REV-NEXT-6M, or brought forward by REV-EARLY).' })
  dueBy!: string;

  @Field(() => String, { nullable: true, description: 'Last working day on or before a month-based dueBy that is not a working day (no roll-forward).' })
  practicalDueBy?: string | null;

  @Field(() => String, { description: 'The rule that set dueBy.' })
  ruleId!: string;

  @Field(() => String, { nullable: true })
  scheduledFor?: string | null;

  @Field(() => String, { nullable: true })
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'SSDA903 REVIEW_CODE PN0–PN7.' })
  participation?: string | null;

  @Field(() => String, { nullable: true })
  adjournedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'REV-ADJOURN-20WD: reconvene within 20 working days of the adjournment.' })
  reconveneBy?: string | null;

  @Field(() => String, { nullable: true, description: 'REV-REPORT-20WD.' })
  reportDueBy?: string | null;

  @Field(() => String, { nullable: true })
  reportIssuedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'REV-DECISIONS-5WD.' })
  decisionsDueBy?: string | null;

  @Field(() => String, { nullable: true })
  decisionsCirculatedOn?: string | null;

  @Field(() => [String])
  decisions!: string[];

  @Field(() => String, { nullable: true, description: 'REV-CONSULT-20WD (LOCAL); null for a first review (C-09). Not shown to providers.' })
  consultationDueBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Why no consultation date applies. Not shown to providers.' })
  consultationNote?: string | null;

  @Field(() => String, { nullable: true, description: 'Not shown to providers.' })
  consultedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'REV-CHILD-STAR: Outcome Star / Tracker reviewed before the review.' })
  outcomeStarCapturedOn?: string | null;

  @Field(() => String, { nullable: true })
  outcomeStarTool?: string | null;
}

/** The facts a review's view is computed from. */
export interface ReviewFacts {
  periodStart: string;
  periodReviews: LookedAfterReviewEntity[];
  triggers: CycleTrigger[];
  calendar: HolidayCalendar;
  /** Providers see review dates and decisions, not the consultation (access rules). */
  redactConsultation: boolean;
}

/**
 * Maps a review row and its period's facts to the GraphQL type.
 * @param e - the review
 * @param f - period facts
 * @returns the GraphQL object
 */
export function toLookedAfterReview(e: LookedAfterReviewEntity, f: ReviewFacts): LookedAfterReview {
  const due: ReviewDue = dueForSequence(f.periodStart, f.periodReviews, f.triggers, e.sequence, f.calendar);
  const held = e.heldOn ? heldReviewDeadlines(e.heldOn, f.calendar) : null;
  const consult = consultation(e.sequence, e.scheduledFor ?? due.dueBy, f.calendar);
  return Object.assign(new LookedAfterReview(), {
    id: e.id,
    childId: e.childId,
    sequence: e.sequence,
    periodOfCareId: e.periodOfCareId,
    dueBy: due.dueBy,
    practicalDueBy: due.practicalDueBy,
    ruleId: due.ruleId,
    scheduledFor: e.scheduledFor ?? null,
    heldOn: e.heldOn ?? null,
    participation: e.participation ?? null,
    adjournedOn: e.adjournedOn ?? null,
    reconveneBy: e.adjournedOn ? reconveneBy(e.adjournedOn, f.calendar) : null,
    reportDueBy: held?.reportDueBy ?? null,
    reportIssuedOn: e.reportIssuedOn ?? null,
    decisionsDueBy: held?.decisionsDueBy ?? null,
    decisionsCirculatedOn: e.decisionsCirculatedOn ?? null,
    decisions: e.decisions ?? [],
    consultationDueBy: f.redactConsultation ? null : consult.dueBy,
    consultationNote: f.redactConsultation ? null : consult.note,
    consultedOn: f.redactConsultation ? null : (e.consultedOn ?? null),
    outcomeStarCapturedOn: e.outcomeStarCapturedOn ?? null,
    outcomeStarTool: e.outcomeStarTool ?? null,
  });
}

/** The next review of the open period of care. */
@ObjectType()
export class NextReview {
  @Field(() => Int)
  sequence!: number;

  @Field(() => String)
  periodOfCareId!: string;

  @Field(() => String)
  dueBy!: string;

  @Field(() => String, { nullable: true })
  practicalDueBy?: string | null;

  @Field(() => String, { nullable: true })
  scheduledFor?: string | null;

  @Field(() => ID, { nullable: true, description: 'The scheduled review record, if one exists.' })
  reviewId?: string | null;

  @Field(() => String)
  ruleId!: string;

  @Field(() => String, { description: 'How dueBy was computed.' })
  basis!: string;
}
