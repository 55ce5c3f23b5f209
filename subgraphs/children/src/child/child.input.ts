import { MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';

@InputType()
export class WorkerInput {
  @MaxLength(200)
  @Field(() => String)
  name!: string;

  @MaxLength(200)
  @Field(() => String, { nullable: true })
  email?: string;
}

@InputType({ description: 'A child new to the hub. With becameLookedAfterOn, a period of care starts too.' })
export class RegisterChildInput {
  @MaxLength(100)
  @Field(() => String)
  givenName!: string;

  @MaxLength(100)
  @Field(() => String)
  familyName!: string;

  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD' })
  dateOfBirth!: string;

  @MaxLength(40)
  @Field(() => String, { description: "The placing authority's code; must be the caller's own." })
  placingAuthority!: string;

  @MaxLength(20)
  @Field(() => String, { nullable: true })
  sex?: string;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  ethnicity?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  religion?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  language?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  genderIdentity?: string;

  @MaxLength(64)
  @Field(() => String, { nullable: true })
  caseReference?: string;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'Education, health and care plan details (maintaining authority, date issued); leave out when the child has none.' })
  ehcPlan?: string;

  @ValidateNested()
  @Field(() => WorkerInput, { nullable: true })
  socialWorker?: WorkerInput;

  @ValidateNested()
  @Field(() => WorkerInput, { nullable: true })
  personalAdviser?: WorkerInput;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: 'Date the child became looked after (YYYY-MM-DD): starts a period of care.' })
  becameLookedAfterOn?: string;

  @MaxLength(4)
  @Field(() => String, { nullable: true, description: 'SSDA903 legal status code at the start of the period of care.' })
  legalStatus?: string;

  @Field(() => Boolean, { nullable: true, description: 'The period of care is pre-planned short breaks (V3/V4).' })
  shortBreak?: boolean;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateChildInput {
  @MaxLength(100)
  @Field(() => String, { nullable: true })
  givenName?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  familyName?: string;

  @MaxLength(10)
  @Field(() => String, { nullable: true })
  dateOfBirth?: string;

  @MaxLength(20)
  @Field(() => String, { nullable: true })
  sex?: string;

  @MaxLength(40)
  @Field(() => String, { nullable: true })
  ethnicity?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  religion?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  language?: string;

  @MaxLength(100)
  @Field(() => String, { nullable: true })
  genderIdentity?: string;

  @MaxLength(64)
  @Field(() => String, { nullable: true })
  caseReference?: string;

  @MaxLength(500)
  @Field(() => String, { nullable: true, description: 'Education, health and care plan details (maintaining authority, date issued); leave out when the child has none.' })
  ehcPlan?: string;

  @ValidateNested()
  @Field(() => WorkerInput, { nullable: true })
  socialWorker?: WorkerInput;

  @ValidateNested()
  @Field(() => WorkerInput, { nullable: true })
  personalAdviser?: WorkerInput;

  @MaxLength(10)
  @Field(() => String, { nullable: true, description: 'Date of death (YYYY-MM-DD).' })
  dateOfDeath?: string;
}
