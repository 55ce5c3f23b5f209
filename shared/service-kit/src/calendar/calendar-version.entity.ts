import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A bank-holiday calendar loaded by an administrator (gov.uk `bank-holidays.json` format). The newest row is the
 * calendar in force; without one, the calendar shipped with the hub applies. Every service keeps its own copy,
 * distributed by the `CalendarUpdated` event.
 */
@Entity({ tableName: 'calendar_version' })
export class CalendarVersion {
  /** The id of the event that carried it (idempotent on redelivery). */
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  loadedAt: Date = new Date();

  @Property({ type: 'string', length: 128 })
  loadedBy!: string;

  @Property({ type: 'string', length: 500 })
  source!: string;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;
}
