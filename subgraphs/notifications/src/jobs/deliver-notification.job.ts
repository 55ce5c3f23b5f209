import { LockMode, MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Job, UnrecoverableError } from 'bullmq';
import { observeDelivery, recordEvent } from '@hub/service-kit';
import type { NotificationsConfig } from '../config';
import { AttemptRecord, NotificationEntity, NotificationStatusCode } from '../notification/notification.entity';
import { resolveTarget } from '../recipient/recipient-directory';
import { EmailSender, sendWebhook } from '../delivery/senders';
import type { DeliverNotificationData } from './delivery-queue';
import { insertOwnChange, signalChange } from '../changes/change-log';

/** What the delivery processor needs. */
export interface DeliveryDeps {
  orm: MikroORM;
  config: NotificationsConfig;
  email: EmailSender;
}

async function finish(orm: MikroORM, id: string, patch: Partial<NotificationEntity>, event?: 'NotificationDelivered' | 'NotificationFailed', attempt?: AttemptRecord, onlyFrom?: NotificationStatusCode[]): Promise<boolean> {
  let cursor: string | null = null;
  const done = await (orm.em.fork() as EntityManager).transactional(async (em) => {
    const n = await em.findOneOrFail(NotificationEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // An operator's discard wins over a delivery outcome that arrives after it.
    if (n.status === 'DISCARDED') return false;
    if (onlyFrom && !onlyFrom.includes(n.status)) return false;
    Object.assign(n, patch);
    if (attempt) n.attemptLog = [...(n.attemptLog ?? []), attempt].slice(-50);
    if (event) {
      const row = recordEvent(em, {
        type: event, aggregateType: 'Notification', aggregateId: n.id, childId: n.childId ?? null,
        payload: { notificationId: n.id, ruleId: n.ruleId, recipientKind: n.recipientKind, childId: n.childId ?? null, placingAuthority: n.placingAuthority ?? null, channel: n.channel, attempts: n.attempts, status: n.status },
      });
      // The receipt's live change is written here: the service does not consume its own events.
      await em.flush();
      cursor = await insertOwnChange(em, row);
    }
    return true;
  });
  if (cursor) await signalChange(orm, cursor);
  return done;
}

/**
 * Delivers one notification (the processor of `deliver-notification` jobs). Idempotent: a DELIVERED or
 * DISCARDED notification is not sent again. PENDING → SENDING → DELIVERED; a failure goes back to PENDING with
 * `lastError` while the row's attempt budget lasts (BullMQ retries with exponential backoff), and to FAILED once it
 * is spent. Each attempt is appended to the row's `attemptLog`.
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
  const at = new Date();
  const took = () => Date.now() - at.getTime();
  try {
    if (!target.address) throw new UnrecoverableError(`NO_ADDRESS: no ${n.recipientKind === 'IRO' ? 'IRO e-mail (no IroAssigned with an e-mail)' : 'endpoint'} configured for ${n.recipientName}`);
    const result = target.channel === 'WEBHOOK'
      ? await sendWebhook(target.address, target.secret!, {
        id: n.id, ruleId: n.ruleId, eventId: n.eventId, eventType: n.eventType, childId: n.childId ?? null,
        recipient: { kind: n.recipientKind, code: n.recipientCode ?? null, name: n.recipientName },
        subject: n.subject, body: n.body, dueAt: n.dueAt.toISOString(), createdAt: n.createdAt.toISOString(),
      }, deps.config.webhookTimeoutMs)
      : await deps.email.send(target.address, n.id, n.subject, n.body);
    const sent = took();
    await finish(deps.orm, id, { status: 'DELIVERED', deliveredAt: new Date(), lastError: null, deliveryNote: result.note ?? null }, 'NotificationDelivered',
      { at: at.toISOString(), outcome: 'DELIVERED', durationMs: sent });
    observeDelivery(n.ruleId, target.channel, 'DELIVERED', sent / 1000);
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    // The budget is the row's: attempts since it began (a re-created job does not reset it).
    const final = err instanceof UnrecoverableError || n.attempts - (n.budgetFrom ?? 0) >= deps.config.attempts;
    observeDelivery(n.ruleId, target.channel, final ? 'FAILED' : 'RETRY', took() / 1000);
    await finish(deps.orm, id, { status: final ? 'FAILED' : 'PENDING', lastError: message }, final ? 'NotificationFailed' : undefined,
      { at: at.toISOString(), outcome: final ? 'FAILED' : 'RETRY', error: message, durationMs: took() });
    throw final && !(err instanceof UnrecoverableError) ? new UnrecoverableError(message) : err;
  }
}

/**
 * Fails a notification whose job BullMQ has given up on without running it to the end (stalled past the limit, or
 * attempts spent while the row still says PENDING/SENDING), so no row waits for a job that will never move it.
 * @param orm - the service's ORM
 * @param id - the notification
 * @param reason - why, from the job
 * @returns whether the row was failed now
 */
export async function failAbandoned(orm: MikroORM, id: string, reason: string): Promise<boolean> {
  const error = `ABANDONED: ${reason}`.slice(0, 2000);
  return finish(orm, id, { status: 'FAILED', lastError: error }, 'NotificationFailed', { at: new Date().toISOString(), outcome: 'FAILED', error, durationMs: 0 }, ['PENDING', 'SENDING']);
}
