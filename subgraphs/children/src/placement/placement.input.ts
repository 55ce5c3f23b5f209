import { MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'A child arriving at a provider. Starts a period of care when none is open.' })
export class StartPlacementInput {
  @Field(() => ID)
  childId!: string;

  @MaxLength(40)
  @Field(() => String)
  providerId!: string;

  @Field(() => Date, { description: 'Arrival, date and time with offset.' })
  startedAt!: Date;

  @MaxLength(4)
  @Field(() => String, { description: 'SSDA903 PLACE code, e.g. K2 for a children’s home.' })
  placementType!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Made in an emergency, without the plans in place beforehand.' })
  isEmergency!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  isOutOfArea!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  intendedUntil18!: boolean;

  @Field(() => Boolean, { defaultValue: false })
  custody!: boolean;

  @MaxLength(500)
  @Field(() => String, { nullable: true })
  address?: string;
}

@InputType()
export class EndPlacementInput {
  @Field(() => ID)
  placementId!: string;

  @Field(() => Date)
  endedAt!: Date;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'SSDA903 REASON_PLACE_CHANGE.' })
  reason?: string;
}
