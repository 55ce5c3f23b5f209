import { Field, ID, ObjectType } from 'type-graphql';
import type { VisitEntity } from './visit.entity';

/** A social worker's statutory visit. */
@ObjectType()
export class Visit {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  visitedOn!: string;

  @Field(() => String)
  visitor!: string;

  @Field(() => Boolean)
  seenAlone!: boolean;

  @Field(() => Boolean, { description: 'The visit found the welfare of the child not adequately safeguarded (REV-VISIT-TRIGGER).' })
  welfareConcern!: boolean;

  @Field(() => String, { nullable: true })
  placementId?: string | null;
}

/** @param e - entity @returns GraphQL type */
export function toVisit(e: VisitEntity): Visit {
  return Object.assign(new Visit(), { id: e.id, visitedOn: e.visitedOn, visitor: e.visitor, seenAlone: e.seenAlone, welfareConcern: e.welfareConcern, placementId: e.placementId ?? null });
}
