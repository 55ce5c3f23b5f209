import { Entity, PrimaryKey, Property, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { openOrm } from '../db/orm';
import { createLogger } from '../logger';
import { OutboxEvent } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';
import { EventPayloadError, recordEvent } from './record-event';
import { openRedis } from './redis';
import { QUEUES } from './contracts';
import type { ChildFactsPayload } from './payloads';

@Entity({ tableName: 'thing' })
class Thing {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string' })
  name!: string;
}

const DB = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/care_hub_test';
const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `kit_outbox_${process.pid}_${Date.now() % 100000}`;
const log = createLogger('outbox-test', 'silent');
let orm: MikroORM;

beforeAll(async () => {
  orm = await openOrm({ schema, databaseUrl: DB, entities: [Thing], migrations: [] });
  await orm.getSchemaGenerator().createSchema({ schema });
});

afterAll(async () => {
  await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  await orm.close();
});

/** A ChildRegistered/ChildUpdated payload that fits its type. */
function facts(childId: string): ChildFactsPayload {
  return { childId, placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' };
}

function fork(): EntityManager {
  return orm.em.fork() as EntityManager;
}

describe('transactional outbox', () => {
  it('commits the change and its event together', async () => {
    const thing = await fork().transactional(async (em) => {
      const t = em.create(Thing, { name: 'committed' });
      recordEvent(em, { type: 'ChildRegistered', aggregateType: 'Thing', aggregateId: t.id, payload: facts(t.id) });
      return t;
    });
    const em = fork();
    expect(await em.count(Thing, { id: thing.id })).toBe(1);
    const events = await em.find(OutboxEvent, { aggregateId: thing.id });
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('ChildRegistered');
    expect(events[0].publishedAt).toBeNull();
  });

  it('a rollback leaves neither the change nor the event', async () => {
    const id = randomUUID();
    await expect(
      fork().transactional(async (em) => {
        em.create(Thing, { id, name: 'rolled back' });
        recordEvent(em, { type: 'ChildRegistered', aggregateType: 'Thing', aggregateId: id, payload: facts(id) });
        await em.flush();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const em = fork();
    expect(await em.count(Thing, { id })).toBe(0);
    expect(await em.count(OutboxEvent, { aggregateId: id })).toBe(0);
  });

  it('a payload that does not fit its type is refused at the producer and the change rolls back with it', async () => {
    const id = randomUUID();
    await expect(
      fork().transactional(async (em) => {
        em.create(Thing, { id, name: 'misfit' });
        await em.flush();
        recordEvent(em, { type: 'ChildRegistered', aggregateType: 'Thing', aggregateId: id, payload: { ...facts(id), dateOfBirth: 'soon' } });
      }),
    ).rejects.toThrow(EventPayloadError);
    const em = fork();
    expect(await em.count(Thing, { id })).toBe(0);
    expect(await em.count(OutboxEvent, { aggregateId: id })).toBe(0);
  });
});

describe('outbox relay', () => {
  const prefix = `test-${randomUUID()}`;
  const redis = openRedis(REDIS);
  const queueConnection = openRedis(REDIS, { worker: true });
  const queue = new Queue(QUEUES.eventsNotifications, { connection: queueConnection, prefix });

  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
    queueConnection.disconnect();
    redis.disconnect();
  });

  it('enqueues each event once even when the relay runs twice', async () => {
    const em = fork();
    await em.nativeUpdate(OutboxEvent, { publishedAt: null }, { publishedAt: new Date() });
    const id = randomUUID();
    await fork().transactional(async (tem) => {
      tem.create(Thing, { id, name: 'relayed' });
      recordEvent(tem, { type: 'ChildRegistered', aggregateType: 'Thing', aggregateId: id, childId: id, payload: facts(id) });
    });
    const event = await fork().findOneOrFail(OutboxEvent, { aggregateId: id });
    const relay = new OutboxRelay({ orm, source: 'children', redis, log, prefix });
    expect(await relay.runOnce()).toBe(1);
    // Simulate a crash between enqueue and mark-published: the same row is relayed again.
    await fork().nativeUpdate(OutboxEvent, { id: event.id }, { publishedAt: null });
    expect(await relay.runOnce()).toBe(1);
    await relay.stop();
    const jobs = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    const mine = jobs.filter((j) => j.data.aggregateId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0].id).toBe(event.id);
    expect(mine[0].data).toMatchObject({ type: 'ChildRegistered', childId: id, payload: facts(id), source: 'children' });
    expect((await fork().findOneOrFail(OutboxEvent, { id: event.id })).publishedAt).not.toBeNull();
  });

  it('keeps events in the outbox while Redis is unreachable and relays them when it returns', async () => {
    const id = randomUUID();
    await fork().transactional(async (tem) => {
      recordEvent(tem, { type: 'ChildUpdated', aggregateType: 'Thing', aggregateId: id, payload: facts(id) });
    });
    const dead = openRedis('redis://127.0.0.1:1');
    const down = new OutboxRelay({ orm, source: 'children', redis: dead, log, prefix });
    await expect(down.runOnce()).rejects.toThrow();
    await down.stop();
    dead.disconnect();
    expect((await fork().findOneOrFail(OutboxEvent, { aggregateId: id })).publishedAt).toBeNull();
    const up = new OutboxRelay({ orm, source: 'children', redis, log, prefix });
    expect(await up.runOnce()).toBeGreaterThanOrEqual(1);
    await up.stop();
    expect((await fork().findOneOrFail(OutboxEvent, { aggregateId: id })).publishedAt).not.toBeNull();
    const job = await queue.getJob((await fork().findOneOrFail(OutboxEvent, { aggregateId: id })).id);
    expect(job?.data.type).toBe('ChildUpdated');
  });
});
