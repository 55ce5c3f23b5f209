import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError, hasRole, hubCalendar, InputError, now as hubNow, RuleNotApplicableError } from '@hub/service-kit';
import {
  isImplementedRuleId, isInstant, isIsoDate, previewDeadline, reviewTimetable, RULES, StatutoryInputError,
} from '@hub/statutory';
import type { PlansContext } from '../context';
import { Child } from '../child/child.type';
import { overridesOf } from './ledger';
import {
  AuthorityDeadlineCount, DeadlinePreview, DeadlinePreviewFacts, DeadlinesBeyondCalendar, ReviewTimetableEntry, toPreview,
} from './deadline-preview.type';

/** Roles that plan for their own authority (its overrides apply). */
const AUTHORITY_ROLES = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM', 'IRO'] as const;
/** Authority managers see their own authority's waiting deadlines. */
const MANAGERS = ['TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER'] as const;
const FACT_DATES = ['dateOfBirth', 'eligibleFrom', 'placementStart', 'firstReviewHeld'] as const;

function checkDate(v: string | undefined | null, field: string): void {
  if (v !== undefined && v !== null && !isIsoDate(v)) throw new InputError(`${field} must be a date written YYYY-MM-DD`, { field, reason: 'INVALID_DATE' });
}

/** Planning ahead without recording anything: Query.deadlinePreview and the ledger's waiting deadlines. */
@Resolver()
export class DeadlinePreviewResolver {
  @Query(() => DeadlinePreview, {
    description: 'Computes any implemented rule from an anchor (a date, or an instant for hour rules; it may be in the future) with the ' +
      "authority's overrides, persisting nothing. Rules that need more facts (leaving-care, visits) take them in facts, else answer " +
      'RULE_NOT_APPLICABLE naming them (extensions.missingFacts). Authority staff and IROs for their own authority; ADMIN for any.',
  })
  async deadlinePreview(
    @Arg('ruleId', () => String) ruleId: string,
    @Arg('anchor', () => String, { nullable: true, description: 'Date (YYYY-MM-DD) or instant with offset; unused by PWP-ASSESS-3M and PWP-LOCAL-16Y3M.' }) anchor: string | undefined,
    @Arg('authority', () => String, { nullable: true, description: "Whose overrides apply (default: the caller's own authority)." }) authority: string | undefined,
    @Arg('phase', () => String, { nullable: true, description: 'Stage of a multi-stage rule (default: its main clock).' }) phase: string | undefined,
    @Arg('facts', () => DeadlinePreviewFacts, { nullable: true }) facts: DeadlinePreviewFacts | undefined,
    @Arg('asOf', () => Date, { nullable: true, description: 'Judge PENDING/OVERDUE at this instant (default now).' }) asOf: Date | undefined,
    @Ctx() ctx: PlansContext,
  ): Promise<DeadlinePreview> {
    const p = ctx.principal;
    let org: string | null;
    if (hasRole(p, 'ADMIN')) org = authority ?? null;
    else if (hasRole(p, ...AUTHORITY_ROLES)) {
      if (authority && authority !== p.org) throw new ForbiddenError("only your own authority's rules", { field: 'authority' });
      org = p.org;
    } else throw new ForbiddenError('deadline previews are for authority staff and administrators');
    if (!isImplementedRuleId(ruleId)) throw new InputError(`unknown or unimplemented rule ${ruleId}`, { field: 'ruleId', reason: 'UNKNOWN_RULE' });
    if (phase !== undefined && phase !== null && !RULES[ruleId].phases?.some((x) => x.phase === phase)) {
      throw new InputError(`${ruleId} has no phase ${phase}`, { field: 'phase', reason: 'UNKNOWN_PHASE' });
    }
    if (anchor !== undefined && anchor !== null && !isIsoDate(anchor) && !isInstant(anchor)) {
      throw new InputError('anchor must be a date (YYYY-MM-DD) or a date and time with an offset', { field: 'anchor', reason: 'INVALID_ANCHOR' });
    }
    for (const f of FACT_DATES) checkDate(facts?.[f], `facts.${f}`);
    let result;
    try {
      result = previewDeadline({
        ruleId, anchor: anchor ?? null, calendar: hubCalendar(), overrides: org ? await overridesOf(ctx.em as never, org) : [],
        ...(phase ? { phase } : {}), facts: { ...facts },
      });
    } catch (e) {
      if (e instanceof StatutoryInputError) throw new InputError(e.message, { field: 'anchor', reason: 'INVALID_ANCHOR', ruleId });
      throw e;
    }
    if ('applicable' in result) {
      const err = new RuleNotApplicableError(result.reason, result.ruleId);
      Object.assign(err.extensions, {
        ...(result.missingFacts ? { missingFacts: result.missingFacts } : {}),
        ...(result.appliesInstead ? { appliesInstead: result.appliesInstead } : {}),
      });
      throw err;
    }
    return toPreview(result, asOf ?? hubNow());
  }

  @Query(() => DeadlinesBeyondCalendar, {
    description: 'Unmet deadlines with no date yet because their count runs past the bank-holiday calendar (status BEYOND_CALENDAR): ' +
      "ADMIN for every authority (or one); an authority's managers for their own.",
  })
  async deadlinesBeyondCalendar(
    @Arg('authority', () => String, { nullable: true }) authority: string | undefined,
    @Ctx() ctx: PlansContext,
  ): Promise<DeadlinesBeyondCalendar> {
    const p = ctx.principal;
    let org: string | null;
    if (hasRole(p, 'ADMIN')) org = authority ?? null;
    else if (hasRole(p, ...MANAGERS)) {
      if (authority && authority !== p.org) throw new ForbiddenError("only your own authority's deadlines", { field: 'authority' });
      org = p.org;
    } else throw new ForbiddenError('administrators and authority managers only', { requiredRoles: ['ADMIN', ...MANAGERS] });
    // Served by deadline_beyond_calendar_idx (the same predicate).
    const rows: Array<{ authority: string; count: number }> = await ctx.em.getConnection().execute(
      `select d.placing_authority as authority, count(*)::int as count from plans.deadline d
        where d.due_at is null and d.met_at is null and d.not_applicable = false${org ? ' and d.placing_authority = ?' : ''}
        group by d.placing_authority`,
      org ? [org] : [],
    );
    const byAuthority = rows
      .map((r) => Object.assign(new AuthorityDeadlineCount(), { authority: r.authority, count: Number(r.count) }))
      .sort((a, b) => b.count - a.count || a.authority.localeCompare(b.authority));
    return Object.assign(new DeadlinesBeyondCalendar(), {
      total: byAuthority.reduce((n, r) => n + r.count, 0), byAuthority, calendarEndsOn: hubCalendar().horizonEnd,
    });
  }
}

/** Child.reviewTimetable: the reviews ahead, projected from the last one held. */
@Resolver(() => Child)
export class ChildReviewTimetableResolver {
  @FieldResolver(() => [ReviewTimetableEntry], {
    description: 'The next looked-after reviews of the current period of care up to until (inclusive): the one now due, counted from the ' +
      'last review held, then each later one assuming every review sits on its due date; each with its basis. Empty outside care ' +
      'and for short breaks.',
  })
  async reviewTimetable(
    @Root() child: Child,
    @Arg('until', () => String, { description: 'Last date to project to (YYYY-MM-DD).' }) until: string,
    @Arg('asOf', () => Date, { nullable: true, description: 'Judge PENDING/OVERDUE at this instant (default now).' }) asOf: Date | undefined,
    @Ctx() ctx: PlansContext,
  ): Promise<ReviewTimetableEntry[]> {
    (await ctx.readScope(child.id)).require('read this child');
    checkDate(until, 'until');
    const [periods, reviews] = await Promise.all([ctx.loaders.periodsByChild.load(child.id), ctx.loaders.reviewsByChild.load(child.id)]);
    ctx.audit.note('READ', child.id, 'Child.reviewTimetable');
    const period = periods.filter((x) => !x.endedOn && !x.shortBreak).at(-1);
    if (!period) return [];
    const held = reviews.filter((r) => r.periodId === period.id).map((r) => r.heldOn).sort();
    const at = asOf ?? hubNow();
    return reviewTimetable({ becameLookedAfter: period.startedOn, heldReviews: held, until, calendar: hubCalendar() }).map((e) =>
      Object.assign(new ReviewTimetableEntry(), { sequence: e.sequence, projected: e.projected, deadline: toPreview(e.deadline, at) }));
  }
}
