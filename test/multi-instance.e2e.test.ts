/**
 * Live changes across instances, with real processes: two instances of every subgraph (the built entry points,
 * subgraphs/*\/dist/main.js) and two gateways (gateway/dist/main.js), gateway A in front of the A instances and
 * gateway B in front of the B instances (CHILDREN_URL … NOTIFICATIONS_URL), one fresh database and a redis-server
 * of this test's own. A change raised through either gateway reaches subscribers on both. Each change is written
 * to the log once, by whichever notifications instance consumed its event, so a change both gateways' subscribers
 * receive crossed instances for one of them; the feeds' fallback timer is set to ten minutes, so only the Redis
 * pub/sub signal can have woken the other instance. Nothing is built here: `.ci/run` builds before jest.
 */
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { bearer, freshDatabase, gql } from '@hub/service-kit/testing';
import { subscribeSse, subscribeWs, wsClient, Received } from './harness/live-clients';

jest.setTimeout(240_000);

const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = [
  { name: 'children', portVar: 'CHILDREN_PORT', urlVar: 'CHILDREN_URL' },
  { name: 'plans', portVar: 'PLANS_PORT', urlVar: 'PLANS_URL' },
  { name: 'reviews', portVar: 'REVIEWS_PORT', urlVar: 'REVIEWS_URL' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', urlVar: 'NOTIFICATIONS_URL' },
] as const;
const ENTRY_POINTS = [...SUBGRAPHS.map((s) => path.join(ROOT, 'subgraphs', s.name, 'dist/main.js')), path.join(ROOT, 'gateway/dist/main.js')];
const missing = ENTRY_POINTS.filter((p) => !fs.existsSync(p));
if (missing.length) {
  console.warn(`multi-instance.e2e: skipped, run \`npm run build\` first (missing ${missing.map((p) => path.relative(ROOT, p)).join(', ')})`);
}
const describeBuilt = missing.length ? describe.skip : describe;

const SW_A = bearer('SOCIAL_WORKER', 'LA-A');
const PRV_B = bearer('PROVIDER_STAFF', 'PRV-B');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Spawned {
  name: string;
  child: ChildProcess;
  output: () => string;
}

const spawned: Spawned[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  const s = { name, child, output: () => out };
  spawned.push(s);
  return s;
}

async function waitFor(what: string, probe: () => Promise<boolean>, s?: Spawned, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (s && s.child.exitCode !== null) throw new Error(`${s.name} exited (${s.child.exitCode}) before ${what}:\n${s.output()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms${s ? `\n${s.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const ready = (url: string, s: Spawned) => waitFor(`${url} ready`, async () => (await fetch(url)).ok, s);

async function stopAll(): Promise<void> {
  await Promise.all(
    spawned.map(async (s) => {
      if (s.child.exitCode !== null || s.child.signalCode !== null) return;
      const gone = new Promise((r) => s.child.once('exit', r));
      s.child.kill('SIGTERM');
      const fuse = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(fuse);
    }),
  );
}

describeBuilt('live changes across two gateways and two instances of every subgraph', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const gateways = { A: '', B: '' };

  beforeAll(async () => {
    db = await freshDatabase('multi_instance');
    const redisPort = await freePort();
    const redis = start('redis', 'redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1']);
    await waitFor('redis listening', () => new Promise<boolean>((resolve) => {
      const c = net.connect(redisPort, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.on('error', () => resolve(false));
    }), redis, 10_000);
    const common = {
      NODE_ENV: 'development',
      DATABASE_URL: db.url,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      // Only the pub/sub signal wakes a feed within the test's time.
      CHANGE_FEED_POLL_MS: '600000',
    };
    for (const instance of ['A', 'B'] as const) {
      const urls: Record<string, string> = {};
      const starting: Array<Promise<void>> = [];
      for (const g of SUBGRAPHS) {
        const port = await freePort();
        urls[g.urlVar] = `http://127.0.0.1:${port}/graphql`;
        const s = start(`${g.name} ${instance}`, process.execPath, [path.join(ROOT, 'subgraphs', g.name, 'dist/main.js')], { ...common, [g.portVar]: String(port) });
        const up = ready(`http://127.0.0.1:${port}/readiness`, s);
        // The A instances one at a time (each applies its migrations); the B instances find them applied.
        if (instance === 'A') await up;
        else starting.push(up);
      }
      await Promise.all(starting);
      const gatewayPort = await freePort();
      const gw = start(`gateway ${instance}`, process.execPath, [path.join(ROOT, 'gateway/dist/main.js')], { ...common, ...urls, GATEWAY_PORT: String(gatewayPort) });
      await ready(`http://127.0.0.1:${gatewayPort}/readiness`, gw);
      gateways[instance] = `http://127.0.0.1:${gatewayPort}/graphql`;
    }
  });

  afterAll(async () => {
    await stopAll();
    await db?.drop();
  });

  async function must(gateway: 'A' | 'B', q: string, v: Record<string, unknown>, auth: string) {
    const r = await gql(gateways[gateway], q, v, auth);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }

  async function placedChild(givenName: string, provider: string): Promise<string> {
    const startedAt = new Date(Date.now() - 3600_000);
    const d = await must('A', 'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName, familyName: 'Fan', dateOfBirth: '2011-06-07', placingAuthority: 'LA-A', becameLookedAfterOn: startedAt.toLocaleDateString('en-CA', { timeZone: 'Europe/London' }), ethnicity: 'WBRI' },
    }, SW_A);
    await must('A', 'mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
      i: { childId: d.registerChild.id, providerId: provider, startedAt: startedAt.toISOString(), placementType: 'K2' },
    }, SW_A);
    return d.registerChild.id;
  }

  const speak = (gateway: 'A' | 'B', id: string, language: string) =>
    must(gateway, 'mutation($id: ID!, $i: UpdateChildInput!) { updateChild(id: $id, input: $i) { id } }', { id, i: { language } }, SW_A);

  type Change = { cursor: string; kind: string; child: { id: string } };
  const changesOf = (r: Received) => r.data.map((d) => d.myChildrenChanged as Change);
  /** A cursor's position in the log (cursors are `c<position>-<time>`). */
  const seq = (cursor: string) => Number(/^c(\d+)-/.exec(cursor)![1]);
  const updatesAfter = (r: Received, head: number, id: string) =>
    changesOf(r).filter((c) => seq(c.cursor) > head && c.kind === 'CHILD_UPDATED' && c.child.id === id).length;

  it('a change raised through either gateway reaches subscribers on both, once each, in the same order', async () => {
    const admin = bearer('ADMIN', 'HUB');
    await must('A', 'mutation { upsertAuthority(code: "LA-A", name: "LA-A") { code } }', {}, admin);
    for (const id of ['PRV-A', 'PRV-B']) await must('A', `mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, admin);
    const ours = await placedChild('Ava', 'PRV-A');
    const theirs = await placedChild('Bo', 'PRV-B');

    const SUB = 'subscription { myChildrenChanged { cursor kind child { id language } } }';
    const clientB = wsClient(gateways.B, SW_A);
    const onB = subscribeWs(clientB, SUB);
    const onA = subscribeSse(gateways.A, SW_A, SUB);
    const providerClientA = wsClient(gateways.A, PRV_B);
    const providerOnA = subscribeWs(providerClientA, SUB);
    await onA.opened;
    const all = [onA, onB, providerOnA];

    // Until every subscription is in place upstream: changes to the child all three may see, until each has one.
    const beforeWarmup: string = (await must('B', '{ changeCursor }', {}, SW_A)).changeCursor;
    let warm = 0;
    await waitFor('every subscription to be live', async () => {
      await speak('B', theirs, `Warmup ${++warm}`);
      await Promise.all(all.map((r) => r.until((x) => x.data.length > 0, 3000))).catch(() => undefined);
      return all.every((r) => r.data.length > 0);
    }, undefined, 60_000);
    // The head is taken once every warm-up change is in the log, so none of them can land after it.
    await waitFor('every warm-up change to be logged', async () => {
      const since = await must('B', 'query($c: String!) { changesSince(cursor: $c, first: 100) { changes { kind child { id } } } }', { c: beforeWarmup }, SW_A);
      const logged = (since.changesSince.changes as Change[]).filter((c) => c.kind === 'CHILD_UPDATED' && c.child.id === theirs);
      return logged.length >= warm;
    }, undefined, 60_000);
    const headCursor: string = (await must('B', '{ changeCursor }', {}, SW_A)).changeCursor;
    const head = seq(headCursor);

    await speak('A', ours, 'Welsh'); // through gateway A, children A
    await speak('B', ours, 'Gaelic'); // through gateway B, children B
    await speak('B', theirs, 'Cornish'); // the marker that PRV-B's feed has passed the two changes before
    for (const r of [onA, onB]) await r.until((x) => updatesAfter(x, head, ours) === 2 && updatesAfter(x, head, theirs) === 1);
    await providerOnA.until((x) => updatesAfter(x, head, theirs) === 1);

    const afterA = changesOf(onA).filter((c) => seq(c.cursor) > head);
    const afterB = changesOf(onB).filter((c) => seq(c.cursor) > head);
    expect(afterA.map((c) => c.cursor)).toEqual(afterB.map((c) => c.cursor));
    // Each change once. Changes raised through two instances reach the log in the order the instances' relays
    // deliver them, not the order they were raised, so only the counts are fixed here.
    expect(afterB.filter((c) => c.kind === 'CHILD_UPDATED').map((c) => (c.child.id === ours ? 'ours' : 'theirs')).sort()).toEqual(['ours', 'ours', 'theirs']);
    // The provider hears only of the child placed with it.
    expect(changesOf(providerOnA).every((c) => c.child.id === theirs)).toBe(true);
    // What both received is exactly what the log holds for the caller after the head: nothing missed, nothing twice.
    const logged = await must('A', 'query($c: String!) { changesSince(cursor: $c, first: 100) { changes { cursor } } }', { c: headCursor }, SW_A);
    expect(logged.changesSince.changes.map((c: { cursor: string }) => c.cursor)).toEqual(afterB.map((c) => c.cursor));
    expect(all.flatMap((r) => r.errors)).toEqual([]);

    onA.stop();
    onB.stop();
    providerOnA.stop();
    await clientB.dispose();
    await providerClientA.dispose();
  });
});
