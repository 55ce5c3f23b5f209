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
  const p = e.payload as Record<string, unknown>;
  const childId = e.childId ?? (p.childId as string | undefined);
  if (!childId || !['ChildRegistered', 'ChildUpdated', 'ChildDeleted', 'PlacementStarted', 'PlacementEnded', 'IroAssigned'].includes(e.type)) return false;
  // Events of one child may arrive in any order (retries, several consumers): make sure the row exists, then
  // lock it, so concurrent events never lose each other's changes. An authority-less row matches nobody.
  if (e.type !== 'ChildDeleted') {
    const schema = em.config.get('schema') as string;
    await em.getConnection().execute(
      `insert into "${schema}".child_access (child_id, placing_authority, provider_windows, updated_at) values (?, ?, '[]', now()) on conflict (child_id) do nothing`,
      [childId, typeof p.placingAuthority === 'string' ? p.placingAuthority : ''],
      'run',
      em.getTransactionContext(),
    );
    await em.findOne(ChildAccess, { childId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  }
  switch (e.type) {
    case 'ChildRegistered':
    case 'ChildUpdated': {
      if (typeof p.placingAuthority !== 'string') return false;
      const row = (await em.findOne(ChildAccess, { childId })) ?? em.create(ChildAccess, { childId, placingAuthority: p.placingAuthority } as never);
      row.placingAuthority = p.placingAuthority;
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
      if (!row.placingAuthority && typeof p.placingAuthority === 'string') row.placingAuthority = p.placingAuthority;
      const w: ProviderWindow = {
        placementId: String(p.placementId),
        providerId: String(p.providerId),
        from: String(p.startedAt),
        to: (p.endedAt as string | null | undefined) ?? null,
      };
      row.providerWindows = [...row.providerWindows.filter((x) => x.placementId !== w.placementId), w];
      em.persist(row);
      return true;
    }
    case 'IroAssigned': {
      const row = await em.findOne(ChildAccess, { childId });
      if (!row) return false;
      row.iroSub = (p.iroId as string | null) ?? null;
      em.persist(row);
      return true;
    }
    default:
      return false;
  }
}
