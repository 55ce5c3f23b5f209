/**
 * Many instances, with real processes: two instances of every subgraph (each running its API and its workers)
 * started at the same moment against one fresh database and a redis-server of the test's own, a round-robin TCP
 * balancer in front of each subgraph's pair (what a Kubernetes Service does), and two gateways. Migrations run
 * once however many instances start together (an advisory lock); reads spread over both gateways and both
 * instances; one children and one plans instance are killed (SIGKILL) mid-load and no client request fails: the
 * gateways' upstream retry sends a read that met the dead instance to the live one. The figures are printed.
 */
import net from 'node:net';
import { bearer, freshDatabase } from '@hub/service-kit/testing';
import { Client } from 'pg';
import { freePort, Processes, ready, Spawned, SUBGRAPHS } from './harness/processes';

jest.setTimeout(400_000);

const procs = new Processes();
let db: Awaited<ReturnType<typeof freshDatabase>>;
const gateways: string[] = [];
const instances: Record<string, Array<{ s: Spawned; port: number }>> = {};
const balancers: net.Server[] = [];

/** A round-robin TCP balancer: each connection goes to the next backend that accepts it. */
async function balancer(backends: number[]): Promise<number> {
  let next = 0;
  const server = net.createServer((client) => {
    client.pause();
    const tryFrom = (tries: number) => {
      if (tries === 0) return client.destroy();
      const port = backends[next++ % backends.length];
      const upstream = net.connect(port, '127.0.0.1');
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        client.pipe(upstream).pipe(client);
        client.resume();
        client.on('error', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      // A backend that refuses (dead) is skipped; one that dies with the connection open drops it, as a Service would.
      upstream.on('error', () => (connected ? client.destroy() : tryFrom(tries - 1)));
    };
    tryFrom(backends.length);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  balancers.push(server);
  return (server.address() as net.AddressInfo).port;
}

async function gql(url: string, query: string, variables: Record<string, unknown>, auth: string): Promise<{ ok: boolean; data?: any; errors?: any; ms: number }> {
  const t = Date.now();
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: auth }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: any };
    return { ok: res.ok && !body.errors, ...body, ms: Date.now() - t };
  } catch (err) {
    return { ok: false, errors: [String(err)], ms: Date.now() - t };
  }
}

async function metric(base: string, name: string, match: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  let n = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    if (Object.entries(match).every(([k, v]) => line.includes(`${k}="${v}"`))) n += Number(line.split(' ').pop());
  }
  return n;
}

beforeAll(async () => {
  db = await freshDatabase('scaling');
  const redisUrl = await procs.redis();
  const common = { NODE_ENV: 'development', DATABASE_URL: db.url, REDIS_URL: redisUrl, LOG_LEVEL: 'error', HOST: '127.0.0.1' };
  // Every instance at once: each service's two instances race for its migrations.
  const starting: Array<Promise<void>> = [];
  for (const g of SUBGRAPHS) {
    instances[g.name] = [];
    for (const id of ['a', 'b']) {
      const port = await freePort();
      const s = procs.service(`${g.name}-${id}`, `subgraphs/${g.name}/src/main.ts`, { ...common, [g.portVar]: String(port) });
      instances[g.name].push({ s, port });
      starting.push(ready(`http://127.0.0.1:${port}/readiness`, s, 240_000));
    }
  }
  await Promise.all(starting);
  const urls: Record<string, string> = {};
  for (const g of SUBGRAPHS) urls[g.urlVar] = `http://127.0.0.1:${await balancer(instances[g.name].map((i) => i.port))}/graphql`;
  for (const id of ['1', '2']) {
    const port = await freePort();
    const gw = procs.service(`gateway-${id}`, 'gateway/src/main.ts', { ...common, ...urls, GATEWAY_PORT: String(port), UPSTREAM_RETRIES: '3', UPSTREAM_RETRY_DELAY_MS: '100',
      // The load comes from one token; the shared rate limit has its own test.
      GATEWAY_RATE_LIMIT: '1000000' });
    await ready(`http://127.0.0.1:${port}/readiness`, gw, 240_000);
    gateways.push(`http://127.0.0.1:${port}/graphql`);
  }
});

afterAll(async () => {
  await procs.stopAll();
  for (const b of balancers) b.close();
  await db?.drop();
});

it('applies each migration once however many instances start together', async () => {
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    for (const g of SUBGRAPHS) {
      const rows = (await c.query(`select name, count(*)::int as n from "${g.name}".mikro_orm_migrations group by name`)).rows as Array<{ name: string; n: number }>;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.n !== 1)).toEqual([]);
    }
  } finally {
    await c.end();
  }
});

it('spreads reads over both gateways and both instances, and loses none when instances die mid-load', async () => {
  const ADMIN = bearer('ADMIN', 'HUB');
  const SW = bearer('SOCIAL_WORKER', 'LA-SCL');
  const must = async (q: string, v: Record<string, unknown>, auth: string) => {
    const r = await gql(gateways[0], q, v, auth);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  await must('mutation { upsertAuthority(code: "LA-SCL", name: "Scale Council") { code } }', {}, ADMIN);
  await must('mutation { upsertProvider(input: { id: "PRV-SCL", name: "Scale Home", kind: "CHILDRENS_HOME" }) { id } }', {}, ADMIN);
  const ids: string[] = [];
  for (const name of ['Ana', 'Ben', 'Cat']) {
    const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: name, familyName: 'Scale', dateOfBirth: '2013-01-01', placingAuthority: 'LA-SCL', becameLookedAfterOn: '2026-09-01' },
    }, SW);
    await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
      i: { childId: d.registerChild.id, providerId: 'PRV-SCL', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
    }, SW);
    ids.push(d.registerChild.id);
  }
  // Reads reach children and plans (the deadlines) through both gateways.
  const READ = 'query Read($id: ID!) { child(id: $id) { id givenName deadlines { ruleId status } } }';
  await new Promise((r) => setTimeout(r, 1500)); // the placements' events reach plans

  const CLIENTS = 8;
  const PER_CLIENT = 60;
  const KILL_AFTER = Math.floor((CLIENTS * PER_CLIENT) / 3);
  let done = 0;
  let killed: Promise<void> | undefined;
  const results: Array<{ ok: boolean; ms: number; errors?: unknown }> = [];
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, async (_x, c) => {
    for (let i = 0; i < PER_CLIENT; i++) {
      const r = await gql(gateways[(c + i) % 2], READ, { id: ids[i % ids.length] }, SW);
      results.push(r);
      done += 1;
      if (done === KILL_AFTER) {
        // Mid-load: one instance of children and one of plans die without a chance to finish anything.
        killed = Promise.all(['children', 'plans'].map((n) => new Promise<void>((res) => {
          const victim = instances[n][0].s.child;
          victim.once('exit', () => res());
          victim.kill('SIGKILL');
        }))).then(() => undefined);
      }
    }
  }));
  await killed;
  const seconds = (Date.now() - started) / 1000;
  const failed = results.filter((r) => !r.ok);
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const perGateway = await Promise.all(gateways.map((g) => metric(g.replace(/\/graphql$/, ''), 'hub_graphql_requests_total', { service: 'gateway', operation: 'Read' })));
  const perChildren = await Promise.all(instances.children.slice(1).map((i) => metric(`http://127.0.0.1:${i.port}`, 'hub_graphql_requests_total', { service: 'children' })));
  console.log(JSON.stringify({
    requests: results.length, failed: failed.length, seconds, perSecond: Math.round(results.length / seconds),
    p50ms: ms[Math.floor(ms.length * 0.5)], p95ms: ms[Math.floor(ms.length * 0.95)], maxMs: ms[ms.length - 1],
    perGateway, survivingChildrenInstanceRequests: perChildren[0],
  }));
  expect(failed.map((f) => f.errors)).toEqual([]);
  expect(results).toHaveLength(CLIENTS * PER_CLIENT);
  // Both gateways served about half; the surviving children instance served before and after the kill.
  for (const n of perGateway) expect(n).toBeGreaterThanOrEqual((CLIENTS * PER_CLIENT) / 2);
  expect(perChildren[0]).toBeGreaterThan(0);
});
