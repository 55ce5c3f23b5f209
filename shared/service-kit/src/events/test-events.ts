import { randomUUID } from 'node:crypto';
import type { EventSource, EventType, HubEvent } from './contracts';
import type { EventPayloads, PlacementFactsPayload } from './payloads';

/**
 * An event as the relay would deliver it, for tests that drive a consumer directly (exported by
 * `@hub/service-kit/testing` only).
 * @param type - the event type
 * @param payload - its payload, typed by the type
 * @param o - id (reuse one to redeliver), source, occurredAt
 * @returns the event
 */
export function testEvent<T extends EventType>(type: T, payload: EventPayloads[T], o: { id?: string; source?: EventSource; occurredAt?: string } = {}): HubEvent {
  const childId = (payload as { childId?: string | null }).childId ?? null;
  return {
    id: o.id ?? randomUUID(), type, source: o.source ?? 'children', occurredAt: o.occurredAt ?? new Date().toISOString(),
    aggregateType: 'Test', aggregateId: childId ?? type, childId, payload, actor: null,
  } as HubEvent;
}

/**
 * A PlacementStarted/PlacementEnded payload as the children service writes it, with test defaults for what the
 * caller does not care about (an ordinary foster placement, not an emergency).
 * @param o - the fields the test cares about
 * @returns the payload
 */
export function testPlacement(o: Partial<PlacementFactsPayload> & Pick<PlacementFactsPayload, 'childId' | 'placingAuthority' | 'providerId' | 'startedAt'>): PlacementFactsPayload {
  return {
    placementId: randomUUID(), periodOfCareId: randomUUID(), periodStartedOn: o.startedAt.slice(0, 10), firstInPeriod: false,
    providerName: null, providerKind: null, hostAuthority: null, endedAt: null, endReason: null, placementType: 'U1',
    isEmergency: false, isOutOfArea: false, intendedUntil18: false, custody: false, ...o,
  };
}
