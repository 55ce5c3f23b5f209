import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-event.entity';
import type { EventType } from './contracts';
import type { Principal } from '../auth/principal';

/** What a service says when it records an event. */
export interface NewEvent {
  type: EventType;
  aggregateType: string;
  aggregateId: string;
  childId?: string | null;
  payload: Record<string, unknown>;
  actor?: Principal | null;
}

/**
 * Persists an event in the outbox through the caller's EntityManager, so it commits (or rolls back) with the
 * change it describes. The caller flushes.
 * @param em - the unit of work of the change
 * @param e - the event
 * @returns the outbox row
 */
export function recordEvent(em: EntityManager, e: NewEvent): OutboxEvent {
  const row = em.create(OutboxEvent, {
    type: e.type,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    childId: e.childId ?? null,
    payload: e.payload,
    actor: e.actor ? { sub: e.actor.sub, org: e.actor.org, roles: [...e.actor.roles] } : null,
  } as never);
  em.persist(row);
  return row;
}
