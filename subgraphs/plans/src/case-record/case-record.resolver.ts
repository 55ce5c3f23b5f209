import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { PlansContext } from '../context';
import { CaseRecordService, DECISION_RULES } from './case-record.service';
import {
  RecordDecisionStepInput, RecordHealthAssessmentInput, RecordPlacementPlanningMeetingInput, StartDecisionProcessInput,
} from './case-record.input';
import {
  DecisionProcess, HealthAssessment, PlacementPlanningMeeting, toDecisionProcess, toHealthAssessment, toMeeting,
} from './case-record.type';

const service = (ctx: PlansContext, em: EntityManager) => new CaseRecordService(em, ctx.principal, (id) => ctx.relationTo(id));

/** Facts that start or meet duties in the ledger. Each mutation commits whole with its audit line, or changes nothing. */
@Resolver()
export class CaseRecordResolver {
  @Mutation(() => PlacementPlanningMeeting, { description: 'Records a Placement Planning Meeting (when, who attended); meets PPM-72H.' })
  async recordPlacementPlanningMeeting(@Arg('input', () => RecordPlacementPlanningMeetingInput) input: RecordPlacementPlanningMeetingInput, @Ctx() ctx: PlansContext): Promise<PlacementPlanningMeeting> {
    return toMeeting(await ctx.transactional(async (em) => {
      const row = await service(ctx, em).recordPlacementPlanningMeeting(input);
      ctx.audit.note('WRITE', row.childId, 'recordPlacementPlanningMeeting');
      return row;
    }));
  }

  @Mutation(() => HealthAssessment, { description: 'Records the initial health assessment (date, registered medical practitioner); meets HP-IHA.' })
  async recordHealthAssessment(@Arg('input', () => RecordHealthAssessmentInput) input: RecordHealthAssessmentInput, @Ctx() ctx: PlansContext): Promise<HealthAssessment> {
    return toHealthAssessment(await ctx.transactional(async (em) => {
      const row = await service(ctx, em).recordHealthAssessment(input);
      ctx.audit.note('WRITE', row.childId, 'recordHealthAssessment');
      return row;
    }));
  }

  @Mutation(() => DecisionProcess, { description: "Starts a decision process (seed 004): APP-FCPM-5WD, APP-PANEL-PAPERS or APP-PLO-4M enters the ledger unless the authority switched it off." })
  async startDecisionProcess(@Arg('input', () => StartDecisionProcessInput) input: StartDecisionProcessInput, @Ctx() ctx: PlansContext): Promise<DecisionProcess> {
    const row = await ctx.transactional(async (em) => {
      const r = await service(ctx, em).startDecisionProcess(input);
      ctx.audit.note('WRITE', r.childId, 'startDecisionProcess');
      return r;
    });
    return toDecisionProcess(row, DECISION_RULES[row.kind].ruleId);
  }

  @Mutation(() => DecisionProcess, { description: 'Records a step of a decision process (meeting held, papers submitted or distributed, progress reviewed, concluded); meets that stage.' })
  async recordDecisionStep(@Arg('input', () => RecordDecisionStepInput) input: RecordDecisionStepInput, @Ctx() ctx: PlansContext): Promise<DecisionProcess> {
    const row = await ctx.transactional(async (em) => {
      const r = await service(ctx, em).recordDecisionStep(input);
      ctx.audit.note('WRITE', r.childId, 'recordDecisionStep');
      return r;
    });
    return toDecisionProcess(row, DECISION_RULES[row.kind].ruleId);
  }
}
