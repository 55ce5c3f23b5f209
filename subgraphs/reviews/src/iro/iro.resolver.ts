import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { ChildAccess, ForbiddenError, hasRole, parseLocalDate, TextId } from '@hub/service-kit';
import type { ReviewsContext } from '../context';
import { Iro, IroInput, toIro } from './iro.type';
import { IroService } from './iro.service';
import { Child, childRef } from '../child/child.type';
import { NextReview } from '../review/looked-after-review.type';
import { childReviewsView } from '../review/review.view';

/** One child of an IRO's caseload. */
@ObjectType()
export class CaseloadEntry {
  @Field(() => Child)
  child!: Child;

  @Field(() => NextReview, { nullable: true })
  nextReview?: NextReview | null;

  @Field(() => String, { nullable: true })
  nextReviewDueBy?: string | null;

  @Field(() => Boolean, { description: 'Whether anything (the next review, decisions, report, reconvening) is past due.' })
  overdue!: boolean;

  @Field(() => [String], { description: 'What is overdue: rule ids, with the review id for post-review duties.' })
  overdueItems!: string[];
}

/** IRO assignment (IRO-APPOINT) and the IRO caseload. */
@Resolver()
export class IroResolver {
  @Mutation(() => Iro, { description: "Assign an IRO to the child's case (the placing authority's staff)." })
  async assignIro(
    @Arg('childId', () => ID) childId: string,
    @Arg('iro', () => IroInput) iro: IroInput,
    @Ctx() ctx: ReviewsContext,
    @Arg('assignedOn', () => String, { nullable: true }) assignedOn?: string | null,
  ): Promise<Iro> {
    const row = await ctx.transactional(async (em) => {
      const assigned = await new IroService(em, ctx.principal).assign(childId, iro, assignedOn != null ? parseLocalDate(assignedOn, 'assignedOn') : null);
      ctx.audit.note('WRITE', childId, 'assignIro');
      return assigned;
    });
    ctx.childAccess.clear(childId);
    return toIro(row);
  }

  @Query(() => [CaseloadEntry], {
    description: "An IRO's children with the next review and what is overdue. An IRO may ask for their own id; a team or service manager for any IRO, limited to the authority's children.",
  })
  @TextId('iroId')
  async iroCaseload(@Arg('iroId', () => ID) iroId: string, @Ctx() ctx: ReviewsContext): Promise<CaseloadEntry[]> {
    const p = ctx.principal;
    let where: Record<string, unknown>;
    if (hasRole(p, 'IRO') && p.sub === iroId) where = { iroSub: iroId };
    else if (hasRole(p, 'TEAM_MANAGER', 'SERVICE_MANAGER')) where = { iroSub: iroId, placingAuthority: p.org };
    else throw new ForbiddenError('not permitted to read this caseload', { iroId });
    const rows = await ctx.em.find(ChildAccess, where, { orderBy: { childId: 'asc' } });
    for (const r of rows) ctx.childAccess.prime(r.childId, r);
    return Promise.all(rows.map(async (r) => {
      const view = await childReviewsView(ctx, r.childId);
      return Object.assign(new CaseloadEntry(), {
        child: childRef(r.childId),
        nextReview: view.next,
        nextReviewDueBy: view.next?.dueBy ?? null,
        overdue: view.overdueItems.length > 0,
        overdueItems: view.overdueItems,
      });
    }));
  }
}
