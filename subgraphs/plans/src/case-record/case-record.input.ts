import { ArrayMaxSize, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';

/** Seed 004's decision processes. */
export enum DecisionProcessKind {
  FAMILY_CARE_AND_PROTECT_MEETING = 'FAMILY_CARE_AND_PROTECT_MEETING',
  CHILDRENS_DECISION_MEETING = 'CHILDRENS_DECISION_MEETING',
  PLO_PRE_PROCEEDINGS = 'PLO_PRE_PROCEEDINGS',
}
registerEnumType(DecisionProcessKind, {
  name: 'DecisionProcessKind',
  valuesConfig: {
    FAMILY_CARE_AND_PROTECT_MEETING: { description: 'A request for a Family Care and Protect Meeting (APP-FCPM-5WD); startedOn is the request date.' },
    CHILDRENS_DECISION_MEETING: { description: "A Children's Decision Meeting (APP-PANEL-PAPERS); startedOn is the meeting date." },
    PLO_PRE_PROCEEDINGS: { description: 'PLO pre-proceedings (APP-PLO-4M, progress reviewed at 3 months); startedOn is the start.' },
  },
});

/** Steps of a decision process. */
export enum DecisionStepKind {
  MEETING_HELD = 'MEETING_HELD',
  PAPERS_SUBMITTED = 'PAPERS_SUBMITTED',
  PAPERS_DISTRIBUTED = 'PAPERS_DISTRIBUTED',
  PROGRESS_REVIEWED = 'PROGRESS_REVIEWED',
  CONCLUDED = 'CONCLUDED',
}
registerEnumType(DecisionStepKind, { name: 'DecisionStepKind' });

@InputType()
export class MeetingAttendeeInput {
  @MaxLength(200)
  @Field(() => String) name!: string;
  @MaxLength(100)
  @Field(() => String) role!: string;
}

@InputType({ description: 'A Placement Planning Meeting held (PPM-72H): when and who attended.' })
export class RecordPlacementPlanningMeetingInput {
  @Field(() => ID) placementId!: string;
  @Field(() => Date) heldAt!: Date;
  @ArrayMaxSize(50)
  @ValidateNested()
  @Field(() => [MeetingAttendeeInput]) attendees!: MeetingAttendeeInput[];
}

@InputType({ description: 'An initial health assessment by a registered medical practitioner (HP-IHA).' })
export class RecordHealthAssessmentInput {
  @Field(() => ID) childId!: string;
  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD.' }) assessedOn!: string;
  @MaxLength(200)
  @Field(() => String, { description: 'The registered medical practitioner.' }) assessedBy!: string;
}

@InputType()
export class StartDecisionProcessInput {
  @Field(() => ID) childId!: string;
  @Field(() => DecisionProcessKind) kind!: DecisionProcessKind;
  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD: the request date, the meeting date, or the start of pre-proceedings.' }) startedOn!: string;
}

@InputType()
export class RecordDecisionStepInput {
  @Field(() => ID) processId!: string;
  @Field(() => DecisionStepKind) step!: DecisionStepKind;
  @MaxLength(10)
  @Field(() => String, { description: 'YYYY-MM-DD.' }) on!: string;
}
