import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { openRedis, QUEUES, requestStatementCount, statementCount } from '@hub/service-kit';
import { bearer, eventually, gql, TEST_REDIS } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';
import { CASELOAD } from './harness/caseload-query';
import { seedDemoData } from '@hub/launcher';

let hub: Hub;
const SW_NORTH = bearer('SOCIAL_WORKER', 'LA-NORTH');

// Loading the demo data is some 400 mutations through the gateway, one at a time (about 40 s on a quiet machine);
// the bound leaves room for a loaded one.
beforeAll(async () => {
  hub = await startHub({ label: 'federation' });
  const created = await seedDemoData((q, v, token) => hub.query(q, v, `Bearer ${token}`));
  expect(created).toBe(50);
  await hub.settle(60_000);
}, 360_000);
afterAll(() => hub?.stop());

describe('the federated hub on demo data', () => {
  it('answers one query across all four subgraphs through the gateway', async () => {
    const r = await hub.query(CASELOAD, { n: 50 }, SW_NORTH);
    expect(r.errors).toBeUndefined();
    const nodes = r.data!.children.edges.map((e: any) => e.node);
    expect(r.data!.children.totalCount).toBe(25);
    expect(nodes.every((c: any) => c.placingAuthority.code === 'LA-NORTH')).toBe(true);
    const newInCare = nodes.filter((c: any) => c.currentPlacement?.isEmergency);
    expect(newInCare.length).toBeGreaterThan(0);
    // children → plans (deadline ledger fed by events) → reviews → notifications, in one operation.
    const withDeadlines = nodes.filter((c: any) => c.deadlines.some((d: any) => d.ruleId === 'PP-DUE-5WD'));
    expect(withDeadlines.length).toBeGreaterThan(0);
    expect(nodes.some((c: any) => c.nextReview?.dueBy)).toBe(true);
    expect(nodes.every((c: any) => Array.isArray(c.notifications))).toBe(true);
  });

  /** Runs one query through the gateway with its own request id; returns the statements every subgraph spent on it. */
  async function statementsOf(query: string, variables: Record<string, unknown>, authorization: string) {
    const requestId = `n1-${randomUUID()}`;
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    expect(res.headers.get('x-request-id')).toBe(requestId);
    return { body, statements: requestStatementCount(requestId) };
  }

  it('costs the same number of SQL statements for 5 and for 50 children', async () => {
    const sw = bearer('SOCIAL_WORKER', 'LA-NORTH');
    const measure = async (n: number) => {
      const { body, statements } = await statementsOf(CASELOAD, { n }, sw);
      expect(body.errors).toBeUndefined();
      expect(body.data.children.edges.length).toBe(Math.min(n, 25));
      return statements;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
    expect(five).toBeLessThan(40);
    // The same request costs the same again: nothing else (relay, consumers, delivery retries) is counted with it.
    expect(await measure(50)).toBe(fifty);
  });

  it('counts only the statements of requests: background work (relay, consumers) is never counted', async () => {
    const before = statementCount();
    const { body, statements } = await statementsOf(
      'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }',
      { i: { givenName: 'Counted', familyName: 'Once', dateOfBirth: '2015-04-04', placingAuthority: 'LA-NORTH', becameLookedAfterOn: '2026-09-01' } },
      SW_NORTH,
    );
    expect(body.errors).toBeUndefined();
    // The registration's events are relayed and consumed by plans, reviews and notifications (many statements).
    await hub.settle();
    expect(statements).toBeGreaterThan(0);
    expect(statementCount() - before).toBe(statements);
  });

  it('refuses a caller without a token at the gateway, and at each subgraph called directly', async () => {
    const none = await hub.query('{ children { totalCount } }');
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const s of Object.values(hub.subgraphs)) {
      const direct = await gql(s.url, '{ __typename }');
      expect(direct.status).toBe(401);
      expect(direct.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('registering a child yields an event that the notifications worker consumes', async () => {
    const r = await hub.query(
      'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }',
      { i: { givenName: 'Event', familyName: 'Trail', dateOfBirth: '2015-03-03', placingAuthority: 'LA-NORTH' } },
      SW_NORTH,
    );
    expect(r.errors).toBeUndefined();
    const id = r.data!.registerChild.id;
    const rows = await hub.subgraphs.children.orm.em.getConnection().execute(
      `select id from children.outbox_event where child_id = ? and type = 'ChildRegistered'`, [id]);
    expect(rows).toHaveLength(1);
    const connection = openRedis(TEST_REDIS, { worker: true });
    const queue = new Queue(QUEUES.eventsNotifications, { connection, prefix: hub.queuePrefix });
    try {
      const state = await eventually(async () => {
        const job = await queue.getJob(rows[0].id);
        const s = await job?.getState();
        return s === 'completed' ? s : null;
      });
      expect(state).toBe('completed');
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
