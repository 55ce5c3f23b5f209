import { now as hubNow, ProcessedEvent, QUEUES, runExclusively, SubgraphDefinition } from '@hub/service-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createReviewsContext, ReviewsContext } from './context';
import { buildReviewsSchema } from './schema';
import { migrations } from './migrations';
import { ReviewChildEntity } from './child/review-child.entity';
import { PeriodOfCareEntity } from './child/period-of-care.entity';
import { LookedAfterReviewEntity } from './review/looked-after-review.entity';
import { EarlyTriggerEntity } from './review/early-trigger.entity';
import { IroAssignmentEntity } from './iro/iro-assignment.entity';
import { ReviewRequestEntity } from './review-request/review-request.entity';
import { reviewEventHandlers } from './events/review-events.handler';
import { escalateOverdue } from './review-request/review-request.service';
import { ReviewsConfig, reviewsConfig } from './config';

/** The reviews service's entities. */
export const reviewsEntities = [
  ReviewChildEntity, PeriodOfCareEntity, LookedAfterReviewEntity, EarlyTriggerEntity, IroAssignmentEntity, ReviewRequestEntity, ProcessedEvent,
];

/**
 * Builds the reviews subgraph definition with the given settings (tests shorten the escalation sweep).
 * @param settings - the reviews settings
 * @returns the definition
 */
export function defineReviewsSubgraph(settings: ReviewsConfig = reviewsConfig): SubgraphDefinition<ReviewsContext> {
  return {
    name: 'reviews',
    schema: 'reviews',
    entities: reviewsEntities,
    migrations,
    buildSchema: buildReviewsSchema,
    extendContext: (base) => createReviewsContext(base),
    consumes: { queue: QUEUES.eventsReviews, ...reviewEventHandlers },
    // PA-ESCALATE: a periodic sweep marks pending requests with no review by their escalate-by day as ESCALATED.
    // It reads the hub clock (setClock in tests); `escalateOverdueReviewRequests` runs it on demand.
    workers: ({ orm, log }) => {
      if (settings.escalationSweepMs === 0) return [];
      let running: Promise<unknown> = Promise.resolve();
      const timer = setInterval(() => {
        // One instance sweeps at a time; the others skip this tick.
        running = runExclusively(orm, 'reviews:escalation-sweep', () => escalateOverdue(orm.em.fork() as EntityManager, hubNow()))
          .then((done) => done?.length && log.info({ escalated: done.length }, 'review requests escalated (PA-ESCALATE)'))
          .catch((err) => log.error({ err }, 'escalation sweep failed'));
      }, settings.escalationSweepMs);
      timer.unref();
      return [{ close: async () => { clearInterval(timer); await running; } }];
    },
  };
}

/** The reviews subgraph: owns LookedAfterReview, the IRO assignment and review requests. */
export const reviewsSubgraph: SubgraphDefinition<ReviewsContext> = defineReviewsSubgraph();
