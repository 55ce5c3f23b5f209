import { Worker, Job, UnrecoverableError } from 'bullmq';
import type IORedis from 'ioredis';
import type { Logger } from '../logger';
import type { HubEvent } from './contracts';

/** Options of {@link startEventConsumer}. */
export interface EventConsumerOptions {
  queue: string;
  /** A blocking Redis connection (openRedis with worker: true). */
  connection: IORedis;
  log: Logger;
  /** Handles one event; must be idempotent (a retried job runs again). */
  handle: (event: HubEvent) => Promise<void>;
  /**
   * Jobs handled at once. One keeps a child's events in the order they happened (the relay enqueues them in
   * that order). @default 1
   */
  concurrency?: number;
  prefix?: string;
}

/**
 * Consumes domain events from a BullMQ queue. Failures are retried with the job's backoff; after the last
 * attempt the job stays in the failed set, where operations staff can find and retry it.
 * @param o - options
 * @returns the worker (close it on shutdown)
 */
export function startEventConsumer(o: EventConsumerOptions): Worker {
  const worker = new Worker(
    o.queue,
    async (job: Job<HubEvent>) => {
      if (!job.data?.id || !job.data?.type) throw new UnrecoverableError('malformed event payload');
      await o.handle(job.data);
    },
    { connection: o.connection, concurrency: o.concurrency ?? 1, prefix: o.prefix },
  );
  worker.on('failed', (job, err) => o.log.warn({ err, jobId: job?.id, queue: o.queue }, 'event handling failed'));
  worker.on('error', (err) => o.log.error({ err, queue: o.queue }, 'event worker error'));
  return worker;
}
