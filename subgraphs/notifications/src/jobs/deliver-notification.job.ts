import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Job, UnrecoverableError } from 'bullmq';
import { recordEvent } from '@hub/service-kit';
import type { NotificationsConfig } from '../config';
import { NotificationEntity } from '../notification/notification.entity';
import { resolveTarget } from '../recipient/recipient-directory';
import { EmailSender, sendWebhook } from '../delivery/senders';
import type { DeliverNotificationData } from './delivery-queue';

/** What the delivery processor needs. */
export interface DeliveryDeps {
  orm: MikroORM;
  config: NotificationsConfig;
  email: EmailSender;
}

async function finish(orm: MikroORM, id: string, patch: Partial<NotificationEntity>, event?: 'NotificationDelivered' | 'NotificationFailed'): Promise<void> {
  await (orm.em.fork() as EntityManager).transactional(async (em) => {
    const n = await em.findOneOrFail(NotificationEntity, { id });
    // An operator's discard wins over a delivery outcome that arrives after it.
    if (n.status === 'DISCARDED') return;
    Object.assign(n, patch);
    if (event) {
      recordEvent(em, {
        type: event, aggregateType: 'Notification', aggregateId: n.id, childId: n.childId ?? null,
        payload: { notificationId: n.id, ruleId: n.ruleId, recipientKind: n.recipientKind, childId: n.childId ?? null, placingAuthority: n.placingAuthority ?? null, channel: n.channel, attempts: n.attempts, status: n.status },
      });
    }
  });
}

/**
 * Delivers one notification (the processor of `deliver-notification` jobs). Idempotent: a DELIVERED or
 * DISCARDED notification is not sent again. PENDING → SENDING → DELIVERED; a failure goes back to PENDING with
 * `lastError` while attempts remain (BullMQ retries with exponential backoff), and to FAILED after the last one.
 * @param deps - ORM, configuration and the e-mail sender
 * @param job - the job
 */
export async function deliverNotification(deps: DeliveryDeps, job: Job<DeliverNotificationData>): Promise<void> {
  const id = job.data?.notificationId;
  if (!id) throw new UnrecoverableError('malformed delivery job');
  const em = deps.orm.em.fork() as EntityManager;
  const n = await em.findOne(NotificationEntity, { id });
  if (!n) throw new UnrecoverableError(`notification ${id} does not exist`);
  if (n.status === 'DELIVERED' || n.status === 'DISCARDED') return;
  const target = await resolveTarget(em, { kind: n.recipientKind, code: n.recipientCode ?? null }, n.childId ?? null, deps.config.ofstedEmail);
  n.status = 'SENDING';
  n.attempts += 1;
  n.channel = target.channel;
  n.address = target.address;
  if (target.iro) {
    // Events can be consumed out of order (IroAssigned after the incident): record the IRO actually addressed.
    n.recipientCode = target.iro.sub;
    n.recipientName = target.iro.name ?? n.recipientName;
  }
  await em.flush();
  try {
    if (!target.address) throw new UnrecoverableError(`NO_ADDRESS: no ${n.recipientKind === 'IRO' ? 'IRO e-mail (no IroAssigned with an e-mail)' : 'endpoint'} configured for ${n.recipientName}`);
    const result = target.channel === 'WEBHOOK'
      ? await sendWebhook(target.address, target.secret!, {
        id: n.id, ruleId: n.ruleId, eventId: n.eventId, eventType: n.eventType, childId: n.childId ?? null,
        recipient: { kind: n.recipientKind, code: n.recipientCode ?? null, name: n.recipientName },
        subject: n.subject, body: n.body, dueAt: n.dueAt.toISOString(), createdAt: n.createdAt.toISOString(),
      }, deps.config.webhookTimeoutMs)
      : await deps.email.send(target.address, n.id, n.subject, n.body);
    await finish(deps.orm, id, { status: 'DELIVERED', deliveredAt: new Date(), lastError: null, deliveryNote: result.note ?? null }, 'NotificationDelivered');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await finish(deps.orm, id, { status: final ? 'FAILED' : 'PENDING', lastError: message.slice(0, 2000) }, final ? 'NotificationFailed' : undefined);
    throw err;
  }
}
