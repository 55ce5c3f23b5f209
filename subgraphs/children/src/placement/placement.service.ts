import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, InputError, NotFoundError, periodOfCareStartedPayload, Principal, recordEvent } from '@hub/service-kit';
import { now as hubNow } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { PlacementEntity, PLACEMENT_TYPES, PlacementType } from './placement.entity';
import { EndPlacementInput, StartPlacementInput } from './placement.input';
import { ProviderEntity } from '../reference-data/provider.entity';
import { PeriodOfCareEntity } from '../period-of-care/period-of-care.entity';
import { childForWrite } from '../child/child.service';
import { syncChildAccess } from '../child/child-access.sync';
import { ChildEntity } from '../child/child.entity';
import { LegalStatusEntity } from '../period-of-care/legal-status.entity';

/** Clock skew tolerated on "not in the future" checks of instants. */
const SKEW_MS = 5 * 60 * 1000;
const REASONS = ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER'];

/** Payload of PlacementStarted / PlacementEnded: what plans, reviews and notifications compute from. */
export function placementFacts(
  pl: PlacementEntity, child: ChildEntity, provider: ProviderEntity | null, period: PeriodOfCareEntity, firstInPeriod: boolean, legalStatus: string | null,
) {
  return {
    childId: pl.childId,
    // What a CHR reg 41 admission or discharge notice must state about the child.
    childName: `${child.givenName} ${child.familyName}`,
    dateOfBirth: child.dateOfBirth,
    legalStatus,
    ehcPlan: child.ehcPlan ?? null,
    placementId: pl.id,
    periodOfCareId: pl.periodOfCareId,
    periodStartedOn: period.startedOn,
    firstInPeriod,
    providerId: pl.providerId,
    providerName: provider?.name ?? null,
    providerKind: provider?.kind ?? null,
    hostAuthority: provider?.hostAuthority ?? null,
    placingAuthority: child.placingAuthority,
    startedAt: pl.startedAt.toISOString(),
    endedAt: pl.endedAt ? pl.endedAt.toISOString() : null,
    endReason: pl.endReason ?? null,
    placementType: pl.placementType,
    isEmergency: pl.isEmergency,
    isOutOfArea: pl.isOutOfArea,
    intendedUntil18: pl.intendedUntil18,
    custody: pl.custody,
  };
}

/** The child's legal status (SSDA903 LS code) on a day, if one is recorded. */
async function legalStatusOn(em: EntityManager, childId: string, on: string): Promise<string | null> {
  const [status] = await em.find(
    LegalStatusEntity,
    { childId, startedOn: { $lte: on }, $or: [{ endedOn: null }, { endedOn: { $gte: on } }] },
    { orderBy: { startedOn: 'desc' }, limit: 1 },
  );
  return status?.code ?? null;
}

/** Starting and ending placements. */
export class PlacementService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /**
   * startPlacement. Refuses: unknown provider, a start before birth or in the future, a start before the open
   * period of care, and any overlap with another placement of the child. Starts a period of care (the child
   * becomes looked after that day) when none is open.
   */
  async start(input: StartPlacementInput, now = hubNow()): Promise<PlacementEntity> {
    if (!(PLACEMENT_TYPES as readonly string[]).includes(input.placementType)) {
      throw new InputError(`unknown SSDA903 placement type ${input.placementType}`, { field: 'placementType', reason: 'UNKNOWN_PLACEMENT_TYPE' });
    }
    if (input.startedAt.getTime() > now.getTime() + SKEW_MS) {
      throw new InputError('a placement cannot start in the future', { field: 'startedAt', reason: 'DATE_IN_FUTURE' });
    }
    return this.em.transactional(async (em) => {
      const child = await childForWrite(em, this.principal, input.childId, 'place the child');
      const provider = await em.findOne(ProviderEntity, { id: input.providerId });
      if (!provider) throw new InputError(`unknown provider ${input.providerId}`, { field: 'providerId', reason: 'UNKNOWN_PROVIDER' });
      const startDate = londonDate(input.startedAt);
      if (startDate < child.dateOfBirth) throw new InputError('a placement cannot start before birth', { field: 'startedAt', reason: 'BEFORE_BIRTH' });
      // The new placement is open-ended, so any placement still running at its start, or starting later, overlaps.
      const overlapping = await em.findOne(PlacementEntity, { childId: child.id, $or: [{ endedAt: null }, { endedAt: { $gt: input.startedAt } }] });
      if (overlapping) {
        throw new ConflictError('the child has another placement at that time; end it first', { reason: 'OVERLAPPING_PLACEMENT', placementId: overlapping.id });
      }
      let period = await em.findOne(PeriodOfCareEntity, { childId: child.id, endedOn: null });
      let firstInPeriod = false;
      if (!period) {
        const latest = await em.findOne(PeriodOfCareEntity, { childId: child.id }, { orderBy: { startedOn: 'desc' } });
        if (latest?.endedOn && latest.endedOn > startDate) {
          throw new InputError('the placement starts inside an earlier, ended period of care', { field: 'startedAt', reason: 'INSIDE_ENDED_PERIOD' });
        }
        period = em.create(PeriodOfCareEntity, { childId: child.id, startedOn: startDate, shortBreak: false });
        recordEvent(em, {
          type: 'PeriodOfCareStarted', aggregateType: 'PeriodOfCare', aggregateId: period.id, childId: child.id,
          payload: periodOfCareStartedPayload(child, period),
          actor: this.principal,
        });
        firstInPeriod = true;
      } else {
        if (startDate < period.startedOn) {
          throw new InputError('the placement starts before the child became looked after', { field: 'startedAt', reason: 'BEFORE_PERIOD_OF_CARE' });
        }
        firstInPeriod = (await em.count(PlacementEntity, { periodOfCareId: period.id })) === 0;
      }
      const placement = em.create(PlacementEntity, {
        childId: child.id,
        periodOfCareId: period.id,
        providerId: provider.id,
        startedAt: input.startedAt,
        placementType: input.placementType as PlacementType,
        isEmergency: input.isEmergency,
        isOutOfArea: input.isOutOfArea,
        intendedUntil18: input.intendedUntil18,
        custody: input.custody,
        address: input.address ?? null,
      });
      recordEvent(em, {
        type: 'PlacementStarted', aggregateType: 'Placement', aggregateId: placement.id, childId: child.id,
        payload: placementFacts(placement, child, provider, period, firstInPeriod, await legalStatusOn(em, child.id, startDate)), actor: this.principal,
      });
      await em.flush();
      await syncChildAccess(em, child);
      return placement;
    });
  }

  /** endPlacement: the end must follow the start and not be in the future. */
  async end(input: EndPlacementInput, now = hubNow()): Promise<PlacementEntity> {
    if (input.endedAt.getTime() > now.getTime() + SKEW_MS) {
      throw new InputError('a placement cannot end in the future', { field: 'endedAt', reason: 'DATE_IN_FUTURE' });
    }
    if (input.reason && !REASONS.includes(input.reason)) {
      throw new InputError(`unknown SSDA903 reason for placement change ${input.reason}`, { field: 'reason', reason: 'UNKNOWN_REASON' });
    }
    return this.em.transactional(async (em) => {
      const placement = await em.findOne(PlacementEntity, { id: input.placementId });
      if (!placement) throw new NotFoundError('no such placement', { placementId: input.placementId });
      const child = await childForWrite(em, this.principal, placement.childId, 'end the placement');
      if (placement.endedAt) throw new ConflictError('the placement has already ended', { reason: 'ALREADY_ENDED' });
      if (input.endedAt <= placement.startedAt) throw new InputError('a placement cannot end before it starts', { field: 'endedAt', reason: 'END_BEFORE_START' });
      placement.endedAt = input.endedAt;
      placement.endReason = input.reason ?? null;
      const period = await em.findOneOrFail(PeriodOfCareEntity, { id: placement.periodOfCareId });
      const provider = await em.findOne(ProviderEntity, { id: placement.providerId });
      recordEvent(em, {
        type: 'PlacementEnded', aggregateType: 'Placement', aggregateId: placement.id, childId: child.id,
        payload: placementFacts(placement, child, provider, period, false, await legalStatusOn(em, child.id, londonDate(input.endedAt))), actor: this.principal,
      });
      await em.flush();
      await syncChildAccess(em, child);
      return placement;
    });
  }
}
