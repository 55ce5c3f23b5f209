#!/usr/bin/env node
/**
 * npm run bench:subscriptions — live changes under load through the gateway.
 *
 * Starts the four subgraphs and the gateway as separate processes from their sources (no build needed) against a
 * fresh database and a redis-server of its own, registers a provider's children (PRV-A, placed by LA-A) and another
 * authority's (LA-B, placed with PRV-B), and opens N graphql-ws subscribers through the gateway, each with its own
 * token: half provider staff of PRV-A, half LA-B social workers; in each half, half follow `myChildrenChanged` and
 * half `childChanged` of one child (round robin). Then it publishes `ChildUpdated` events on the notifications
 * event queue (as the outbox relay does) at a steady rate, round robin over the children, and measures for every
 * delivery the time from publishing to the subscriber receiving it (the change's `at` is the publishing instant).
 * Reports p50/p95/p99/max, deliveries counted against those expected (tenancy decides who is told), and the
 * gateway's (and the notifications service's) resident memory per subscriber: the RSS after subscribing minus
 * the RSS before, divided by N.
 *
 *   npm run bench:subscriptions [-- --subscribers 1000 --rate 10 --seconds 30 --children 10]
 *
 * BENCH_PROFILE_DIR=<dir> writes a V8 CPU profile of each service there when it stops.
 */
require('../harness/run-ts.js');
require('reflect-metadata');
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const WebSocket = require('ws');
const { createClient } = require('graphql-ws');
const { Queue } = require('bullmq');
const { openRedis, QUEUES } = require('@hub/service-kit');
const { bearer, freshDatabase, gql } = require('@hub/service-kit/testing');

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const SUBSCRIBERS = arg('subscribers', 1000);
const RATE = arg('rate', 10);
const SECONDS = arg('seconds', 30);
/** Children per side (the provider's, the other authority's). */
const CHILDREN = arg('children', 10);

const ROOT = path.resolve(__dirname, '../..');
const RUN_TS = path.join(ROOT, 'test/harness/run-ts.js');
const SERVICES = [
  { name: 'children', dir: 'subgraphs/children', portVar: 'CHILDREN_PORT', urlVar: 'CHILDREN_URL' },
  { name: 'plans', dir: 'subgraphs/plans', portVar: 'PLANS_PORT', urlVar: 'PLANS_URL' },
  { name: 'reviews', dir: 'subgraphs/reviews', portVar: 'REVIEWS_PORT', urlVar: 'REVIEWS_URL' },
  { name: 'notifications', dir: 'subgraphs/notifications', portVar: 'NOTIFICATIONS_PORT', urlVar: 'NOTIFICATIONS_URL' },
];

const PROFILE = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE_DIR)}`] : [];

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function pct(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

const processes = [];
function start(name, command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => (out = (out + c).slice(-20000)));
  child.stderr.on('data', (c) => (out = (out + c).slice(-20000)));
  const p = { name, child, output: () => out };
  processes.push(p);
  return p;
}

async function ready(url, p, timeoutMs = 180000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited (${p.child.exitCode}):\n${p.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${p.name} not ready:\n${p.output()}`);
    await sleep(250);
  }
}

/** Resident memory of a process, in bytes (Linux). */
function rss(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m[1]) * 1024;
}

/** CPU time a process has used, in seconds (Linux; utime + stime at 100 ticks a second). */
function cpu(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

async function main() {
  const db = await freshDatabase('bench_subscriptions');
  const redisPort = await freePort();
  const redis = start('redis', 'redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], {});
  await sleep(300);
  const redisUrl = `redis://127.0.0.1:${redisPort}`;
  const common = { NODE_ENV: 'development', DATABASE_URL: db.url, REDIS_URL: redisUrl, LOG_LEVEL: 'warn', HOST: '127.0.0.1', GATEWAY_RATE_LIMIT: 'off' };
  const urls = {};
  let notifications;
  try {
    console.log('starting the subgraphs and the gateway from their sources…');
    for (const s of SERVICES) {
      const port = await freePort();
      urls[s.urlVar] = `http://127.0.0.1:${port}/graphql`;
      const p = start(s.name, process.execPath, [...PROFILE, '-r', RUN_TS, path.join(ROOT, s.dir, 'src/main.ts')], { ...common, [s.portVar]: String(port) });
      await ready(`http://127.0.0.1:${port}/readiness`, p);
      if (s.name === 'notifications') notifications = p;
    }
    const gatewayPort = await freePort();
    const gateway = start('gateway', process.execPath, [...PROFILE, '-r', RUN_TS, path.join(ROOT, 'gateway/src/main.ts')], { ...common, ...urls, GATEWAY_PORT: String(gatewayPort) });
    await ready(`http://127.0.0.1:${gatewayPort}/readiness`, gateway);
    const url = `http://127.0.0.1:${gatewayPort}/graphql`;

    const must = async (q, v, auth) => {
      const r = await gql(url, q, v, auth);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data;
    };
    const admin = bearer('ADMIN', 'HUB');
    for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, admin);
    for (const id of ['PRV-A', 'PRV-B']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, admin);
    const startedAt = new Date(Date.now() - 3600000);
    const today = startedAt.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    /** Every child: its authority and provider, as the events about it name them. */
    const children = [];
    for (const [la, provider] of [['LA-A', 'PRV-A'], ['LA-B', 'PRV-B']]) {
      const sw = bearer('SOCIAL_WORKER', la);
      for (let i = 0; i < CHILDREN; i++) {
        const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
          i: { givenName: `Bench${i}`, familyName: la, dateOfBirth: '2012-01-01', placingAuthority: la, becameLookedAfterOn: today, ethnicity: 'WBRI' },
        }, sw);
        await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
          i: { childId: d.registerChild.id, providerId: provider, startedAt: startedAt.toISOString(), placementType: 'K2' },
        }, sw);
        children.push({ id: d.registerChild.id, la, provider });
      }
    }
    // Let the registrations' own events pass before measuring.
    await sleep(3000);
    const gatewayBefore = rss(gateway.child.pid);
    const notificationsBefore = rss(notifications.child.pid);

    // Subscribers: half provider staff of PRV-A, half LA-B social workers; each its own token.
    const subscribers = [];
    const ours = children.filter((c) => c.provider === 'PRV-A');
    const theirs = children.filter((c) => c.la === 'LA-B');
    for (let n = 0; n < SUBSCRIBERS; n++) {
      const provider = n % 2 === 0;
      const pool = provider ? ours : theirs;
      const token = provider ? bearer('PROVIDER_STAFF', 'PRV-A', `staff-${n}`) : bearer('SOCIAL_WORKER', 'LA-B', `sw-${n}`);
      const one = Math.floor(n / 2) % 2 === 1 ? pool[Math.floor(n / 4) % pool.length] : undefined;
      subscribers.push({ token, sees: new Set(one ? [one.id] : pool.map((c) => c.id)), childId: one?.id, got: 0, latencies: [], errors: [] });
    }
    let phaseStart = Infinity;
    const latencies = [];
    const opening = Date.now();
    const clients = [];
    for (let i = 0; i < subscribers.length; i += 50) {
      await Promise.all(subscribers.slice(i, i + 50).map(async (s) => {
        const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: s.token }, retryAttempts: 0, lazy: false });
        clients.push(client);
        await new Promise((resolve, reject) => {
          const off = client.on('connected', () => (off(), resolve()));
          client.on('closed', (e) => reject(new Error(`closed ${e.code}`)));
        });
        const query = s.childId
          ? `subscription($c: ID!) { childChanged(childId: $c) { at cursor child { id } } }`
          : 'subscription { myChildrenChanged { at cursor child { id } } }';
        client.subscribe({ query, variables: s.childId ? { c: s.childId } : {} }, {
          next: (v) => {
            const now = Date.now();
            if (v.errors) s.errors.push(v.errors);
            const change = v.data && (v.data.childChanged || v.data.myChildrenChanged);
            if (!change) return;
            s.got++;
            const at = Date.parse(change.at);
            if (at >= phaseStart) latencies.push(now - at);
          },
          error: (e) => s.errors.push(e),
          complete: () => undefined,
        });
      }));
    }
    console.log(`${subscribers.length} subscribers connected in ${((Date.now() - opening) / 1000).toFixed(1)} s`);

    const connection = openRedis(redisUrl, { name: 'bench-publisher' });
    const queue = new Queue(QUEUES.eventsNotifications, { connection });
    const publish = (c, at) => {
      const id = randomUUID();
      const payload = { childId: c.id, placingAuthority: c.la, providerId: c.provider, dateOfBirth: '2012-01-01', dateOfDeath: null, name: 'Bench' };
      const event = { id, type: 'ChildUpdated', source: 'children', occurredAt: new Date(at).toISOString(), aggregateType: 'Child', aggregateId: c.id, childId: c.id, payload, actor: null };
      return queue.add(event.type, event, { jobId: id, removeOnComplete: true });
    };

    // Until every subscription is in place upstream: a round of events over every child, until each subscriber has one.
    const warmUntil = Date.now() + 120000;
    while (subscribers.some((s) => s.got === 0)) {
      if (Date.now() > warmUntil) throw new Error(`${subscribers.filter((s) => s.got === 0).length} subscribers received nothing`);
      for (const c of children) await publish(c, Date.now());
      await sleep(1000);
    }
    await sleep(2000);
    const gatewayAfter = rss(gateway.child.pid);
    const notificationsAfter = rss(notifications.child.pid);

    // The measured phase: a steady rate, round robin over the children.
    const total = Math.round(RATE * SECONDS);
    const expected = new Map(subscribers.map((s) => [s, 0]));
    phaseStart = Date.now() + 5;
    await sleep(10);
    const t0 = Date.now();
    const pids = { gateway: gateway.child.pid, notifications: notifications.child.pid, 'bench clients': process.pid };
    const cpuBefore = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, cpu(pid)]));
    for (let k = 0; k < total; k++) {
      const due = t0 + (k * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const c = children[k % children.length];
      for (const s of subscribers) if (s.sees.has(c.id)) expected.set(s, expected.get(s) + 1);
      await publish(c, Date.now());
    }
    const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
    const drainUntil = Date.now() + 30000;
    while (latencies.length < expectedTotal && Date.now() < drainUntil) await sleep(200);
    const elapsed = (Date.now() - t0) / 1000;
    const cpuUsed = Object.entries(pids).map(([n, pid]) => `${n} ${(cpu(pid) - cpuBefore[n]).toFixed(1)} s`).join(', ');
    const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

    const sorted = [...latencies].sort((a, b) => a - b);
    const errors = subscribers.reduce((n, s) => n + s.errors.length, 0);
    console.log('');
    console.log(`subscribers            ${SUBSCRIBERS} (graphql-ws through the gateway; ${ours.length} PRV-A children, ${theirs.length} LA-B children)`);
    console.log(`events published       ${total} at ${RATE}/s over ${SECONDS} s`);
    console.log(`deliveries             ${latencies.length} of ${expectedTotal} expected (${(latencies.length / elapsed).toFixed(0)}/s), errors ${errors}`);
    console.log(`publish-to-receipt     p50 ${pct(sorted, 50)} ms, p95 ${pct(sorted, 95)} ms, p99 ${pct(sorted, 99)} ms, max ${sorted[sorted.length - 1]} ms`);
    console.log(`CPU in ${elapsed.toFixed(0)} s      ${cpuUsed} (load average ${load})`);
    console.log(`gateway RSS            ${mb(gatewayBefore)} -> ${mb(gatewayAfter)}: ${kb((gatewayAfter - gatewayBefore) / SUBSCRIBERS)} per subscriber`);
    console.log(`notifications RSS      ${mb(notificationsBefore)} -> ${mb(notificationsAfter)}: ${kb((notificationsAfter - notificationsBefore) / SUBSCRIBERS)} per subscriber`);

    for (const c of clients) await c.dispose();
    await queue.close();
    connection.disconnect();
  } finally {
    for (const p of processes.reverse()) if (p.child.exitCode === null) p.child.kill('SIGTERM');
    await sleep(PROFILE.length ? 8000 : 1500);
    for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    void redis;
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
