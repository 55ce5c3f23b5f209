import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildAccess } from '@hub/service-kit';
import { PlacementEntity } from '../placement/placement.entity';
import type { ChildEntity } from './child.entity';

/**
 * Rewrites the child's access facts from the rows this service owns, inside the caller's transaction.
 * @param em - the transactional EntityManager
 * @param child - the child
 */
export async function syncChildAccess(em: EntityManager, child: ChildEntity): Promise<void> {
  const placements = await em.find(PlacementEntity, { childId: child.id }, { orderBy: { startedAt: 'asc' } });
  const row = (await em.findOne(ChildAccess, { childId: child.id })) ?? em.create(ChildAccess, { childId: child.id, placingAuthority: child.placingAuthority } as never);
  row.placingAuthority = child.placingAuthority;
  row.providerWindows = placements.map((p) => ({
    placementId: p.id,
    providerId: p.providerId,
    from: p.startedAt.toISOString(),
    to: p.endedAt ? p.endedAt.toISOString() : null,
  }));
  em.persist(row);
}
