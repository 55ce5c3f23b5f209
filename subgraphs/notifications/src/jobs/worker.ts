import { Worker } from 'bullmq';
import { inCarriedTrace, runExclusively, SpanKind, SubgraphDeps } from '@hub/service-kit';
import { loadNotificationsConfig } from '../config';
import { EmailSender } from '../delivery/senders';
import { DeliveryQueue, registerDeliveryQueue } from './delivery-queue';
import { deliverNotification, failAbandoned } from './deliver-notification.job';
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
  // Each delivery runs in the trace of the event that created the notification (carried in the job data).
  const worker = new Worker(DELIVERY_QUEUE, (job) => inCarriedTrace(job.data?.trace, 'deliver notification', SpanKind.CONSUMER, {
    'messaging.system': 'bullmq', 'messaging.destination.name': DELIVERY_QUEUE, 'hub.job.attempt': job.attemptsMade + 1,
  }, () => deliverNotification({ orm: deps.orm, config, email }, job)), {
    connection: deps.workerConnection(), prefix: deps.queuePrefix, concurrency: config.deliveryConcurrency,
    // A worker that dies loses its locks within 10 s; its jobs are picked up at the next 5 s stall check.
    lockDuration: 10_000, stalledInterval: 5_000, maxStalledCount: 2,
  });
  worker.on('failed', (job, err) => {
    deps.log.warn({ err: err.message, jobId: job?.id, attemptsMade: job?.attemptsMade }, 'notification delivery failed');
    // BullMQ gave up on the job (stalled past the limit, attempts spent): the row must not wait for it.
    const id = job?.data?.notificationId;
    const given = job && (err.name === 'UnrecoverableError' || /stalled/i.test(err.message) || job.attemptsMade >= (job.opts.attempts ?? 1));
    if (id && given) {
      failAbandoned(deps.orm, id, err.message).catch((e) => deps.log.warn({ err: e, notificationId: id }, 'could not fail an abandoned notification; the sweeper will'));
    }
  });
  worker.on('error', (err) => deps.log.error({ err }, 'delivery worker error'));
  const timer = setInterval(() => {
    // One instance sweeps at a time; the others skip this tick.
    runExclusively(deps.orm, 'notifications:sweep-pending', () => sweepPending(deps.orm, queue, config.sweepAgeMs))
      .then((r) => r && (r.enqueued.length || r.failed.length) && deps.log.info({ enqueued: r.enqueued.length, failed: r.failed.length }, 'sweeper: notifications without a live job'))
      .catch((err) => deps.log.warn({ err }, 'sweeper: Redis or PostgreSQL unavailable'));
  }, config.sweepMs);
  timer.unref();
  return [
    { close: async () => clearInterval(timer) },
    worker,
    { close: async () => { email.close(); await queue.close(); } },
  ];
}
