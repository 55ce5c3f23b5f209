import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { bearer, eventually, gql, startTestSubgraph, TEST_REDIS, testEvent } from '@hub/service-kit/testing';
import { openRedis, QUEUES } from '@hub/service-kit';
import { plansSubgraph } from '../../src/definition';
import { reviewDueSet } from './support';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;

beforeAll(async () => {
  sg = await startTestSubgraph(plansSubgraph);
});
afterAll(() => sg.stopAll());

describe('events-plans consumer', () => {
  it('applies children events from the queue to access facts and the ledger', async () => {
    const childId = randomUUID();
    const periodOfCareId = randomUUID();
    const connection = openRedis(TEST_REDIS, { worker: true });
    const q = new Queue(QUEUES.eventsPlans, { connection, prefix: sg.queuePrefix });
    const registered = testEvent('ChildRegistered', { childId, placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' });
    const started = testEvent('PeriodOfCareStarted', { childId, periodOfCareId, startedOn: '2026-12-21', shortBreak: false, legalStatus: 'C2', placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01' });
    await q.add(registered.type, registered, { jobId: registered.id });
    await q.add(started.type, started, { jobId: started.id });
    // The reviews service answers the new period with the first review's date (it owns the review cycle).
    const due = testEvent('ReviewDueSet', { ...reviewDueSet({ childId, periodOfCareId, startedOn: '2026-12-21' }), placingAuthority: 'LA-NORTH' }, { source: 'reviews' });
    await q.add(due.type, due, { jobId: due.id });
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { deadlines { ruleId dueDate } } } }`;
    const rules = await eventually(async () => {
      const r = await gql(sg.url, query, { r: [{ __typename: 'Child', id: childId }] }, bearer('SOCIAL_WORKER', 'LA-NORTH'));
      const list = r.data?._entities?.[0]?.deadlines as Array<{ ruleId: string; dueDate: string }> | undefined;
      return list && list.length >= 6 ? list : null;
    });
    expect(rules.map((d) => `${d.ruleId} ${d.dueDate}`).sort()).toEqual([
      'HP-IHA 2027-01-21', 'IRO-APPOINT-5WD 2026-12-30', 'PEP-10WD 2027-01-07',
      // Born 1 May 2012 and looked after from 21 Dec 2026: eligible at 16 if still looked after (AGE-ELIGIBLE).
      'PWP-ASSESS-3M 2028-08-01', 'PWP-LOCAL-16Y3M 2028-08-01', 'REV-1ST-20WD 2027-01-21',
    ]);
    await q.close();
    connection.disconnect();
  });
});
