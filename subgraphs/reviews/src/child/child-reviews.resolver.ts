import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReviewsContext } from '../context';
import { Child } from './child.type';
import { LookedAfterReview, NextReview } from '../review/looked-after-review.type';
import { childReviewsView } from '../review/review.view';
import { Iro, toIro } from '../iro/iro.type';
import type { IroAssignmentEntity } from '../iro/iro-assignment.entity';
import { ReviewRequest, toReviewRequest } from '../review-request/review-request.type';

/** Fields the reviews subgraph contributes to Child; every list goes through a per-request loader. */
@Resolver(() => Child)
export class ChildReviewsResolver {
  @FieldResolver(() => [LookedAfterReview], { description: 'Looked After Reviews, newest period of care first, then by sequence.' })
  async reviews(@Root() child: Child, @Ctx() ctx: ReviewsContext): Promise<LookedAfterReview[]> {
    return (await childReviewsView(ctx, child.id)).reviews;
  }

  @FieldResolver(() => NextReview, { nullable: true, description: 'The next review of the open period of care (null when not looked after).' })
  async nextReview(@Root() child: Child, @Ctx() ctx: ReviewsContext): Promise<NextReview | null> {
    return (await childReviewsView(ctx, child.id)).next;
  }

  @FieldResolver(() => Iro, { nullable: true, description: 'The IRO currently assigned (IRO-APPOINT).' })
  async iro(@Root() child: Child, @Ctx() ctx: ReviewsContext): Promise<Iro | null> {
    const scope = await this.mayRead(ctx, child.id);
    const rows = scope.filter(await ctx.loaders.iroAssignmentsByChild.load(child.id), assignmentStamp);
    const current = rows.filter((r) => !r.endedOn).pop();
    ctx.audit.note('READ', child.id, 'Child.iro');
    return current ? toIro(current) : null;
  }

  @FieldResolver(() => [Iro], { description: 'Every IRO assignment, oldest first.' })
  async iroAssignments(@Root() child: Child, @Ctx() ctx: ReviewsContext): Promise<Iro[]> {
    const scope = await this.mayRead(ctx, child.id);
    ctx.audit.note('READ', child.id, 'Child.iroAssignments');
    return scope.filter(await ctx.loaders.iroAssignmentsByChild.load(child.id), assignmentStamp).map(toIro);
  }

  @FieldResolver(() => [ReviewRequest], { description: 'Review requests (PA-REVIEW-REQ); a provider sees its own.' })
  async reviewRequests(@Root() child: Child, @Ctx() ctx: ReviewsContext): Promise<ReviewRequest[]> {
    const scope = await this.mayRead(ctx, child.id);
    const rows = await ctx.loaders.requestsByChild.load(child.id);
    ctx.audit.note('READ', child.id, 'Child.reviewRequests');
    // A provider sees the requests it made, during its placements.
    return scope.filter(rows, (r) => ({ providerId: r.providerId ?? '', at: r.requestedAt })).map(toReviewRequest);
  }

  private async mayRead(ctx: ReviewsContext, childId: string) {
    return (await ctx.readScope(childId)).require('read this child');
  }
}

/** An IRO assignment spans its dates: a provider sees those overlapping its placements. */
const assignmentStamp = (r: IroAssignmentEntity) => ({ at: { from: r.assignedOn, to: r.endedOn ?? null } });
