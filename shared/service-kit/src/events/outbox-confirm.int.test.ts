import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Queue, Worker } from 'bullmq';
import { Pool } from 'pg';
import { randomUUID } from 'node:crypto';
import { openOrm } from '../db/orm';
import { createLogger } from '../logger';
import { OutboxEvent } from './outbox-event.entity';
import { guardPool, OutboxRelay, routesOf } from './outbox-relay';
import { recordEvent } from './record-event';
import { openRedis } from './redis';
import { QUEUES } from './contracts';

const DB = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/care_hub_test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `kit_confirm_${process.pid}_${Date.now() % 100000}`;
const log = createLogger('outbox-confirm-test', 'silent');
let orm: MikroORM;

beforeAll(async () => {
  orm = await openOrm({ schema, databaseUrl: DB, entities: [], migrations: [] });
  await orm.getSchemaGenerator().createSchema({ schema });
});

afterAll(async () => {
  await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  await orm.close();
});

async function record(n: number): Promise<string[]> {
  const ids: string[] = [];
  await (orm.em.fork() as EntityManager).transactional(async (em) => {
    for (let i = 0; i < n; i++) {
      const childId = randomUUID();
      const e = recordEvent(em, { type: 'ChildRegistered', aggregateType: 'Child', aggregateId: childId, childId,
        payload: { childId, placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' } });
      ids.push(e.id);
    }
  });
  return ids;
}

async function rowsOf(ids: string[]): Promise<OutboxEvent[]> {
  return (orm.em.fork() as EntityManager).find(OutboxEvent, { id: { $in: ids } });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ready(redis: ReturnType<typeof openRedis>): Promise<void> {
  for (let i = 0; i < 100 && redis.status !== 'ready'; i++) await sleep(20);
}

describe('outbox confirmation: the database stays the record until every consumer has the event', () => {
  it('re-publishes relayed events whose jobs Redis lost, and confirms them once every consumer queue completed them', async () => {
    const prefix = `confirm${randomUUID().slice(0, 8)}`;
    const redis = openRedis(REDIS);
    await ready(redis);
    const relay = new OutboxRelay({ orm, source: 'children', redis, log, prefix, confirmAfterMs: 200 });
    const routes = routesOf('ChildRegistered', 'children');
    expect(routes).toContain(QUEUES.eventsNotifications);
    const queues = routes.map((q) => new Queue(q, { connection: redis, prefix }));
    try {
      const ids = await record(5);
      expect(await relay.runOnce()).toBe(5);
      for (const q of queues) expect(await q.getJobCountByTypes('waiting')).toBe(5);
      // Redis loses its data between relay and consumer.
      for (const q of queues) await q.obliterate({ force: true });
      for (const q of queues) expect(await q.getJobCountByTypes('waiting', 'completed')).toBe(0);
      // Not yet due for a check: nothing happens.
      expect(await relay.confirmOnce()).toEqual({ confirmed: 0, republished: 0 });
      await sleep(250);
      expect(await relay.confirmOnce()).toEqual({ confirmed: 0, republished: 5 * routes.length });
      for (const q of queues) expect((await q.getJobs(['waiting'])).map((j) => j.id).sort()).toEqual([...ids].sort());
      expect((await rowsOf(ids)).every((r) => r.confirmedAt == null)).toBe(true);
      // The consumers complete every job; after the next interval the rows are confirmed and never re-sent.
      const connection = openRedis(REDIS, { worker: true });
      const workers = routes.map((q) => new Worker(q, async () => undefined, { connection, prefix }));
      await Promise.all(queues.map(async (q) => {
        for (let i = 0; i < 100 && (await q.getJobCountByTypes('completed')) < 5; i++) await sleep(50);
      }));
      await Promise.all(workers.map((w) => w.close()));
      connection.disconnect();
      await sleep(250);
      expect(await relay.confirmOnce()).toEqual({ confirmed: 5, republished: 0 });
      expect((await rowsOf(ids)).every((r) => r.confirmedAt instanceof Date)).toBe(true);
      await sleep(250);
      expect(await relay.confirmOnce()).toEqual({ confirmed: 0, republished: 0 });
    } finally {
      for (const q of queues) await q.obliterate({ force: true }).catch(() => undefined);
      await Promise.all(queues.map((q) => q.close()));
      await relay.stop();
      redis.disconnect();
    }
  });

  it('a row whose jobs are still waiting goes to the back of the line instead of blocking the check', async () => {
    const prefix = `confirm${randomUUID().slice(0, 8)}`;
    const redis = openRedis(REDIS);
    await ready(redis);
    const relay = new OutboxRelay({ orm, source: 'children', redis, log, prefix, confirmAfterMs: 150, batchSize: 3 });
    try {
      const first = await record(3);
      expect(await relay.runOnce()).toBe(3);
      const second = await record(3);
      expect(await relay.runOnce()).toBe(3);
      await sleep(200);
      // Batch of three: the first three are looked at (waiting, not confirmed) and moved behind the others.
      expect(await relay.confirmOnce()).toEqual({ confirmed: 0, republished: 0 });
      const [a, b] = [await rowsOf(first), await rowsOf(second)];
      expect(Math.min(...a.map((r) => r.publishedAt!.getTime()))).toBeGreaterThan(Math.max(...b.map((r) => r.publishedAt!.getTime())));
    } finally {
      for (const q of routesOf('ChildRegistered', 'children')) {
        const queue = new Queue(q, { connection: redis, prefix });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      await relay.stop();
      redis.disconnect();
    }
  });

  it('a pool connection the server drops while checked out fails its query instead of crashing the process', async () => {
    const pool = new Pool({ connectionString: DB, max: 1 });
    const warnings: string[] = [];
    guardPool(pool, { warn: (_o: unknown, msg: string) => warnings.push(msg) } as never);
    const client = await pool.connect();
    const pid = (await client.query('select pg_backend_pid() as pid')).rows[0].pid as number;
    await orm.em.getConnection().execute('select pg_terminate_backend(?)', [pid]);
    for (let i = 0; i < 50 && warnings.length === 0; i++) await sleep(20);
    expect(warnings).toContain('PostgreSQL connection lost');
    await expect(client.query('select 1')).rejects.toThrow();
    client.release(true);
    // The pool replaces the client.
    expect((await pool.query('select 1 as one')).rows[0].one).toBe(1);
    await pool.end();
  });
});
