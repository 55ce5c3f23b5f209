import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { FREE_TEXT_MAX, hasRole, InputError, maxLengthArg, now as hubNow, ForbiddenError } from '@hub/service-kit';
import type { ReviewsContext } from '../context';
import { ReviewRequest, ReviewRequestOutcome, ReviewRequestReason, toReviewRequest } from './review-request.type';
import { escalateOverdue, ReviewRequestService } from './review-request.service';

/** Provider review requests (PA-REVIEW-REQ) and their escalation (PA-ESCALATE). */
@Resolver()
export class ReviewRequestResolver {
  @Mutation(() => ReviewRequest, { description: 'The provider where the child is placed asks the placing authority for a review (CHR reg 14(2)(e)).' })
  async requestReview(
    @Arg('childId', () => ID) childId: string,
    @Arg('reason', () => ReviewRequestReason) reason: ReviewRequestReason,
    @Ctx() ctx: ReviewsContext,
    @Arg('details', () => String, { nullable: true, ...maxLengthArg('details', FREE_TEXT_MAX) }) details?: string,
  ): Promise<ReviewRequest> {
    const row = await ctx.transactional(async (em) => {
      const requested = await new ReviewRequestService(em, ctx.principal, ctx.calendar).request(childId, reason, details ?? null);
      ctx.audit.note('WRITE', childId, 'requestReview');
      return requested;
    });
    return toReviewRequest(row);
  }

  @Mutation(() => ReviewRequest, { description: "The placing authority's response: REVIEW_HELD or DECLINED." })
  async respondToReviewRequest(
    @Arg('requestId', () => ID) requestId: string,
    @Arg('outcome', () => ReviewRequestOutcome) outcome: ReviewRequestOutcome,
    @Ctx() ctx: ReviewsContext,
    @Arg('note', () => String, { nullable: true, ...maxLengthArg('note', FREE_TEXT_MAX) }) note?: string,
  ): Promise<ReviewRequest> {
    const row = await ctx.transactional(async (em) => {
      const answered = await new ReviewRequestService(em, ctx.principal, ctx.calendar).respond(requestId, outcome, note ?? null);
      ctx.audit.note('WRITE', answered.childId, 'respondToReviewRequest');
      return answered;
    });
    return toReviewRequest(row);
  }

  @Mutation(() => Int, { description: 'Runs the PA-ESCALATE sweep now (operations): returns how many requests were escalated. No case content.' })
  async escalateOverdueReviewRequests(@Ctx() ctx: ReviewsContext, @Arg('asOf', () => Date, { nullable: true }) asOf?: Date): Promise<number> {
    if (!hasRole(ctx.principal, 'OPS', 'ADMIN', 'LA_SYSTEM')) throw new ForbiddenError('your role may not run the escalation sweep');
    const at = hubNow();
    // Escalation is a fact about the past: a sweep "as of" a future instant would escalate requests that are not yet late.
    if (asOf && asOf.getTime() > at.getTime()) {
      throw new InputError('asOf may not be in the future', { field: 'asOf', reason: 'FUTURE_AS_OF' });
    }
    // Operations staff run the national sweep; an authority's case system escalates only its own children's requests.
    const authority = hasRole(ctx.principal, 'OPS', 'ADMIN') ? undefined : ctx.principal.org;
    return (await ctx.transactional((em) => escalateOverdue(em, asOf ?? at, authority))).length;
  }
}
