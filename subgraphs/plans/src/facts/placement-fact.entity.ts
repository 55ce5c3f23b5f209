import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** A placement seen in PlacementStarted / PlacementEnded, with the last visit seen (VisitRecorded). */
@Entity({ tableName: 'placement_fact' })
@Index({ properties: ['childId', 'startedAt'] })
@Index({ name: 'placement_fact_open_provider_idx', expression: 'create index "placement_fact_open_provider_idx" on "plans"."placement_fact" ("provider_id", "child_id") where "ended_at" is null' })
export class PlacementFactEntity {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  childId!: string;

  @Property({ type: 'uuid', nullable: true })
  periodId?: string | null;

  @Property({ type: 'string', length: 40 })
  providerId!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  providerName?: string | null;

  @Property({ type: 'string', length: 40, nullable: true })
  providerKind?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  startedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  endedAt?: Date | null;

  @Property({ type: 'boolean' })
  isEmergency: boolean = false;

  @Property({ type: 'boolean' })
  intendedUntil18: boolean = false;

  @Property({ type: 'boolean' })
  custody: boolean = false;

  @Property({ type: 'boolean' })
  firstInPeriod: boolean = false;

  /** Date of the latest social worker visit in this placement (drives nextVisitDue). */
  @Property({ type: 'string', columnType: 'date', nullable: true })
  lastVisitOn?: string | null;
}
