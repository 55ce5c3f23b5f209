/**
 * /metrics on every service, each documented metric present and moving under a scenario. The hub runs split (an API
 * and a worker process per service, in this process): a child is registered and placed through the gateway, a bad
 * request is refused, the events are consumed, the reg 13 notice's delivery fails (no IRO address yet), and the
 * placement's early deadlines are already overdue. Then the children worker and the plans worker are stopped: a
 * further change waits in the children outbox, and its events wait in the plans queue, and the lag gauges say so.
 */
import { bearer, eventually, gatewaySignedHeaders } from '@hub/service-kit/testing';
import { Hub, startHub } from './harness/hub';

const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-MET');
const SERVICES = ['children', 'plans', 'reviews', 'notifications'] as const;
let hub: Hub;

/** Every sample of the exposition text: `name{labels} value`. */
function samples(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]] = l[2];
    out.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return out;
}

async function scrape(base: string): Promise<string> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

const gatewayBase = () => hub.url.replace(/\/graphql$/, '');
const baseOf = (url: string) => url.replace(/\/graphql$/, '');

/** The sum of a metric's samples whose labels include `match`. */
async function value(name: string, match: Record<string, string> = {}, base = gatewayBase()): Promise<number> {
  return samples(await scrape(base))
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v))
    .reduce((n, s) => n + s.value, 0);
}

async function named(operationName: string, query: string, variables: Record<string, unknown>, auth: string) {
  const body = JSON.stringify({ query, variables, operationName });
  const res = await fetch(hub.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth, ...gatewaySignedHeaders(hub.url, { body, authorization: auth }) }, body });
  return (await res.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: { code?: string } }> };
}

async function must(operationName: string, query: string, variables: Record<string, unknown>, auth: string) {
  const r = await named(operationName, query, variables, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function placedChild(givenName: string): Promise<string> {
  const d = await must('RegisterChild', 'mutation RegisterChild($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName, familyName: 'Metric', dateOfBirth: '2013-01-01', placingAuthority: 'LA-MET', becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, SW);
  await must('StartPlacement', 'mutation StartPlacement($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: d.registerChild.id, providerId: 'PRV-MET', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, SW);
  return d.registerChild.id;
}

beforeAll(async () => {
  hub = await startHub({ label: 'metrics', split: true });
  await must('Authority', 'mutation Authority { upsertAuthority(code: "LA-MET", name: "Metric Council") { code } }', {}, ADMIN);
  await must('Provider', 'mutation Provider { upsertProvider(input: { id: "PRV-MET", name: "Metric Home", kind: "CHILDRENS_HOME" }) { id } }', {}, ADMIN);
});
afterAll(() => hub?.stop());

it('serves /metrics on the gateway and on every API and worker process', async () => {
  const bases = [gatewayBase(), ...SERVICES.flatMap((s) => [baseOf(hub.subgraphs[s].url), baseOf(hub.workers![s].url)])];
  for (const base of bases) expect(await scrape(base)).toContain('# TYPE hub_graphql_requests_total counter');
});

it('moves every documented metric under a scenario', async () => {
  const before = {
    gwRequests: await value('hub_graphql_requests_total', { service: 'gateway', operation: 'StartPlacement' }),
    gwLatency: await value('hub_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'StartPlacement' }),
    childrenRequests: await value('hub_graphql_requests_total', { service: 'children' }),
    notFound: await value('hub_graphql_errors_total', { service: 'gateway' }),
    subgraphErrors: await value('hub_graphql_errors_total', { service: 'children' }),
    statements: await value('hub_sql_statements_per_request_count', { service: 'children' }),
    statementSum: await value('hub_sql_statements_per_request_sum', { service: 'children' }),
    handled: await value('hub_event_handling_lag_seconds_count', { queue: 'events-plans' }),
    completed: await value('hub_queue_jobs', { queue: 'events-plans', state: 'completed' }),
    failedDeliveries: await value('hub_deliveries_total', { outcome: 'FAILED' }),
    deliveryTimes: await value('hub_delivery_duration_seconds_count'),
  };
  const first = await placedChild('Mia');
  // A date that does not exist: refused by the children service's scalar, passed on by the gateway.
  const refused = await named('RegisterChild', 'mutation RegisterChild($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Bad', familyName: 'Metric', dateOfBirth: '2013-02-30', placingAuthority: 'LA-MET' },
  }, SW);
  expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  await hub.settle();
  await eventually(async () => (await value('hub_deliveries_total', { outcome: 'FAILED' })) > before.failedDeliveries, 20_000);

  expect(await value('hub_graphql_requests_total', { service: 'gateway', operation: 'StartPlacement' })).toBe(before.gwRequests + 1);
  expect(await value('hub_graphql_request_duration_seconds_count', { service: 'gateway', operation: 'StartPlacement' })).toBe(before.gwLatency + 1);
  expect(await value('hub_graphql_requests_total', { service: 'children' })).toBeGreaterThan(before.childrenRequests);
  expect(await value('hub_graphql_errors_total', { service: 'gateway' })).toBeGreaterThan(before.notFound);
  expect(await value('hub_graphql_errors_total', { service: 'children' })).toBeGreaterThan(before.subgraphErrors);
  expect(await value('hub_sql_statements_per_request_count', { service: 'children' })).toBeGreaterThan(before.statements);
  expect(await value('hub_sql_statements_per_request_sum', { service: 'children' })).toBeGreaterThan(before.statementSum);
  expect(await value('hub_event_handling_lag_seconds_count', { queue: 'events-plans' })).toBeGreaterThan(before.handled);
  expect(await value('hub_queue_jobs', { queue: 'events-plans', state: 'completed' })).toBeGreaterThan(before.completed);
  expect(await value('hub_delivery_duration_seconds_count')).toBeGreaterThan(before.deliveryTimes);
  // The placement's first deadlines fell due months ago.
  expect(await value('hub_deadlines_overdue', { authority: 'LA-MET' }, baseOf(hub.workers!.plans.url))).toBeGreaterThan(0);
  // Nothing waits once the hub has settled.
  expect(await value('hub_outbox_oldest_unrelayed_seconds', { service: 'children' })).toBe(0);
  expect(await value('hub_consumer_lag_seconds', { queue: 'events-plans' }, baseOf(hub.workers!.reviews.url))).toBe(0);

  // No relay for children and no consumer for plans: the next change waits, and the gauges grow.
  await hub.workers!.children.stop();
  await hub.workers!.plans.stop();
  await must('RegisterChild', 'mutation RegisterChild($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Noa', familyName: 'Metric', dateOfBirth: '2014-01-01', placingAuthority: 'LA-MET', becameLookedAfterOn: '2026-09-01' },
  }, SW);
  await eventually(async () => (await value('hub_outbox_oldest_unrelayed_seconds', { service: 'children' }, baseOf(hub.subgraphs.children.url))) > 0);
  // A plans event job left waiting (added straight to the queue, as the relay would) is reported by the other workers.
  const { Queue } = await import('bullmq');
  const { openRedis } = await import('@hub/service-kit');
  const { TEST_REDIS } = await import('@hub/service-kit/testing');
  const connection = openRedis(TEST_REDIS, { worker: true });
  const queue = new Queue('events-plans', { connection, prefix: hub.queuePrefix });
  try {
    await queue.add('ChildRegistered', { id: first, type: 'ChildRegistered' }, { jobId: `waiting-${first}` });
    await eventually(async () => (await value('hub_consumer_lag_seconds', { queue: 'events-plans' }, baseOf(hub.workers!.reviews.url))) > 0);
    expect(await value('hub_queue_jobs', { queue: 'events-plans', state: 'waiting' }, baseOf(hub.workers!.reviews.url))).toBeGreaterThan(0);
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
    connection.disconnect();
  }
});
