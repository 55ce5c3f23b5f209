import type { EntityManager } from '@mikro-orm/postgresql';
import { ChildAccess, defineEventHandlers, EventHandlerRegistry, hubCalendar, HubEvent } from '@hub/service-kit';
import type { NotificationsConfig } from '../config';
import { ChildFacts, decideNotifications } from '../rules/notification-rules';
import { NotificationEntity } from '../notification/notification.entity';
import { IroContactEntity } from '../recipient/iro-contact.entity';
import { ChildContactAddressEntity } from '../recipient/child-contact.entity';
import { resolveTarget } from '../recipient/recipient-directory';
import { deliveryQueueFor } from '../jobs/delivery-queue';
import { recordChange } from '../changes/change-log';

async function keepIro(em: EntityManager, e: HubEvent<'IroAssigned'>): Promise<void> {
  const p = e.payload;
  const row = await em.findOne(IroContactEntity, { childId: p.childId });
  const next = row ?? em.create(IroContactEntity, { childId: p.childId, iroSub: p.iroId });
  next.iroSub = p.iroId;
  next.name = p.iroName;
  next.email = p.iroEmail ?? null;
  em.persist(next);
}

/** CON-REG8: the reg 8(3) people a refusal of contact carries, with their addresses, for delivery and retries. */
async function keepContacts(em: EntityManager, e: HubEvent<'SignificantEventRecorded'>): Promise<void> {
  const p = e.payload;
  for (const c of p.reg8Recipients ?? []) {
    await em.upsert(ChildContactAddressEntity, {
      contactId: c.contactId, childId: p.childId, name: c.name, relationship: c.relationship, channel: c.channel,
      address: c.address ?? null, placingAuthority: p.placingAuthority,
    });
  }
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
 * The notifications service's event handling: for every event, keeps the IRO facts, decides the notifications
 * (rules/notification-rules.ts) and stores one row per recipient per rule, in the transaction in which the kit claims
 * the event (a redelivered event finds its claim and does nothing). Once that commits it enqueues their deliveries;
 * if Redis refuses, the rows stay PENDING and the sweeper enqueues them later.
 * @param config - notifications configuration
 * @returns the handlers
 */
export function notificationsEventHandlers(config: () => NotificationsConfig): EventHandlerRegistry {
  return defineEventHandlers({}, {
    otherwise: async (tem, e, ctx) => {
      if (e.type === 'IroAssigned') await keepIro(tem, e);
      if (e.type === 'SignificantEventRecorded') await keepContacts(tem, e);
      await tem.flush();
      // The live change, in the same transaction (changes/change-log.ts).
      await recordChange(tem, e, ctx);
      const childId = e.childId ?? null;
      const facts = await childFacts(tem, childId);
      const cfg = config();
      const intents = decideNotifications(e, facts, { calendar: hubCalendar(), iroSlaHours: cfg.iroSlaHours });
      const rows: NotificationEntity[] = [];
      const payloadAuthority = 'placingAuthority' in e.payload ? e.payload.placingAuthority ?? null : null;
      for (const i of intents) {
        const target = await resolveTarget(tem, i.recipient, childId, cfg.ofstedEmail);
        rows.push(tem.create(NotificationEntity, {
          eventId: e.id, eventType: e.type, ruleId: i.ruleId, childId,
          placingAuthority: facts.placingAuthority ?? payloadAuthority,
          recipientKind: i.recipient.kind, recipientKey: i.recipient.key, recipientCode: i.recipient.code, recipientName: i.recipient.name,
          channel: target.channel, address: target.address, subject: i.subject, body: i.body,
          dueAt: new Date(i.dueAt), dueBasis: i.dueBasis,
        }));
      }
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);
      ctx.log.info({ eventId: e.id, type: e.type, count: ids.length }, 'notifications created');
      ctx.afterCommit(async () => {
        const queue = deliveryQueueFor(ctx.orm);
        if (queue) await queue.enqueue(ids).catch((err) => ctx.log.warn({ err, eventId: e.id }, 'deliveries not enqueued; the sweeper will pick them up'));
      });
    },
  });
}
