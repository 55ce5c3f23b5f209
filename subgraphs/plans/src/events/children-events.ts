import type { EntityManager } from '@mikro-orm/postgresql';
import { hubCalendar } from '@hub/service-kit';
import type {
  ChildCeasedLookedAfterPayload, ChildFactsPayload, EventHandlerMap, PeriodOfCareStartedPayload, PlacementFactsPayload,
  SignificantEventRecordedPayload, VisitRecordedPayload,
} from '@hub/service-kit';
import { endOfLondonDay, londonDate, nextVisitDue } from '@hub/statutory';
import { ChildFactEntity } from '../facts/child-fact.entity';
import { PeriodFactEntity } from '../facts/period-fact.entity';
import { PlacementFactEntity } from '../facts/placement-fact.entity';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { compute, computePhase, endSubject, meetDeadlines, overridesOf, upsertDeadline } from '../deadline/ledger';
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

/** Subject of the next-visit clock after a visit (or after the start, for VIS-1WK). */
const visitSubject = (placementId: string, after: string) => `placement:${placementId}:visit-after:${after}`;

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
  // Pre-planned short breaks (V3/V4, CPPCR reg 48) have no review cycle in the 903 return (rule 399): no clocks.
  if (!period.shortBreak) {
    const overrides = await overridesOf(em, child.placingAuthority);
    const s = { childId: p.childId, subjectKey: `period:${period.id}`, placingAuthority: child.placingAuthority, periodId: period.id };
    // Anchored on becoming looked after (§16 note 1): IRO-APPOINT-5WD, HP-IHA, PEP-10WD, REV-1ST-20WD.
    for (const rule of ['IRO-APPOINT-5WD', 'HP-IHA', 'PEP-10WD'] as const) {
      await upsertDeadline(em, s, rule, compute(rule, period.startedOn, overrides));
    }
    await upsertDeadline(em, { ...s, subjectKey: `period:${period.id}:review:1` }, 'REV-1ST-20WD', compute('REV-1ST-20WD', period.startedOn, overrides));
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
  const overrides = await overridesOf(em, child.placingAuthority);
  const s = { childId: p.childId, subjectKey: `placement:${fact.id}`, placingAuthority: child.placingAuthority, providerId: fact.providerId, periodId: fact.periodId ?? null, placementId: fact.id };
  // PP-DUE-5WD: every placement (C-01: the placement plan restarts with every placement).
  await upsertDeadline(em, s, 'PP-DUE-5WD', compute('PP-DUE-5WD', startedAt, overrides));
  if (fact.providerKind === 'CHILDRENS_HOME') await upsertDeadline(em, s, 'PCPP-5WD', compute('PCPP-5WD', startedAt, overrides));
  if (fact.isEmergency) {
    // PPM-72H: 72 clock hours from the placement instant (TIME-HOURS); LA-IRO-PLACEMENT: reg 13 notice in 5 WD.
    await upsertDeadline(em, s, 'PPM-72H', compute('PPM-72H', startedAt, overrides));
    await upsertDeadline(em, s, 'LA-IRO-PLACEMENT', compute('LA-IRO-PLACEMENT', startedAt, overrides));
  } else {
    // LA-IRO-PLACEMENT, planned placement: the reg 13 notice is due before the placement starts (CPPCR reg 13(1)).
    await upsertDeadline(em, s, 'LA-IRO-PLACEMENT', computePhase('LA-IRO-PLACEMENT', startedAt, overrides, 'planned'));
  }
  const firstVisit = nextVisitDue({ placementStart: londonDate(startedAt), intendedUntil18: fact.intendedUntil18, custody: fact.custody, calendar: hubCalendar() });
  await upsertDeadline(em, { ...s, subjectKey: visitSubject(fact.id, 'start') }, firstVisit.ruleId, firstVisit);
  if (fact.firstInPeriod && fact.periodId) {
    // CP-DUE-10WD: 10 WD from the start of the first placement of the period of care (CPPCR reg 4(2)).
    await upsertDeadline(em, { ...s, subjectKey: `period:${fact.periodId}`, placementId: null }, 'CP-DUE-10WD', compute('CP-DUE-10WD', startedAt, overrides));
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
  await endSubject(em, { periodId: p.periodOfCareId }, new Date(String(p.ceasedAt ?? endOfLondonDay(endedOn))), `the child ceased to be looked after on ${endedOn}${p.reason ? ` (${p.reason})` : ''}`);
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
  const next = nextVisitDue({ placementStart: londonDate(fact.startedAt.toISOString()), lastVisit: visitedOn, intendedUntil18: fact.intendedUntil18, custody: fact.custody, calendar: hubCalendar() });
  await upsertDeadline(em, {
    childId: fact.childId, subjectKey: visitSubject(fact.id, visitedOn), placingAuthority: child.placingAuthority,
    providerId: fact.providerId, periodId: fact.periodId ?? null, placementId: fact.id,
  }, next.ruleId, next);
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
