import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, InputError, parseLocalDate, periodOfCareStartedPayload, Principal, recordEvent } from '@hub/service-kit';
import { now as hubNow } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { PeriodOfCareEntity } from './period-of-care.entity';
import { LegalStatusEntity } from './legal-status.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { ProviderEntity } from '../reference-data/provider.entity';
import { childForWrite, legalStatusCode, notFuture } from '../child/child.service';
import { placementFacts } from '../placement/placement.service';
import { syncChildAccess } from '../child/child-access.sync';

const REC_CODES = ['E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1'];

/** Periods of care and legal status. */
export class PeriodOfCareService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /** startPeriodOfCare: the child becomes looked after again (a new review cycle starts: TIME-ANCHOR). */
  async start(childId: string, startedOn: string, legalStatus?: string, shortBreak = false): Promise<PeriodOfCareEntity> {
    const start = parseLocalDate(startedOn);
    notFuture(start, 'startedOn');
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, childId, 'start a period of care');
      if (start < child.dateOfBirth) throw new InputError('a child cannot become looked after before birth', { field: 'startedOn', reason: 'BEFORE_BIRTH' });
      if (await em.findOne(PeriodOfCareEntity, { childId, endedOn: null })) {
        throw new ConflictError('the child is already looked after', { reason: 'PERIOD_OPEN' });
      }
      const latest = await em.findOne(PeriodOfCareEntity, { childId }, { orderBy: { startedOn: 'desc' } });
      if (latest?.endedOn && latest.endedOn > start) {
        throw new InputError('the new period of care would overlap the previous one', { field: 'startedOn', reason: 'OVERLAPPING_PERIOD' });
      }
      const period = em.create(PeriodOfCareEntity, { childId, startedOn: start, shortBreak });
      if (legalStatus) em.create(LegalStatusEntity, { childId, code: legalStatusCode(legalStatus), startedOn: start });
      recordEvent(em, {
        type: 'PeriodOfCareStarted', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId,
        payload: periodOfCareStartedPayload(child, period, legalStatus ?? null),
        actor: this.principal,
      });
      return period;
    });
  }

  /**
   * ceaseLookedAfter: ends the open period of care on the London date of `ceasedAt`, and the open placement
   * at that instant. The deadlines tied to the period become NOT_APPLICABLE downstream.
   */
  async cease(childId: string, ceasedAt: Date, reason: string, now = hubNow()): Promise<PeriodOfCareEntity> {
    if (!REC_CODES.includes(reason)) throw new InputError(`unknown SSDA903 reason episode ceased ${reason}`, { field: 'reason', reason: 'UNKNOWN_REASON' });
    if (ceasedAt.getTime() > now.getTime() + 5 * 60 * 1000) throw new InputError('ceasing cannot be in the future', { field: 'ceasedAt', reason: 'DATE_IN_FUTURE' });
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, childId, 'end the period of care');
      const period = await em.findOne(PeriodOfCareEntity, { childId, endedOn: null });
      if (!period) throw new ConflictError('the child is not looked after', { reason: 'NOT_LOOKED_AFTER' });
      const endedOn = londonDate(ceasedAt);
      if (endedOn < period.startedOn) throw new InputError('a period of care cannot end before it starts', { field: 'ceasedAt', reason: 'END_BEFORE_START' });
      const open = await em.findOne(PlacementEntity, { childId, endedAt: null });
      if (open) {
        if (ceasedAt <= open.startedAt) throw new InputError('ceasing before the current placement started', { field: 'ceasedAt', reason: 'END_BEFORE_START' });
        open.endedAt = ceasedAt;
        open.endReason = 'OTHER';
        const provider = await em.findOne(ProviderEntity, { id: open.providerId });
        const current = await em.findOne(LegalStatusEntity, { childId, endedOn: null });
        recordEvent(em, { type: 'PlacementEnded', aggregateType: 'Placement', aggregateId: open.id, childId, payload: placementFacts(open, child, provider, period, false, current?.code ?? null), actor: this.principal });
      }
      period.endedOn = endedOn;
      period.reasonCeased = reason;
      const status = await em.findOne(LegalStatusEntity, { childId, endedOn: null });
      if (status) status.endedOn = endedOn;
      recordEvent(em, {
        type: 'ChildCeasedLookedAfter', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId,
        payload: { childId, placingAuthority: child.placingAuthority, periodOfCareId: period.id, startedOn: period.startedOn, endedOn, reason, ceasedAt: ceasedAt.toISOString() },
        actor: this.principal,
      });
      await em.flush();
      await syncChildAccess(em, child);
      return period;
    });
  }

  /** recordLegalStatus: closes the current status the day before and opens the new one. */
  async recordLegalStatus(childId: string, code: string, startedOn: string): Promise<LegalStatusEntity> {
    const start = parseLocalDate(startedOn);
    notFuture(start, 'startedOn');
    const ls = legalStatusCode(code);
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, childId, 'record a legal status');
      const period = await em.findOne(PeriodOfCareEntity, { childId, endedOn: null });
      if (!period || start < period.startedOn) throw new InputError('a legal status must fall within an open period of care', { field: 'startedOn', reason: 'OUTSIDE_PERIOD_OF_CARE' });
      const current = await em.findOne(LegalStatusEntity, { childId, endedOn: null });
      if (current) {
        if (start < current.startedOn) throw new InputError('the new status starts before the current one', { field: 'startedOn', reason: 'OUT_OF_ORDER' });
        current.endedOn = start;
      }
      const row = em.create(LegalStatusEntity, { childId, code: ls, startedOn: start });
      recordEvent(em, { type: 'LegalStatusRecorded', aggregateType: 'Child', aggregateId: childId, childId, payload: { childId, placingAuthority: child.placingAuthority, code: ls, startedOn: start }, actor: this.principal });
      return row;
    });
  }
}
