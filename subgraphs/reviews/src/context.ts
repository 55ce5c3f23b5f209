import type DataLoader from 'dataloader';
import { hubCalendar, rowByKey, rowsGroupedBy, ServiceContext } from '@hub/service-kit';
import type { HolidayCalendar } from '@hub/statutory';
import { ReviewChildEntity } from './child/review-child.entity';
import { PeriodOfCareEntity } from './child/period-of-care.entity';
import { LookedAfterReviewEntity } from './review/looked-after-review.entity';
import { EarlyTriggerEntity } from './review/early-trigger.entity';
import { IroAssignmentEntity } from './iro/iro-assignment.entity';
import { ReviewRequestEntity } from './review-request/review-request.entity';

/** Per-request loaders of the reviews service: one SQL statement per batch, read-only plain rows (readRows): a mutation loads what it changes itself. */
export interface ReviewsLoaders {
  childById: DataLoader<string, ReviewChildEntity | null>;
  reviewById: DataLoader<string, LookedAfterReviewEntity | null>;
  reviewsByChild: DataLoader<string, LookedAfterReviewEntity[]>;
  periodsByChild: DataLoader<string, PeriodOfCareEntity[]>;
  triggersByChild: DataLoader<string, EarlyTriggerEntity[]>;
  requestsByChild: DataLoader<string, ReviewRequestEntity[]>;
  iroAssignmentsByChild: DataLoader<string, IroAssignmentEntity[]>;
}

/** The reviews service's request context. */
export interface ReviewsContext extends ServiceContext {
  loaders: ReviewsLoaders;
  /** The bank-holiday calendar in force for this request. */
  calendar: HolidayCalendar;
}

/**
 * Adds the reviews loaders to the common context.
 * @param base - the common context
 * @returns the reviews context
 */
export function createReviewsContext(base: ServiceContext): ReviewsContext {
  const em = base.em;
  return {
    ...base,
    calendar: hubCalendar(),
    loaders: {
      childById: rowByKey(em, ReviewChildEntity, 'childId'),
      reviewById: rowByKey(em, LookedAfterReviewEntity, 'id'),
      reviewsByChild: rowsGroupedBy(em, LookedAfterReviewEntity, 'childId', { sequence: 'asc' }),
      periodsByChild: rowsGroupedBy(em, PeriodOfCareEntity, 'childId', { startedOn: 'asc' }),
      triggersByChild: rowsGroupedBy(em, EarlyTriggerEntity, 'childId', { triggeredOn: 'asc' }),
      requestsByChild: rowsGroupedBy(em, ReviewRequestEntity, 'childId', { requestedAt: 'asc' }),
      iroAssignmentsByChild: rowsGroupedBy(em, IroAssignmentEntity, 'childId', { assignedAt: 'asc' }),
    },
  };
}
