import { Directive, Field, ID, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';
import type { PlanEntity, PlanKindCode } from './plan.entity';
import type { PlanVersionEntity } from './plan-version.entity';
import { areaCompleteness, PlanContent } from './plan-content';

/** Plan kinds. */
export enum PlanKind { CARE = 'CARE', PLACEMENT = 'PLACEMENT', PATHWAY = 'PATHWAY', PEP = 'PEP', HEALTH = 'HEALTH', PROVIDER = 'PROVIDER' }
registerEnumType(PlanKind, { name: 'PlanKind' });

/** Version lifecycle. */
export enum PlanStatus { DRAFT = 'DRAFT', SUBMITTED = 'SUBMITTED', ENDORSED = 'ENDORSED', SUPERSEDED = 'SUPERSEDED' }
registerEnumType(PlanStatus, { name: 'PlanStatus' });

/** GraphQL object type of each kind. */
export const PLAN_TYPE_NAMES: Record<PlanKindCode, string> = {
  CARE: 'CarePlan', PLACEMENT: 'PlacementPlan', PATHWAY: 'PathwayPlan', PEP: 'PersonalEducationPlan', HEALTH: 'HealthPlan', PROVIDER: 'ProviderPlan',
};

/** One immutable version of a plan. */
@ObjectType()
export class PlanVersion {
  @Field(() => Int) version!: number;
  @Field(() => PlanStatus) status!: PlanStatus;
  @Field(() => String) createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) submittedBy?: string | null;
  @Field(() => Date, { nullable: true }) submittedAt?: Date | null;
  @Field(() => String, { nullable: true }) endorsedBy?: string | null;
  @Field(() => Date, { nullable: true }) endorsedAt?: Date | null;
  @Field(() => Date, { nullable: true }) supersededAt?: Date | null;
  @Field(() => String, { nullable: true }) signedBy?: string | null;
  @Field(() => Date, { nullable: true }) signedAt?: Date | null;
  @Field(() => String, { description: "This version's content, as JSON." }) content!: string;
}

/** A structured area (placement plan PPC-01..PPC-14, pathway plan areas) with its completeness. */
@ObjectType()
export class PlanArea {
  @Field(() => String) code!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { nullable: true }) text?: string | null;
  @Field(() => Boolean) complete!: boolean;
  @Field(() => String, { nullable: true, description: 'Why the area is not written, as the plan says.' }) missingReason?: string | null;
}

/** A provider plan objective, linked to its source plan and a Quality Standard. */
@ObjectType()
export class PlanObjective {
  @Field(() => ID) id!: string;
  @Field(() => String) text!: string;
  @Field(() => ID, { nullable: true }) sourcePlanId?: string | null;
  @Field(() => String) qualityStandard!: string;
  planId!: string;
}

/** A progress entry against an objective. */
@ObjectType()
export class PlanProgress {
  @Field(() => ID) id!: string;
  @Field(() => String) objectiveId!: string;
  @Field(() => String) note!: string;
  @Field(() => String) recordedBy!: string;
  @Field(() => Date) recordedAt!: Date;
}

/** A recipient's copy of a plan version (CIRC-CP, CIRC-PWP-YP). */
@ObjectType()
export class PlanCirculation {
  @Field(() => String) recipientRole!: string;
  @Field(() => String) recipientName!: string;
  @Field(() => Int) version!: number;
  @Field(() => String) circulatedBy!: string;
  @Field(() => Date) circulatedAt!: Date;
}

/** A child's plan. `version` and `status` are those of the latest version; `endorsed*` of the version in force. */
@Directive('@key(fields: "id")')
@InterfaceType('Plan', { resolveType: (v: { kind: PlanKindCode }) => PLAN_TYPE_NAMES[v.kind] })
export abstract class Plan {
  @Field(() => ID) id!: string;
  @Field(() => PlanKind) kind!: PlanKind;
  @Field(() => PlanStatus) status!: PlanStatus;
  @Field(() => Int) version!: number;
  @Field(() => Int, { nullable: true, description: 'The endorsed version in force, if any.' }) endorsedVersion?: number | null;
  @Field(() => String, { nullable: true }) endorsedBy?: string | null;
  @Field(() => Date, { nullable: true }) endorsedAt?: Date | null;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => ID, { nullable: true }) placementId?: string | null;
  @Field(() => String, { nullable: true }) providerId?: string | null;
  @Field(() => String) createdBy!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => [PlanVersion], { description: 'Every version, oldest first.' }) versions!: PlanVersion[];
  childId!: string;
  placingAuthority!: string;
  content!: PlanContent;
  entity!: PlanEntity;
}

/** Care plan (CP-CONTENT; CP-IRO-DETAILS; APP-CP-TM / APP-CP-COURT). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class CarePlan extends Plan {
  @Field(() => String, { nullable: true }) permanencePlan?: string | null;
  @Field(() => String, { nullable: true }) iroName?: string | null;
  @Field(() => String, { nullable: true }) iroContact?: string | null;
  @Field(() => Boolean) forCourtProceedings!: boolean;
  @Field(() => String, { nullable: true }) wishesAndFeelings?: string | null;
  @Field(() => String, { nullable: true }) contactArrangements?: string | null;
}

/** Placement plan (PP-*; §12 areas PPC-01..PPC-14). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class PlacementPlan extends Plan {
  @Field(() => [PlanArea]) areas!: PlanArea[];
  @Field(() => Int, { description: 'Percentage of the 14 areas written.' }) completeness!: number;
  @Field(() => String, { nullable: true, description: 'Signed by the appropriate person (PP-SIGNED).' }) signedBy?: string | null;
  @Field(() => Date, { nullable: true }) signedAt?: Date | null;
}

/** Pathway plan (PWP-*; areas accommodation, life skills, education, employment, finance, support, contingency). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class PathwayPlan extends Plan {
  @Field(() => [PlanArea]) areas!: PlanArea[];
  @Field(() => Int) completeness!: number;
}

/** Personal education plan (PEP-10WD). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class PersonalEducationPlan extends Plan {}

/** Health plan (HP-PLAN). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class HealthPlan extends Plan {}

/** The provider's Placement, Care and Pathway Plan (PCPP-5WD). */
@Directive('@key(fields: "id")')
@ObjectType({ implements: Plan })
export class ProviderPlan extends Plan {
  @Field(() => [PlanObjective]) objectives!: PlanObjective[];
}

const CLASSES = { CARE: CarePlan, PLACEMENT: PlacementPlan, PATHWAY: PathwayPlan, PEP: PersonalEducationPlan, HEALTH: HealthPlan, PROVIDER: ProviderPlan };

/** Maps a version row to its GraphQL type. */
export function toPlanVersion(v: PlanVersionEntity): PlanVersion {
  return Object.assign(new PlanVersion(), {
    version: v.version, status: v.status as PlanStatus, createdBy: v.createdBy, createdAt: v.createdAt, submittedBy: v.submittedBy ?? null,
    submittedAt: v.submittedAt ?? null, endorsedBy: v.endorsedBy ?? null, endorsedAt: v.endorsedAt ?? null, supersededAt: v.supersededAt ?? null,
    signedBy: v.signedBy ?? null, signedAt: v.signedAt ?? null, content: JSON.stringify(v.content),
  });
}

/**
 * Maps a plan and its versions to the concrete GraphQL type of its kind.
 * @param e - the plan row
 * @param versions - all its versions
 * @returns the GraphQL object
 */
export function toPlan(e: PlanEntity, versions: PlanVersionEntity[]): Plan {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const latest = sorted[sorted.length - 1];
  const endorsed = sorted.filter((v) => v.status === 'ENDORSED').pop();
  const content: PlanContent = latest?.content ?? {};
  const base: Record<string, unknown> = {
    __typename: PLAN_TYPE_NAMES[e.kind], id: e.id, kind: e.kind, status: latest?.status ?? 'DRAFT', version: latest?.version ?? 0,
    endorsedVersion: endorsed?.version ?? null, endorsedBy: endorsed?.endorsedBy ?? null, endorsedAt: endorsed?.endorsedAt ?? null,
    summary: content.summary ?? null, placementId: e.placementId ?? null, providerId: e.providerId ?? null, createdBy: e.createdBy,
    createdAt: e.createdAt, versions: sorted.map(toPlanVersion), childId: e.childId, placingAuthority: e.placingAuthority, content, entity: e,
  };
  if (e.kind === 'CARE') {
    Object.assign(base, {
      permanencePlan: content.permanencePlan ?? null, iroName: content.iroName ?? null, iroContact: content.iroContact ?? null,
      forCourtProceedings: Boolean(content.forCourtProceedings), wishesAndFeelings: content.wishesAndFeelings ?? null, contactArrangements: content.contactArrangements ?? null,
    });
  }
  if (e.kind === 'PLACEMENT' || e.kind === 'PATHWAY') {
    const c = areaCompleteness(e.kind, content);
    base.areas = c.areas.map((a) => Object.assign(new PlanArea(), a));
    base.completeness = c.percent;
  }
  if (e.kind === 'PLACEMENT') {
    const signed = sorted.filter((v) => v.signedAt).pop();
    Object.assign(base, { signedBy: signed?.signedBy ?? null, signedAt: signed?.signedAt ?? null });
  }
  if (e.kind === 'PROVIDER') {
    base.objectives = (content.objectives ?? []).map((o) => Object.assign(new PlanObjective(), { ...o, sourcePlanId: o.sourcePlanId ?? null, planId: e.id }));
  }
  return Object.assign(new CLASSES[e.kind](), base);
}
