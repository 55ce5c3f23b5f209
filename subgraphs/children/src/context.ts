import type DataLoader from 'dataloader';
import { groupedLoader, keyedLoader, readRows, ServiceContext } from '@hub/service-kit';
import { ChildEntity } from './child/child.entity';
import { PlacementEntity } from './placement/placement.entity';
import { PeriodOfCareEntity } from './period-of-care/period-of-care.entity';
import { LegalStatusEntity } from './period-of-care/legal-status.entity';
import { SignificantEventEntity } from './significant-event/significant-event.entity';
import { VisitEntity } from './visit/visit.entity';
import { AuthorityEntity } from './reference-data/authority.entity';
import { ProviderEntity } from './reference-data/provider.entity';

/** Per-request loaders of the children service: one SQL statement per batch, read-only plain rows (readRows): a mutation loads what it changes itself. */
export interface ChildrenLoaders {
  childById: DataLoader<string, ChildEntity | null>;
  placementById: DataLoader<string, PlacementEntity | null>;
  placementsByChild: DataLoader<string, PlacementEntity[]>;
  periodsByChild: DataLoader<string, PeriodOfCareEntity[]>;
  legalStatusesByChild: DataLoader<string, LegalStatusEntity[]>;
  eventsByChild: DataLoader<string, SignificantEventEntity[]>;
  visitsByChild: DataLoader<string, VisitEntity[]>;
  authorityByCode: DataLoader<string, AuthorityEntity | null>;
  providerById: DataLoader<string, ProviderEntity | null>;
}

/** The children service's request context. */
export interface ChildrenContext extends ServiceContext {
  loaders: ChildrenLoaders;
}

/**
 * Adds the children loaders to the common context.
 * @param base - the common context
 * @returns the children context
 */
export function createChildrenContext(base: ServiceContext): ChildrenContext {
  const em = base.em;
  const byChild = <T extends { childId: string }>(entity: new () => T, order: Record<string, 'asc'>) =>
    groupedLoader<string, T>((ids) => readRows(em, entity, { childId: { $in: [...ids] } } as never, order as never), (r) => r.childId);
  return {
    ...base,
    loaders: {
      childById: keyedLoader((ids) => readRows(em, ChildEntity, { id: { $in: [...ids] } }), (c) => c.id),
      placementById: keyedLoader((ids) => readRows(em, PlacementEntity, { id: { $in: [...ids] } }), (p) => p.id),
      placementsByChild: byChild(PlacementEntity, { startedAt: 'asc' }),
      periodsByChild: byChild(PeriodOfCareEntity, { startedOn: 'asc' }),
      legalStatusesByChild: byChild(LegalStatusEntity, { startedOn: 'asc' }),
      eventsByChild: byChild(SignificantEventEntity, { occurredAt: 'asc' }),
      visitsByChild: byChild(VisitEntity, { visitedOn: 'asc' }),
      authorityByCode: keyedLoader((codes) => readRows(em, AuthorityEntity, { code: { $in: [...codes] } }), (a) => a.code),
      providerById: keyedLoader((ids) => readRows(em, ProviderEntity, { id: { $in: [...ids] } }), (p) => p.id),
    },
  };
}
