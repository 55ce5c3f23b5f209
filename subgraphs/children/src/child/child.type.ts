import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ChildEntity } from './child.entity';

/** Leaving-care status (Children Act 1989 Sch 2 para 19B, s23A, s23C; DOMAIN.md AGE-*). */
export enum LeavingCareStatusKind {
  NONE = 'NONE',
  ELIGIBLE = 'ELIGIBLE',
  RELEVANT = 'RELEVANT',
  FORMER_RELEVANT = 'FORMER_RELEVANT',
}
registerEnumType(LeavingCareStatusKind, { name: 'LeavingCareStatusKind' });

/** A worker's name and contact. */
@ObjectType()
export class Worker {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  email?: string | null;
}

/** Leaving-care eligibility computed from the periods of care (AGE-ELIGIBLE, AGE-13WK-COUNT). */
@ObjectType()
export class LeavingCare {
  @Field(() => LeavingCareStatusKind)
  status!: LeavingCareStatusKind;

  @Field(() => String, { nullable: true, description: 'Date the child became an eligible child (YYYY-MM-DD).' })
  eligibleFrom?: string | null;

  @Field(() => Int, { description: 'Days looked after since the 14th birthday (short breaks excluded), counted inclusively.' })
  qualifyingDays!: number;
}

/** A child or young person whose placing authority uses the hub. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Child {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'Given and family name.' })
  name!: string;

  @Field(() => String)
  givenName!: string;

  @Field(() => String)
  familyName!: string;

  @Field(() => String, { description: 'Date of birth, YYYY-MM-DD.' })
  dateOfBirth!: string;

  @Field(() => String, { nullable: true })
  sex?: string | null;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true, description: "The authority's case reference." })
  caseReference?: string | null;

  @Field(() => String, { nullable: true, description: 'Education, health and care plan details; null when the child has none recorded.' })
  ehcPlan?: string | null;

  @Field(() => String, { nullable: true, description: 'Date of death, if the child has died (YYYY-MM-DD).' })
  dateOfDeath?: string | null;

  /** Not exposed directly: resolved as `placingAuthority`. */
  placingAuthorityCode!: string;

  /** The row, for field resolvers that need more (sensitive fields are resolved with a policy check). */
  entity!: ChildEntity;
}

/**
 * Maps a child row to its GraphQL type.
 * @param e - the entity
 * @returns the GraphQL object
 */
export function toChild(e: ChildEntity): Child {
  return Object.assign(new Child(), {
    id: e.id,
    name: `${e.givenName} ${e.familyName}`,
    givenName: e.givenName,
    familyName: e.familyName,
    dateOfBirth: e.dateOfBirth,
    sex: e.sex ?? null,
    language: e.language ?? null,
    caseReference: e.caseReference ?? null,
    ehcPlan: e.ehcPlan ?? null,
    dateOfDeath: e.dateOfDeath ?? null,
    placingAuthorityCode: e.placingAuthority,
    entity: e,
  });
}
