import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { PlacementEntity } from './placement.entity';

/** A placement of a child with a provider. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'When the child arrived (date and time, with offset).' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt?: Date | null;

  @Field(() => String, { description: 'SSDA903 PLACE code.' })
  placementType!: string;

  @Field(() => Boolean)
  isEmergency!: boolean;

  @Field(() => Boolean)
  isOutOfArea!: boolean;

  @Field(() => Boolean, { description: 'Intended to last until the child is 18 (CPPCR reg 28(2)(c)(i)).' })
  intendedUntil18!: boolean;

  @Field(() => Boolean, { description: 'A youth detention placement (VIS-YOI).' })
  custody!: boolean;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: 'SSDA903 REASON_PLACE_CHANGE, when ended.' })
  endReason?: string | null;

  childId!: string;
  providerId!: string;
  periodOfCareId!: string;
}

/** Maps a placement row. @param e - entity @returns GraphQL type */
export function toPlacement(e: PlacementEntity): Placement {
  return Object.assign(new Placement(), {
    id: e.id,
    startedAt: e.startedAt,
    endedAt: e.endedAt ?? null,
    placementType: e.placementType,
    isEmergency: e.isEmergency,
    isOutOfArea: e.isOutOfArea,
    intendedUntil18: e.intendedUntil18,
    custody: e.custody,
    address: e.address ?? null,
    endReason: e.endReason ?? null,
    childId: e.childId,
    providerId: e.providerId,
    periodOfCareId: e.periodOfCareId,
  });
}
