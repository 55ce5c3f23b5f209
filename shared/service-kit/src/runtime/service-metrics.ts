import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { consumerLag, outboxLag, queueJobs } from './metrics';

/** The job states reported per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed', 'completed'] as const;

/**
 * Reports a service's outbox at scrape time: the age of its oldest row not yet relayed.
 * @param orm - the service's ORM
 * @param service - the service name
 * @returns stops reporting
 */
export function reportOutbox(orm: MikroORM, service: string): () => void {
  const schema = orm.config.get('schema') as string;
  return outboxLag.add(async () => {
    const rows = (await (orm.em.fork() as EntityManager).getConnection().execute(
      `select coalesce(extract(epoch from now() - min(occurred_at)), 0)::float8 as age from "${schema}".outbox_event where published_at is null`,
    )) as Array<{ age: number }>;
    return [{ labels: { service }, value: Math.max(0, Number(rows[0]?.age ?? 0)) }];
  });
}

/**
 * Reports BullMQ queues at scrape time: jobs per state and the age of the oldest waiting job.
 * @param connection - a fail-fast Redis connection
 * @param names - the queues
 * @param prefix - the BullMQ prefix
 * @returns stops reporting (and closes the queue handles)
 */
export function reportQueues(connection: IORedis, names: readonly string[], prefix?: string): { close(): Promise<void> } {
  const queues = names.map((name) => {
    const q = new Queue(name, { connection, prefix });
    q.on('error', () => undefined);
    return q;
  });
  const removeCounts = queueJobs.add(async () => {
    const out = [];
    for (const q of queues) {
      const counts = await q.getJobCounts(...QUEUE_STATES);
      for (const state of QUEUE_STATES) out.push({ labels: { queue: q.name, state }, value: counts[state] ?? 0 });
    }
    return out;
  });
  const removeLag = consumerLag.add(async () => {
    const out = [];
    for (const q of queues) {
      const [oldest] = await q.getJobs(['wait'], 0, 0, true);
      out.push({ labels: { queue: q.name }, value: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0 });
    }
    return out;
  });
  return {
    async close() {
      removeCounts();
      removeLag();
      await Promise.all(queues.map((q) => q.close()));
    },
  };
}
