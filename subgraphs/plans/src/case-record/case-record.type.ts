import { Field, ID, ObjectType } from 'type-graphql';
import type { PlacementPlanningMeetingEntity } from './placement-planning-meeting.entity';
import type { HealthAssessmentEntity } from './health-assessment.entity';
import type { DecisionProcessEntity } from './decision-process.entity';

/** Someone who attended a meeting. */
@ObjectType()
export class MeetingAttendee {
  @Field(() => String) name!: string;
  @Field(() => String, { description: 'e.g. social worker, home manager, child, parent, IRO, keyworker.' }) role!: string;
}

/** A Placement Planning Meeting held (PPM-72H). */
@ObjectType()
export class PlacementPlanningMeeting {
  @Field(() => ID) id!: string;
  @Field(() => ID) childId!: string;
  @Field(() => ID) placementId!: string;
  @Field(() => Date) heldAt!: Date;
  @Field(() => [MeetingAttendee]) attendees!: MeetingAttendee[];
}

/** An initial health assessment by a registered medical practitioner (HP-IHA). */
@ObjectType()
export class HealthAssessment {
  @Field(() => ID) id!: string;
  @Field(() => ID) childId!: string;
  @Field(() => ID, { nullable: true, description: 'The period of care it was for.' }) periodOfCareId?: string | null;
  @Field(() => String) assessedOn!: string;
  @Field(() => String, { description: 'The registered medical practitioner.' }) assessedBy!: string;
}

/** A step of a decision process and its date. */
@ObjectType()
export class DecisionStep {
  @Field(() => String) step!: string;
  @Field(() => String) on!: string;
}

/** A decision process of seed 004 (APP-FCPM-5WD, APP-PANEL-PAPERS, APP-PLO-4M). */
@ObjectType()
export class DecisionProcess {
  @Field(() => ID) id!: string;
  @Field(() => ID) childId!: string;
  @Field(() => String, { description: 'FAMILY_CARE_AND_PROTECT_MEETING, CHILDRENS_DECISION_MEETING or PLO_PRE_PROCEEDINGS.' }) kind!: string;
  @Field(() => String, { description: 'The request date, the meeting date, or the date pre-proceedings started.' }) startedOn!: string;
  @Field(() => String, { description: 'The rule it starts.' }) ruleId!: string;
  @Field(() => [DecisionStep]) steps!: DecisionStep[];
}

export const toMeeting = (e: PlacementPlanningMeetingEntity): PlacementPlanningMeeting => Object.assign(new PlacementPlanningMeeting(), {
  id: e.id, childId: e.childId, placementId: e.placementId, heldAt: e.heldAt, attendees: e.attendees.map((a) => Object.assign(new MeetingAttendee(), a)),
});
export const toHealthAssessment = (e: HealthAssessmentEntity): HealthAssessment => Object.assign(new HealthAssessment(), {
  id: e.id, childId: e.childId, periodOfCareId: e.periodId ?? null, assessedOn: e.assessedOn, assessedBy: e.assessedBy,
});
export const toDecisionProcess = (e: DecisionProcessEntity, ruleId: string): DecisionProcess => Object.assign(new DecisionProcess(), {
  id: e.id, childId: e.childId, kind: e.kind, startedOn: e.startedOn, ruleId,
  steps: Object.entries(e.steps).map(([step, on]) => Object.assign(new DecisionStep(), { step, on })),
});
