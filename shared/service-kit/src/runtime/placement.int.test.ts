import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { openRedis } from '../events/redis';
import { clusterSlot, databaseUrlFor, queuePrefixFrom } from './placement';
import { QUEUES } from '../events/contracts';

const REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('Redis Cluster: queue keys under a hash-tag prefix share one slot', () => {
  it('computes slots as Redis does', () => {
    // Values from the Redis Cluster specification and CLUSTER KEYSLOT.
    expect(clusterSlot('123456789')).toBe(12739);
    expect(clusterSlot('{user1000}.following')).toBe(clusterSlot('{user1000}.followers'));
    expect(clusterSlot('foo{}{bar}')).toBe(clusterSlot('foo{}{bar}'));
  });

  it('keeps every key BullMQ writes for the hub queues in the slot of the tag', async () => {
    const tag = `hub${randomUUID().slice(0, 8)}`;
    const prefix = queuePrefixFrom({ QUEUE_PREFIX: `{${tag}}` })!;
    const producer = openRedis(REDIS);
    const blocking = openRedis(REDIS, { worker: true });
    const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: producer, prefix }));
    const worker = new Worker(QUEUES.eventsPlans, async () => undefined, { connection: blocking, prefix });
    const completed = new Promise<void>((resolve) => worker.once('completed', () => resolve()));
    try {
      for (const q of queues) await q.add('probe', { at: Date.now() }, { removeOnComplete: false, attempts: 2, delay: q.name === QUEUES.deliveries ? 60_000 : 0 });
      await completed;
      const keys = await producer.keys(`{${tag}}:*`);
      expect(keys.length).toBeGreaterThan(10);
      expect(new Set(keys.map(clusterSlot))).toEqual(new Set([clusterSlot(`{${tag}}`)]));
    } finally {
      await worker.close();
      for (const q of queues) await q.obliterate({ force: true }).catch(() => undefined);
      await Promise.all(queues.map((q) => q.close()));
      producer.disconnect();
      blocking.disconnect();
    }
  });
});

describe('QUEUE_PREFIX', () => {
  it('defaults to BullMQ\'s own and refuses a malformed hash tag', () => {
    expect(queuePrefixFrom({})).toBeUndefined();
    expect(queuePrefixFrom({ QUEUE_PREFIX: '{hub}' })).toBe('{hub}');
    expect(() => queuePrefixFrom({ QUEUE_PREFIX: '{hub' })).toThrow(/hash tag/);
    expect(() => queuePrefixFrom({ QUEUE_PREFIX: '{}' })).toThrow(/hash tag/);
    expect(() => queuePrefixFrom({ QUEUE_PREFIX: 'a b' })).toThrow(/spaces/);
  });
});

describe('a database per service', () => {
  it('takes <SERVICE>_DATABASE_URL over the shared DATABASE_URL', () => {
    const shared = 'postgres://hub@db/care_hub';
    expect(databaseUrlFor('plans', shared, {})).toBe(shared);
    expect(databaseUrlFor('plans', shared, { PLANS_DATABASE_URL: 'postgres://plans@plans-db/plans' })).toBe('postgres://plans@plans-db/plans');
    expect(databaseUrlFor('children', shared, { PLANS_DATABASE_URL: 'postgres://plans@plans-db/plans' })).toBe(shared);
    expect(() => databaseUrlFor('plans', shared, { PLANS_DATABASE_URL: 'mysql://x' })).toThrow(/PLANS_DATABASE_URL/);
  });
});
