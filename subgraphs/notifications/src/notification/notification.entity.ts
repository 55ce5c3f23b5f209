import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { RecipientKind } from '../rules/notification-rules';

/** Delivery status of a notification. DISCARDED is set by operations staff; rows are never deleted. */
export type NotificationStatusCode = 'PENDING' | 'SENDING' | 'DELIVERED' | 'FAILED' | 'DISCARDED';
/** One delivery attempt as kept on the row. */
export interface AttemptRecord {
  /** When the attempt started (ISO instant). */
  at: string;
  outcome: 'DELIVERED' | 'RETRY' | 'FAILED';
  error?: string | null;
  durationMs: number;
}

/** How a notification travels. */
export type ChannelCode = 'WEBHOOK' | 'EMAIL';

/**
 * One notification: one recipient, one rule, one event. The unique key (event, rule, recipient) makes event
 * consumption idempotent; the row is written before any job is enqueued, so nothing is lost if Redis is away.
 */
@Entity({ tableName: 'notification' })
@Unique({ properties: ['eventId', 'ruleId', 'recipientKey'] })
@Index({ properties: ['status', 'createdAt'] })
@Index({ properties: ['status', 'updatedAt'] })
export class NotificationEntity {
  [OptionalProps]?: 'id' | 'status' | 'attempts' | 'budgetFrom' | 'attemptLog' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'string', length: 60 })
  eventType!: string;

  @Property({ type: 'string', length: 40 })
  ruleId!: string;

  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  childId?: string | null;

  /** Placing authority of the child when the event arrived (who may read the record). */
  @Index()
  @Property({ type: 'string', length: 40, nullable: true })
  placingAuthority?: string | null;

  @Property({ type: 'string', length: 30 })
  recipientKind!: RecipientKind;

  @Property({ type: 'string', length: 120 })
  recipientKey!: string;

  /** Authority code, provider id or IRO subject. */
  @Property({ type: 'string', length: 64, nullable: true })
  recipientCode?: string | null;

  @Property({ type: 'string', length: 200 })
  recipientName!: string;

  @Property({ type: 'string', length: 10 })
  channel!: ChannelCode;

  /** Webhook URL or e-mail address used (or to be used); null while none is configured. */
  @Property({ type: 'string', length: 500, nullable: true })
  address?: string | null;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  dueAt!: Date;

  @Property({ type: 'text' })
  dueBasis!: string;

  @Property({ type: 'string', length: 12 })
  status: NotificationStatusCode = 'PENDING';

  /** Delivery attempts made over the record's life (not reset by an operator's retry). */
  @Property({ type: 'integer' })
  attempts: number = 0;

  /**
   * `attempts` when the current attempt budget began (0, or the count at an operator's retry). The budget lives
   * here, not in the queue job: a job Redis loses and the sweeper re-creates does not start afresh.
   */
  @Property({ type: 'integer' })
  budgetFrom: number = 0;

  /** Every attempt: when, the outcome and the error (most recent last; the oldest dropped past 50). */
  @Property({ type: 'json' })
  attemptLog: AttemptRecord[] = [];

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  /** A remark about delivery, e.g. written to the development e-mail transport rather than sent. */
  @Property({ type: 'text', nullable: true })
  deliveryNote?: string | null;

  @Property({ type: 'text', nullable: true })
  discardReason?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  deliveredAt?: Date | null;
}
