import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** An event already applied: a redelivered event (same id) is skipped, so consumption is idempotent. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEventEntity {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 60 })
  type!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  processedAt: Date = new Date();
}
