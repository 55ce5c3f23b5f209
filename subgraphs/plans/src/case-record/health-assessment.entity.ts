import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** An initial health assessment by a registered medical practitioner (HP-IHA, CPPCR reg 7). */
@Entity({ tableName: 'health_assessment' })
@Index({ properties: ['childId', 'assessedOn'] })
export class HealthAssessmentEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  childId!: string;

  /** The period of care it was for (the one open, or the latest, on the assessment date). */
  @Property({ type: 'uuid', nullable: true })
  periodId?: string | null;

  @Property({ type: 'string', columnType: 'date' })
  assessedOn!: string;

  /** The registered medical practitioner who carried it out. */
  @Property({ type: 'string', length: 200 })
  assessedBy!: string;

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}
