import type { MikroORM } from '@mikro-orm/core';
import { traceCarrier, TraceCarrier } from '@hub/service-kit';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { NotificationsConfig } from '../config';
import { DELIVER_NOTIFICATION_JOB, DELIVERY_QUEUE, deliveryJobId } from './queue-names';

/** Payload of a delivery job: the notification id only; the row is the source of truth. */
export interface DeliverNotificationData {
  notificationId: string;
  /** The trace of the event that created the notification (when tracing is on); the sweeper's jobs have none. */
  trace?: TraceCarrier;
}

/** Producer side of the deliveries queue. */
export class DeliveryQueue {
  readonly queue: Queue<DeliverNotificationData>;

  constructor(connection: IORedis, private readonly config: NotificationsConfig, prefix?: string) {
    this.queue = new Queue<DeliverNotificationData>(DELIVERY_QUEUE, { connection, prefix });
    this.queue.on('error', () => undefined);
  }

  /**
   * Enqueues deliveries. The job id is deterministic, so enqueueing twice (consumer and sweeper) adds once.
   * @param ids - notification ids
   */
  async enqueue(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const trace = traceCarrier();
    await this.queue.addBulk(ids.map((id) => ({
      name: DELIVER_NOTIFICATION_JOB,
      data: trace ? { notificationId: id, trace } : { notificationId: id },
      opts: {
        jobId: deliveryJobId(id),
        attempts: this.config.attempts,
        backoff: { type: 'exponential', delay: this.config.backoffMs },
        // Completed jobs are kept a week so a late duplicate enqueue is still de-duplicated; failed ones stay for ops.
        removeOnComplete: { age: 7 * 24 * 3600 },
        removeOnFail: false,
      },
    })));
  }

  /**
   * Gives a notification a fresh attempt budget: a failed job is retried with its attempts reset; a job that is
   * gone (or finished) is removed and added again; a job still waiting or delayed is left alone.
   * @param id - notification id
   */
  async retry(id: string): Promise<void> {
    const job = await this.queue.getJob(deliveryJobId(id));
    if (job) {
      const state = await job.getState();
      if (state === 'failed') return job.retry('failed', { resetAttemptsMade: true });
      if (state !== 'completed' && state !== 'unknown') return;
      await job.remove();
    }
    await this.enqueue([id]);
  }

  /**
   * Whether a job exists for the notification (the sweeper's question).
   * @param id - notification id
   * @returns true when BullMQ holds a job in any state
   */
  async hasJob(id: string): Promise<boolean> {
    return (await this.queue.getJob(deliveryJobId(id))) != null;
  }

  /**
   * The state of a notification's job, and why it failed when it did.
   * @param id - notification id
   * @returns BullMQ's state ('unknown' when there is no job) and the failure reason
   */
  async jobState(id: string): Promise<{ state: string; reason?: string }> {
    const state = await this.queue.getJobState(deliveryJobId(id));
    if (state !== 'failed') return { state };
    const job = await this.queue.getJob(deliveryJobId(id));
    return { state, reason: job?.failedReason };
  }

  /**
   * Removes a notification's job (finished or failed) so it can be added again.
   * @param id - notification id
   */
  async remove(id: string): Promise<void> {
    await this.queue.remove(deliveryJobId(id));
  }

  /** Closes the producer. */
  close(): Promise<void> {
    return this.queue.close();
  }
}

const registry = new WeakMap<MikroORM, DeliveryQueue>();

/**
 * Makes a running service's delivery queue available to its consumer and resolvers.
 * @param orm - the service's ORM (one per running service)
 * @param q - the queue
 */
export function registerDeliveryQueue(orm: MikroORM, q: DeliveryQueue): void {
  registry.set(orm, q);
}

/**
 * The delivery queue of a running service, if its workers run in this process. Without one, notifications stay
 * PENDING in the database and the sweeper enqueues them.
 * @param orm - the service's ORM
 * @returns the queue or undefined
 */
export function deliveryQueueFor(orm: MikroORM): DeliveryQueue | undefined {
  return registry.get(orm);
}
