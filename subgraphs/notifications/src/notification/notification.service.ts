import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import {
  ConflictError, decodeCursor, ForbiddenError, hasRole, InputError, NotFoundError, pageSize, Principal, recordEvent, requireRole, toConnection,
} from '@hub/service-kit';
import type { ConnectionShape } from '@hub/service-kit';
import { NotificationEntity } from './notification.entity';
import type { DeliveryQueue } from '../jobs/delivery-queue';
import type { NotificationsArgs, RetryNotificationsFilter } from './notification.input';

const LA_STAFF = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;
const keyOf = (n: NotificationEntity) => `${n.createdAt.toISOString()}|${n.id}`;

/** Listing and operating on notifications. */
export class NotificationService {
  constructor(private readonly em: EntityManager, private readonly principal: Principal, private readonly deliveries?: DeliveryQueue) {}

  /**
   * `Query.notifications`: OPS see every notification (metadata only); an authority's staff see those about
   * its children; an IRO sees those addressed to them. Oldest first, keyset-paginated.
   * @param a - filters and page
   * @returns the connection and whether only metadata may be shown
   */
  async list(a: NotificationsArgs): Promise<{ page: ConnectionShape<NotificationEntity>; metadataOnly: boolean }> {
    const p = this.principal;
    const size = pageSize(a.first);
    const where: FilterQuery<NotificationEntity>[] = [];
    let metadataOnly = false;
    if (hasRole(p, ...LA_STAFF)) where.push({ placingAuthority: p.org });
    else if (hasRole(p, 'IRO')) where.push({ recipientKind: 'IRO', recipientCode: p.sub });
    else if (hasRole(p, 'OPS')) metadataOnly = true;
    else throw new ForbiddenError('your role may not list notifications');
    if (a.status) where.push({ status: a.status });
    if (a.ruleId) where.push({ ruleId: a.ruleId });
    const total = await this.em.count(NotificationEntity, { $and: where });
    if (a.after) {
      const [at, id] = decodeCursor(a.after, ['instant', 'uuid']);
      const d = new Date(at);
      where.push({ $or: [{ createdAt: { $gt: d } }, { createdAt: d, id: { $gt: id } }] });
    }
    const rows = await this.em.find(NotificationEntity, { $and: where }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return { page: toConnection(rows, size, keyOf, total, Boolean(a.after)), metadataOnly };
  }

  private async markForRetry(em: EntityManager, n: NotificationEntity): Promise<void> {
    n.status = 'PENDING';
    // A fresh attempt budget, kept on the row.
    n.budgetFrom = n.attempts;
    recordEvent(em, {
      type: 'NotificationRetried', aggregateType: 'Notification', aggregateId: n.id, childId: n.childId ?? null,
      payload: { notificationId: n.id, ruleId: n.ruleId, recipientKind: n.recipientKind, childId: n.childId ?? null, placingAuthority: n.placingAuthority ?? null, attempts: n.attempts }, actor: this.principal,
    });
  }

  private async requeue(ids: string[]): Promise<void> {
    // Committed first; if Redis refuses now, the sweeper re-enqueues the PENDING rows later.
    if (!this.deliveries) return;
    for (const id of ids) await this.deliveries.retry(id).catch(() => undefined);
  }

  /**
   * `retryNotification`: a FAILED notification gets a fresh attempt budget.
   * @param id - the notification
   * @returns the notification, now PENDING
   */
  async retry(id: string): Promise<NotificationEntity> {
    requireRole(this.principal, ['OPS'], 'retry notifications');
    const n = await this.em.transactional(async (em) => {
      const row = await em.findOne(NotificationEntity, { id });
      if (!row) throw new NotFoundError('no such notification', { id });
      if (row.status !== 'FAILED') throw new ConflictError(`only a FAILED notification can be retried; this one is ${row.status}`, { reason: 'NOT_FAILED' });
      await this.markForRetry(em, row);
      return row;
    });
    await this.requeue([n.id]);
    return n;
  }

  /**
   * `retryNotifications`: every FAILED notification matching the filter gets a fresh attempt budget.
   * @param f - the filter (status must be FAILED)
   * @returns how many were retried
   */
  async retryMany(f: RetryNotificationsFilter): Promise<number> {
    requireRole(this.principal, ['OPS'], 'retry notifications');
    if (f.status !== 'FAILED') throw new InputError('only FAILED notifications can be retried in bulk', { field: 'status', reason: 'ONLY_FAILED' });
    const ids = await this.em.transactional(async (em) => {
      const where: FilterQuery<NotificationEntity> = { status: 'FAILED' };
      if (f.ruleId) where.ruleId = f.ruleId;
      if (f.createdBefore) where.createdAt = { $lt: f.createdBefore };
      const rows = await em.find(NotificationEntity, where, { limit: 1000, orderBy: { createdAt: 'asc' } });
      for (const r of rows) await this.markForRetry(em, r);
      return rows.map((r) => r.id);
    });
    await this.requeue(ids);
    return ids.length;
  }

  /**
   * `discardNotification`: marks a notification DISCARDED with a reason; it is kept, never deleted.
   * @param id - the notification
   * @param reason - why
   * @returns the notification
   */
  async discard(id: string, reason: string): Promise<NotificationEntity> {
    requireRole(this.principal, ['OPS'], 'discard notifications');
    const why = reason.trim();
    if (!why) throw new InputError('a reason is required', { field: 'reason', reason: 'REQUIRED' });
    return this.em.transactional(async (em) => {
      const row = await em.findOne(NotificationEntity, { id });
      if (!row) throw new NotFoundError('no such notification', { id });
      if (row.status === 'DELIVERED') throw new ConflictError('a delivered notification cannot be discarded', { reason: 'ALREADY_DELIVERED' });
      if (row.status === 'DISCARDED') return row;
      row.status = 'DISCARDED';
      row.discardReason = why.slice(0, 2000);
      recordEvent(em, {
        type: 'NotificationDiscarded', aggregateType: 'Notification', aggregateId: row.id, childId: row.childId ?? null,
        payload: { notificationId: row.id, ruleId: row.ruleId, recipientKind: row.recipientKind, childId: row.childId ?? null, placingAuthority: row.placingAuthority ?? null }, actor: this.principal,
      });
      return row;
    });
  }
}
