/**
 * npm run bench:notify — N events through the whole notification path: committed to the reviews service's outbox
 * (ReviewRequested, one webhook notice each to the placing authority), relayed to Redis, consumed by the
 * notifications service (rows written), delivered by its workers as signed webhooks to a local receiver. Reports
 * deliveries per second and commit-to-delivery p50/p99 (from the commit of the batch holding the event to the
 * receiver's answer), for each N given.
 *
 *   npm run bench:notify [-- --n 1000,10000]
 *
 * Runs from the sources (test/harness/run-ts.js), against a fresh database and the local Redis (a unique queue
 * prefix), with the service's own defaults unless OUTBOX_POLL_MS etc. are set.
 */
import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import { createLogger, EVENT_ROUTES, loadHubConfig, openRedis, QUEUES, startSubgraph } from '@hub/service-kit';
import { freshDatabase, TEST_REDIS } from '@hub/service-kit/testing';
import { reviewsSubgraph } from '@hub/reviews';
import { notificationsSubgraph } from '@hub/notifications';
import { loadNotificationsConfig } from '../../subgraphs/notifications/src/config';

const arg = (name: string, d: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : d;
};
const SIZES = arg('n', '1000,10000').split(',').map(Number);
const AUTHORITY = 'LA-BENCH';

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const db = await freshDatabase('benchnotify');
  const config = { ...loadHubConfig({ ...process.env, NODE_ENV: 'test' }), databaseUrl: db.url, redisUrl: process.env.REDIS_URL ?? TEST_REDIS };
  const log = createLogger('bench', process.env.BENCH_LOG_LEVEL ?? 'silent');
  const queuePrefix = `bench${randomUUID().slice(0, 8)}`;
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let delivered = 0;
  let expected = 0;
  let done: () => void = () => undefined;
  const keys = new Set<string>();
  const receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const at = Date.now();
      const m = JSON.parse(body) as { eventId: string };
      const key = String(req.headers['idempotency-key']);
      res.writeHead(200).end('ok');
      if (keys.has(key)) return;
      keys.add(key);
      const t = committedAt.get(m.eventId);
      if (t !== undefined) latencies.push(at - t);
      delivered += 1;
      if (delivered === expected) done();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

  // The producer relays only; the notifications service relays, consumes and delivers, as in production.
  const reviews = await startSubgraph(reviewsSubgraph, { config, port: 0, log, queuePrefix, workers: false });
  const notifications = await startSubgraph(notificationsSubgraph, { config, port: 0, log, queuePrefix });
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  await sql.query(`insert into notifications.authority_endpoint (code, webhook_url, webhook_secret, email, updated_at) values ($1, $2, 'a-webhook-secret-0123456789abcdef', null, now())`, [AUTHORITY, hook]);

  const own = loadNotificationsConfig(process.env);
  console.log(`bench:notify — outbox poll ${config.relayPollMs} ms, relay batch 200, consumer concurrency ${own.consumerConcurrency}, delivery concurrency ${own.deliveryConcurrency}`);
  for (const n of SIZES) {
    latencies.length = 0;
    delivered = 0;
    expected = n;
    const finished = new Promise<void>((r) => (done = r));
    const started = Date.now();
    // Committed in batches of 500 rows, as a busy producer would.
    for (let i = 0; i < n; i += 500) {
      const ids: string[] = [];
      const values: unknown[] = [];
      const rows: string[] = [];
      for (let j = i; j < Math.min(n, i + 500); j++) {
        const id = randomUUID();
        const childId = randomUUID();
        ids.push(id);
        const k = values.length;
        rows.push(`($${k + 1}, 'ReviewRequested', 'ReviewRequest', $${k + 2}, $${k + 2}, $${k + 3}, null, now())`);
        values.push(id, childId, JSON.stringify({ childId, placingAuthority: AUTHORITY, requestId: randomUUID(), reason: 'bench', requestedAt: new Date().toISOString(), escalateBy: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10) }));
      }
      await sql.query(`insert into reviews.outbox_event (id, type, aggregate_type, aggregate_id, child_id, payload, actor, occurred_at) values ${rows.join(',')}`, values);
      const at = Date.now();
      for (const id of ids) committedAt.set(id, at);
    }
    const timeout = setTimeout(() => done(), Math.max(60_000, n * 20));
    await finished;
    clearTimeout(timeout);
    const seconds = (Date.now() - started) / 1000;
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`N=${n}: ${delivered}/${n} delivered in ${seconds.toFixed(1)} s = ${(delivered / seconds).toFixed(0)} deliveries/s; commit-to-delivery p50 ${pct(sorted, 50)} ms, p99 ${pct(sorted, 99)} ms`);
  }
  await sql.end();
  await notifications.stop();
  await reviews.stop();
  const connection = openRedis(config.redisUrl);
  for (const name of new Set([...EVENT_ROUTES.map((r) => r.queue), QUEUES.deliveries])) {
    const q = new Queue(name, { connection, prefix: queuePrefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  connection.disconnect();
  receiver.close();
  await db.drop();
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
