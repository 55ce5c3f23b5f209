import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { bearer, eventually, gql, startTestSubgraph, TEST_REDIS, testEvent, testPlacement } from '@hub/service-kit/testing';
import { EventPayloads, EventType, HubEvent, openRedis, QUEUES, setClock } from '@hub/service-kit';
import { defineReviewsSubgraph } from '../../src/definition';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
let connection: IORedis;
let queue: Queue;
const SW = bearer('SOCIAL_WORKER', 'LA-EAST');
const PROVIDER = bearer('PROVIDER_STAFF', 'PRV-ELM');
const CHILD = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { nextReview { sequence dueBy ruleId } reviewRequests { outcome escalateBy escalatedAt } } } }`;

function event<T extends EventType>(type: T, childId: string, payload: Omit<EventPayloads[T], 'childId'>): HubEvent {
  return testEvent(type, { childId, ...payload } as EventPayloads[T]);
}

beforeAll(async () => {
  // Workers on: events arrive on the reviews queue, and the PA-ESCALATE sweep runs every 100 ms on the hub clock.
  sg = await startTestSubgraph(defineReviewsSubgraph({ earlyReviewWorkingDays: 20, escalationSweepMs: 100 }), { relay: false });
  connection = openRedis(TEST_REDIS, { worker: true });
  queue = new Queue(QUEUES.eventsReviews, { connection, prefix: sg.queuePrefix });
});
afterAll(async () => {
  setClock();
  await queue.close();
  connection.disconnect();
  await sg.stopAll();
});

describe('reviews event consumer and escalation worker', () => {
  it('applies children events from the queue once, even when an event is delivered twice', async () => {
    setClock('2027-03-01T10:00:00Z');
    const childId = randomUUID();
    const registered = event('ChildRegistered', childId, { placingAuthority: 'LA-EAST', dateOfBirth: '2013-02-02', name: 'Alex Roe' });
    const started = event('PeriodOfCareStarted', childId, { periodOfCareId: randomUUID(), startedOn: '2026-12-21', shortBreak: false, placingAuthority: 'LA-EAST', dateOfBirth: '2013-02-02' });
    const placed = event('PlacementStarted', childId, testPlacement({ childId, providerId: 'PRV-ELM', placingAuthority: 'LA-EAST', startedAt: '2026-12-21T15:00:00.000Z' }));
    for (const e of [registered, started]) await queue.add(e.type, e, { jobId: e.id });
    // The same event again under another job id (a relay that ran twice after the job was removed), concurrently.
    await queue.add(started.type, started, { jobId: `${started.id}-again` });
    const next = await eventually(async () => { const res = await gql(sg.url, CHILD, { r: [{ __typename: 'Child', id: childId }] }, SW);
      return res.data?._entities?.[0]?.nextReview;
    });
    expect(next).toEqual({ sequence: 1, dueBy: '2027-01-21', ruleId: 'REV-1ST-20WD' });
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 3);
    expect(await queue.getJobCounts('failed')).toEqual({ failed: 0 });
    await queue.add(placed.type, placed, { jobId: placed.id });
    await eventually(async () => (await queue.getJobCounts('completed')).completed === 4);

    // PA-ESCALATE with a controllable clock: request on 1 Mar 2027, escalate after 31 Mar 2027 (Easter skipped).
    const r = await gql(sg.url, `mutation($c: ID!) { requestReview(childId: $c, reason: RISK_OF_HARM) { id escalateBy } }`, { c: childId }, PROVIDER);
    expect(r.data!.requestReview.escalateBy).toBe('2027-03-31');
    setClock('2027-03-31T20:00:00Z');
    await new Promise((res) => setTimeout(res, 400));
    const still = (await gql(sg.url, CHILD, { r: [{ __typename: 'Child', id: childId }] }, SW)).data!._entities[0].reviewRequests;
    expect(still[0].outcome).toBe('PENDING');
    setClock('2027-04-01T08:00:00Z');
    const escalated = await eventually(async () => {
      const list = (await gql(sg.url, CHILD, { r: [{ __typename: 'Child', id: childId }] }, SW)).data?._entities?.[0]?.reviewRequests;
      return list?.[0]?.outcome === 'ESCALATED' ? list[0] : null;
    });
    expect(escalated.escalatedAt).toBe('2027-04-01T09:00:00+01:00');
  });
});
