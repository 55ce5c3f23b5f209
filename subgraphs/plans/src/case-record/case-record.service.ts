import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildRelation, ConflictError, ForbiddenError, hasRole, InputError, NotFoundError, now as hubNow, Principal } from '@hub/service-kit';
import { endOfLondonDay, ImplementedRuleId, isIsoDate, londonDate } from '@hub/statutory';
import { compute, computePhase, meetDeadlines, overridesOf, upsertDeadline } from '../deadline/ledger';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { PlacementFactEntity } from '../facts/placement-fact.entity';
import { CASE_WRITERS } from '../plan/plan.policy';
import { MeetingAttendee, PlacementPlanningMeetingEntity } from './placement-planning-meeting.entity';
import { HealthAssessmentEntity } from './health-assessment.entity';
import { DECISION_PROCESS_KINDS, DecisionProcessEntity, DecisionProcessKindCode, DecisionStepCode } from './decision-process.entity';

/** Clock skew tolerated on "not in the future" checks of instants. */
const SKEW_MS = 5 * 60 * 1000;

/**
 * Each decision process, the LOCAL rule of seed 004 it starts, and which recorded step meets which stage:
 * APP-FCPM-5WD (the meeting within 5 WD of the request), APP-PANEL-PAPERS (papers submitted 5 and distributed 3
 * WD before the Children's Decision Meeting), APP-PLO-4M (concluded within 4 months, progress reviewed at 3).
 */
export const DECISION_RULES: Record<DecisionProcessKindCode, { ruleId: ImplementedRuleId; stages: Array<{ phase?: string; step: DecisionStepCode }>; anchorMayBeFuture: boolean }> = {
  FAMILY_CARE_AND_PROTECT_MEETING: { ruleId: 'APP-FCPM-5WD', stages: [{ step: 'MEETING_HELD' }], anchorMayBeFuture: false },
  CHILDRENS_DECISION_MEETING: { ruleId: 'APP-PANEL-PAPERS', stages: [{ phase: 'submit', step: 'PAPERS_SUBMITTED' }, { phase: 'distribute', step: 'PAPERS_DISTRIBUTED' }], anchorMayBeFuture: true },
  PLO_PRE_PROCEEDINGS: { ruleId: 'APP-PLO-4M', stages: [{ phase: 'conclude', step: 'CONCLUDED' }, { phase: 'progress-review', step: 'PROGRESS_REVIEWED' }], anchorMayBeFuture: false },
};

const decisionSubject = (processId: string, step: DecisionStepCode) => `decision:${processId}:${step.toLowerCase()}`;

function dateNotInFuture(value: string, field: string): void {
  if (!isIsoDate(value)) throw new InputError(`${field} must be a date (YYYY-MM-DD)`, { field, reason: 'INVALID_DATE' });
  if (value > londonDate(hubNow().toISOString())) throw new InputError(`${field} cannot be in the future`, { field, reason: 'DATE_IN_FUTURE' });
}

/**
 * Facts of the case record that start or meet duties of the ledger: the Placement Planning Meeting (PPM-72H), the
 * initial health assessment (HP-IHA) and seed 004's decision processes (APP-FCPM-5WD, APP-PANEL-PAPERS,
 * APP-PLO-4M). Each change runs in the caller's transaction.
 */
export class CaseRecordService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly relationTo: (childId: string) => Promise<ChildRelation>,
  ) {}

  private async requireCaseWriter(childId: string, what: string): Promise<ChildFactEntity> {
    const child = await this.em.findOne(ChildFactEntity, { childId });
    if (!child) throw new NotFoundError('no such child', { childId });
    const relation = await this.relationTo(childId);
    if (relation !== 'AUTHORITY' || !hasRole(this.principal, ...CASE_WRITERS)) {
      throw new ForbiddenError(`only the placing authority's case staff ${what}`, { requiredRoles: CASE_WRITERS });
    }
    return child;
  }

  /** recordPlacementPlanningMeeting: meets the placement's PPM-72H at the time the meeting was held. */
  async recordPlacementPlanningMeeting(input: { placementId: string; heldAt: Date; attendees: MeetingAttendee[] }): Promise<PlacementPlanningMeetingEntity> {
    if (input.heldAt.getTime() > hubNow().getTime() + SKEW_MS) throw new InputError('a meeting held cannot be in the future', { field: 'heldAt', reason: 'DATE_IN_FUTURE' });
    const attendees = input.attendees.map((a) => ({ name: a.name.trim(), role: a.role.trim() }));
    if (attendees.length === 0 || attendees.some((a) => !a.name || !a.role)) {
      throw new InputError('a meeting needs its attendees, each with a name and a role', { field: 'attendees', reason: 'REQUIRED' });
    }
    const placement = await this.em.findOne(PlacementFactEntity, { id: input.placementId });
    if (!placement) throw new NotFoundError('no such placement', { placementId: input.placementId });
    await this.requireCaseWriter(placement.childId, 'record a Placement Planning Meeting');
    const row = this.em.create(PlacementPlanningMeetingEntity, {
      childId: placement.childId, placementId: placement.id, heldAt: input.heldAt, attendees, recordedBy: this.principal.sub, recordedAt: hubNow(),
    });
    // PPM-72H (seed 001): before the placement or within 72 hours of it; a later meeting still meets it, late.
    await meetDeadlines(this.em, { placementId: placement.id, ruleId: 'PPM-72H' }, input.heldAt);
    return row;
  }

  /** recordHealthAssessment: the initial health assessment meets HP-IHA of the period of care it was for. */
  async recordHealthAssessment(input: { childId: string; assessedOn: string; assessedBy: string }): Promise<HealthAssessmentEntity> {
    dateNotInFuture(input.assessedOn, 'assessedOn');
    const assessedBy = input.assessedBy.trim();
    if (!assessedBy) throw new InputError('the registered medical practitioner who assessed the child is required', { field: 'assessedBy', reason: 'REQUIRED' });
    await this.requireCaseWriter(input.childId, 'record a health assessment');
    const periods = await this.em.find(PeriodFactEntity, { childId: input.childId }, { orderBy: { startedOn: 'asc' } });
    // The period open on the day, or (reg 7(1): before the first placement) the next one to start.
    const period = periods.find((p) => p.startedOn <= input.assessedOn && (!p.endedOn || p.endedOn >= input.assessedOn))
      ?? periods.find((p) => p.startedOn > input.assessedOn) ?? null;
    const row = this.em.create(HealthAssessmentEntity, {
      childId: input.childId, periodId: period?.id ?? null, assessedOn: input.assessedOn, assessedBy, recordedBy: this.principal.sub, recordedAt: hubNow(),
    });
    if (period) await meetDeadlines(this.em, { childId: input.childId, periodId: period.id, ruleId: 'HP-IHA' }, new Date(endOfLondonDay(input.assessedOn)));
    return row;
  }

  /** startDecisionProcess: records the request, meeting date or PLO start and puts its rule's stages in the ledger. */
  async startDecisionProcess(input: { childId: string; kind: string; startedOn: string }): Promise<DecisionProcessEntity> {
    if (!(DECISION_PROCESS_KINDS as readonly string[]).includes(input.kind)) throw new InputError(`unknown decision process ${input.kind}`, { field: 'kind', reason: 'UNKNOWN_KIND' });
    const kind = input.kind as DecisionProcessKindCode;
    const spec = DECISION_RULES[kind];
    if (spec.anchorMayBeFuture) {
      if (!isIsoDate(input.startedOn)) throw new InputError('startedOn must be a date (YYYY-MM-DD)', { field: 'startedOn', reason: 'INVALID_DATE' });
    } else dateNotInFuture(input.startedOn, 'startedOn');
    const child = await this.requireCaseWriter(input.childId, 'record a decision process');
    const row = this.em.create(DecisionProcessEntity, { childId: input.childId, kind, startedOn: input.startedOn, recordedBy: this.principal.sub, recordedAt: hubNow() });
    const overrides = await overridesOf(this.em, child.placingAuthority);
    for (const stage of spec.stages) {
      const s = { childId: input.childId, subjectKey: decisionSubject(row.id, stage.step), placingAuthority: child.placingAuthority, periodId: null };
      // A rule the authority switched off (setRuleOverride) computes to null: nothing enters the ledger.
      const d = stage.phase ? computePhase(spec.ruleId, input.startedOn, overrides, stage.phase) : compute(spec.ruleId, input.startedOn, overrides);
      if (d) await upsertDeadline(this.em, s, spec.ruleId, d);
    }
    return row;
  }

  /** recordDecisionStep: a step of a decision process, which meets the stage of its rule. */
  async recordDecisionStep(input: { processId: string; step: string; on: string }): Promise<DecisionProcessEntity> {
    dateNotInFuture(input.on, 'on');
    const row = await this.em.findOne(DecisionProcessEntity, { id: input.processId });
    if (!row) throw new NotFoundError('no such decision process', { processId: input.processId });
    await this.requireCaseWriter(row.childId, 'record a decision step');
    const stage = DECISION_RULES[row.kind].stages.find((s) => s.step === input.step);
    if (!stage) {
      throw new InputError(`${input.step} is not a step of ${row.kind}`, { field: 'step', reason: 'STEP_NOT_FOR_KIND', steps: DECISION_RULES[row.kind].stages.map((s) => s.step) });
    }
    if (row.steps[stage.step]) throw new ConflictError(`${stage.step} is recorded already`, { reason: 'STEP_RECORDED', on: row.steps[stage.step] });
    if (row.kind !== 'CHILDRENS_DECISION_MEETING' && input.on < row.startedOn) {
      throw new InputError(`${stage.step} cannot precede the start (${row.startedOn})`, { field: 'on', reason: 'BEFORE_START' });
    }
    row.steps = { ...row.steps, [stage.step]: input.on };
    await meetDeadlines(this.em, { childId: row.childId, subjectKey: decisionSubject(row.id, stage.step) }, new Date(endOfLondonDay(input.on)));
    return row;
  }
}
