import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { TraceCarrier } from '../runtime/trace-context';

/**
 * A domain event waiting in the service's own schema. It is persisted in the same transaction as the change
 * it describes (transactional outbox), and the relay moves it to Redis afterwards. It stays the record of the
 * event until every consumer has applied it (`confirmedAt`), whatever Redis loses meanwhile.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ properties: ['publishedAt', 'occurredAt'] })
@Index({ properties: ['confirmedAt', 'publishedAt'] })
export class OutboxEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 80 })
  type!: string;

  @Property({ type: 'string', length: 40 })
  aggregateType!: string;

  @Property({ type: 'string', length: 64 })
  aggregateId!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  childId?: string | null;

  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Property({ type: 'json', nullable: true })
  actor?: { sub: string; org: string; roles: string[] } | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  occurredAt: Date = new Date();

  /** When the relay last (re)published the event to Redis (or last found its jobs still in flight). */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  publishedAt?: Date | null;

  /** When every consumer queue it went to had completed its job; until then the relay may publish it again. */
  @Property({ type: 'datetime', columnType: 'timestamptz(3)', nullable: true })
  confirmedAt?: Date | null;

  /** The trace context of the change that recorded it (W3C traceparent), when tracing is on. */
  @Property({ type: 'json', nullable: true })
  traceContext?: TraceCarrier | null;
}
