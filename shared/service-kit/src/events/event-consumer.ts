import { Worker, Job, UnrecoverableError } from 'bullmq';
import type IORedis from 'ioredis';
import type { Logger } from '../logger';
import type { HubEvent } from './contracts';
import { keyedSequence } from './child-order';
import { inCarriedTrace, SpanKind } from '../runtime/trace-context';

/** Options of {@link startEventConsumer}. */
export interface EventConsumerOptions {
  queue: string;
  /** A blocking Redis connection (openRedis with worker: true). */
  connection: IORedis;
  log: Logger;
  /** Handles one event; must be idempotent (a retried job runs again). */
  handle: (event: HubEvent) => Promise<void>;
  /**
   * Jobs handled at once. A child's events are applied one at a time in queue order (the relay enqueues them in the
   * order they happened) whatever the concurrency; different children's side by side. @default 1
   */
  concurrency?: number;
  prefix?: string;
}

/**
 * What a completed event job keeps in Redis: the event's identity, never its payload (case content such as a
 * significant event's summary) or its actor. A job that failed keeps everything, so it can be retried.
 * @param e - the event
 * @returns the ids of the event
 */
export function leanEvent(e: HubEvent): Pick<HubEvent, 'id' | 'type' | 'source' | 'occurredAt' | 'aggregateType' | 'aggregateId' | 'childId'> {
  return { id: e.id, type: e.type, source: e.source, occurredAt: e.occurredAt, aggregateType: e.aggregateType, aggregateId: e.aggregateId, childId: e.childId };
}

/**
 * Consumes domain events from a BullMQ queue. Failures are retried with the job's backoff; after the last
 * attempt the job stays in the failed set, where operations staff can find and retry it. A job applied is trimmed to
 * {@link leanEvent}.
 * @param o - options
 * @returns the worker (close it on shutdown)
 */
export function startEventConsumer(o: EventConsumerOptions): Worker {
  // With concurrency > 1, a child's events still apply in queue order (keyedSequence); other children's side by side.
  const inChildOrder = keyedSequence();
  const worker = new Worker(
    o.queue,
    (job: Job<HubEvent>) => inChildOrder(job.data?.childId, async () => {
      if (!job.data?.id || !job.data?.type) throw new UnrecoverableError('malformed event payload');
      // In the trace of the request that recorded the event (carried through the outbox and the job).
      await inCarriedTrace(job.data.trace, `consume ${job.data.type}`, SpanKind.CONSUMER, {
        'messaging.system': 'bullmq', 'messaging.destination.name': o.queue, 'hub.event.type': job.data.type, 'hub.job.attempt': job.attemptsMade + 1,
      }, () => o.handle(job.data));
      // Applied: the completed job (kept a while so the relay can confirm the outbox row) holds ids, not case text.
      await job.updateData(leanEvent(job.data) as HubEvent).catch((err) => o.log.warn({ err, jobId: job.id, queue: o.queue }, 'completed event job not trimmed'));
    }),
    { connection: o.connection, concurrency: o.concurrency ?? 1, prefix: o.prefix },
  );
  worker.on('failed', (job, err) => o.log.warn({ err, jobId: job?.id, queue: o.queue }, 'event handling failed'));
  worker.on('error', (err) => o.log.error({ err, queue: o.queue }, 'event worker error'));
  return worker;
}
