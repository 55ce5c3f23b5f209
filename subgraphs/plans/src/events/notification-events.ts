import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventHandlerMap, NotificationOutcomePayload } from '@hub/service-kit';
import { DeadlineEntity } from '../deadline/deadline.entity';
import { notInFuture } from '../deadline/ledger';

/**
 * LA-IRO-PLACEMENT (CPPCR reg 13): the written notice of a placement delivered to the IRO meets the duty. Each
 * placement yields one such notice, so a delivery meets the child's oldest open LA-IRO-PLACEMENT entry for a
 * placement that had started by then.
 * @param em - the consumer's transaction
 * @param p - the NotificationDelivered payload
 * @param deliveredAt - when it was delivered (the event's occurredAt)
 */
async function noticeDelivered(em: EntityManager, p: NotificationOutcomePayload, deliveredAt: string): Promise<void> {
  if (p.ruleId !== 'LA-IRO-PLACEMENT' || p.recipientKind !== 'IRO' || !p.childId) return;
  const at = new Date(deliveredAt);
  const open = await em.find(DeadlineEntity, { childId: p.childId, ruleId: 'LA-IRO-PLACEMENT', metAt: null, notApplicable: false }, { orderBy: { dueAt: 'asc' } });
  const row = open.find((r) => new Date(r.basis.anchor).getTime() <= at.getTime());
  if (!row) return;
  row.metAt = notInFuture(at);
  row.basis = { ...row.basis, explanation: `${row.basis.explanation} Met by the written notice delivered to the IRO (notification ${p.notificationId}).` };
}

/** Handlers of the notifications service's events. */
export const notificationHandlers: EventHandlerMap = {
  NotificationDelivered: (em, e) => noticeDelivered(em, e.payload, e.occurredAt),
};
