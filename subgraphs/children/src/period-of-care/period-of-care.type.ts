import { Field, ID, ObjectType } from 'type-graphql';
import type { PeriodOfCareEntity } from './period-of-care.entity';
import type { LegalStatusEntity } from './legal-status.entity';

/** A period of care: from becoming looked after to ceasing. */
@ObjectType()
export class PeriodOfCare {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Date the child became looked after (YYYY-MM-DD).' })
  startedOn!: string;

  @Field(() => String, { nullable: true })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'SSDA903 REC code.' })
  reasonCeased?: string | null;

  @Field(() => Boolean, { description: 'Pre-planned short breaks (V3/V4).' })
  shortBreak!: boolean;
}

/** A legal status (SSDA903 LS) held for a span of dates. */
@ObjectType()
export class LegalStatus {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  code!: string;

  @Field(() => String)
  startedOn!: string;

  @Field(() => String, { nullable: true })
  endedOn?: string | null;
}

/** @param e - entity @returns GraphQL type */
export function toPeriodOfCare(e: PeriodOfCareEntity): PeriodOfCare {
  return Object.assign(new PeriodOfCare(), { id: e.id, startedOn: e.startedOn, endedOn: e.endedOn ?? null, reasonCeased: e.reasonCeased ?? null, shortBreak: e.shortBreak });
}

/** @param e - entity @returns GraphQL type */
export function toLegalStatus(e: LegalStatusEntity): LegalStatus {
  return Object.assign(new LegalStatus(), { id: e.id, code: e.code, startedOn: e.startedOn, endedOn: e.endedOn ?? null });
}
