import type DataLoader from 'dataloader';
import { rowByKey, rowsGroupedBy, ServiceContext } from '@hub/service-kit';
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
  return {
    ...base,
    loaders: {
      childById: rowByKey(em, ChildEntity, 'id'),
      placementById: rowByKey(em, PlacementEntity, 'id'),
      placementsByChild: rowsGroupedBy(em, PlacementEntity, 'childId', { startedAt: 'asc' }),
      periodsByChild: rowsGroupedBy(em, PeriodOfCareEntity, 'childId', { startedOn: 'asc' }),
      legalStatusesByChild: rowsGroupedBy(em, LegalStatusEntity, 'childId', { startedOn: 'asc' }),
      eventsByChild: rowsGroupedBy(em, SignificantEventEntity, 'childId', { occurredAt: 'asc' }),
      visitsByChild: rowsGroupedBy(em, VisitEntity, 'childId', { visitedOn: 'asc' }),
      authorityByCode: rowByKey(em, AuthorityEntity, 'code'),
      providerById: rowByKey(em, ProviderEntity, 'id'),
    },
  };
}
