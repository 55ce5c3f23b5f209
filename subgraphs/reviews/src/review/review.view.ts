import { ForbiddenError, now as hubNow } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import type { ReviewsContext } from '../context';
import type { LookedAfterReviewEntity } from './looked-after-review.entity';
import { LookedAfterReview, NextReview, toLookedAfterReview } from './looked-after-review.type';
import { nextReviewDue } from './review-cycle';

/** A child's reviews as the caller may see them, the next review, and what is overdue. */
export interface ChildReviewsView {
  reviews: LookedAfterReview[];
  next: NextReview | null;
  overdueItems: string[];
}

/** Each request's views, by child: `reviews` and `nextReview` of one child share one computation. */
const viewsOf = new WeakMap<ReviewsContext, Map<string, Promise<ChildReviewsView>>>();

/**
 * A child's review view through the per-request loaders (one statement per batch across children), computed once
 * per request and child. The caller must already hold a relation to the child; a provider does not see
 * consultation details.
 * @param ctx - request context
 * @param childId - the child
 * @returns reviews newest period first then by sequence, the next review of the open period, overdue items
 */
export function childReviewsView(ctx: ReviewsContext, childId: string): Promise<ChildReviewsView> {
  let views = viewsOf.get(ctx);
  if (!views) viewsOf.set(ctx, (views = new Map()));
  let view = views.get(childId);
  if (!view) views.set(childId, (view = computeChildReviewsView(ctx, childId)));
  return view;
}

/**
 * Forgets a child's view computed in this request (after a change to its reviews), with the loaders' rows.
 * @param ctx - request context
 * @param childId - the child
 */
export function forgetChildReviewsView(ctx: ReviewsContext, childId: string): void {
  viewsOf.get(ctx)?.delete(childId);
  ctx.loaders.reviewsByChild.clear(childId);
  ctx.loaders.triggersByChild.clear(childId);
}

async function computeChildReviewsView(ctx: ReviewsContext, childId: string): Promise<ChildReviewsView> {
  const [scope, periods, reviews, triggers] = await Promise.all([
    ctx.readScope(childId),
    ctx.loaders.periodsByChild.load(childId),
    ctx.loaders.reviewsByChild.load(childId),
    ctx.loaders.triggersByChild.load(childId),
  ]);
  scope.require('read the reviews of this child');
  const redactConsultation = scope.relation === 'PROVIDER';
  const today = londonDate(hubNow());
  const out: LookedAfterReview[] = [];
  const overdueItems: string[] = [];
  let next: NextReview | null = null;
  for (const period of [...periods].sort((a, b) => (a.startedOn < b.startedOn ? 1 : -1))) {
    const periodReviews = reviews.filter((r) => r.periodOfCareId === period.id);
    const periodTriggers = triggers.filter((t) => t.periodOfCareId === period.id);
    const facts = { periodStart: period.startedOn, periodReviews, triggers: periodTriggers, calendar: ctx.calendar, redactConsultation };
    for (const r of [...periodReviews].sort((a, b) => a.sequence - b.sequence)) {
      const v = toLookedAfterReview(r, facts);
      // A review is dated by its meeting (held, adjourned, scheduled, else due): a provider sees those of its placements.
      if (!scope.sees({ at: reviewDate(v) })) continue;
      out.push(v);
      if (v.heldOn && !v.decisionsCirculatedOn && v.decisionsDueBy! < today) overdueItems.push(`REV-DECISIONS-5WD:${v.id}`);
      if (v.heldOn && !v.reportIssuedOn && v.reportDueBy! < today) overdueItems.push(`REV-REPORT-20WD:${v.id}`);
      if (!v.heldOn && v.reconveneBy && v.reconveneBy < today) overdueItems.push(`REV-ADJOURN-20WD:${v.id}`);
    }
    if (!period.endedOn && !next) {
      const due = nextReviewDue(period.startedOn, periodReviews, periodTriggers, ctx.calendar);
      const record: LookedAfterReviewEntity | undefined = periodReviews.find((r) => r.sequence === due.sequence);
      const candidate = Object.assign(new NextReview(), {
        ...due, periodOfCareId: period.id, scheduledFor: record?.scheduledFor ?? null, reviewId: record?.id ?? null,
      });
      if (scope.sees({ at: candidate.scheduledFor ?? candidate.dueBy })) {
        next = candidate;
        if (due.dueBy < today) overdueItems.push(due.ruleId);
      }
    }
  }
  ctx.audit.note('READ', childId, 'Child.reviews');
  return { reviews: out, next, overdueItems };
}

/**
 * Maps one review for a caller with a relation to its child (mutation results, `review(id)`).
 * @param ctx - request context
 * @param row - the review
 * @returns the GraphQL object
 */
export async function reviewForCaller(ctx: ReviewsContext, row: LookedAfterReviewEntity): Promise<LookedAfterReview> {
  forgetChildReviewsView(ctx, row.childId);
  const view = await childReviewsView(ctx, row.childId);
  const review = view.reviews.find((r) => r.id === row.id);
  if (!review) throw new ForbiddenError('not permitted to read this review', { reviewId: row.id });
  return review;
}

/**
 * The date a review is placed at in time: its meeting (held, else adjourned, else scheduled), else its due date.
 * @param v - the review
 * @returns YYYY-MM-DD
 */
function reviewDate(v: LookedAfterReview): string {
  return v.heldOn ?? v.adjournedOn ?? v.scheduledFor ?? v.dueBy;
}
