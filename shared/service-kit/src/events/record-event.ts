import type { EntityManager } from '@mikro-orm/core';
import { OutboxEvent } from './outbox-event.entity';
import type { EventType } from './contracts';
import type { EventPayloads } from './payloads';
import { eventProblems } from './payload-schemas';
import type { Principal } from '../auth/principal';
import { traceCarrier } from '../runtime/trace-context';
import { noteRecordedEvent } from './consistency';

/** What a service says when it records an event of type `T`. */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  /** The child the event is about; taken from the payload when the payload names one. */
  childId?: string | null;
  payload: EventPayloads[T];
  actor?: Principal | null;
}

/** A payload that does not fit its event type: a defect in the producing service, so the change rolls back. */
export class EventPayloadError extends Error {
  constructor(readonly type: string, readonly problems: string[]) {
    super(`${type} payload does not fit its type: ${problems.join('; ')}`);
    this.name = 'EventPayloadError';
  }
}

/**
 * Persists an event in the outbox through the caller's EntityManager, so it commits (or rolls back) with the
 * change it describes. The caller flushes. A payload that does not fit its type (see payload-schemas.ts) is refused
 * with an {@link EventPayloadError}, thrown inside the caller's transaction so the change rolls back with it.
 * @param em - the unit of work of the change
 * @param e - the event
 * @returns the outbox row
 */
export function recordEvent<T extends EventType>(em: EntityManager, e: NewEvent<T>): OutboxEvent {
  const payloadChild = (e.payload as { childId?: string | null }).childId ?? null;
  const childId = e.childId ?? payloadChild;
  const problems = eventProblems({ type: e.type, childId, payload: e.payload }, { strict: true });
  if (problems.length > 0) throw new EventPayloadError(e.type, problems);
  const row = em.create(OutboxEvent, {
    type: e.type,
    aggregateType: e.aggregateType,
    aggregateId: e.aggregateId,
    childId,
    payload: e.payload,
    actor: e.actor ? { sub: e.actor.sub, org: e.actor.org, roles: [...e.actor.roles] } : null,
    // The request's (or the consumer's) trace, carried by the relay into the event and its jobs.
    traceContext: traceCarrier() ?? null,
  } as never);
  em.persist(row);
  // The request's answer names the events it committed (its consistency token, see consistency.ts).
  noteRecordedEvent({ id: row.id, type: e.type });
  return row;
}
