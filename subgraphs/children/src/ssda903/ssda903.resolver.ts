import { Arg, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ForbiddenError, maxLengthArg } from '@hub/service-kit';
import type { ChildrenContext } from '../context';
import { Child } from '../child/child.type';
import { collectionYear } from './codes';
import { childReturn, ChildReturn, fileRow, OMITTED_TABLES, ReviewFact, TableName, TABLES, toCsv } from './return-builder';
import { requireReturnReader, Ssda903Service } from './ssda903.service';
import { CareLeaverStatusEntity, MissingEpisodeEntity, Ssda903ChildEntity, Ssda903PeriodEntity, Ssda903PlacementEntity } from './ssda903.entity';
import { Ssda903ImportService } from './import.service';
import { Ssda903ChildImport, Ssda903ImportChildInput } from './import.type';
import {
  CareLeaverStatus, CareLeaverStatusInput, MissingEpisode, MissingEpisodeInput, Ssda903ChildDetailsInput, Ssda903ChildIssues, Ssda903ChildRecord, Ssda903Issue,
  Ssda903OmittedTable, Ssda903PeriodDetails, Ssda903PeriodDetailsInput, Ssda903PlacementDetails, Ssda903PlacementDetailsInput, Ssda903Return, Ssda903Table,
  toCareLeaverStatus, toChildRecord, toMissingEpisode, toPeriodDetails, toPlacementDetails,
} from './ssda903.type';

const built = new WeakMap<Ssda903Return, Promise<ChildReturn[]>>();

/**
 * Every child's part of the return, built once per request and return object.
 * @param ctx - request context
 * @param ret - the return (with the reviews the gateway gathered)
 * @param withReviews - whether reviewsHeld was gathered (the tables need it)
 * @returns the children's returns, by CHILD
 */
function childReturns(ctx: ChildrenContext, ret: Ssda903Return): Promise<ChildReturn[]> {
  let p = built.get(ret);
  if (!p) {
    const span = collectionYear(ret.collectionYear);
    p = new Ssda903Service(ctx.em as EntityManager, ctx.principal).authorityFacts(ret.authority).then((all) => {
      const reviews = new Map<string, ReviewFact[]>();
      for (const r of ret.reviewsHeld ?? []) reviews.set(r.childId, [...(reviews.get(r.childId) ?? []), r]);
      return all.map((f) => childReturn(f, reviews.get(f.id) ?? [], span)).filter((c) => c.included).sort((a, b) => a.child.localeCompare(b.child));
    });
    built.set(ret, p);
  }
  return p;
}

const toIssues = (issues: ChildReturn['issues']) => issues.map((i) => Object.assign(new Ssda903Issue(), i));

/**
 * A return object for an authority and year, after checking the caller may read it.
 * @param ctx - request context
 * @param authority - the authority code
 * @param year - the collection year
 * @returns the return
 */
export function returnFor(ctx: ChildrenContext, authority: string, year: string): Ssda903Return {
  requireReturnReader(ctx.principal, authority);
  collectionYear(year);
  return Object.assign(new Ssda903Return(), { authority, collectionYear: year });
}

/** The SSDA903 return and the pre-submission report. */
@Resolver(() => Ssda903Return)
export class Ssda903ReturnResolver {
  @Query(() => Ssda903Return, { description: "An authority's SSDA903 return for a collection year (its managers and case system)." })
  ssda903Return(
    @Arg('authority', () => String, maxLengthArg('authority', 40)) authority: string,
    @Arg('collectionYear', () => String, maxLengthArg('collectionYear', 7)) year: string,
    @Ctx() ctx: ChildrenContext,
  ): Ssda903Return {
    return returnFor(ctx, authority, year);
  }

  @Query(() => [Ssda903ChildIssues], {
    description: 'Per child, what would fail the return before it is exported (missing fields, conflicting dates), so the record is fixed, not the file. Review participation codes are checked when a review is held.',
  })
  async ssda903Issues(
    @Arg('authority', () => String, maxLengthArg('authority', 40)) authority: string,
    @Arg('collectionYear', () => String, maxLengthArg('collectionYear', 7)) year: string,
    @Ctx() ctx: ChildrenContext,
  ): Promise<Ssda903ChildIssues[]> {
    const ret = returnFor(ctx, authority, year);
    return this.childIssues(ctx, ret);
  }

  @Directive('@requires(fields: "reviewsHeld { childId heldOn participation }")')
  @FieldResolver(() => [Ssda903Table], { description: 'The CSV tables the hub fills: header, episodes, reviews, missing, OC3.' })
  async tables(@Root() ret: Ssda903Return, @Ctx() ctx: ChildrenContext): Promise<Ssda903Table[]> {
    const children = await childReturns(ctx, ret);
    return (Object.keys(TABLES) as TableName[]).map((name) => {
      const { fileName, columns } = TABLES[name];
      const rows = children.flatMap((c) => c.rows[name]).map(fileRow).map((r) => columns.map((col) => r[col] ?? null));
      return Object.assign(new Ssda903Table(), { name, fileName, columns: [...columns], rows: rows.map((r) => r.map((v) => v ?? '')), csv: toCsv(columns, rows) });
    });
  }

  @FieldResolver(() => [Ssda903OmittedTable], { description: 'The tables of the return the hub does not fill, and why.' })
  omitted(): Ssda903OmittedTable[] {
    return OMITTED_TABLES.map((t) => Object.assign(new Ssda903OmittedTable(), t));
  }

  @Directive('@requires(fields: "reviewsHeld { childId heldOn participation }")')
  @FieldResolver(() => [Ssda903ChildIssues], { description: 'Per child, what would fail the return (reviews included).' })
  async issues(@Root() ret: Ssda903Return, @Ctx() ctx: ChildrenContext): Promise<Ssda903ChildIssues[]> {
    return this.childIssues(ctx, ret);
  }

  private async childIssues(ctx: ChildrenContext, ret: Ssda903Return): Promise<Ssda903ChildIssues[]> {
    const children = (await childReturns(ctx, ret)).filter((c) => c.issues.length);
    const names = await ctx.loaders.childById.loadMany(children.map((c) => c.childId));
    return children.map((c, i) => {
      const row = names[i];
      const name = row && !(row instanceof Error) ? `${row.givenName} ${row.familyName}` : '';
      return Object.assign(new Ssda903ChildIssues(), { childId: c.childId, caseReference: c.child || null, name, issues: toIssues(c.issues) });
    });
  }
}

/** What the hub records for the return, on the child and by mutation. */
@Resolver(() => Child)
export class Ssda903ChildResolver {
  @FieldResolver(() => Ssda903ChildRecord, { nullable: true, description: "What the hub records for the SSDA903 return (the authority's staff and the IRO)." })
  async ssda903(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<Ssda903ChildRecord | null> {
    const relation = await ctx.relationTo(child.id);
    if (relation !== 'AUTHORITY' && relation !== 'IRO') throw new ForbiddenError('only the authority and the IRO may read the SSDA903 record', { field: 'ssda903' });
    const em = ctx.em as EntityManager;
    const [details, periods, placements, missing, leavers] = await Promise.all([
      em.findOne(Ssda903ChildEntity, { childId: child.id }),
      em.find(Ssda903PeriodEntity, { childId: child.id }),
      em.find(Ssda903PlacementEntity, { childId: child.id }),
      em.find(MissingEpisodeEntity, { childId: child.id }, { orderBy: { startedOn: 'asc' } }),
      em.find(CareLeaverStatusEntity, { childId: child.id }, { orderBy: { birthday: 'asc' } }),
    ]);
    ctx.audit.note('READ', child.id, 'Child.ssda903');
    return Object.assign(new Ssda903ChildRecord(), {
      ...toChildRecord(details), periods: periods.map(toPeriodDetails), placements: placements.map(toPlacementDetails),
      missingEpisodes: missing.map(toMissingEpisode), careLeaverStatuses: leavers.map(toCareLeaverStatus),
    });
  }
}

/** Mutations recording the return's extra facts; each commits whole with its audit line, or changes nothing. */
@Resolver()
export class Ssda903MutationResolver {
  private write<T>(ctx: ChildrenContext, what: string, childOf: (r: T) => string, change: (s: Ssda903Service) => Promise<T>): Promise<T> {
    return ctx.transactional(async (em) => {
      const r = await change(new Ssda903Service(em as EntityManager, ctx.principal));
      ctx.audit.note('WRITE', childOf(r), what);
      return r;
    });
  }

  @Mutation(() => Ssda903ChildRecord, { description: 'Records the UPN and MC_DOB of a child (SSDA903 Header).' })
  async recordSsda903ChildDetails(@Arg('childId', () => ID) childId: string, @Arg('input', () => Ssda903ChildDetailsInput) input: Ssda903ChildDetailsInput, @Ctx() ctx: ChildrenContext) {
    await this.write(ctx, 'recordSsda903ChildDetails', (r: Ssda903ChildEntity) => r.childId, (s) => s.recordChildDetails(childId, input));
    return new Ssda903ChildResolver().ssda903(Object.assign(new Child(), { id: childId }), ctx);
  }

  @Mutation(() => Ssda903PeriodDetails, { description: 'Records the category of need (CIN) and home postcode (HOME_POST) of a period of care.' })
  async recordSsda903PeriodDetails(@Arg('periodOfCareId', () => ID) id: string, @Arg('input', () => Ssda903PeriodDetailsInput) input: Ssda903PeriodDetailsInput, @Ctx() ctx: ChildrenContext) {
    return toPeriodDetails(await this.write(ctx, 'recordSsda903PeriodDetails', (r) => r.childId, (s) => s.recordPeriodDetails(id, input)));
  }

  @Mutation(() => Ssda903PlacementDetails, { description: 'Records PLACE_PROVIDER, the placement postcode (PL_POST) and the Ofsted URN of a placement.' })
  async recordSsda903PlacementDetails(@Arg('placementId', () => ID) id: string, @Arg('input', () => Ssda903PlacementDetailsInput) input: Ssda903PlacementDetailsInput, @Ctx() ctx: ChildrenContext) {
    return toPlacementDetails(await this.write(ctx, 'recordSsda903PlacementDetails', (r) => r.childId, (s) => s.recordPlacementDetails(id, input)));
  }

  @Mutation(() => MissingEpisode, { description: 'Records a missing (M) or away-without-authorisation (A) episode; the same start and kind updates its end.' })
  async recordMissingEpisode(@Arg('childId', () => ID) childId: string, @Arg('input', () => MissingEpisodeInput) input: MissingEpisodeInput, @Ctx() ctx: ChildrenContext) {
    return toMissingEpisode(await this.write(ctx, 'recordMissingEpisode', (r) => r.childId, (s) => s.recordMissingEpisode(childId, input)));
  }

  @Mutation(() => Ssda903ChildImport, {
    description: "The authority's case system imports one child of its previous SSDA903 return (by CHILD, the case reference): registers the child and records its periods of care, legal statuses, placements, missing episodes and OC3 status through the same checks and events as the individual mutations, in one transaction; facts already recorded are left as they are, so the same child again changes nothing (UNCHANGED). CONFLICT (CONFLICTS_WITH_RECORD) when the hub's record differs. Reviews are imported by importSsda903Review.",
  })
  async importSsda903Child(@Arg('input', () => Ssda903ImportChildInput) input: Ssda903ImportChildInput, @Ctx() ctx: ChildrenContext): Promise<Ssda903ChildImport> {
    const r = await ctx.transactional(async (em) => {
      const done = await new Ssda903ImportService(em as EntityManager, ctx.principal).importChild(input);
      if (done.outcome !== 'UNCHANGED') ctx.audit.note('WRITE', done.childId, 'importSsda903Child');
      return done;
    });
    return Object.assign(new Ssda903ChildImport(), r);
  }

  @Mutation(() => CareLeaverStatus, { description: "Records a care leaver's contact, activity and accommodation around a 17th–21st birthday (OC3)." })
  async recordCareLeaverStatus(@Arg('childId', () => ID) childId: string, @Arg('input', () => CareLeaverStatusInput) input: CareLeaverStatusInput, @Ctx() ctx: ChildrenContext) {
    return toCareLeaverStatus(await this.write(ctx, 'recordCareLeaverStatus', (r) => r.childId, (s) => s.recordCareLeaverStatus(childId, input)));
  }
}

/**
 * The reference resolver of Ssda903Return: the gateway brings the reviews for `tables` and `issues`.
 * @param ref - the key and the required fields
 * @param ctx - request context
 * @returns the return
 */
export function resolveReturnReference(ref: { authority: string; collectionYear: string; reviewsHeld?: ReviewFact[] }, ctx: ChildrenContext): Ssda903Return {
  const ret = returnFor(ctx, ref.authority, ref.collectionYear);
  if (Array.isArray(ref.reviewsHeld)) ret.reviewsHeld = ref.reviewsHeld;
  return ret;
}
