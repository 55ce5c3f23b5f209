import { Field, InputType } from 'type-graphql';

@InputType()
export class WorkerInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string;
}

@InputType({ description: 'A child new to the hub. With becameLookedAfterOn, a period of care starts too.' })
export class RegisterChildInput {
  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  dateOfBirth!: string;

  @Field(() => String, { description: "The placing authority's code; must be the caller's own." })
  placingAuthority!: string;

  @Field(() => String, { nullable: true })
  sex?: string;

  @Field(() => String, { nullable: true })
  ethnicity?: string;

  @Field(() => String, { nullable: true })
  religion?: string;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field(() => String, { nullable: true })
  genderIdentity?: string;

  @Field(() => String, { nullable: true })
  caseReference?: string;

  @Field(() => WorkerInput, { nullable: true })
  socialWorker?: WorkerInput;

  @Field(() => WorkerInput, { nullable: true })
  personalAdviser?: WorkerInput;

  @Field(() => String, { nullable: true, description: 'Date the child became looked after (YYYY-MM-DD): starts a period of care.' })
  becameLookedAfterOn?: string;

  @Field(() => String, { nullable: true, description: 'SSDA903 legal status code at the start of the period of care.' })
  legalStatus?: string;

  @Field(() => Boolean, { nullable: true, description: 'The period of care is pre-planned short breaks (V3/V4).' })
  shortBreak?: boolean;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are.' })
export class UpdateChildInput {
  @Field(() => String, { nullable: true })
  givenName?: string;

  @Field(() => String, { nullable: true })
  familyName?: string;

  @Field(() => String, { nullable: true })
  dateOfBirth?: string;

  @Field(() => String, { nullable: true })
  sex?: string;

  @Field(() => String, { nullable: true })
  ethnicity?: string;

  @Field(() => String, { nullable: true })
  religion?: string;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field(() => String, { nullable: true })
  genderIdentity?: string;

  @Field(() => String, { nullable: true })
  caseReference?: string;

  @Field(() => WorkerInput, { nullable: true })
  socialWorker?: WorkerInput;

  @Field(() => WorkerInput, { nullable: true })
  personalAdviser?: WorkerInput;

  @Field(() => String, { nullable: true, description: 'Date of death (YYYY-MM-DD).' })
  dateOfDeath?: string;
}
