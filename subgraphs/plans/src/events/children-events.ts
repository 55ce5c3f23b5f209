import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  ChildCeasedLookedAfterPayload, ChildFactsPayload, EventHandlerMap, PeriodOfCareStartedPayload, PlacementFactsPayload,
  SignificantEventRecordedPayload, VisitRecordedPayload,
} from '@hub/service-kit';
import { dutiesFor, endOfLondonDay, londonDate, visitSubject } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { PlacementFactEntity } from '../facts/placement-fact.entity';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { endSubject, meetDeadlines, overridesOf, recordDuties } from '../deadline/ledger';
import { applyContactEvent, CONTACT_EVENT_KINDS } from '../deadline/contact';
import { recomputeLeavingCare } from './leaving-care';

async function childFact(em: EntityManager, childId: string, placingAuthority?: string, dateOfBirth?: string | null): Promise<ChildFactEntity> {
  let row = await em.findOne(ChildFactEntity, { childId });
  if (!row) {
    row = em.create(ChildFactEntity, { childId, placingAuthority: placingAuthority ?? 'UNKNOWN', dateOfBirth: dateOfBirth ?? null });
  }
  if (placingAuthority) row.placingAuthority = placingAuthority;
  if (dateOfBirth) row.dateOfBirth = dateOfBirth;
  em.persist(row);
  return row;
}

async function childUpdated(em: EntityManager, p: ChildFactsPayload): Promise<void> {
  const before = await em.findOne(ChildFactEntity, { childId: p.childId });
  const moved = before && before.placingAuthority !== p.placingAuthority;
  await childFact(em, p.childId, p.placingAuthority, p.dateOfBirth);
  if (moved) {
    for (const d of await em.find(DeadlineEntity, { childId: p.childId })) d.placingAuthority = p.placingAuthority;
  }
  await recomputeLeavingCare(em, p.childId);
}

async function periodStarted(em: EntityManager, p: PeriodOfCareStartedPayload): Promise<void> {
  const child = await childFact(em, p.childId, p.placingAuthority, p.dateOfBirth);
  const period = (await em.findOne(PeriodFactEntity, { id: p.periodOfCareId }))
    ?? em.create(PeriodFactEntity, { id: p.periodOfCareId, childId: p.childId, startedOn: p.startedOn, shortBreak: p.shortBreak });
  em.persist(period);
  // The engine decides the clocks (none for a pre-planned short break); the first review's date comes from the
  // reviews service (ReviewDueSet), which owns the review cycle.
  const duties = dutiesFor({ fact: 'PERIOD_OF_CARE_STARTED', periodOfCareId: period.id, startedOn: period.startedOn, shortBreak: period.shortBreak });
  if (duties.length) {
    await recordDuties(em, { childId: p.childId, placingAuthority: child.placingAuthority, periodId: period.id }, duties, await overridesOf(em, child.placingAuthority));
  }
  await recomputeLeavingCare(em, p.childId);
}

async function placementStarted(em: EntityManager, p: PlacementFactsPayload): Promise<void> {
  const child = await childFact(em, p.childId, p.placingAuthority);
  const startedAt = p.startedAt;
  const fact = (await em.findOne(PlacementFactEntity, { id: p.placementId })) ?? em.create(PlacementFactEntity, {
    id: p.placementId, childId: p.childId, periodId: p.periodOfCareId ?? null, providerId: p.providerId, providerName: p.providerName ?? null,
    providerKind: p.providerKind ?? null, startedAt: new Date(startedAt), isEmergency: p.isEmergency,
    intendedUntil18: p.intendedUntil18, custody: p.custody, firstInPeriod: p.firstInPeriod,
  });
  em.persist(fact);
  // The engine decides the clocks: PP-DUE-5WD (C-01), PCPP-5WD, PPM-72H and LA-IRO-PLACEMENT (reg 13), the first
  // visit, CP-DUE-10WD for the first placement of the period (reg 4(2)).
  const duties = dutiesFor({
    fact: 'PLACEMENT_STARTED', placementId: fact.id, periodOfCareId: fact.periodId ?? null, startedAt, providerKind: fact.providerKind ?? null,
    isEmergency: fact.isEmergency, firstInPeriod: fact.firstInPeriod, intendedUntil18: fact.intendedUntil18, custody: fact.custody,
  });
  const base = { childId: p.childId, placingAuthority: child.placingAuthority, providerId: fact.providerId, periodId: fact.periodId ?? null, placementId: fact.id };
  await recordDuties(em, base, duties, await overridesOf(em, child.placingAuthority));
  if (fact.firstInPeriod && fact.periodId) {
    // The period's clocks were created before any provider was known: the provider at the time is this one.
    for (const d of await em.find(DeadlineEntity, { periodId: fact.periodId, providerId: null, metAt: null })) d.providerId = fact.providerId;
  }
}

async function placementEnded(em: EntityManager, p: PlacementFactsPayload, occurredAt: string): Promise<void> {
  const fact = await em.findOne(PlacementFactEntity, { id: p.placementId });
  const endedAt = new Date(p.endedAt ?? occurredAt);
  if (fact) fact.endedAt = endedAt;
  await endSubject(em, { placementId: p.placementId }, endedAt, `the placement ended on ${londonDate(endedAt.toISOString())}${p.endReason ? ` (${p.endReason})` : ''}`);
}

async function ceased(em: EntityManager, p: ChildCeasedLookedAfterPayload): Promise<void> {
  const period = await em.findOne(PeriodFactEntity, { id: p.periodOfCareId });
  const endedOn = p.endedOn;
  if (period) period.endedOn = endedOn;
  for (const pl of await em.find(PlacementFactEntity, { periodId: p.periodOfCareId, endedAt: null })) pl.endedAt = new Date(p.ceasedAt);
  await endSubject(em, { periodId: p.periodOfCareId }, new Date(p.ceasedAt), `the child ceased to be looked after on ${endedOn}${p.reason ? ` (${p.reason})` : ''}`);
  await recomputeLeavingCare(em, p.childId);
}

async function visitRecorded(em: EntityManager, p: VisitRecordedPayload): Promise<void> {
  const fact = await em.findOne(PlacementFactEntity, { id: p.placementId });
  if (!fact) return;
  const visitedOn = p.visitedOn;
  // The visit meets the open visit clock of the placement (late if after its due date: still MET, wasLate tells).
  await meetDeadlines(em, { placementId: fact.id, subjectKey: { $like: visitSubject(fact.id, '%') } }, new Date(endOfLondonDay(visitedOn)));
  if (fact.lastVisitOn && fact.lastVisitOn >= visitedOn) return;
  fact.lastVisitOn = visitedOn;
  if (fact.endedAt) return;
  const child = await childFact(em, fact.childId);
  const duties = dutiesFor({
    fact: 'VISIT_RECORDED', placementId: fact.id, placementStartedAt: fact.startedAt.toISOString(), visitedOn,
    intendedUntil18: fact.intendedUntil18, custody: fact.custody,
  });
  await recordDuties(em, {
    childId: fact.childId, placingAuthority: child.placingAuthority, providerId: fact.providerId, periodId: fact.periodId ?? null, placementId: fact.id,
  }, duties, await overridesOf(em, child.placingAuthority));
}

async function significantEvent(em: EntityManager, p: SignificantEventRecordedPayload): Promise<void> {
  if (!(CONTACT_EVENT_KINDS as readonly string[]).includes(p.kind)) return;
  await applyContactEvent(em, p, (await childFact(em, p.childId, p.placingAuthority)).placingAuthority);
}

/** Handlers of the children service's events. */
export const childrenHandlers: EventHandlerMap = {
  ChildRegistered: (em, e) => childUpdated(em, e.payload),
  ChildUpdated: (em, e) => childUpdated(em, e.payload),
  PeriodOfCareStarted: (em, e) => periodStarted(em, e.payload),
  PlacementStarted: (em, e) => placementStarted(em, e.payload),
  PlacementEnded: (em, e) => placementEnded(em, e.payload, e.occurredAt),
  ChildCeasedLookedAfter: (em, e) => ceased(em, e.payload),
  VisitRecorded: (em, e) => visitRecorded(em, e.payload),
  SignificantEventRecorded: (em, e) => significantEvent(em, e.payload),
};
