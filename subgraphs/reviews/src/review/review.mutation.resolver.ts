import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { maxLengthArg, parseLocalDate } from '@hub/service-kit';
import type { ReviewsContext } from '../context';
import { LookedAfterReview, NextReview } from './looked-after-review.type';
import { ReviewService } from './review.service';
import { reviewForCaller } from './review.view';
import { EarlyReviewTrigger, OutcomeTool, ParticipationCode } from './review.input';
import type { LookedAfterReviewEntity } from './looked-after-review.entity';

const date = (v: string, field: string) => {
  try {
    return parseLocalDate(v);
  } catch (e) {
    (e as { extensions: Record<string, unknown> }).extensions.field = field;
    throw e;
  }
};

/** Mutations of the review cycle: thin, args → service → type. */
@Resolver()
export class ReviewMutationResolver {
  /** Runs a review change in one transaction with its WRITE audit line (both commit, or neither), then presents it. */
  private async write(ctx: ReviewsContext, what: string, change: (s: ReviewService) => Promise<LookedAfterReviewEntity>) {
    const row = await ctx.transactional(async (em) => {
      const changed = await change(new ReviewService(em, ctx.principal, ctx.calendar));
      ctx.audit.note('WRITE', changed.childId, what);
      return changed;
    });
    return reviewForCaller(ctx, row);
  }

  @Mutation(() => LookedAfterReview, { description: 'Schedule the next review of the open period of care (LA staff).' })
  async scheduleReview(@Arg('childId', () => ID) childId: string, @Arg('scheduledFor', () => String) scheduledFor: string, @Ctx() ctx: ReviewsContext) {
    return this.write(ctx, 'scheduleReview', (s) => s.schedule(childId, date(scheduledFor, 'scheduledFor')));
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that a review was held (the IRO chairs). Give reviewId, or childId for the next review.' })
  async holdReview(
    @Arg('heldOn', () => String) heldOn: string,
    @Arg('participation', () => ParticipationCode) participation: ParticipationCode,
    @Ctx() ctx: ReviewsContext,
    @Arg('reviewId', () => ID, { nullable: true }) reviewId?: string,
    @Arg('childId', () => ID, { nullable: true }) childId?: string,
  ) {
    return this.write(ctx, 'holdReview', (s) => s.hold({ reviewId, childId }, date(heldOn, 'heldOn'), participation));
  }

  @Mutation(() => LookedAfterReview, { description: 'Adjourn the review meeting, once only (REV-ADJOURN-20WD).' })
  async adjournReview(@Arg('reviewId', () => ID) reviewId: string, @Arg('adjournedOn', () => String) adjournedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.write(ctx, 'adjournReview', (s) => s.adjourn(reviewId, date(adjournedOn, 'adjournedOn')));
  }

  @Mutation(() => LookedAfterReview, { description: 'Record the review decisions and when they were circulated (REV-DECISIONS-5WD).' })
  async recordReviewDecisions(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('decisions', () => [String], maxLengthArg('decisions', 2000)) decisions: string[],
    @Arg('circulatedOn', () => String) circulatedOn: string,
    @Ctx() ctx: ReviewsContext,
  ) {
    return this.write(ctx, 'recordReviewDecisions', (s) => s.recordDecisions(reviewId, decisions, date(circulatedOn, 'circulatedOn')));
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that the review report was issued (REV-REPORT-20WD).' })
  async issueReviewReport(@Arg('reviewId', () => ID) reviewId: string, @Arg('issuedOn', () => String) issuedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.write(ctx, 'issueReviewReport', (s) => s.issueReport(reviewId, date(issuedOn, 'issuedOn')));
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that the child was consulted about the review (REV-CONSULT-20WD).' })
  async recordConsultation(@Arg('reviewId', () => ID) reviewId: string, @Arg('consultedOn', () => String) consultedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.write(ctx, 'recordConsultation', (s) => s.recordConsultation(reviewId, date(consultedOn, 'consultedOn')));
  }

  @Mutation(() => LookedAfterReview, { description: "Record the child's Outcome Star / Tracker reading before the review (REV-CHILD-STAR)." })
  async recordOutcomeStar(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('capturedOn', () => String) capturedOn: string,
    @Arg('tool', () => OutcomeTool) tool: OutcomeTool,
    @Ctx() ctx: ReviewsContext,
  ) {
    return this.write(ctx, 'recordOutcomeStar', (s) => s.recordOutcomeStar(reviewId, date(capturedOn, 'capturedOn'), tool));
  }

  @Mutation(() => NextReview, { description: 'Bring the next review forward (REV-EARLY, REV-VISIT-TRIGGER, REV-BEFORE-CEASE, REV-AFTER-EMERG).' })
  async recordEarlyReviewTrigger(
    @Arg('childId', () => ID) childId: string,
    @Arg('trigger', () => EarlyReviewTrigger) trigger: EarlyReviewTrigger,
    @Arg('triggeredOn', () => String) triggeredOn: string,
    @Ctx() ctx: ReviewsContext,
  ): Promise<NextReview> {
    const next = await ctx.transactional(async (em) => {
      const brought = await new ReviewService(em, ctx.principal, ctx.calendar).recordEarlyTrigger(childId, trigger, date(triggeredOn, 'triggeredOn'));
      ctx.audit.note('WRITE', childId, 'recordEarlyReviewTrigger');
      return brought;
    });
    return Object.assign(new NextReview(), { ...next, scheduledFor: null, reviewId: null });
  }
}
