import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { ChildAccess, ProviderWindow } from '../auth/child-access.entity';
import type { HubEvent } from './contracts';

/**
 * Keeps a service's local {@link ChildAccess} copy up to date from domain events. Idempotent: applying the
 * same event twice leaves the same state.
 * @param em - a transactional EntityManager of the consuming service
 * @param e - the event
 * @returns true when the event changed access facts
 */
export async function applyAccessEvent(em: EntityManager, e: HubEvent): Promise<boolean> {
  if (!isAccessEvent(e)) return false;
  const p = e.payload;
  const childId = e.childId ?? p.childId;
  if (!childId) return false;
  // Events of one child may arrive in any order (retries, several consumers): make sure the row exists, then
  // lock it, so concurrent events never lose each other's changes.
  if (e.type !== 'ChildDeleted') {
    const schema = em.config.get('schema') as string;
    await em.getConnection().execute(
      `insert into "${schema}".child_access (child_id, placing_authority, provider_windows, updated_at) values (?, ?, '[]', now()) on conflict (child_id) do nothing`,
      [childId, p.placingAuthority],
      'run',
      em.getTransactionContext(),
    );
    await em.findOne(ChildAccess, { childId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
  switch (e.type) {
    case 'ChildRegistered':
    case 'ChildUpdated': {
      const row = (await em.findOne(ChildAccess, { childId })) ?? em.create(ChildAccess, { childId, placingAuthority: e.payload.placingAuthority } as never);
      row.placingAuthority = e.payload.placingAuthority;
      em.persist(row);
      return true;
    }
    case 'ChildDeleted': {
      await em.nativeDelete(ChildAccess, { childId });
      return true;
    }
    case 'PlacementStarted':
    case 'PlacementEnded': {
      const row = await em.findOne(ChildAccess, { childId });
      if (!row) return false;
      if (!row.placingAuthority) row.placingAuthority = e.payload.placingAuthority;
      const w: ProviderWindow = {
        placementId: e.payload.placementId,
        providerId: e.payload.providerId,
        from: e.payload.startedAt,
        to: e.payload.endedAt ?? null,
      };
      row.providerWindows = [...row.providerWindows.filter((x) => x.placementId !== w.placementId), w];
      em.persist(row);
      return true;
    }
    case 'IroAssigned': {
      const row = await em.findOne(ChildAccess, { childId });
      if (!row) return false;
      row.iroSub = e.payload.iroId;
      em.persist(row);
      return true;
    }
  }
}

/** The events that change who may see a child. */
const ACCESS_EVENTS = ['ChildRegistered', 'ChildUpdated', 'ChildDeleted', 'PlacementStarted', 'PlacementEnded', 'IroAssigned'] as const;
type AccessEventType = (typeof ACCESS_EVENTS)[number];
function isAccessEvent(e: HubEvent): e is HubEvent<AccessEventType> {
  return (ACCESS_EVENTS as readonly string[]).includes(e.type);
}
