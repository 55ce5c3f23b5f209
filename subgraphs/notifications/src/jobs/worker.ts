import { Worker } from 'bullmq';
import type { SubgraphDeps } from '@hub/service-kit';
import { loadNotificationsConfig } from '../config';
import { EmailSender } from '../delivery/senders';
import { DeliveryQueue, registerDeliveryQueue } from './delivery-queue';
import { deliverNotification } from './deliver-notification.job';
import { sweepPending } from './sweep-pending.job';
import { DELIVERY_QUEUE } from './queue-names';

/**
 * Starts the delivery worker, the producer used by the consumer and the ops mutations, and the sweeper.
 * @param deps - what the running subgraph shares
 * @returns closables, in the order they should stop
 */
export function startNotificationWorkers(deps: SubgraphDeps): Array<{ close(): Promise<void> }> {
  const config = loadNotificationsConfig(process.env);
  const queue = new DeliveryQueue(deps.redis, config, deps.queuePrefix);
  registerDeliveryQueue(deps.orm, queue);
  const email = new EmailSender(config.smtpUrl, config.fromEmail);
  const worker = new Worker(DELIVERY_QUEUE, (job) => deliverNotification({ orm: deps.orm, config, email }, job), {
    connection: deps.workerConnection(), prefix: deps.queuePrefix, concurrency: 16,
  });
  worker.on('failed', (job, err) => deps.log.warn({ err: err.message, jobId: job?.id, attemptsMade: job?.attemptsMade }, 'notification delivery failed'));
  worker.on('error', (err) => deps.log.error({ err }, 'delivery worker error'));
  const timer = setInterval(() => {
    sweepPending(deps.orm, queue, config.sweepAgeMs)
      .then((ids) => ids.length && deps.log.info({ count: ids.length }, 'sweeper re-enqueued notifications without a job'))
      .catch((err) => deps.log.warn({ err }, 'sweeper: Redis or PostgreSQL unavailable'));
  }, config.sweepMs);
  timer.unref();
  return [
    { close: async () => clearInterval(timer) },
    worker,
    { close: async () => { email.close(); await queue.close(); } },
  ];
}
