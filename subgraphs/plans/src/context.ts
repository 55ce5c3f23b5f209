import type DataLoader from 'dataloader';
import { rowByKey, rowsGroupedBy, ServiceContext } from '@hub/service-kit';
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
  return {
    ...base,
    loaders: {
      planById: rowByKey(em, PlanEntity, 'id'),
      plansByChild: rowsGroupedBy(em, PlanEntity, 'childId', { createdAt: 'asc' }),
      versionsByPlan: rowsGroupedBy(em, PlanVersionEntity, 'planId', { version: 'asc' }),
      circulationsByPlan: rowsGroupedBy(em, PlanCirculationEntity, 'planId', { circulatedAt: 'asc' }),
      progressByPlan: rowsGroupedBy(em, PlanProgressEntity, 'planId', { recordedAt: 'asc' }),
      // The ledger is the longest list the service reads: its rows come back as plain values (columns mapped to
      // properties, JSON parsed), with no entity built, hydrated or snapshotted per row.
      deadlinesByChild: rowsGroupedBy(em, DeadlineEntity, 'childId', { dueAt: 'asc' }),
      // The same rows with the basis's long texts left in the database, for selections that do not ask for them
      // (LEAN_BASIS_OMITS): most of each row's bytes, and of the cost of parsing it.
      deadlinesByChildLean: rowsGroupedBy(em, DeadlineEntity, 'childId', { dueAt: 'asc' }, {
        variant: 'lean-basis', columns: { basis: `"basis" ${LEAN_BASIS_OMITS.map((k) => `- '${k}'`).join(' ')}` },
      }),
      placementsByChild: rowsGroupedBy(em, PlacementFactEntity, 'childId', { startedAt: 'asc' }),
      periodsByChild: rowsGroupedBy(em, PeriodFactEntity, 'childId', { startedOn: 'asc' }),
      reviewsByChild: rowsGroupedBy(em, ReviewFactEntity, 'childId', { heldOn: 'asc' }),
    },
  };
}
