import { ProcessedEvent, QUEUES, SubgraphDefinition } from '@hub/service-kit';
import { createPlansContext, PlansContext } from './context';
import { buildPlansSchema } from './schema';
import { migrations } from './migrations';
import { PlanEntity } from './plan/plan.entity';
import { PlanVersionEntity } from './plan/plan-version.entity';
import { PlanCirculationEntity } from './plan/plan-circulation.entity';
import { PlanProgressEntity } from './plan/plan-progress.entity';
import { DeadlineEntity } from './deadline/deadline.entity';
import { RuleOverrideEntity } from './deadline/rule-override.entity';
import { ChildFactEntity } from './facts/child-fact.entity';
import { PeriodFactEntity } from './facts/period-fact.entity';
import { PlacementFactEntity } from './facts/placement-fact.entity';
import { ReviewFactEntity } from './facts/review-fact.entity';
import { plansEventHandlers } from './events/handle-event';
import { PlacementPlanningMeetingEntity } from './case-record/placement-planning-meeting.entity';
import { HealthAssessmentEntity } from './case-record/health-assessment.entity';
import { DecisionProcessEntity } from './case-record/decision-process.entity';
import { DeadlineDueSweepEntity } from './deadline/deadline-due.entity';
import { OpenDeadlineDayEntity } from './deadline/open-deadline-day.entity';
import { reportOverdueDeadlines, startDeadlineDueJob } from './deadline/deadline-due.job';

/** The plans service's entities. */
export const plansEntities = [
  PlanEntity, PlanVersionEntity, PlanCirculationEntity, PlanProgressEntity, DeadlineEntity, RuleOverrideEntity,
  ChildFactEntity, PeriodFactEntity, PlacementFactEntity, ReviewFactEntity, ProcessedEvent,
  PlacementPlanningMeetingEntity, HealthAssessmentEntity, DecisionProcessEntity, DeadlineDueSweepEntity, OpenDeadlineDayEntity,
];

/** The plans subgraph: owns Plan (every kind) and the deadline ledger. */
export const plansSubgraph: SubgraphDefinition<PlansContext> = {
  name: 'plans',
  schema: 'plans',
  entities: plansEntities,
  migrations,
  buildSchema: buildPlansSchema,
  extendContext: (base) => createPlansContext(base),
  // Every children and reviews event: facts and the deadline ledger, idempotent by event id.
  consumes: { queue: QUEUES.eventsPlans, ...plansEventHandlers },
  // Open deadlines whose due instant passed are announced (DeadlineFellDue), once across instances.
  // Overdue deadlines per authority are reported by the workers' /metrics.
  workers: (deps) => [...startDeadlineDueJob(deps), ...reportOverdueDeadlines(deps)],
};
