import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { FREE_TEXT_MAX, maxLengthArg } from '@hub/service-kit';
import type { ChildrenContext } from '../context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Child, toChild } from './child.type';
import { RegisterChildInput, UpdateChildInput } from './child.input';
import { ChildService } from './child.service';
import { Placement, toPlacement } from '../placement/placement.type';
import { EndPlacementInput, StartPlacementInput } from '../placement/placement.input';
import { PlacementService } from '../placement/placement.service';
import { PeriodOfCareService } from '../period-of-care/period-of-care.service';
import { LegalStatus, PeriodOfCare, toLegalStatus, toPeriodOfCare } from '../period-of-care/period-of-care.type';
import { SignificantEvent, toSignificantEvent } from '../significant-event/significant-event.type';
import { SignificantEventService } from '../significant-event/significant-event.service';
import { toVisit, Visit } from '../visit/visit.type';
import { VisitService } from '../visit/visit.service';

@InputType()
class RecordSignificantEventInput {
  @Field(() => ID)
  childId!: string;

  @MaxLength(40)
  @Field(() => String, { description: 'A SignificantEventKind, e.g. MISSING, SAFEGUARDING_CONCERN, SERIOUS_POLICE_INCIDENT.' })
  kind!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @MaxLength(500)
  @Field(() => String)
  summary!: string;

  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true, description: 'Sensitive detail.' })
  details?: string;

  @Field(() => Int, { nullable: true, description: 'CONTACT_REFUSED: length of the refusal in days (1–7).' })
  durationDays?: number;
}

@InputType()
class RecordVisitInput {
  @Field(() => ID)
  childId!: string;

  @MaxLength(10)
  @Field(() => String)
  visitedOn!: string;

  @MaxLength(200)
  @Field(() => String)
  visitor!: string;

  @Field(() => Boolean)
  seenAlone!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  welfareConcern!: boolean;
}

/** Mutations of the children service. Each commits whole, with its events, or changes nothing. */
@Resolver()
export class ChildMutationResolver {
  /** Runs a change in one transaction with its WRITE audit line (both commit, or neither). */
  private write<T>(ctx: ChildrenContext, what: string, change: (em: EntityManager) => Promise<T>, childOf: (result: T) => string): Promise<T> {
    return ctx.transactional(async (em) => {
      const result = await change(em);
      ctx.audit.note('WRITE', childOf(result), what);
      return result;
    });
  }

  @Mutation(() => Child)
  async registerChild(@Arg('input', () => RegisterChildInput) input: RegisterChildInput, @Ctx() ctx: ChildrenContext): Promise<Child> {
    const child = await this.write(ctx, 'registerChild', (em) => new ChildService(em, ctx.principal).register(input), (r) => r.id);
    return toChild(child);
  }

  @Mutation(() => Child)
  async updateChild(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateChildInput) input: UpdateChildInput, @Ctx() ctx: ChildrenContext): Promise<Child> {
    const child = await this.write(ctx, 'updateChild', (em) => new ChildService(em, ctx.principal).update(id, input), () => id);
    return toChild(child);
  }

  @Mutation(() => Boolean, { description: 'Deletes the record; refused before its retention date (RET-LA-75).' })
  async deleteChild(@Arg('id', () => ID) id: string, @Ctx() ctx: ChildrenContext): Promise<boolean> {
    const done = await this.write(ctx, 'deleteChild', (em) => new ChildService(em, ctx.principal).delete(id), () => id);
    return done;
  }

  @Mutation(() => Placement)
  async startPlacement(@Arg('input', () => StartPlacementInput) input: StartPlacementInput, @Ctx() ctx: ChildrenContext): Promise<Placement> {
    const p = await this.write(ctx, 'startPlacement', (em) => new PlacementService(em, ctx.principal).start(input), (r) => r.childId);
    return toPlacement(p);
  }

  @Mutation(() => Placement)
  async endPlacement(@Arg('input', () => EndPlacementInput) input: EndPlacementInput, @Ctx() ctx: ChildrenContext): Promise<Placement> {
    const p = await this.write(ctx, 'endPlacement', (em) => new PlacementService(em, ctx.principal).end(input), (r) => r.childId);
    return toPlacement(p);
  }

  @Mutation(() => PeriodOfCare, { description: 'The child becomes looked after again: a new period of care and review cycle.' })
  async startPeriodOfCare(
    @Arg('childId', () => ID) childId: string,
    @Arg('startedOn', () => String, maxLengthArg('startedOn', 10)) startedOn: string,
    @Arg('legalStatus', () => String, { nullable: true, ...maxLengthArg('legalStatus', 4) }) legalStatus: string | undefined,
    @Ctx() ctx: ChildrenContext,
  ): Promise<PeriodOfCare> {
    const period = await this.write(ctx, 'startPeriodOfCare', (em) => new PeriodOfCareService(em, ctx.principal).start(childId, startedOn, legalStatus ?? undefined), () => childId);
    return toPeriodOfCare(period);
  }

  @Mutation(() => PeriodOfCare, { description: 'Ends the period of care (and the open placement) at ceasedAt.' })
  async ceaseLookedAfter(
    @Arg('childId', () => ID) childId: string,
    @Arg('ceasedAt', () => Date) ceasedAt: Date,
    @Arg('reason', () => String, { description: 'SSDA903 REC code, e.g. E4A.', ...maxLengthArg('reason', 8) }) reason: string,
    @Ctx() ctx: ChildrenContext,
  ): Promise<PeriodOfCare> {
    const period = await this.write(ctx, 'ceaseLookedAfter', (em) => new PeriodOfCareService(em, ctx.principal).cease(childId, ceasedAt, reason), () => childId);
    return toPeriodOfCare(period);
  }

  @Mutation(() => LegalStatus)
  async recordLegalStatus(
    @Arg('childId', () => ID) childId: string,
    @Arg('code', () => String, maxLengthArg('code', 4)) code: string,
    @Arg('startedOn', () => String, maxLengthArg('startedOn', 10)) startedOn: string,
    @Ctx() ctx: ChildrenContext,
  ): Promise<LegalStatus> {
    const row = await this.write(ctx, 'recordLegalStatus', (em) => new PeriodOfCareService(em, ctx.principal).recordLegalStatus(childId, code, startedOn), () => childId);
    return toLegalStatus(row);
  }

  @Mutation(() => SignificantEvent)
  async recordSignificantEvent(@Arg('input', () => RecordSignificantEventInput) input: RecordSignificantEventInput, @Ctx() ctx: ChildrenContext): Promise<SignificantEvent> {
    const row = await this.write(ctx, 'recordSignificantEvent', (em) => new SignificantEventService(em, ctx.principal).record(input), (r) => r.childId);
    return toSignificantEvent(row);
  }

  @Mutation(() => Visit)
  async recordVisit(@Arg('input', () => RecordVisitInput) input: RecordVisitInput, @Ctx() ctx: ChildrenContext): Promise<Visit> {
    const row = await this.write(ctx, 'recordVisit', (em) => new VisitService(em, ctx.principal).record(input), (r) => r.childId);
    return toVisit(row);
  }
}
