import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A child or young person looked after (or formerly looked after) by a local authority. */
@Entity({ tableName: 'child' })
@Index({ properties: ['placingAuthority', 'id'] })
// A case reference identifies one child within its authority (several children may have none).
@Unique({ name: 'child_placing_authority_case_reference_unique', properties: ['placingAuthority', 'caseReference'] })
export class ChildEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'id';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 100 })
  givenName!: string;

  @Property({ type: 'string', length: 100 })
  familyName!: string;

  @Property({ type: 'string', columnType: 'date' })
  dateOfBirth!: string;

  /** SSDA903 SEX: 1 male, 2 female (free text kept for other recorded values). */
  @Property({ type: 'string', length: 20, nullable: true })
  sex?: string | null;

  /** Sensitive (special category). */
  @Property({ type: 'string', length: 40, nullable: true })
  ethnicity?: string | null;

  /** Sensitive (special category). */
  @Property({ type: 'string', length: 100, nullable: true })
  religion?: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  language?: string | null;

  /** Sensitive (special category). */
  @Property({ type: 'string', length: 100, nullable: true })
  genderIdentity?: string | null;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  socialWorkerName?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  socialWorkerEmail?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  personalAdviserName?: string | null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  dateOfDeath?: string | null;

  /** Education, health and care plan (Children and Families Act 2014 s37): who maintains it and since when; CHR reg 41 notices state it. */
  @Property({ type: 'string', length: 500, nullable: true })
  ehcPlan?: string | null;

  /** Unique Pupil Number or the authority's own case reference. */
  @Property({ type: 'string', length: 64, nullable: true })
  caseReference?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
