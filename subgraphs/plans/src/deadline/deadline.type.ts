import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { basisAnchor, deadlineStatus, DeadlineStatus } from '@hub/statutory';
import type { DeadlineBasis as EngineBasis } from '@hub/statutory';
import type { DeadlineEntity } from './deadline.entity';

/** Where a deadline stands, judged at read time against now or the query's asOf. */
export enum DeadlineStatusKind {
  PENDING = 'PENDING',
  MET = 'MET',
  OVERDUE = 'OVERDUE',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  BEYOND_CALENDAR = 'BEYOND_CALENDAR',
}
registerEnumType(DeadlineStatusKind, {
  name: 'DeadlineStatus',
  valuesConfig: {
    BEYOND_CALENDAR: {
      description: 'Owed, but its working-day count runs past the bank-holiday calendar: no date until a newer calendar is loaded (see reason).',
    },
  },
});

/** A non-working day skipped by a working-day count. */
@ObjectType()
export class SkippedDay {
  @Field(() => String)
  date!: string;

  @Field(() => String)
  reason!: string;
}

/** How a deadline was computed (anchor, unit, count, holidays skipped, source). */
@ObjectType()
export class DeadlineBasis {
  @Field(() => String, { description: 'The anchor: a date, or an instant for hour rules.' })
  anchor!: string;

  @Field(() => String)
  anchorDescription!: string;

  @Field(() => String, { description: 'WORKING_DAY, CALENDAR_DAY, WEEK, MONTH, HOUR or IMMEDIATE.' })
  unit!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => String)
  direction!: string;

  @Field(() => [SkippedDay])
  skipped!: SkippedDay[];

  @Field(() => String)
  citation!: string;

  @Field(() => String, { nullable: true })
  sourceUrl?: string | null;

  @Field(() => String, { description: 'NAT-REG, NAT-GUID or LOCAL.' })
  class!: string;

  @Field(() => Boolean, { description: "The placing authority's override changed the count." })
  overridden!: boolean;

  @Field(() => Boolean, { description: 'Computed with provisional bank-holiday data.' })
  provisional!: boolean;

  @Field(() => String, { nullable: true, description: 'TIME-WD-DAY1 alternative: the date if the trigger day counted as day 1.' })
  inclusiveAlternative?: string | null;

  @Field(() => String, { nullable: true, description: 'Last working day on or before a non-working due date (no roll-forward).' })
  practicalDate?: string | null;

  @Field(() => String)
  explanation!: string;
}

/** One duty in the deadline ledger. */
@ObjectType()
export class Deadline {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Rule id from DOMAIN.md, verbatim.' })
  ruleId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  class!: string;

  @Field(() => String, { description: 'What the deadline is about, e.g. placement:<id>, period:<id>, review:<id>.' })
  subjectKey!: string;

  @Field(() => Date, { nullable: true, description: 'When it falls due; null only while BEYOND_CALENDAR.' })
  dueAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'London date it falls due (YYYY-MM-DD); null only while BEYOND_CALENDAR.' })
  dueDate!: string | null;

  @Field(() => DeadlineStatusKind)
  status!: DeadlineStatusKind;

  @Field(() => Date, { nullable: true })
  metAt?: Date | null;

  @Field(() => String, { nullable: true })
  notApplicableReason?: string | null;

  @Field(() => String, { nullable: true, description: 'Why it is NOT_APPLICABLE or BEYOND_CALENDAR, in words.' })
  reason?: string | null;

  /** The basis as stored with the row; mapped to its GraphQL type only when a caller selects `basis`. */
  storedBasis!: EngineBasis;

  private mappedBasis?: DeadlineBasis;

  @Field(() => DeadlineBasis)
  get basis(): DeadlineBasis {
    return (this.mappedBasis ??= toBasis(this.storedBasis));
  }

  childId!: string;
}

/**
 * Maps the engine's basis to its GraphQL type.
 * @param b - the basis (as computed or stored)
 * @returns the GraphQL object
 */
export function toBasis(b: EngineBasis): DeadlineBasis {
  return Object.assign(new DeadlineBasis(), {
    anchor: basisAnchor(b.anchor), anchorDescription: b.anchorDescription, unit: b.unit, count: b.count, direction: b.direction,
    skipped: (b.skipped ?? []).map((s) => Object.assign(new SkippedDay(), s)), citation: b.citation, sourceUrl: b.sourceUrl ?? null,
    class: b.class, overridden: b.overridden, provisional: b.provisional, inclusiveAlternative: b.inclusiveAlternative ?? null,
    practicalDate: b.practicalDate ?? null, explanation: b.explanation,
  });
}

/**
 * Maps a ledger row to its GraphQL type, with the status at `asOf` (the engine's deadlineStatus).
 * @param e - the row
 * @param asOf - the instant to judge at
 * @returns the GraphQL object
 */
export function toDeadline(e: DeadlineEntity, asOf: Date): Deadline {
  const status: DeadlineStatus = deadlineStatus({ dueAt: e.dueAt ?? null, metAt: e.metAt ?? null, notApplicable: e.notApplicable }, asOf);
  const reason = status === 'NOT_APPLICABLE' ? e.notApplicableReason ?? null : status === 'BEYOND_CALENDAR' ? e.basis.explanation : null;
  return Object.assign(new Deadline(), {
    id: e.id, ruleId: e.ruleId, title: e.title, class: e.class, subjectKey: e.subjectKey, dueAt: e.dueAt ?? null, dueDate: e.dueDate ?? null,
    status: status as DeadlineStatusKind, metAt: e.metAt ?? null, notApplicableReason: e.notApplicableReason ?? null, reason, childId: e.childId,
    storedBasis: e.basis,
  });
}
