import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ChildRelation, ConflictError, EventPayloads, ForbiddenError, hasRole, InputError, NotFoundError, now as hubNow, PlanFactsPayload, Principal,
  recordEvent,
} from '@hub/service-kit';
import { PLAN_KINDS, PlanEntity, PlanKindCode } from './plan.entity';
import { PlanVersionEntity } from './plan-version.entity';
import { PlanCirculationEntity, RECIPIENT_ROLES, RecipientRole } from './plan-circulation.entity';
import { PlanProgressEntity } from './plan-progress.entity';
import { buildContent, PlanContentPatch, unexplainedAreas } from './plan-content';
import { assertMayEndorse, assertMayRecordProgress, assertMayWrite } from './plan.policy';
import { meetOnEndorsement, meetOnSigning } from './plan-deadlines';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PlacementFactEntity } from '../facts/placement-fact.entity';

/** The events a plan's lifecycle records; each payload starts with the plan's facts (child, authority, provider). */
type PlanEventType = 'PlanCreated' | 'PlanVersionCreated' | 'PlanSubmitted' | 'PlanEndorsed' | 'PlanSuperseded' | 'PlanCirculated' | 'PlacementPlanSigned';

/** Plan lifecycle: create, revise, submit, endorse, sign, circulate, record progress. Each commits whole with its events. */
export class PlanService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly relationTo: (childId: string) => Promise<ChildRelation>,
  ) {}

  private async load(em: EntityManager, planId: string): Promise<{ plan: PlanEntity; versions: PlanVersionEntity[]; relation: ChildRelation }> {
    const plan = await em.findOne(PlanEntity, { id: planId });
    if (!plan) throw new NotFoundError('no such plan', { planId });
    const relation = await this.relationTo(plan.childId);
    if (relation === 'NONE') throw new ForbiddenError('not permitted to change this plan');
    const versions = await em.find(PlanVersionEntity, { planId }, { orderBy: { version: 'asc' } });
    return { plan, versions, relation };
  }

  private event<T extends PlanEventType>(em: EntityManager, type: T, plan: PlanEntity, extra: Omit<EventPayloads[T], keyof PlanFactsPayload>) {
    const facts: PlanFactsPayload = {
      childId: plan.childId, placingAuthority: plan.placingAuthority, providerId: plan.providerId ?? null,
      planId: plan.id, kind: plan.kind, placementId: plan.placementId ?? null,
    };
    recordEvent(em, { type, aggregateType: 'Plan', aggregateId: plan.id, payload: { ...facts, ...extra } as EventPayloads[T], actor: this.principal });
  }

  private addVersion(em: EntityManager, plan: PlanEntity, content: PlanVersionEntity['content']): PlanVersionEntity {
    plan.latestVersion += 1;
    const v = em.create(PlanVersionEntity, { planId: plan.id, version: plan.latestVersion, content, createdBy: this.principal.sub, createdAt: hubNow() });
    this.event(em, 'PlanVersionCreated', plan, { version: v.version, status: 'DRAFT' });
    return v;
  }

  /** createPlan: a new plan with its first DRAFT version. */
  async create(input: { childId: string; kind: string; placementId?: string | null; content?: PlanContentPatch | null }): Promise<PlanEntity> {
    if (!(PLAN_KINDS as readonly string[]).includes(input.kind)) throw new InputError(`unknown plan kind ${input.kind}`, { field: 'kind', reason: 'UNKNOWN_KIND' });
    const kind = input.kind as PlanKindCode;
    const relation = await this.relationTo(input.childId);
    if (relation === 'NONE') throw new ForbiddenError('not permitted to write plans for this child');
    assertMayWrite(this.principal, relation, kind, kind === 'PROVIDER' ? this.principal.org : null);
    return this.em.transactional(async (em) => {
      const child = await em.findOne(ChildFactEntity, { childId: input.childId });
      if (!child) throw new NotFoundError('no such child', { childId: input.childId });
      let placement: PlacementFactEntity | null = null;
      if (kind === 'PLACEMENT' || kind === 'PROVIDER') {
        const open = await em.find(PlacementFactEntity, { childId: input.childId, endedAt: null }, { orderBy: { startedAt: 'desc' } });
        placement = input.placementId ? await em.findOne(PlacementFactEntity, { id: input.placementId, childId: input.childId }) : open[0] ?? null;
        if (!placement) throw new InputError(`a ${kind} plan needs a placement`, { field: 'placementId', reason: 'NO_PLACEMENT' });
        if (kind === 'PROVIDER' && placement.providerId !== this.principal.org) throw new ForbiddenError('the placement is with another provider');
        if (kind === 'PROVIDER') {
          // One provider plan per placement (PCPP-5WD): a new version revises it.
          const existing = await em.findOne(PlanEntity, { kind: 'PROVIDER', placementId: placement.id });
          if (existing) throw new ConflictError('the placement has a provider plan already: revise it', { reason: 'PLAN_EXISTS', planId: existing.id });
        }
      }
      let content = buildContent(kind, {}, input.content ?? {});
      // CP-IRO-DETAILS: the care plan names the IRO and gives contact details; by default those assigned (IroAssigned).
      if (kind === 'CARE') {
        content = {
          ...content,
          iroName: content.iroName ?? child.iroName ?? null,
          iroContact: content.iroContact ?? ([child.iroEmail, child.iroPhone].filter(Boolean).join(', ') || null),
        };
      }
      const plan = em.create(PlanEntity, {
        childId: input.childId, kind, placingAuthority: child.placingAuthority, placementId: placement?.id ?? null,
        providerId: placement?.providerId ?? null, createdBy: this.principal.sub, createdAt: hubNow(),
      });
      this.event(em, 'PlanCreated', plan, {});
      this.addVersion(em, plan, content);
      return plan;
    });
  }

  /** updatePlan: edits the latest DRAFT as a new version; SUBMITTED and ENDORSED versions are immutable. */
  async update(planId: string, version: number, patch: PlanContentPatch): Promise<PlanEntity> {
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      assertMayWrite(this.principal, relation, plan.kind, plan.providerId);
      const target = versions.find((v) => v.version === version);
      if (!target) throw new NotFoundError('no such version', { planId, version });
      if (target.status !== 'DRAFT') {
        throw new ConflictError(`version ${version} is ${target.status} and cannot be edited: revise the plan instead`, { reason: 'VERSION_IMMUTABLE', status: target.status });
      }
      if (version !== plan.latestVersion) throw new ConflictError('a newer version exists', { reason: 'STALE_VERSION', latestVersion: plan.latestVersion });
      this.addVersion(em, plan, buildContent(plan.kind, target.content, patch));
      return plan;
    });
  }

  /** revisePlan: a new DRAFT version from the latest one (the endorsed version stays in force until a new one is endorsed). */
  async revise(planId: string, patch: PlanContentPatch): Promise<PlanEntity> {
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      assertMayWrite(this.principal, relation, plan.kind, plan.providerId);
      const latest = versions[versions.length - 1];
      this.addVersion(em, plan, buildContent(plan.kind, latest?.content ?? {}, patch));
      return plan;
    });
  }

  private transition(versions: PlanVersionEntity[], version: number, from: string, to: string): PlanVersionEntity {
    const v = versions.find((x) => x.version === version);
    if (!v) throw new NotFoundError('no such version', { version });
    if (v.status !== from) throw new ConflictError(`version ${version} is ${v.status}; only a ${from} version can become ${to}`, { reason: 'INVALID_TRANSITION', status: v.status });
    return v;
  }

  /** submitPlan: DRAFT → SUBMITTED. */
  async submit(planId: string, version: number): Promise<PlanEntity> {
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      assertMayWrite(this.principal, relation, plan.kind, plan.providerId);
      const v = this.transition(versions, version, 'DRAFT', 'SUBMITTED');
      if (version !== plan.latestVersion) throw new ConflictError('a newer version exists', { reason: 'STALE_VERSION', latestVersion: plan.latestVersion });
      const unexplained = unexplainedAreas(plan.kind, v.content);
      if (unexplained.length) {
        // PP-DUE-5WD: a placement plan is complete, or says which areas are missing and why (CPPCR Sch 2; seeds 000, 001).
        throw new ConflictError(`the placement plan leaves ${unexplained.join(', ')} blank without a reason: write each area or say why it is missing`, {
          reason: 'INCOMPLETE_PLAN', ruleId: 'PP-DUE-5WD', missingAreas: unexplained,
        });
      }
      Object.assign(v, { status: 'SUBMITTED', submittedBy: this.principal.sub, submittedAt: hubNow() });
      this.event(em, 'PlanSubmitted', plan, { version });
      return plan;
    });
  }

  /** endorsePlan: SUBMITTED → ENDORSED by the right role; the previously endorsed version becomes SUPERSEDED. */
  async endorse(planId: string, version: number): Promise<PlanEntity> {
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      const v = this.transition(versions, version, 'SUBMITTED', 'ENDORSED');
      assertMayEndorse(this.principal, relation, plan.kind, v.content, plan.providerId);
      const at = hubNow();
      for (const old of versions.filter((x) => x.status === 'ENDORSED')) {
        Object.assign(old, { status: 'SUPERSEDED', supersededAt: at });
        this.event(em, 'PlanSuperseded', plan, { version: old.version, supersededBy: version });
      }
      Object.assign(v, { status: 'ENDORSED', endorsedBy: this.principal.sub, endorsedAt: at });
      this.event(em, 'PlanEndorsed', plan, { version, endorsedAt: at.toISOString(), endorsedBy: this.principal.sub });
      await meetOnEndorsement(em, plan, v, at);
      return plan;
    });
  }

  /** signPlacementPlan: the provider's registered manager signs a submitted or endorsed version (PP-SIGNED, APP-PP-SIGN). */
  async sign(planId: string, version: number): Promise<PlanEntity> {
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      if (plan.kind !== 'PLACEMENT') throw new InputError('only a placement plan is signed', { field: 'planId', reason: 'NOT_FOR_KIND' });
      if (relation !== 'PROVIDER' || plan.providerId !== this.principal.org || !hasRole(this.principal, 'PROVIDER_MANAGER')) {
        throw new ForbiddenError("a placement plan is signed by the provider's registered manager (APP-PP-SIGN)", { ruleId: 'APP-PP-SIGN', requiredRoles: ['PROVIDER_MANAGER'] });
      }
      const v = versions.find((x) => x.version === version);
      if (!v) throw new NotFoundError('no such version', { version });
      if (v.status !== 'SUBMITTED' && v.status !== 'ENDORSED') throw new ConflictError(`version ${version} is ${v.status}`, { reason: 'INVALID_TRANSITION', status: v.status });
      if (v.signedAt) throw new ConflictError('already signed', { reason: 'ALREADY_SIGNED' });
      const signedAt = hubNow();
      Object.assign(v, { signedBy: this.principal.sub, signedAt });
      await meetOnSigning(em, plan, v);
      this.event(em, 'PlacementPlanSigned', plan, { version, signedAt: signedAt.toISOString(), signedBy: this.principal.sub });
      return plan;
    });
  }

  /** circulatePlan: records each recipient's copy of the endorsed version (CIRC-CP, CIRC-PWP-YP). */
  async circulate(planId: string, recipients: Array<{ role: string; name: string }>): Promise<PlanEntity> {
    if (recipients.length === 0) throw new InputError('at least one recipient', { field: 'recipients', reason: 'REQUIRED' });
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      assertMayWrite(this.principal, relation, plan.kind, plan.providerId);
      const endorsed = versions.filter((v) => v.status === 'ENDORSED').pop();
      if (!endorsed) throw new ConflictError('only an endorsed plan is circulated', { reason: 'NOT_ENDORSED' });
      for (const r of recipients) {
        if (!(RECIPIENT_ROLES as readonly string[]).includes(r.role)) throw new InputError(`unknown recipient role ${r.role}`, { field: 'recipients', reason: 'UNKNOWN_RECIPIENT_ROLE' });
        if (!r.name.trim()) throw new InputError('a recipient needs a name', { field: 'recipients', reason: 'REQUIRED' });
        em.create(PlanCirculationEntity, { planId, version: endorsed.version, recipientRole: r.role as RecipientRole, recipientName: r.name.trim(), circulatedBy: this.principal.sub, circulatedAt: hubNow() });
      }
      this.event(em, 'PlanCirculated', plan, { version: endorsed.version, recipients: recipients.map((r) => ({ role: r.role, name: r.name })) });
      return plan;
    });
  }

  /** addPlanProgress: a progress entry against a provider plan objective, by the current provider. */
  async addProgress(planId: string, objectiveId: string, note: string): Promise<PlanProgressEntity> {
    if (!note.trim()) throw new InputError('a note is required', { field: 'note', reason: 'REQUIRED' });
    return this.em.transactional(async (em) => {
      const { plan, versions, relation } = await this.load(em, planId);
      if (plan.kind !== 'PROVIDER') throw new InputError('progress is recorded against provider plan objectives', { field: 'planId', reason: 'NOT_FOR_KIND' });
      assertMayRecordProgress(this.principal, relation, plan.providerId);
      const latest = versions[versions.length - 1];
      if (!(latest?.content.objectives ?? []).some((o) => o.id === objectiveId)) throw new NotFoundError('no such objective', { objectiveId });
      return em.create(PlanProgressEntity, { planId, objectiveId, note: note.trim(), recordedBy: this.principal.sub, recordedAt: hubNow() });
    });
  }
}
