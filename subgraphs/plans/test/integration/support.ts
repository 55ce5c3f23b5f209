import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyAccessEvent, ChildAccess, createLogger, EVENT_SOURCE, EventPayloads, EventType, HubEvent, ReviewDueSetPayload } from '@hub/service-kit';
import { CycleTrigger, isBeyondCalendar, reviewCycleLedgerEntry } from '@hub/statutory';
import { testEvent } from '@hub/service-kit/testing';
import { plansSubgraph } from '../../src/definition';

const log = createLogger('plans-test', 'silent');

/**
 * Delivers an event as the runner's consumer does: access facts first, then the plans handler.
 * @param orm - the subgraph's ORM
 * @param type - event type
 * @param payload - payload (childId included); without a placingAuthority, the child's registered one
 * @param id - event id (reuse it to redeliver)
 * @returns the event
 */
export async function deliver<T extends EventType>(
  orm: MikroORM, type: T, payload: Omit<EventPayloads[T], 'placingAuthority'> & { childId: string; placingAuthority?: string }, id: string = randomUUID(),
): Promise<HubEvent> {
  const source = EVENT_SOURCE[type];
  const placingAuthority = payload.placingAuthority ?? (await orm.em.fork().findOne(ChildAccess, { childId: payload.childId }))?.placingAuthority;
  const event = testEvent(type, { ...payload, placingAuthority } as EventPayloads[T], { id, source });
  await (orm.em.fork() as EntityManager).transactional((tem) => applyAccessEvent(tem, event));
  await plansSubgraph.consumes!.handle(orm, event, log);
  return event;
}

/**
 * The ReviewDueSet payload the reviews service sends for the next review of a period (it owns the review cycle),
 * computed as it computes it.
 * @param o - the child, the period and its start, the dates reviews were held, the early-review triggers
 * @returns the payload
 */
export function reviewDueSet(o: { childId: string; periodOfCareId: string; startedOn: string; held?: string[]; triggers?: CycleTrigger[] }): Omit<ReviewDueSetPayload, 'placingAuthority'> {
  const reviews = (o.held ?? []).map((heldOn, i) => ({ sequence: i + 1, heldOn }));
  const entry = reviewCycleLedgerEntry({ becameLookedAfter: o.startedOn, reviews, triggers: o.triggers ?? [] });
  return {
    childId: o.childId, periodOfCareId: o.periodOfCareId, sequence: entry.sequence, ruleId: entry.ruleId, deadline: entry.deadline,
    dueBy: isBeyondCalendar(entry.deadline) ? null : entry.deadline.dueDate,
  };
}

/** A looked-after child with a first (emergency, children's home) placement, as the children service reports it. */
export async function lookedAfterChild(orm: MikroORM, o: { authority: string; startedAt: string; provider?: string; dateOfBirth?: string }) {
  const childId = randomUUID();
  const periodOfCareId = randomUUID();
  const placementId = randomUUID();
  const startedOn = o.startedAt.slice(0, 10);
  const provider = o.provider ?? 'PRV-OAK';
  await deliver(orm, 'ChildRegistered', { childId, placingAuthority: o.authority, dateOfBirth: o.dateOfBirth ?? '2012-05-01', dateOfDeath: null, name: 'Sam Doe' });
  await deliver(orm, 'PeriodOfCareStarted', { childId, periodOfCareId, startedOn, shortBreak: false, legalStatus: 'C2', placingAuthority: o.authority, dateOfBirth: o.dateOfBirth ?? '2012-05-01' });
  // The reviews service answers the new period with the first review's date.
  await deliver(orm, 'ReviewDueSet', reviewDueSet({ childId, periodOfCareId, startedOn }));
  const placement = {
    childId, placementId, periodOfCareId, periodStartedOn: startedOn, firstInPeriod: true, providerId: provider, providerName: 'Oak House',
    providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', placingAuthority: o.authority, startedAt: o.startedAt, endedAt: null,
    endReason: null, placementType: 'K2', isEmergency: true, isOutOfArea: false, intendedUntil18: false, custody: false,
  };
  const started = await deliver(orm, 'PlacementStarted', placement);
  return { childId, periodOfCareId, placementId, placement, startedEventId: started.id };
}
