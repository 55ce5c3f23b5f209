import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ConnectionType, decodeCursor, hasRole, pageSize, toConnection } from '@hub/service-kit';
import { now as hubNow } from '@hub/service-kit';
import { leavingCareStatus, retainUntil, londonDate } from '@hub/statutory';
import type { ChildrenContext } from '../context';
import { ChildEntity } from './child.entity';
import { Child, LeavingCare, LeavingCareStatusKind, toChild, Worker } from './child.type';
import { assertSensitive } from './child.policy';
import { selectedFields } from './selected-fields';
import { Authority, toAuthority } from '../reference-data/reference.types';
import { Placement, toPlacement } from '../placement/placement.type';
import { LegalStatus, PeriodOfCare, toLegalStatus, toPeriodOfCare } from '../period-of-care/period-of-care.type';
import { SignificantEvent, toSignificantEvent } from '../significant-event/significant-event.type';
import { toVisit, Visit } from '../visit/visit.type';

const ChildConnection = ConnectionType(Child, 'Child');

@ArgsType()
class ChildrenArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200. Default 50.' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => String, { nullable: true, description: 'Only children of this placing authority.' })
  placingAuthority?: string;

  @Field(() => String, { nullable: true, description: 'Only children currently placed with this provider.' })
  providerId?: string;
}

/**
 * Loads a child the caller may see, noting the read in the audit log. Unknown: null. Not theirs: FORBIDDEN.
 * @param ctx - request context
 * @param id - child id
 * @param info - resolver info (selected fields for the audit)
 * @returns the child, or null when unknown
 */
export async function readChild(ctx: ChildrenContext, id: string, info: GraphQLResolveInfo): Promise<Child | null> {
  const row = await ctx.loaders.childById.load(id);
  if (!row) return null;
  (await ctx.readScope(id)).require('read this child');
  ctx.audit.note('READ', id, `Child{${selectedFields(info).join(',')}}`);
  return toChild(row);
}

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => Child, { nullable: true, description: 'One child, if the caller may see it.' })
  async child(@Arg('id', () => ID) id: string, @Ctx() ctx: ChildrenContext, @Info() info: GraphQLResolveInfo): Promise<Child | null> {
    return readChild(ctx, id, info);
  }

  @Query(() => ChildConnection, { description: 'Children the caller may see, ordered by id.' })
  async children(@Args() args: ChildrenArgs, @Ctx() ctx: ChildrenContext, @Info() info: GraphQLResolveInfo) {
    const size = pageSize(args.first);
    const p = ctx.principal;
    const qb = ctx.em.createQueryBuilder(ChildEntity, 'c');
    const authorityRoles = hasRole(p, 'SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM');
    const scopes: string[] = [];
    const params: unknown[] = [];
    if (authorityRoles) {
      scopes.push('c.placing_authority = ?');
      params.push(p.org);
    }
    if (hasRole(p, 'PROVIDER_STAFF', 'PROVIDER_MANAGER')) {
      scopes.push('exists (select 1 from children.placement pl where pl.child_id = c.id and pl.provider_id = ? and pl.started_at <= ? and (pl.ended_at is null or pl.ended_at > ?))');
      const at = hubNow();
      params.push(p.org, at, at);
    }
    if (hasRole(p, 'IRO')) {
      scopes.push('exists (select 1 from children.child_access ca where ca.child_id = c.id::text and ca.iro_sub = ?)');
      params.push(p.sub);
    }
    if (scopes.length === 0) scopes.push('false');
    qb.where(`(${scopes.join(' or ')})`, params);
    if (args.placingAuthority) qb.andWhere({ placingAuthority: args.placingAuthority });
    if (args.providerId) {
      qb.andWhere('exists (select 1 from children.placement pl2 where pl2.child_id = c.id and pl2.provider_id = ? and pl2.ended_at is null)', [args.providerId]);
    }
    const countQb = qb.clone();
    if (args.after) qb.andWhere({ id: { $gt: decodeCursor(args.after, ['uuid'])[0] } });
    const [rows, total] = await Promise.all([qb.select('*').orderBy({ id: 'asc' }).limit(size + 1).execute<ChildEntity[]>('all', true), countQb.getCount()]);
    const fields = `Child{${selectedFields(info).join(',')}}`;
    const page = rows.slice(0, size);
    // One batch for the page's access facts, which every nested field resolver then reads from the cache.
    await ctx.childAccess.loadMany(page.map((r) => r.id));
    for (const r of page) {
      ctx.loaders.childById.prime(r.id, r);
      ctx.audit.note('READ', r.id, fields);
    }
    return toConnection(rows.map(toChild), size, (c) => c.id, total, Boolean(args.after));
  }

  @FieldResolver(() => Authority)
  async placingAuthority(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<Authority> {
    const a = await ctx.loaders.authorityByCode.load(child.placingAuthorityCode);
    return a ? toAuthority(a) : Object.assign(new Authority(), { code: child.placingAuthorityCode, name: child.placingAuthorityCode });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sensitive: ethnicity (SSDA903 ETHNIC).' })
  async ethnicity(@Root() child: Child, @Ctx() ctx: ChildrenContext) {
    assertSensitive(ctx.principal, await ctx.relationTo(child.id), 'ethnicity');
    return child.entity.ethnicity ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sensitive: religion.' })
  async religion(@Root() child: Child, @Ctx() ctx: ChildrenContext) {
    assertSensitive(ctx.principal, await ctx.relationTo(child.id), 'religion');
    return child.entity.religion ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sensitive: gender identity.' })
  async genderIdentity(@Root() child: Child, @Ctx() ctx: ChildrenContext) {
    assertSensitive(ctx.principal, await ctx.relationTo(child.id), 'genderIdentity');
    return child.entity.genderIdentity ?? null;
  }

  @FieldResolver(() => Worker, { nullable: true })
  socialWorker(@Root() child: Child): Worker | null {
    const e = child.entity;
    return e.socialWorkerName ? Object.assign(new Worker(), { name: e.socialWorkerName, email: e.socialWorkerEmail ?? null }) : null;
  }

  @FieldResolver(() => Worker, { nullable: true })
  personalAdviser(@Root() child: Child): Worker | null {
    const e = child.entity;
    return e.personalAdviserName ? Object.assign(new Worker(), { name: e.personalAdviserName, email: null }) : null;
  }

  @FieldResolver(() => [Placement], { description: "Placements; a provider sees only its own." })
  async placements(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<Placement[]> {
    const [rows, scope] = await Promise.all([ctx.loaders.placementsByChild.load(child.id), ctx.readScope(child.id)]);
    return scope.filter(rows, (r) => ({ placementId: r.id, providerId: r.providerId })).map(toPlacement);
  }

  @FieldResolver(() => Placement, { nullable: true, description: 'The placement running now, if any.' })
  async currentPlacement(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<Placement | null> {
    const [rows, scope] = await Promise.all([ctx.loaders.placementsByChild.load(child.id), ctx.readScope(child.id)]);
    const open = scope.filter(rows, (r) => ({ placementId: r.id, providerId: r.providerId })).find((r) => !r.endedAt);
    return open ? toPlacement(open) : null;
  }

  // A provider sees the periods of care overlapping its placements, without an end outside them.
  @FieldResolver(() => [PeriodOfCare])
  async periodsOfCare(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<PeriodOfCare[]> {
    const [rows, scope] = await Promise.all([ctx.loaders.periodsByChild.load(child.id), ctx.readScope(child.id)]);
    return scope.filter(rows, (r) => ({ at: { from: r.startedOn, to: r.endedOn ?? null } })).map((r) => {
      const period = toPeriodOfCare(r);
      // The start stays (the review cycle the provider takes part in runs from it); an end outside the
      // provider's placements, and why the period ended, are not the provider's.
      if (!scope.ends(r.startedOn, r.endedOn ?? null).to) Object.assign(period, { endedOn: null, reasonCeased: null });
      return period;
    });
  }

  @FieldResolver(() => Boolean, { description: 'Whether a period of care is open.' })
  async isLookedAfter(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<boolean> {
    return (await ctx.loaders.periodsByChild.load(child.id)).some((p) => !p.endedOn);
  }

  @FieldResolver(() => [LegalStatus])
  async legalStatuses(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<LegalStatus[]> {
    // Legal statuses are the authority's and the IRO's: a provider's scope does not extend to them.
    const scope = await ctx.readScope(child.id);
    if (scope.relation === 'PROVIDER') return [];
    return scope.filter(await ctx.loaders.legalStatusesByChild.load(child.id), (r) => ({ at: { from: r.startedOn, to: r.endedOn ?? null } })).map(toLegalStatus);
  }

  @FieldResolver(() => [SignificantEvent], { description: 'The chronology; a provider sees what happened during its placements.' })
  async events(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<SignificantEvent[]> {
    const [rows, scope] = await Promise.all([ctx.loaders.eventsByChild.load(child.id), ctx.readScope(child.id)]);
    return scope.filter(rows, (r) => ({ at: r.occurredAt })).map(toSignificantEvent);
  }

  // A provider sees the visits during its placements.
  @FieldResolver(() => [Visit])
  async visits(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<Visit[]> {
    const [rows, scope] = await Promise.all([ctx.loaders.visitsByChild.load(child.id), ctx.readScope(child.id)]);
    return scope.filter(rows, (r) => ({ at: r.visitedOn })).map(toVisit);
  }

  @FieldResolver(() => LeavingCare, { description: 'Leaving-care status today (AGE-ELIGIBLE, AGE-RELEVANT, AGE-FORMERREL).' })
  async leavingCare(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<LeavingCare> {
    const periods = await ctx.loaders.periodsByChild.load(child.id);
    const r = leavingCareStatus({
      dateOfBirth: child.dateOfBirth,
      periods: periods.map((p) => ({ start: p.startedOn, end: p.endedOn ?? null, shortBreak: p.shortBreak })),
      asOf: londonDate(hubNow()),
    });
    return Object.assign(new LeavingCare(), { status: r.status as LeavingCareStatusKind, eligibleFrom: r.eligibleFrom ?? null, qualifyingDays: r.qualifyingDays });
  }

  @FieldResolver(() => String, { description: 'The case record must be kept until this date (RET-LA-75, RET-CH-75).' })
  retainUntil(@Root() child: Child): string {
    return retainUntil({ dateOfBirth: child.dateOfBirth, dateOfDeath: child.dateOfDeath ?? undefined }).date;
  }
}
