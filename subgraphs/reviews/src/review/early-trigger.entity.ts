import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A circumstance that brings the next review forward (REV-EARLY, REV-VISIT-TRIGGER, REV-BEFORE-CEASE,
 * REV-AFTER-EMERG). It stays in force until a review of the period is held on or after `triggeredOn`.
 */
@Entity({ tableName: 'early_review_trigger' })
@Index({ properties: ['periodOfCareId', 'triggeredOn'] })
export class EarlyTriggerEntity {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 64 })
  periodOfCareId!: string;

  @Property({ type: 'string', length: 40 })
  trigger!: string;

  @Property({ type: 'string', columnType: 'date' })
  triggeredOn!: string;

  /** The early-review target computed when it was recorded (LOCAL default: 20 working days after). */
  @Property({ type: 'string', columnType: 'date' })
  targetDueBy!: string;

  /** The domain event it came from, when automatic. */
  @Property({ type: 'string', length: 64, nullable: true })
  sourceEventId?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();
}
