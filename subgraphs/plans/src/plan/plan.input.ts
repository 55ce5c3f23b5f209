import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { PlanKind } from './plan.type';

/** Who receives a copy of a plan. */
export enum RecipientRoleKind { CHILD = 'CHILD', YOUNG_PERSON = 'YOUNG_PERSON', PARENT = 'PARENT', CARER = 'CARER', PROVIDER = 'PROVIDER', IRO = 'IRO', SOCIAL_WORKER = 'SOCIAL_WORKER', OTHER = 'OTHER' }
registerEnumType(RecipientRoleKind, { name: 'RecipientRole' });

@InputType({ description: 'A structured area: PPC-01..PPC-14 for a placement plan; ACCOMMODATION, LIFE_SKILLS, EDUCATION, EMPLOYMENT, FINANCE, SUPPORT, CONTINGENCY for a pathway plan.' })
export class PlanAreaInput {
  @Field(() => String) code!: string;
  @Field(() => String) text!: string;
}

@InputType({ description: 'A provider plan objective linked to its source plan and a Quality Standard.' })
export class PlanObjectiveInput {
  @Field(() => ID, { nullable: true, description: 'Keep an existing objective (and its progress) by giving its id.' }) id?: string;
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) sourcePlanId?: string;
  @Field(() => String, { description: 'e.g. EDUCATION, HEALTH_AND_WELLBEING, PROTECTION_OF_CHILDREN.' }) qualityStandard!: string;
}

@InputType({ description: 'Content fields to set; omitted fields keep the previous version\'s value.' })
export class PlanContentInput {
  @Field(() => String, { nullable: true }) summary?: string;
  @Field(() => String, { nullable: true }) permanencePlan?: string;
  @Field(() => String, { nullable: true }) iroName?: string;
  @Field(() => String, { nullable: true }) iroContact?: string;
  @Field(() => Boolean, { nullable: true, description: 'CARE: final care plan for care proceedings (APP-CP-COURT).' }) forCourtProceedings?: boolean;
  @Field(() => String, { nullable: true }) wishesAndFeelings?: string;
  @Field(() => String, { nullable: true }) contactArrangements?: string;
  @Field(() => [PlanAreaInput], { nullable: true }) areas?: PlanAreaInput[];
  @Field(() => [PlanObjectiveInput], { nullable: true }) objectives?: PlanObjectiveInput[];
}

@InputType()
export class CreatePlanInput {
  @Field(() => ID) childId!: string;
  @Field(() => PlanKind) kind!: PlanKind;
  @Field(() => ID, { nullable: true, description: 'PLACEMENT / PROVIDER: the placement (default: the open one).' }) placementId?: string;
  @Field(() => PlanContentInput, { nullable: true }) content?: PlanContentInput;
}

@InputType()
export class PlanRecipientInput {
  @Field(() => RecipientRoleKind) role!: RecipientRoleKind;
  @Field(() => String) name!: string;
}
