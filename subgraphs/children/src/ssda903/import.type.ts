import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';

@InputType({ description: 'A legal status (LS) from a start date, as an episode of the return gives it.' })
export class Ssda903ImportLegalStatusInput {
  @MaxLength(4)
  @Field(() => String)
  code!: string;

  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  startedOn!: string;
}

@InputType({ description: 'A placement as the episodes of the return give it: from DECOM to the next change of carer or the end of the period.' })
export class Ssda903ImportPlacementInput {
  @MaxLength(40)
  @Field(() => String, { description: "The hub's provider (the return names the setting by URN only)." })
  providerId!: string;

  @MaxLength(4)
  @Field(() => String, { description: 'PLACE.' })
  placementType!: string;

  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD.' })
  startedOn!: string;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: the day the next placement of the period starts; blank for the last (it ends with the period).' })
  endedOn?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'REASON_PLACE_CHANGE, when the placement ends before the period.' })
  endReason?: string | null;

  @MaxLength(3)
  @Field(() => String, { nullable: true })
  placeProvider?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'PL_POST.' })
  postcode?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true })
  urn?: string | null;
}

@InputType({ description: 'A period of care: its episodes, from the first DECOM to the DEC of the last, with its REC.' })
export class Ssda903ImportPeriodInput {
  @MaxLength(10)
  @Field(() => String)
  startedOn!: string;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: 'Blank while the period is open.' })
  endedOn?: string | null;

  @MaxLength(4)
  @Field(() => String, { nullable: true, description: 'REC of the last episode.' })
  reasonCeased?: string | null;

  @MaxLength(2)
  @Field(() => String, { nullable: true, description: 'CIN.' })
  needCode?: string | null;

  @MaxLength(8)
  @Field(() => String, { nullable: true, description: 'HOME_POST.' })
  homePostcode?: string | null;

  @ArrayMaxSize(200)
  @Field(() => [Ssda903ImportLegalStatusInput], { description: 'The first starts on the day the period starts.' })
  legalStatuses!: Ssda903ImportLegalStatusInput[];

  @ArrayMaxSize(200)
  @Field(() => [Ssda903ImportPlacementInput])
  placements!: Ssda903ImportPlacementInput[];
}

@InputType()
export class Ssda903ImportMissingInput {
  @MaxLength(1)
  @Field(() => String)
  kind!: string;

  @MaxLength(10)
  @Field(() => String)
  startedOn!: string;

  @MaxLength(10)
  @Field(() => String, { nullable: true })
  endedOn?: string | null;
}

@InputType()
export class Ssda903ImportCareLeaverInput {
  @Field(() => Int)
  birthday!: number;

  @MaxLength(4)
  @Field(() => String)
  inTouch!: string;

  @MaxLength(2)
  @Field(() => String)
  activity!: string;

  @MaxLength(2)
  @Field(() => String)
  accommodation!: string;
}

@InputType({ description: "One child of an authority's previous SSDA903 return: header, episodes (as periods of care), missing episodes and OC3 rows." })
export class Ssda903ImportChildInput {
  @MaxLength(10)
  @Field(() => String, { description: 'CHILD: the case reference the child is known by (unique in the authority).' })
  caseReference!: string;

  @MaxLength(10)
  @Field(() => String, { description: 'DOB, YYYY-MM-DD.' })
  dateOfBirth!: string;

  @MaxLength(1)
  @Field(() => String, { nullable: true, description: 'SEX as the return gives it (M, F, U; 1, 2 before 2024-25).' })
  sex?: string | null;

  @MaxLength(4)
  @Field(() => String, { nullable: true, description: 'ETHNIC.' })
  ethnicity?: string | null;

  @MaxLength(13)
  @Field(() => String, { nullable: true })
  upn?: string | null;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: 'MC_DOB.' })
  motherChildDob?: string | null;

  @ArrayMaxSize(50)
  @Field(() => [Ssda903ImportPeriodInput], { defaultValue: [] })
  periods!: Ssda903ImportPeriodInput[];

  @ArrayMaxSize(500)
  @Field(() => [Ssda903ImportMissingInput], { defaultValue: [] })
  missing!: Ssda903ImportMissingInput[];

  @ArrayMaxSize(5)
  @Field(() => [Ssda903ImportCareLeaverInput], { defaultValue: [] })
  careLeaver!: Ssda903ImportCareLeaverInput[];
}

@ObjectType({ description: 'What importing one child of a return did.' })
export class Ssda903ChildImport {
  @Field(() => ID)
  childId!: string;

  @Field(() => String)
  caseReference!: string;

  @Field(() => String, { description: 'CREATED (a new child), UPDATED (facts added to the child of that case reference) or UNCHANGED (everything was already recorded).' })
  outcome!: string;

  @Field(() => [String], { description: 'What was recorded, one line each (empty when UNCHANGED).' })
  recorded!: string[];
}
