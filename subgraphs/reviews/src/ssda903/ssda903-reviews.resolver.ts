import { Arg, Directive, Int, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root, Ctx } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, hasRole, InputError, maxLengthArg, Principal } from '@hub/service-kit';
import type { ReviewsContext } from '../context';
import { ReviewChildEntity } from '../child/review-child.entity';
import { LookedAfterReviewEntity } from '../review/looked-after-review.entity';
import { importReviewHeld } from './review-import';

/** A review held, imported from an authority's previous return. */
@ObjectType({ description: "A review held, imported from the authority's previous SSDA903 return." })
export class Ssda903ReviewImport {
  @Field(() => ID)
  reviewId!: string;

  @Field(() => Int, { description: 'The review\'s place in its period of care (1 = first).' })
  sequence!: number;

  @Field(() => String, { description: 'HELD: recorded now (ReviewHeld emitted); UNCHANGED: already recorded on that date with that code.' })
  outcome!: string;
}

/** Roles that may read an authority's return: its managers and its case system (as in the children service). */
const RETURN_READERS = ['TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;

/** A review held, for the return's Reviews table (CHILD, DOB and the exclusions are the children service's). */
@Directive('@shareable')
@ObjectType({ description: 'A Looked After Review held in the collection year (from the reviews service).' })
export class Ssda903ReviewFact {
  @Field(() => ID)
  childId!: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  heldOn!: string;

  @Field(() => String, { nullable: true, description: 'REVIEW_CODE PN0–PN7.' })
  participation?: string | null;
}

/** The return, owned by the children service; reviews contributes the reviews held. */
@Directive('@key(fields: "authority collectionYear")')
@ObjectType()
export class Ssda903Return {
  @Field(() => String)
  authority!: string;

  @Field(() => String)
  collectionYear!: string;
}

/**
 * Refuses (FORBIDDEN) anyone but the authority's managers and case system; BAD_USER_INPUT for a year not written
 * `2025-26`.
 * @param p - the caller
 * @param ref - the return's key
 * @returns the first and last day of the year
 */
export function returnSpan(p: Principal, ref: { authority: string; collectionYear: string }): { start: string; end: string } {
  if (!hasRole(p, ...RETURN_READERS) || p.org !== ref.authority) {
    throw new ForbiddenError("only the authority's managers and case system may read its SSDA903 return", { requiredRoles: [...RETURN_READERS] });
  }
  const m = /^(\d{4})-(\d{2})$/.exec(ref.collectionYear);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) throw new InputError('collection year is written like 2025-26', { field: 'collectionYear', reason: 'UNKNOWN_COLLECTION_YEAR' });
  return { start: `${m[1]}-04-01`, end: `${Number(m[1]) + 1}-03-31` };
}

@Resolver(() => Ssda903Return)
export class Ssda903ReviewsResolver {
  @FieldResolver(() => [Ssda903ReviewFact], { description: "Reviews held in the year, for the authority's children, by child and date." })
  async reviewsHeld(@Root() ret: Ssda903Return, @Ctx() ctx: ReviewsContext): Promise<Ssda903ReviewFact[]> {
    const span = returnSpan(ctx.principal, ret);
    const children = await ctx.em.find(ReviewChildEntity, { placingAuthority: ret.authority });
    const rows = await ctx.em.find(
      LookedAfterReviewEntity,
      { childId: { $in: children.map((c) => c.childId) }, heldOn: { $gte: span.start, $lte: span.end } },
      { orderBy: { childId: 'asc', heldOn: 'asc' } },
    );
    return rows.map((r) => Object.assign(new Ssda903ReviewFact(), { childId: r.childId, heldOn: r.heldOn!, participation: r.participation ?? null }));
  }

  @Mutation(() => Ssda903ReviewImport, {
    description: "The authority's case system records a review held, from its previous SSDA903 return, in the period of care covering the date (ended or not), with holdReview's checks and ReviewHeld event; the same review again changes nothing.",
  })
  async importSsda903Review(
    @Arg('childId', () => ID) childId: string,
    @Arg('heldOn', () => String, maxLengthArg('heldOn', 10)) heldOn: string,
    @Arg('participation', () => String, { description: 'REVIEW_CODE PN0–PN7.', ...maxLengthArg('participation', 4) }) participation: string,
    @Ctx() ctx: ReviewsContext,
  ): Promise<Ssda903ReviewImport> {
    const r = await ctx.transactional(async (em) => {
      const done = await importReviewHeld(em as EntityManager, ctx.principal, ctx.calendar, childId, heldOn, participation);
      if (done.outcome === 'HELD') ctx.audit.note('WRITE', childId, 'importSsda903Review');
      return done;
    });
    return Object.assign(new Ssda903ReviewImport(), { reviewId: r.review.id, sequence: r.review.sequence, outcome: r.outcome });
  }
}

/**
 * The reference resolver of Ssda903Return in the reviews service.
 * @param ref - the key
 * @param ctx - request context
 * @returns the return
 */
export function resolveReturnReference(ref: { authority: string; collectionYear: string }, ctx: ReviewsContext): Ssda903Return {
  returnSpan(ctx.principal, ref);
  return Object.assign(new Ssda903Return(), { authority: ref.authority, collectionYear: ref.collectionYear });
}
