import type DataLoader from 'dataloader';
import { groupedLoader, keyedLoader, ServiceContext } from '@hub/service-kit';
import { PlanEntity } from './plan/plan.entity';
import { PlanVersionEntity } from './plan/plan-version.entity';
import { PlanCirculationEntity } from './plan/plan-circulation.entity';
import { PlanProgressEntity } from './plan/plan-progress.entity';
import { DeadlineEntity } from './deadline/deadline.entity';
import { PlacementFactEntity } from './facts/placement-fact.entity';
import { PeriodFactEntity } from './facts/period-fact.entity';
import { ReviewFactEntity } from './facts/review-fact.entity';

/** Per-request loaders of the plans service: one SQL statement per batch. */
export interface PlansLoaders {
  planById: DataLoader<string, PlanEntity | null>;
  plansByChild: DataLoader<string, PlanEntity[]>;
  versionsByPlan: DataLoader<string, PlanVersionEntity[]>;
  circulationsByPlan: DataLoader<string, PlanCirculationEntity[]>;
  progressByPlan: DataLoader<string, PlanProgressEntity[]>;
  /** Read-only: loaded outside the identity map, so a change to these rows would never be saved. */
  deadlinesByChild: DataLoader<string, DeadlineEntity[]>;
  placementsByChild: DataLoader<string, PlacementFactEntity[]>;
  periodsByChild: DataLoader<string, PeriodFactEntity[]>;
  reviewsByChild: DataLoader<string, ReviewFactEntity[]>;
}

/** The plans service's request context. */
export interface PlansContext extends ServiceContext {
  loaders: PlansLoaders;
}

/**
 * Adds the plans loaders to the common context.
 * @param base - the common context
 * @returns the plans context
 */
export function createPlansContext(base: ServiceContext): PlansContext {
  const em = base.em;
  // readOnly: rows nothing in the request changes are not registered in the identity map (no snapshot, no
  // change tracking), which is most of the cost of hydrating a long list such as a child's deadline ledger.
  const grouped = <T extends object>(entity: new () => T, key: keyof T & string, order: Record<string, 'asc'>, readOnly = false) =>
    groupedLoader<string, T>(
      (ids) => em.find(entity, { [key]: { $in: [...ids] } } as never, { orderBy: order as never, disableIdentityMap: readOnly }),
      (r) => r[key] as string,
    );
  return {
    ...base,
    loaders: {
      planById: keyedLoader((ids) => em.find(PlanEntity, { id: { $in: [...ids] } }), (p) => p.id),
      plansByChild: grouped(PlanEntity, 'childId', { createdAt: 'asc' }),
      versionsByPlan: grouped(PlanVersionEntity, 'planId', { version: 'asc' }),
      circulationsByPlan: grouped(PlanCirculationEntity, 'planId', { circulatedAt: 'asc' }),
      progressByPlan: grouped(PlanProgressEntity, 'planId', { recordedAt: 'asc' }),
      deadlinesByChild: grouped(DeadlineEntity, 'childId', { dueAt: 'asc' }, true),
      placementsByChild: grouped(PlacementFactEntity, 'childId', { startedAt: 'asc' }),
      periodsByChild: grouped(PeriodFactEntity, 'childId', { startedOn: 'asc' }),
      reviewsByChild: grouped(ReviewFactEntity, 'childId', { heldOn: 'asc' }),
    },
  };
}
