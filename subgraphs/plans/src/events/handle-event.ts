import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { claimEvent } from '@hub/service-kit';
import type { HubEvent, Logger } from '@hub/service-kit';
import { childrenHandlers } from './children-events';
import { reviewHandlers } from './review-events';
import { onCalendarUpdated } from '../deadline/ledger';

const HANDLERS: Record<string, (em: EntityManager, payload: Record<string, any>, e: HubEvent) => Promise<void>> = {
  ...childrenHandlers,
  ...reviewHandlers,
  // A newer calendar dates the ledger's entries that were waiting for it.
  CalendarUpdated: async (em: EntityManager, p: Record<string, unknown>) => void (await onCalendarUpdated(em, p)),
};

/**
 * Applies one domain event to the facts and the deadline ledger, in one transaction with the record that it was
 * processed: a redelivered event (same id) changes nothing.
 * @param orm - the service's ORM
 * @param event - the event
 * @param log - logger
 */
export async function handlePlansEvent(orm: MikroORM, event: HubEvent, log?: Logger): Promise<void> {
  const handler = HANDLERS[event.type];
  if (!handler) return;
  const em = orm.em.fork() as EntityManager;
  await em.transactional(async (tem) => {
    if (!(await claimEvent(tem, event))) return;
    const payload = { childId: event.childId, ...(event.payload as Record<string, unknown>) };
    await handler(tem, payload, event);
  });
  log?.debug({ eventId: event.id, type: event.type }, 'event applied to the ledger');
}
