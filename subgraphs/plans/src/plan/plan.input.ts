import { MaxLength, ValidateNested } from 'class-validator';
import { FREE_TEXT_MAX } from '@hub/service-kit';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PlanKind } from './plan.type';

/** Who receives a copy of a plan. */
export enum RecipientRoleKind { CHILD = 'CHILD', YOUNG_PERSON = 'YOUNG_PERSON', PARENT = 'PARENT', CARER = 'CARER', PROVIDER = 'PROVIDER', IRO = 'IRO', SOCIAL_WORKER = 'SOCIAL_WORKER', OTHER = 'OTHER' }
registerEnumType(RecipientRoleKind, { name: 'RecipientRole' });

@InputType({ description: 'A structured area: PPC-01..PPC-14 for a placement plan; ACCOMMODATION, LIFE_SKILLS, EDUCATION, EMPLOYMENT, FINANCE, SUPPORT, CONTINGENCY for a pathway plan.' })
export class PlanAreaInput {
  @MaxLength(40)
  @Field(() => String) code!: string;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true, description: 'What the plan says for the area.' }) text?: string;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true, description: 'Why the area is not written, when it is not (e.g. no Independent Visitor appointed).' }) missingReason?: string;
}

@InputType({ description: 'A provider plan objective linked to its source plan and a Quality Standard.' })
export class PlanObjectiveInput {
  @Field(() => ID, { nullable: true, description: 'Keep an existing objective (and its progress) by giving its id.' }) id?: string;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) sourcePlanId?: string;
  @MaxLength(100)
  @Field(() => String, { description: 'e.g. EDUCATION, HEALTH_AND_WELLBEING, PROTECTION_OF_CHILDREN.' }) qualityStandard!: string;
}

@InputType({ description: 'Content fields to set; omitted fields keep the previous version\'s value.' })
export class PlanContentInput {
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true }) summary?: string;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true }) permanencePlan?: string;
  @MaxLength(200)
  @Field(() => String, { nullable: true }) iroName?: string;
  @MaxLength(200)
  @Field(() => String, { nullable: true }) iroContact?: string;
  @Field(() => Boolean, { nullable: true, description: 'CARE: final care plan for care proceedings (APP-CP-COURT).' }) forCourtProceedings?: boolean;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true }) wishesAndFeelings?: string;
  @MaxLength(FREE_TEXT_MAX)
  @Field(() => String, { nullable: true }) contactArrangements?: string;
  @ValidateNested()
  @Field(() => [PlanAreaInput], { nullable: true }) areas?: PlanAreaInput[];
  @ValidateNested()
  @Field(() => [PlanObjectiveInput], { nullable: true }) objectives?: PlanObjectiveInput[];
}

@InputType()
export class CreatePlanInput {
  @Field(() => ID) childId!: string;
  @Field(() => PlanKind) kind!: PlanKind;
  @Field(() => ID, { nullable: true, description: 'PLACEMENT / PROVIDER: the placement (default: the open one).' }) placementId?: string;
  @ValidateNested()
  @Field(() => PlanContentInput, { nullable: true }) content?: PlanContentInput;
}

@InputType()
export class PlanRecipientInput {
  @Field(() => RecipientRoleKind) role!: RecipientRoleKind;
  @MaxLength(200)
  @Field(() => String) name!: string;
}
