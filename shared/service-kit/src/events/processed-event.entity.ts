import type { EntityManager } from '@mikro-orm/core';
import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { HubEvent } from './contracts';

/**
 * An event a consumer has already applied. A consuming service registers this entity (table
 * `processed_event` in its own schema) and calls {@link claimEvent} inside the transaction that applies the event,
 * so a redelivered event (same id) changes nothing.
 */
@Entity({ tableName: 'processed_event' })
export class ProcessedEvent {
  [OptionalProps]?: 'processedAt';

  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'string', length: 60 })
  type!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)' })
  processedAt: Date = new Date();
}

/**
 * Claims an event for this transaction: false when it was already applied, otherwise records it (committed with
 * the changes the event causes) and returns true.
 * @param em - the transactional EntityManager applying the event
 * @param e - the event
 * @returns whether to apply it
 */
export async function claimEvent(em: EntityManager, e: Pick<HubEvent, 'id' | 'type'>): Promise<boolean> {
  if (await em.findOne(ProcessedEvent, { id: e.id })) return false;
  em.persist(em.create(ProcessedEvent, { id: e.id, type: e.type }));
  return true;
}
