import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The durable change log: one row per change to a child, in the order subscribers receive them. `cursor` grows
 * with commit order (rows are inserted under one advisory lock, see change-log.ts), so "everything after cursor
 * N" is exact. Rows older than the retention (CHANGE_LOG_RETENTION_DAYS) are pruned.
 */
@Entity({ tableName: 'change_log' })
@Index({ properties: ['childId', 'cursor'] })
@Index({ properties: ['recordedAt'] })
export class ChangeLogEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  cursor!: string;

  /** The domain event this change was recorded from (one change per event). */
  @Property({ type: 'uuid', unique: true })
  eventId!: string;

  @Property({ type: 'string', length: 40 })
  kind!: string;

  @Property({ type: 'string', length: 64 })
  childId!: string;

  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  /** The provider the change concerns, where one is involved. */
  @Property({ type: 'string', length: 64, nullable: true })
  providerId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  placementId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  planId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  reviewId?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  notificationId?: string | null;

  /** A deadline that fell due: its id, rule, title and due instant. */
  @Property({ type: 'json', nullable: true })
  deadline?: { id: string; ruleId: string; title: string; dueAt: string } | null;

  /** When the change happened (the event's occurredAt). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  at!: Date;

  /** When it was written here (retention counts from it). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  recordedAt!: Date;
}
