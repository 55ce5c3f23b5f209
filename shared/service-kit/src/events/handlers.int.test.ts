import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Queue, UnrecoverableError } from 'bullmq';
import pino from 'pino';
import { openOrm } from '../db/orm';
import { ChildAccess } from '../auth/child-access.entity';
import { defineEventHandlers } from './handlers';
import { ProcessedEvent } from './processed-event.entity';
import { startEventConsumer } from './event-consumer';
import { openRedis } from './redis';
import { testEvent, testPlacement } from './test-events';
import type { HubEvent } from './contracts';

/** What a handler applied: one row per event it saw. */
@Entity({ tableName: 'applied' })
class Applied {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string' })
  eventId!: string;

  @Property({ type: 'string' })
  note!: string;
}

const DB = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/care_hub_test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `kit_handlers_${process.pid}_${Date.now() % 100000}`;
const lines: Array<Record<string, unknown>> = [];
const log = pino({ level: 'debug' }, new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
let orm: MikroORM;
let failNext = false;

const registry = defineEventHandlers({
  ChildRegistered: async (tem, e) => {
    tem.create(Applied, { eventId: e.id, note: `registered with ${e.payload.placingAuthority}` });
  },
  PlacementStarted: async (tem, e) => {
    // A change first, then a failure: the change must not survive.
    tem.create(Applied, { eventId: e.id, note: `placed with ${e.payload.providerId}` });
    await tem.flush();
    if (failNext) {
      failNext = false;
      throw new Error('handler failed after writing');
    }
  },
});

const fork = () => orm.em.fork() as EntityManager;
const applied = (eventId: string) => fork().count(Applied, { eventId });
const claimed = (id: string) => fork().count(ProcessedEvent, { id });
const registered = (childId: string) => testEvent('ChildRegistered', { childId, placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' });

beforeAll(async () => {
  orm = await openOrm({ schema, databaseUrl: DB, entities: [Applied, ProcessedEvent], migrations: [] });
  await orm.getSchemaGenerator().createSchema({ schema });
});
afterAll(async () => {
  await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  await orm.close();
});

describe('defineEventHandlers: one consumer style', () => {
  it('applies an event once when it is delivered twice, also concurrently; access facts are kept with it', async () => {
    const childId = randomUUID();
    const e = registered(childId);
    const outcomes = await Promise.all([registry.handle(orm, e, log), registry.handle(orm, e, log)]);
    expect(outcomes.sort()).toEqual(['applied', 'duplicate']);
    expect(await registry.handle(orm, e, log)).toBe('duplicate');
    expect(await applied(e.id)).toBe(1);
    expect(await claimed(e.id)).toBe(1);
    expect((await fork().findOneOrFail(ChildAccess, { childId })).placingAuthority).toBe('LA-NORTH');
  });

  it('dead-letters a payload that does not fit: a clear log line, an UnrecoverableError, nothing applied or claimed', async () => {
    const childId = randomUUID();
    const good = testPlacement({ childId, placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK', startedAt: '2027-01-05T10:00:00.000Z' });
    const misfit = testEvent('PlacementStarted', { ...good, providerId: undefined, startedAt: 'last Tuesday' } as never);
    lines.length = 0;
    const err = await registry.handle(orm, misfit, log).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(String((err as Error).message)).toMatch(/PlacementStarted\) does not fit its type: providerId: required string, got nothing; startedAt: expected instant/);
    const line = lines.find((l) => l.eventId === misfit.id)!;
    expect(line).toMatchObject({ level: 50, type: 'PlacementStarted', problems: ['providerId: required string, got nothing', 'startedAt: expected instant, got "last Tuesday"'] });
    expect(String(line.msg)).toContain(`event ${misfit.id} (PlacementStarted) dead-lettered`);
    expect(await applied(misfit.id)).toBe(0);
    expect(await claimed(misfit.id)).toBe(0);
    expect(await fork().count(ChildAccess, { childId })).toBe(0);
  });

  it('a failing handler leaves no claim and no partial change; the retry applies it whole', async () => {
    const childId = randomUUID();
    await registry.handle(orm, registered(childId), log);
    const e = testEvent('PlacementStarted', testPlacement({ childId, placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK', startedAt: '2027-01-05T10:00:00.000Z' }));
    failNext = true;
    await expect(registry.handle(orm, e, log)).rejects.toThrow('handler failed after writing');
    expect(await applied(e.id)).toBe(0);
    expect(await claimed(e.id)).toBe(0);
    expect((await fork().findOneOrFail(ChildAccess, { childId })).providerWindows).toEqual([]);
    expect(await registry.handle(orm, e, log)).toBe('applied');
    expect(await applied(e.id)).toBe(1);
    expect((await fork().findOneOrFail(ChildAccess, { childId }, { refresh: true })).providerWindows).toHaveLength(1);
  });

  it('through BullMQ: a misfit job goes to the failed set after one attempt; a fitting one twice is applied once', async () => {
    const prefix = `kit-handlers-${randomUUID().slice(0, 8)}`;
    const queueName = 'events-test';
    const connection = openRedis(REDIS);
    const queue = new Queue(queueName, { connection, prefix });
    const workerConnection = openRedis(REDIS, { worker: true });
    const worker = startEventConsumer({ queue: queueName, connection: workerConnection, log, prefix, handle: async (e) => void (await registry.handle(orm, e, log)) });
    try {
      const childId = randomUUID();
      const misfit = { ...registered(childId), payload: { childId, dateOfBirth: 'unknown' } } as unknown as HubEvent;
      const good = registered(randomUUID());
      const opts = { attempts: 5, backoff: { type: 'fixed', delay: 10 } };
      await queue.add(misfit.type, misfit, { ...opts, jobId: misfit.id });
      await queue.add(good.type, good, { ...opts, jobId: good.id });
      await queue.add(good.type, good, { ...opts, jobId: `${good.id}-again` });
      const settled = async () => {
        for (;;) {
          const c = await queue.getJobCounts('completed', 'failed');
          if (c.completed + c.failed >= 3) return c;
          await new Promise((r) => setTimeout(r, 50));
        }
      };
      expect(await settled()).toEqual({ completed: 2, failed: 1 });
      const dead = (await queue.getJob(misfit.id))!;
      expect(dead.attemptsMade).toBe(1);
      expect(dead.failedReason).toMatch(/does not fit its type: placingAuthority: required string, got nothing; dateOfBirth: expected date/);
      expect(await applied(misfit.id)).toBe(0);
      expect(await fork().count(ChildAccess, { childId })).toBe(0);
      expect(await applied(good.id)).toBe(1);
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
    }
  });
});
