import type DataLoader from 'dataloader';
import { groupedLoader, keyedLoader, readRows, ServiceContext } from '@hub/service-kit';
import { PlanEntity } from './plan/plan.entity';
import { PlanVersionEntity } from './plan/plan-version.entity';
import { PlanCirculationEntity } from './plan/plan-circulation.entity';
import { PlanProgressEntity } from './plan/plan-progress.entity';
import { DeadlineEntity } from './deadline/deadline.entity';
import { LEAN_BASIS_OMITS } from './deadline/deadline-selection';
import { PlacementFactEntity } from './facts/placement-fact.entity';
import { PeriodFactEntity } from './facts/period-fact.entity';
import { ReviewFactEntity } from './facts/review-fact.entity';

/** Per-request loaders of the plans service: one SQL statement per batch, read-only plain rows (readRows): a mutation loads what it changes itself. */
export interface PlansLoaders {
  planById: DataLoader<string, PlanEntity | null>;
  plansByChild: DataLoader<string, PlanEntity[]>;
  versionsByPlan: DataLoader<string, PlanVersionEntity[]>;
  circulationsByPlan: DataLoader<string, PlanCirculationEntity[]>;
  progressByPlan: DataLoader<string, PlanProgressEntity[]>;
  deadlinesByChild: DataLoader<string, DeadlineEntity[]>;
  /** The ledger without the basis's {@link LEAN_BASIS_OMITS}: only for selections that read none of them. */
  deadlinesByChildLean: DataLoader<string, DeadlineEntity[]>;
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
  const grouped = <T extends object>(entity: new () => T, key: keyof T & string, order: Record<string, 'asc'>) =>
    groupedLoader<string, T>((ids) => readRows(em, entity, { [key]: { $in: [...ids] } } as never, order as never), (r) => r[key] as string);
  return {
    ...base,
    loaders: {
      planById: keyedLoader((ids) => readRows(em, PlanEntity, { id: { $in: [...ids] } }), (p) => p.id),
      plansByChild: grouped(PlanEntity, 'childId', { createdAt: 'asc' }),
      versionsByPlan: grouped(PlanVersionEntity, 'planId', { version: 'asc' }),
      circulationsByPlan: grouped(PlanCirculationEntity, 'planId', { circulatedAt: 'asc' }),
      progressByPlan: grouped(PlanProgressEntity, 'planId', { recordedAt: 'asc' }),
      // The ledger is the longest list the service reads: its rows come back as plain values (columns mapped to
      // properties, JSON parsed), with no entity built, hydrated or snapshotted per row.
      deadlinesByChild: groupedLoader<string, DeadlineEntity>((ids) => readRows(em, DeadlineEntity, { childId: { $in: [...ids] } }, { dueAt: 'asc' }), (r) => r.childId),
      // The same rows with the basis's long texts left in the database, for selections that do not ask for them
      // (LEAN_BASIS_OMITS): most of each row's bytes, and of the cost of parsing it.
      deadlinesByChildLean: groupedLoader<string, DeadlineEntity>(
        (ids) => readRows(em, DeadlineEntity, { childId: { $in: [...ids] } }, { dueAt: 'asc' }, {
          variant: 'lean-basis', columns: { basis: `"basis" ${LEAN_BASIS_OMITS.map((k) => `- '${k}'`).join(' ')}` },
        }),
        (r) => r.childId,
      ),
      placementsByChild: grouped(PlacementFactEntity, 'childId', { startedAt: 'asc' }),
      periodsByChild: grouped(PeriodFactEntity, 'childId', { startedOn: 'asc' }),
      reviewsByChild: grouped(ReviewFactEntity, 'childId', { heldOn: 'asc' }),
    },
  };
}
