import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyAccessEvent, claimEvent, ChildAccess, hubCalendar, HubEvent, Logger } from '@hub/service-kit';
import type { NotificationsConfig } from '../config';
import { ChildFacts, decideNotifications } from '../rules/notification-rules';
import { NotificationEntity } from '../notification/notification.entity';
import { IroContactEntity } from '../recipient/iro-contact.entity';
import { resolveTarget } from '../recipient/recipient-directory';
import { deliveryQueueFor } from '../jobs/delivery-queue';

type P = Record<string, unknown>;

async function keepIro(em: EntityManager, e: HubEvent): Promise<void> {
  const p = e.payload as P;
  const childId = (e.childId ?? p.childId) as string | undefined;
  if (!childId) return;
  const iroSub = (p.iroId as string | null | undefined) ?? null;
  const row = await em.findOne(IroContactEntity, { childId });
  if (!iroSub) {
    if (row) em.remove(row);
    return;
  }
  const next = row ?? em.create(IroContactEntity, { childId, iroSub });
  next.iroSub = iroSub;
  next.name = (p.iroName as string | null | undefined) ?? null;
  next.email = (p.iroEmail as string | null | undefined) ?? null;
  em.persist(next);
}

async function childFacts(em: EntityManager, childId: string | null): Promise<ChildFacts> {
  if (!childId) return { placingAuthority: null, iro: null, currentProviderId: null };
  const [access, iro] = await Promise.all([em.findOne(ChildAccess, { childId }), em.findOne(IroContactEntity, { childId })]);
  const open = access?.providerWindows.find((w) => w.to === null) ?? null;
  return {
    placingAuthority: access?.placingAuthority ?? null,
    iro: iro ? { sub: iro.iroSub, name: iro.name ?? null, email: iro.email ?? null } : null,
    currentProviderId: open?.providerId ?? null,
  };
}

/**
 * Consumes one domain event: keeps the IRO facts, decides the notifications (rules/notification-rules.ts) and
 * stores one row per recipient per rule, together with the processed-event marker, in one transaction. Then it
 * enqueues their deliveries; if Redis refuses, the rows stay PENDING and the sweeper enqueues them later.
 * Idempotent: a redelivered event finds its marker and does nothing.
 * @param orm - the service's ORM
 * @param e - the event
 * @param log - logger
 * @param config - notifications configuration
 * @returns the ids of the notifications created
 */
export async function handleNotificationsEvent(orm: MikroORM, e: HubEvent, log: Logger, config: NotificationsConfig): Promise<string[]> {
  const em = orm.em.fork() as EntityManager;
  const ids = await em.transactional(async (tem) => {
    if (!(await claimEvent(tem, e))) return [];
    // The runner applies access facts before calling us; applying them again is harmless and lets the handler be
    // driven directly (tests, replays).
    await applyAccessEvent(tem, e);
    if (e.type === 'IroAssigned') await keepIro(tem, e);
    await tem.flush();
    const childId = (e.childId ?? ((e.payload as P).childId as string | undefined)) ?? null;
    const facts = await childFacts(tem, childId);
    const intents = decideNotifications(e, facts, { calendar: hubCalendar(), iroSlaHours: config.iroSlaHours });
    const rows: NotificationEntity[] = [];
    for (const i of intents) {
      const target = await resolveTarget(tem, i.recipient, childId, config.ofstedEmail);
      rows.push(tem.create(NotificationEntity, {
        eventId: e.id, eventType: e.type, ruleId: i.ruleId, childId,
        placingAuthority: facts.placingAuthority ?? (((e.payload as P).placingAuthority as string | undefined) ?? null),
        recipientKind: i.recipient.kind, recipientKey: i.recipient.key, recipientCode: i.recipient.code, recipientName: i.recipient.name,
        channel: target.channel, address: target.address, subject: i.subject, body: i.body,
        dueAt: new Date(i.dueAt), dueBasis: i.dueBasis,
      }));
    }
    return rows.map((r) => r.id);
  });
  if (ids.length > 0) log.info({ eventId: e.id, type: e.type, count: ids.length }, 'notifications created');
  const queue = deliveryQueueFor(orm);
  if (queue) await queue.enqueue(ids).catch((err) => log.warn({ err, eventId: e.id }, 'deliveries not enqueued; the sweeper will pick them up'));
  return ids;
}
