import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** Ids of the domain events already applied: the consumer skips a redelivered event. */
@Entity({ tableName: 'processed_event' })
export class ProcessedEventEntity {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'string', length: 64 })
  eventId!: string;

  @Property({ type: 'string', length: 80 })
  type!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  processedAt: Date = new Date();
}
