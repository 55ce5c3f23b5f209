import type { EntityManager } from '@mikro-orm/postgresql';
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
  if (!childId) return false;
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
