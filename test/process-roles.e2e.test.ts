/**
 * Process roles: every service runs as an API process (`--role api`) and a worker process (`--role worker`), as a
 * cluster would scale them. The API processes serve GraphQL and relay nothing; the workers serve only the probes
 * and /metrics, relay the outbox and consume the events; with a service's worker stopped its events wait in the
 * queue, and a worker started later applies them. The reviews service keeps its schema in a database of its own
 * (REVIEWS_DATABASE_URL), as a managed PostgreSQL per service would.
 */
import { bearer, eventually, freshDatabase, testConfig, TEST_REDIS } from '@hub/service-kit/testing';
import { Queue } from 'bullmq';
import { createLogger, openRedis, QUEUES, startSubgraph } from '@hub/service-kit';
import { plansSubgraph } from '@hub/plans';
import { Hub, startHub } from './harness/hub';

const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-ROLE');
let hub: Hub;
let reviewsDb: Awaited<ReturnType<typeof freshDatabase>>;

async function must(q: string, v: Record<string, unknown>, auth: string): Promise<Record<string, any>> {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function childPlaced(name: string): Promise<string> {
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: name, familyName: 'Role', dateOfBirth: '2013-01-01', placingAuthority: 'LA-ROLE', becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, SW);
  await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: d.registerChild.id, providerId: 'PRV-ROLE', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, SW);
  return d.registerChild.id;
}

/** Deadlines the plans service holds for a child: written only by its event consumer. */
const deadlineCount = async (id: string) => {
  const rows = await hub.subgraphs.plans.orm.em.fork().getConnection().execute('select count(*)::int as n from plans.deadline where child_id = ?', [id]);
  return rows[0].n as number;
};

beforeAll(async () => {
  reviewsDb = await freshDatabase('roles_reviews');
  process.env.REVIEWS_DATABASE_URL = reviewsDb.url;
  hub = await startHub({ label: 'roles', split: true });
  await must('mutation { upsertAuthority(code: "LA-ROLE", name: "Role Council") { code } }', {}, ADMIN);
  await must('mutation { upsertProvider(input: { id: "PRV-ROLE", name: "Role Home", kind: "CHILDRENS_HOME" }) { id } }', {}, ADMIN);
});
afterAll(async () => {
  await hub?.stop();
  delete process.env.REVIEWS_DATABASE_URL;
  await reviewsDb?.drop();
});

it('serves GraphQL from the API processes only; the workers answer the probes and /metrics', async () => {
  for (const name of ['children', 'plans', 'reviews', 'notifications'] as const) {
    const api = hub.subgraphs[name];
    const worker = hub.workers![name];
    const base = (u: string) => u.replace(/\/graphql$/, '');
    expect((await fetch(worker.url, { method: 'POST', body: '{}' })).status).toBe(404);
    for (const path of ['/healthcheck', '/readiness', '/metrics']) {
      expect([name, path, (await fetch(base(worker.url) + path)).status]).toEqual([name, path, 200]);
      expect([name, path, (await fetch(base(api.url) + path)).status]).toEqual([name, path, 200]);
    }
    // An unsigned call reaches the API's GraphQL handler (and is refused there), not a 404.
    expect((await fetch(api.url, { method: 'POST', body: '{}' })).status).toBe(401);
    expect(api.relay).toBeUndefined();
    expect(worker.relay).toBeDefined();
  }
});

it('applies events in the worker processes: with the plans worker stopped they wait, a new worker applies them', async () => {
  const first = await childPlaced('Ada');
  await hub.settle();
  expect(await deadlineCount(first)).toBeGreaterThan(0);

  await hub.workers!.plans.stop();
  const second = await childPlaced('Bea');
  const connection = openRedis(TEST_REDIS, { worker: true });
  const queue = new Queue(QUEUES.eventsPlans, { connection, prefix: hub.queuePrefix });
  try {
    // The children worker relayed the events; nothing in the plans API process takes them.
    await eventually(async () => (await queue.getJobCounts('waiting')).waiting >= 2);
    expect(await deadlineCount(second)).toBe(0);

    hub.workers!.plans = await startSubgraph(plansSubgraph, {
      config: testConfig(hub.subgraphs.plans.orm.config.get('clientUrl') as string),
      port: 0, log: createLogger('roles', 'silent'), queuePrefix: hub.queuePrefix, role: 'worker',
    });
    await eventually(async () => (await deadlineCount(second)) > 0, 20_000);
  } finally {
    await queue.close();
    connection.disconnect();
  }
});

it('keeps the reviews schema in its own database, and the events still reach it', async () => {
  expect(hub.subgraphs.reviews.orm.config.get('clientUrl')).toBe(reviewsDb.url);
  expect(hub.workers!.reviews.orm.config.get('clientUrl')).toBe(reviewsDb.url);
  const shared = hub.subgraphs.children.orm.em.fork().getConnection();
  expect(await shared.execute("select count(*)::int as n from information_schema.tables where table_schema = 'reviews'")).toEqual([{ n: 0 }]);
  const id = await childPlaced('Cy');
  await hub.settle();
  const own = hub.subgraphs.reviews.orm.em.fork().getConnection();
  expect(await own.execute('select count(*)::int as n from reviews.review_child where child_id = ?', [id])).toEqual([{ n: 1 }]);
});
