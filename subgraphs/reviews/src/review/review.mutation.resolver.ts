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
  private service(ctx: ReviewsContext) {
    return new ReviewService(ctx.em, ctx.principal, ctx.calendar);
  }

  private async out(ctx: ReviewsContext, row: LookedAfterReviewEntity, what: string) {
    ctx.audit.note('WRITE', row.childId, what);
    return reviewForCaller(ctx, row);
  }

  @Mutation(() => LookedAfterReview, { description: 'Schedule the next review of the open period of care (LA staff).' })
  async scheduleReview(@Arg('childId', () => ID) childId: string, @Arg('scheduledFor', () => String) scheduledFor: string, @Ctx() ctx: ReviewsContext) {
    return this.out(ctx, await this.service(ctx).schedule(childId, date(scheduledFor, 'scheduledFor')), 'scheduleReview');
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that a review was held (the IRO chairs). Give reviewId, or childId for the next review.' })
  async holdReview(
    @Arg('heldOn', () => String) heldOn: string,
    @Arg('participation', () => ParticipationCode) participation: ParticipationCode,
    @Ctx() ctx: ReviewsContext,
    @Arg('reviewId', () => ID, { nullable: true }) reviewId?: string,
    @Arg('childId', () => ID, { nullable: true }) childId?: string,
  ) {
    return this.out(ctx, await this.service(ctx).hold({ reviewId, childId }, date(heldOn, 'heldOn'), participation), 'holdReview');
  }

  @Mutation(() => LookedAfterReview, { description: 'Adjourn the review meeting, once only (REV-ADJOURN-20WD).' })
  async adjournReview(@Arg('reviewId', () => ID) reviewId: string, @Arg('adjournedOn', () => String) adjournedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.out(ctx, await this.service(ctx).adjourn(reviewId, date(adjournedOn, 'adjournedOn')), 'adjournReview');
  }

  @Mutation(() => LookedAfterReview, { description: 'Record the review decisions and when they were circulated (REV-DECISIONS-5WD).' })
  async recordReviewDecisions(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('decisions', () => [String], maxLengthArg('decisions', 2000)) decisions: string[],
    @Arg('circulatedOn', () => String) circulatedOn: string,
    @Ctx() ctx: ReviewsContext,
  ) {
    return this.out(ctx, await this.service(ctx).recordDecisions(reviewId, decisions, date(circulatedOn, 'circulatedOn')), 'recordReviewDecisions');
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that the review report was issued (REV-REPORT-20WD).' })
  async issueReviewReport(@Arg('reviewId', () => ID) reviewId: string, @Arg('issuedOn', () => String) issuedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.out(ctx, await this.service(ctx).issueReport(reviewId, date(issuedOn, 'issuedOn')), 'issueReviewReport');
  }

  @Mutation(() => LookedAfterReview, { description: 'Record that the child was consulted about the review (REV-CONSULT-20WD).' })
  async recordConsultation(@Arg('reviewId', () => ID) reviewId: string, @Arg('consultedOn', () => String) consultedOn: string, @Ctx() ctx: ReviewsContext) {
    return this.out(ctx, await this.service(ctx).recordConsultation(reviewId, date(consultedOn, 'consultedOn')), 'recordConsultation');
  }

  @Mutation(() => LookedAfterReview, { description: "Record the child's Outcome Star / Tracker reading before the review (REV-CHILD-STAR)." })
  async recordOutcomeStar(
    @Arg('reviewId', () => ID) reviewId: string,
    @Arg('capturedOn', () => String) capturedOn: string,
    @Arg('tool', () => OutcomeTool) tool: OutcomeTool,
    @Ctx() ctx: ReviewsContext,
  ) {
    return this.out(ctx, await this.service(ctx).recordOutcomeStar(reviewId, date(capturedOn, 'capturedOn'), tool), 'recordOutcomeStar');
  }

  @Mutation(() => NextReview, { description: 'Bring the next review forward (REV-EARLY, REV-VISIT-TRIGGER, REV-BEFORE-CEASE, REV-AFTER-EMERG).' })
  async recordEarlyReviewTrigger(
    @Arg('childId', () => ID) childId: string,
    @Arg('trigger', () => EarlyReviewTrigger) trigger: EarlyReviewTrigger,
    @Arg('triggeredOn', () => String) triggeredOn: string,
    @Ctx() ctx: ReviewsContext,
  ): Promise<NextReview> {
    const next = await this.service(ctx).recordEarlyTrigger(childId, trigger, date(triggeredOn, 'triggeredOn'));
    ctx.audit.note('WRITE', childId, 'recordEarlyReviewTrigger');
    return Object.assign(new NextReview(), { ...next, scheduledFor: null, reviewId: null });
  }
}
