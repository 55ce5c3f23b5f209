import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, gql, startTestSubgraph, testEvent, testPlacement } from '@hub/service-kit/testing';
import { applyAccessEvent, createLogger, EventPayloads, EventType, HubEvent, OutboxEvent, setClock } from '@hub/service-kit';
import { reviewsSubgraph } from '../../src/definition';
import { EarlyTriggerEntity } from '../../src/review/early-trigger.entity';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const log = createLogger('reviews-test', 'silent');
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const TM = bearer('TEAM_MANAGER', 'LA-NORTH');
const OTHER_LA = bearer('SOCIAL_WORKER', 'LA-SOUTH');
const IRO = bearer('IRO', 'LA-NORTH', 'iro-jane');
const OTHER_IRO = bearer('IRO', 'LA-NORTH', 'iro-bob');
const PROVIDER = bearer('PROVIDER_STAFF', 'PRV-OAK');
const OPS = bearer('OPS', 'HUB');

const REVIEW_FIELDS = 'id sequence periodOfCareId dueBy practicalDueBy ruleId scheduledFor heldOn participation adjournedOn reconveneBy reportDueBy decisionsDueBy consultationDueBy consultationNote';
const CHILD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child {
  reviews { ${REVIEW_FIELDS} } nextReview { sequence periodOfCareId dueBy practicalDueBy scheduledFor ruleId basis }
  iro { id name email } iroAssignments { id endedOn } reviewRequests { id reason outcome escalateBy escalatedAt } } } }`;
const HOLD = `mutation($childId: ID, $reviewId: ID, $heldOn: String!, $p: ParticipationCode!) {
  holdReview(childId: $childId, reviewId: $reviewId, heldOn: $heldOn, participation: $p) { ${REVIEW_FIELDS} } }`;
const SCHEDULE = `mutation($childId: ID!, $on: String!) { scheduleReview(childId: $childId, scheduledFor: $on) { ${REVIEW_FIELDS} } }`;
const ASSIGN = `mutation($childId: ID!) { assignIro(childId: $childId, iro: { id: "iro-jane", name: "Jane Reid", email: "jane@north.gov.uk", phone: "0100" }) { id name assignedOn } }`;

/** Delivers an event about a child of LA-NORTH (unless the payload names another authority). */
async function deliver<T extends EventType>(type: T, childId: string, payload: Omit<EventPayloads[T], 'childId' | 'placingAuthority'> & { placingAuthority?: string }, id = randomUUID()): Promise<HubEvent> {
  const event = testEvent(type, { childId, placingAuthority: 'LA-NORTH', ...payload } as EventPayloads[T], { id });
  // As the runner does: access facts first, then the service's own handling.
  await (sg.orm.em.fork() as EntityManager).transactional((tem) => applyAccessEvent(tem, event));
  await reviewsSubgraph.consumes!.handle(sg.orm, event, log);
  return event;
}

/** A child of LA-NORTH who became looked after on `startedOn`, with the IRO Jane assigned. */
async function lookedAfter(startedOn: string, dateOfBirth = '2016-06-01', assign = true) {
  const childId = randomUUID();
  const periodOfCareId = randomUUID();
  await deliver('ChildRegistered', childId, { placingAuthority: 'LA-NORTH', dateOfBirth, dateOfDeath: null, name: 'Sam Doe' });
  await deliver('PeriodOfCareStarted', childId, { periodOfCareId, startedOn, shortBreak: false, legalStatus: 'C2', placingAuthority: 'LA-NORTH', dateOfBirth });
  if (assign) expect((await gql(sg.url, ASSIGN, { childId }, SW)).errors).toBeUndefined();
  return { childId, periodOfCareId };
}

async function child(childId: string, auth = SW) {
  return gql(sg.url, CHILD, { r: [{ __typename: 'Child', id: childId }] }, auth);
}
async function outboxCount(): Promise<number> {
  return (sg.orm.em.fork() as EntityManager).count(OutboxEvent, {});
}

beforeAll(async () => {
  sg = await startTestSubgraph(reviewsSubgraph, { workers: false, relay: false });
});
beforeEach(() => setClock('2027-11-01T12:00:00Z'));
afterAll(async () => {
  setClock();
  await sg.stopAll();
});

describe('reviews subgraph', () => {
  it('Example 3 and 4: REV-1ST-20WD, REV-2ND-3M, REV-NEXT-6M, decisions, report and consultation (C-09)', async () => {
    const { childId } = await lookedAfter('2026-12-21');
    let c = (await child(childId, IRO)).data!._entities[0];
    expect(c.iro).toEqual({ id: 'iro-jane', name: 'Jane Reid', email: 'jane@north.gov.uk' });
    expect(c.nextReview).toMatchObject({ sequence: 1, dueBy: '2027-01-21', ruleId: 'REV-1ST-20WD' });

    const first = await gql(sg.url, HOLD, { childId, heldOn: '2027-01-21', p: 'PN1' }, IRO);
    expect(first.errors).toBeUndefined();
    expect(first.data!.holdReview).toMatchObject({
      sequence: 1, heldOn: '2027-01-21', dueBy: '2027-01-21', decisionsDueBy: '2027-01-28', reportDueBy: '2027-02-18', consultationDueBy: null,
    });
    expect(first.data!.holdReview.consultationNote).toMatch(/REV-CONSULT-20WD not applicable/);

    const second = await gql(sg.url, SCHEDULE, { childId, on: '2027-04-21' }, SW);
    expect(second.data!.scheduleReview).toMatchObject({ sequence: 2, dueBy: '2027-04-21', ruleId: 'REV-2ND-3M', consultationDueBy: '2027-03-22' });
    const held2 = await gql(sg.url, HOLD, { reviewId: second.data!.scheduleReview.id, heldOn: '2027-04-21', p: 'PN5' }, IRO);
    expect(held2.errors).toBeUndefined();
    c = (await child(childId)).data!._entities[0];
    expect(c.nextReview).toMatchObject({ sequence: 3, dueBy: '2027-10-21', ruleId: 'REV-NEXT-6M' });
    expect(c.reviews.map((r: { sequence: number }) => r.sequence)).toEqual([1, 2]);
  });

  it('REV-ADJOURN-20WD: reconvene within 20 working days, once only', async () => {
    const { childId } = await lookedAfter('2026-12-21');
    const s = await gql(sg.url, SCHEDULE, { childId, on: '2027-01-21' }, SW);
    const id = s.data!.scheduleReview.id;
    const adj = await gql(sg.url, `mutation($id: ID!) { adjournReview(reviewId: $id, adjournedOn: "2027-01-21") { adjournedOn reconveneBy heldOn } }`, { id }, IRO);
    expect(adj.data!.adjournReview).toEqual({ adjournedOn: '2027-01-21', reconveneBy: '2027-02-18', heldOn: null });
    const again = await gql(sg.url, `mutation($id: ID!) { adjournReview(reviewId: $id, adjournedOn: "2027-01-22") { id } }`, { id }, IRO);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ADJOURNED' });
    const early = await gql(sg.url, HOLD, { reviewId: id, heldOn: '2027-01-20', p: 'PN1' }, IRO);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BEFORE_ADJOURNMENT' });
  });

  it('Example 8: month-end limits with no roll-forward', async () => {
    const a = await lookedAfter('2026-11-02');
    await gql(sg.url, HOLD, { childId: a.childId, heldOn: '2026-11-30', p: 'PN1' }, IRO);
    expect((await child(a.childId)).data!._entities[0].nextReview).toMatchObject({ dueBy: '2027-02-28', practicalDueBy: '2027-02-26', ruleId: 'REV-2ND-3M' });

    setClock('2028-10-02T12:00:00Z');
    const b = await lookedAfter('2027-11-01');
    expect((await gql(sg.url, HOLD, { childId: b.childId, heldOn: '2027-11-29', p: 'PN1' }, IRO)).errors).toBeUndefined();
    expect((await gql(sg.url, HOLD, { childId: b.childId, heldOn: '2028-03-31', p: 'PN1' }, IRO)).errors).toBeUndefined();
    expect((await child(b.childId)).data!._entities[0].nextReview).toMatchObject({ sequence: 3, dueBy: '2028-09-30', practicalDueBy: '2028-09-29', ruleId: 'REV-NEXT-6M' });
  });

  it('REV-EARLY: an early-review trigger brings the due date forward; a welfare-concern visit does so once (idempotent)', async () => {
    const { childId } = await lookedAfter('2027-01-04');
    await gql(sg.url, HOLD, { childId, heldOn: '2027-02-01', p: 'PN1' }, IRO);
    expect((await child(childId)).data!._entities[0].nextReview.dueBy).toBe('2027-05-01');
    const t = await gql(sg.url, `mutation($c: ID!) { recordEarlyReviewTrigger(childId: $c, trigger: IRO_REQUEST, triggeredOn: "2027-02-10") { sequence dueBy ruleId } }`, { c: childId }, IRO);
    expect(t.data!.recordEarlyReviewTrigger).toEqual({ sequence: 2, dueBy: '2027-03-10', ruleId: 'REV-EARLY' });

    const other = await lookedAfter('2027-01-04');
    const visit = await deliver('VisitRecorded', other.childId, { visitId: randomUUID(), visitedOn: '2027-01-06', placementId: randomUUID(), seenAlone: true, welfareConcern: true });
    await reviewsSubgraph.consumes!.handle(sg.orm, visit, log);
    // First review statutory due 2027-02-01; the visit trigger targets 2027-02-03, so it stays; check the stored trigger.
    expect(await (sg.orm.em.fork() as EntityManager).count(EarlyTriggerEntity, { childId: other.childId })).toBe(1);
    await deliver('SignificantEventRecorded', childId, { eventId: randomUUID(), kind: 'EMERGENCY_MOVE', occurredAt: '2027-02-03T22:00:00Z', summary: 'moved', recordedByOrg: 'LA-NORTH' });
    const next = (await child(childId)).data!._entities[0].nextReview;
    expect(next).toMatchObject({ dueBy: '2027-03-03', ruleId: 'REV-AFTER-EMERG' });
  });

  it('a new period of care restarts the cycle at sequence 1', async () => {
    const { childId, periodOfCareId } = await lookedAfter('2026-12-21');
    await gql(sg.url, HOLD, { childId, heldOn: '2027-01-21', p: 'PN1' }, IRO);
    await deliver('ChildCeasedLookedAfter', childId, { periodOfCareId, startedOn: '2026-12-21', endedOn: '2027-02-01', reason: 'E4A', ceasedAt: '2027-02-01T12:00:00Z' });
    expect((await child(childId)).data!._entities[0].nextReview).toBeNull();
    const second = randomUUID();
    await deliver('PeriodOfCareStarted', childId, { periodOfCareId: second, startedOn: '2027-03-01', shortBreak: false, placingAuthority: 'LA-NORTH', dateOfBirth: '2016-06-01' });
    const c = (await child(childId)).data!._entities[0];
    expect(c.nextReview).toMatchObject({ sequence: 1, periodOfCareId: second, dueBy: '2027-03-31', ruleId: 'REV-1ST-20WD' });
    expect(c.reviews).toHaveLength(1);
    expect(c.reviews[0]).toMatchObject({ periodOfCareId, sequence: 1 });
  });

  it('PA-REVIEW-REQ / PA-ESCALATE: a provider request escalates when no review follows; a held review satisfies one', async () => {
    const { childId } = await lookedAfter('2027-01-04');
    await deliver('PlacementStarted', childId, testPlacement({ childId, providerId: 'PRV-OAK', placingAuthority: 'LA-NORTH', startedAt: '2027-01-05T10:00:00.000Z' }));
    setClock('2027-03-01T10:00:00Z');
    const REQ = `mutation($c: ID!) { requestReview(childId: $c, reason: PERSISTENT_ABSENCE, details: "missing three times") { id outcome escalateBy providerId } }`;
    const r = await gql(sg.url, REQ, { c: childId }, PROVIDER);
    expect(r.data!.requestReview).toMatchObject({ outcome: 'PENDING', escalateBy: '2027-03-31', providerId: 'PRV-OAK' });
    const sweep = `mutation($at: DateTime) { escalateOverdueReviewRequests(asOf: $at) }`;
    // A sweep is dated now or in the past: a future asOf would escalate what is not yet late.
    const future = await gql(sg.url, sweep, { at: '2027-03-01T10:00:01Z' }, OPS);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUTURE_AS_OF' });
    setClock('2027-04-02T00:00:00+01:00');
    expect((await gql(sg.url, sweep, { at: '2027-03-31T22:00:00+01:00' }, OPS)).data!.escalateOverdueReviewRequests).toBe(0);
    expect((await gql(sg.url, sweep, { at: '2027-04-01T00:00:01+01:00' }, OPS)).data!.escalateOverdueReviewRequests).toBe(1);
    expect((await gql(sg.url, sweep, {}, OPS)).data!.escalateOverdueReviewRequests).toBe(0);
    expect((await gql(sg.url, sweep, {}, SW)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const events = await (sg.orm.em.fork() as EntityManager).find(OutboxEvent, { type: 'ReviewRequestEscalated', childId });
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ requestId: r.data!.requestReview.id, providerId: 'PRV-OAK' });

    setClock('2027-04-05T10:00:00+01:00');
    await gql(sg.url, REQ, { c: childId }, PROVIDER);
    await gql(sg.url, HOLD, { childId, heldOn: '2027-04-05', p: 'PN1' }, IRO);
    const requests = (await child(childId, PROVIDER)).data!._entities[0].reviewRequests;
    // The escalated request is also answered by the review; its escalation stays on record.
    expect(requests.map((q: { outcome: string }) => q.outcome)).toEqual(['REVIEW_HELD', 'REVIEW_HELD']);
    expect(requests[0].escalatedAt).toBe('2027-04-01T00:00:01+01:00');
    expect(requests[1].escalatedAt).toBeNull();
    // Each answer is an event for the provider who asked and the authority (PA-REVIEW-REQ).
    const answered = await (sg.orm.em.fork() as EntityManager).find(OutboxEvent, { type: 'ReviewRequestAnswered', childId });
    const heldAnswer = expect.objectContaining({ outcome: 'REVIEW_HELD', placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK' });
    expect(answered.map((e) => e.payload)).toEqual([heldAnswer, heldAnswer]);
    expect(new Set(answered.map((e) => (e.payload as { reviewId: string }).reviewId)).size).toBe(1);
    // Another authority's staff cannot request, only the provider where the child is placed.
    expect((await gql(sg.url, REQ, { c: childId }, OTHER_LA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('an authority answer to a review request and an Outcome Star reading are events naming the child and its organisations', async () => {
    const { childId } = await lookedAfter('2027-01-04');
    await deliver('PlacementStarted', childId, testPlacement({ childId, providerId: 'PRV-OAK', placingAuthority: 'LA-NORTH', startedAt: '2027-01-05T10:00:00.000Z' }));
    setClock('2027-03-01T10:00:00Z');
    const r = await gql(sg.url, `mutation($c: ID!) { requestReview(childId: $c, reason: PERSISTENT_ABSENCE) { id } }`, { c: childId }, PROVIDER);
    const RESPOND = `mutation($id: ID!) { respondToReviewRequest(requestId: $id, outcome: DECLINED, note: "reviewed last month") { outcome } }`;
    expect((await gql(sg.url, RESPOND, { id: r.data!.requestReview.id }, SW)).data!.respondToReviewRequest.outcome).toBe('DECLINED');
    const s = await gql(sg.url, SCHEDULE, { childId, on: '2027-03-20' }, SW);
    const STAR = `mutation($id: ID!) { recordOutcomeStar(reviewId: $id, capturedOn: "2027-02-28", tool: OUTCOME_STAR) { id } }`;
    expect((await gql(sg.url, STAR, { id: s.data!.scheduleReview.id }, SW)).errors).toBeUndefined();
    const em = sg.orm.em.fork() as EntityManager;
    const [answer] = await em.find(OutboxEvent, { type: 'ReviewRequestAnswered', childId });
    expect(answer.payload).toEqual({
      childId, placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK', requestId: r.data!.requestReview.id, outcome: 'DECLINED',
      respondedAt: '2027-03-01T10:00:00.000Z', note: 'reviewed last month', reviewId: null,
    });
    const [star] = await em.find(OutboxEvent, { type: 'OutcomeStarRecorded', childId });
    expect(star.payload).toEqual({
      childId, placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK', reviewId: s.data!.scheduleReview.id, capturedOn: '2027-02-28', tool: 'OUTCOME_STAR',
    });
  });

  it('coded errors: before looked after, PN0 for a 10-year-old, a report before the review, a future date; nothing written', async () => {
    const { childId } = await lookedAfter('2027-01-04', '2016-06-01');
    const before = await outboxCount();
    const early = await gql(sg.url, HOLD, { childId, heldOn: '2027-01-03', p: 'PN1' }, IRO);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BEFORE_LOOKED_AFTER' });
    const pn0 = await gql(sg.url, HOLD, { childId, heldOn: '2027-01-20', p: 'PN0' }, IRO);
    expect(pn0.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PARTICIPATION_CODE' });
    const future = await gql(sg.url, HOLD, { childId, heldOn: '2027-12-01', p: 'PN1' }, IRO);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE' });
    expect(await outboxCount()).toBe(before);
    expect((await child(childId)).data!._entities[0].reviews).toEqual([]);

    const s = await gql(sg.url, SCHEDULE, { childId, on: '2027-01-29' }, SW);
    const report = await gql(sg.url, `mutation($id: ID!) { issueReviewReport(reviewId: $id, issuedOn: "2027-01-29") { id } }`, { id: s.data!.scheduleReview.id }, IRO);
    expect(report.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_NOT_HELD' });

    const toddler = await lookedAfter('2027-01-04', '2024-05-01');
    const pn1 = await gql(sg.url, HOLD, { childId: toddler.childId, heldOn: '2027-01-20', p: 'PN1' }, IRO);
    expect(pn1.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PARTICIPATION_CODE' });
    expect((await gql(sg.url, HOLD, { childId: toddler.childId, heldOn: '2027-01-20', p: 'PN0' }, IRO)).errors).toBeUndefined();
  });

  it('tenancy: another authority is FORBIDDEN; the assigned IRO may act; providers see no consultation; the caseload', async () => {
    const { childId } = await lookedAfter('2026-12-21');
    const other = await child(childId, OTHER_LA);
    expect(other.data!._entities[0]).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, SCHEDULE, { childId, on: '2027-01-20' }, OTHER_LA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, ASSIGN, { childId }, OTHER_LA)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, HOLD, { childId, heldOn: '2027-01-20', p: 'PN1' }, OTHER_IRO)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, HOLD, { childId, heldOn: '2027-01-20', p: 'PN1' }, SW)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, HOLD, { childId, heldOn: '2027-01-20', p: 'PN1' }, IRO)).errors).toBeUndefined();
    const unknown = await child(randomUUID());
    expect(unknown.data!._entities[0]).toBeNull();
    expect(unknown.errors).toBeUndefined();

    await deliver('PlacementStarted', childId, testPlacement({ childId, providerId: 'PRV-OAK', placingAuthority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00.000Z' }));
    const seen = (await child(childId, PROVIDER)).data!._entities[0];
    expect(seen.reviews[0]).toMatchObject({ heldOn: '2027-01-20', consultationNote: null, consultationDueBy: null });

    const CASELOAD = `query($i: ID!) { iroCaseload(iroId: $i) { child { id } nextReviewDueBy overdue overdueItems } }`;
    const mine = await gql(sg.url, CASELOAD, { i: 'iro-jane' }, IRO);
    const entry = mine.data!.iroCaseload.find((e: { child: { id: string } }) => e.child.id === childId);
    expect(entry).toMatchObject({ nextReviewDueBy: '2027-04-20', overdue: true });
    expect(entry.overdueItems).toEqual(expect.arrayContaining(['REV-DECISIONS-5WD:' + seen.reviews[0].id, 'REV-2ND-3M']));
    expect((await gql(sg.url, CASELOAD, { i: 'iro-jane' }, OTHER_IRO)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const managed = await gql(sg.url, CASELOAD, { i: 'iro-jane' }, TM);
    expect(managed.data!.iroCaseload.length).toBe(mine.data!.iroCaseload.length);
    expect((await gql(sg.url, CASELOAD, { i: 'iro-jane' }, bearer('TEAM_MANAGER', 'LA-SOUTH'))).data!.iroCaseload).toEqual([]);
  });
});
