import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { CalendarVersion, hubCalendar, hubCalendarVersion, InputError, maxLengthArg, recordEvent, refreshCalendar, requireRole } from '@hub/service-kit';
import { HolidayCalendar } from '@hub/statutory';
import type { ChildrenContext } from '../context';

/** A bank holiday in the calendar in force. */
@ObjectType()
export class BankHoliday {
  @Field(() => String)
  date!: string;

  @Field(() => String)
  title!: string;

  @Field(() => Boolean, { description: 'Projected, not yet published by gov.uk.' })
  provisional!: boolean;

  @Field(() => String)
  source!: string;
}

/** The England and Wales bank-holiday calendar in force (TIME-WD-CAL). */
@ObjectType()
export class BankHolidayCalendar {
  @Field(() => String, { description: 'First date covered; working-day deadlines before it are refused.' })
  horizonStart!: string;

  @Field(() => String, { description: 'Last date covered; a deadline past it is an explicit CALENDAR_HORIZON error.' })
  horizonEnd!: string;

  @Field(() => String, { nullable: true, description: 'The loaded version in force; null for the calendar shipped with the hub.' })
  version?: string | null;

  @Field(() => Int)
  holidayCount!: number;

  @Field(() => [BankHoliday])
  holidays!: BankHoliday[];
}

function describe(cal: HolidayCalendar, version: string | null): BankHolidayCalendar {
  return Object.assign(new BankHolidayCalendar(), {
    horizonStart: cal.horizonStart,
    horizonEnd: cal.horizonEnd,
    version,
    holidayCount: cal.entries.length,
    holidays: cal.entries.map((e) => Object.assign(new BankHoliday(), { date: e.date, title: e.title, provisional: e.provisional, source: e.source })),
  });
}

/** Loading a newer bank-holiday file without a release (DOMAIN.md §16 note 4). */
@Resolver()
export class CalendarResolver {
  @Query(() => BankHolidayCalendar)
  bankHolidayCalendar(): BankHolidayCalendar {
    return describe(hubCalendar(), hubCalendarVersion());
  }

  @Mutation(() => BankHolidayCalendar, { description: 'ADMIN: load a gov.uk bank-holidays.json (England and Wales); every service adopts it.' })
  async loadBankHolidays(
    @Arg('json', () => String, { description: 'The file’s contents.' }) json: string,
    @Arg('source', () => String, { nullable: true, description: 'Where it came from, e.g. https://www.gov.uk/bank-holidays.json', ...maxLengthArg('source', 500) }) source: string | undefined,
    @Ctx() ctx: ChildrenContext,
  ): Promise<BankHolidayCalendar> {
    requireRole(ctx.principal, ['ADMIN'], 'load a bank-holiday calendar');
    let data: Record<string, unknown>;
    let cal: HolidayCalendar;
    try {
      data = JSON.parse(json);
      cal = HolidayCalendar.fromGovUkJson(data, { source: source ?? 'administrator upload' });
    } catch (e) {
      throw new InputError(`not a valid bank-holidays.json: ${(e as Error).message}`, { field: 'json', reason: 'INVALID_CALENDAR' });
    }
    const id = randomUUID();
    await ctx.transactional(async (em) => {
      em.create(CalendarVersion, { id, loadedAt: new Date(), loadedBy: ctx.principal.sub, source: source ?? 'administrator upload', data });
      // The event id is the version id, so every service stores the same version under the same key.
      const ev = recordEvent(em, { type: 'CalendarUpdated', aggregateType: 'Calendar', aggregateId: id, payload: { data, source: source ?? 'administrator upload', loadedBy: ctx.principal.sub }, actor: ctx.principal });
      ev.id = id;
    });
    await refreshCalendar(ctx.em);
    return describe(cal, id);
  }
}
