import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A progress entry against a provider plan (PCPP) objective. Progress is not content: it needs no new version. */
@Entity({ tableName: 'plan_progress' })
@Index({ properties: ['planId'] })
export class PlanProgressEntity {
  [OptionalProps]?: 'id' | 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'string', length: 64 })
  objectiveId!: string;

  @Property({ type: 'text' })
  note!: string;

  @Property({ type: 'string', length: 100 })
  recordedBy!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt: Date = new Date();
}
