import type { MikroORM } from '@mikro-orm/core';
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

/** A delivery outcome written to the row: columns left undefined keep their value. */
interface Outcome {
  status: NotificationStatusCode;
  lastError: string | null;
  deliveredAt?: Date;
  deliveryNote?: string | null;
}

/** The row's fields a receipt event carries. */
interface ReceiptRow {
  id: string;
  rule_id: string;
  recipient_kind: string;
  child_id: string | null;
  placing_authority: string | null;
  channel: string;
  attempts: number;
  status: NotificationStatusCode;
}

/**
 * Writes a delivery outcome in one transaction of at most three statements: one UPDATE of the row (status, error,
 * the attempt appended to its log, the oldest dropped past 50; not over an operator's discard, nor outside
 * `onlyFrom`), and with a receipt event its outbox row and its live change.
 */
async function finish(orm: MikroORM, id: string, o: Outcome, event?: 'NotificationDelivered' | 'NotificationFailed', attempt?: AttemptRecord, onlyFrom?: NotificationStatusCode[]): Promise<boolean> {
  let cursor: string | null = null;
  const schema = orm.config.get('schema') as string;
  const done = await (orm.em.fork() as EntityManager).transactional(async (em) => {
    const set = ['status = ?', 'last_error = ?', 'updated_at = now()'];
    const params: unknown[] = [o.status, o.lastError];
    if (o.deliveredAt !== undefined) {
      set.push('delivered_at = ?');
      params.push(o.deliveredAt);
    }
    if (o.deliveryNote !== undefined) {
      set.push('delivery_note = ?');
      params.push(o.deliveryNote);
    }
    if (attempt) {
      set.push(`attempt_log = (select coalesce(jsonb_agg(e order by i), '[]'::jsonb) from (
        select e, i from jsonb_array_elements(attempt_log || jsonb_build_array(?::jsonb)) with ordinality as a(e, i) order by i desc limit 50) last)`);
      params.push(JSON.stringify(attempt));
    }
    // An operator's discard wins over a delivery outcome that arrives after it.
    const where = ["id = ?", "status <> 'DISCARDED'"];
    params.push(id);
    if (onlyFrom) {
      where.push(`status in (${onlyFrom.map(() => '?').join(', ')})`);
      params.push(...onlyFrom);
    }
    const rows = (await em.execute(
      `update "${schema}".notification set ${set.join(', ')} where ${where.join(' and ')}
       returning id, rule_id, recipient_kind, child_id, placing_authority, channel, attempts, status`,
      params,
    )) as ReceiptRow[];
    const n = rows[0];
    if (!n) return false;
    if (event) {
      const row = recordEvent(em, {
        type: event, aggregateType: 'Notification', aggregateId: n.id, childId: n.child_id,
        payload: { notificationId: n.id, ruleId: n.rule_id, recipientKind: n.recipient_kind, childId: n.child_id, placingAuthority: n.placing_authority, channel: n.channel, attempts: n.attempts, status: n.status },
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
  if (target.iro) {
    // Events can be consumed out of order (IroAssigned after the incident): record the IRO actually addressed.
    n.recipientCode = target.iro.sub;
    n.recipientName = target.iro.name ?? n.recipientName;
  }
  // The attempt starts: one UPDATE, not over a delivery or a discard that happened meanwhile.
  const schema = deps.orm.config.get('schema') as string;
  const started = (await em.execute(
    `update "${schema}".notification set status = 'SENDING', attempts = attempts + 1, channel = ?, address = ?, recipient_code = ?, recipient_name = ?,
       updated_at = now() where id = ? and status not in ('DELIVERED', 'DISCARDED') returning attempts, budget_from`,
    [target.channel, target.address, n.recipientCode ?? null, n.recipientName, id],
  )) as Array<{ attempts: number; budget_from: number }>;
  if (!started[0]) return;
  n.attempts = started[0].attempts;
  n.budgetFrom = started[0].budget_from;
  n.channel = target.channel;
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
