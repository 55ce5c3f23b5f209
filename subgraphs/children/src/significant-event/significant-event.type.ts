import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { SignificantEventEntity } from './significant-event.entity';

/** An entry in the child's chronology. */
@ObjectType()
export class SignificantEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'One of SignificantEventKind (MISSING, SAFEGUARDING_CONCERN, …).' })
  kind!: string;

  @Field(() => Date)
  occurredAt!: Date;

  @Field(() => String)
  summary!: string;

  @Field(() => Int, { nullable: true })
  durationDays?: number | null;

  @Field(() => String, { nullable: true })
  providerId?: string | null;

  @Field(() => Date)
  recordedAt!: Date;

  childId!: string;
  entity!: SignificantEventEntity;
}

/** @param e - entity @returns GraphQL type */
export function toSignificantEvent(e: SignificantEventEntity): SignificantEvent {
  return Object.assign(new SignificantEvent(), {
    id: e.id,
    kind: e.kind,
    occurredAt: e.occurredAt,
    summary: e.summary,
    durationDays: e.durationDays ?? null,
    providerId: e.providerId ?? null,
    recordedAt: e.recordedAt,
    childId: e.childId,
    entity: e,
  });
}
