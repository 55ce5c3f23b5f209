import type { EntityManager } from '@mikro-orm/postgresql';
import { FilterQuery, LockMode } from '@mikro-orm/core';
import {
  ConflictError, decodeCursor, ForbiddenError, hasRole, InputError, NotFoundError, pageSize, Principal, recordEvent, requireRole, toConnection,
} from '@hub/service-kit';
import type { ConnectionShape, OutboxEvent } from '@hub/service-kit';
import { insertOwnChange, signalChange } from '../changes/change-log';
import { NotificationEntity } from './notification.entity';
import type { DeliveryQueue } from '../jobs/delivery-queue';
import type { NotificationsArgs, RetryNotificationsFilter } from './notification.input';
import { recordOpsAction } from '../ops/ops-audit';

/** Most notifications one bulk retry may touch: a wider scope is refused before anything changes. */
export const BULK_RETRY_MAX = 10_000;
/** Rows marked, and jobs re-created, per batch of a bulk retry. */
const BULK_BATCH = 500;
/** Statuses of a notification that is not yet delivered and may still be (or be made to be). */
const UNDELIVERED = ['PENDING', 'SENDING', 'FAILED'] as const;

const LA_STAFF = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;
const keyOf = (n: NotificationEntity) => `${n.createdAt.toISOString()}|${n.id}`;

/** Listing and operating on notifications. */
export class NotificationService {
  constructor(
    private readonly em: EntityManager,
    private readonly principal: Principal,
    private readonly deliveries?: DeliveryQueue,
    /** The request's id, kept with the ops audit. */
    private readonly requestId?: string,
  ) {}

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
    // Overdue: not delivered (nor discarded) and past its due instant.
    if (a.overdue === true) where.push({ status: { $in: [...UNDELIVERED] }, dueAt: { $lt: new Date() } });
    if (a.overdue === false) where.push({ $or: [{ status: { $nin: [...UNDELIVERED] } }, { dueAt: { $gte: new Date() } }] });
    const total = await this.em.count(NotificationEntity, { $and: where });
    if (a.after) {
      const [at, id] = decodeCursor(a.after, ['instant', 'uuid']);
      const d = new Date(at);
      where.push({ $or: [{ createdAt: { $gt: d } }, { createdAt: d, id: { $gt: id } }] });
    }
    const rows = await this.em.find(NotificationEntity, { $and: where }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: size + 1 });
    return { page: toConnection(rows, size, keyOf, total, Boolean(a.after)), metadataOnly };
  }

  /** Cursors of live changes written in the current transaction, signalled once it commits. */
  private readonly changes: string[] = [];

  /** Events recorded in the current transaction whose live changes are not written yet. */
  private readonly unwritten: OutboxEvent[] = [];

  /**
   * Writes the live changes of the events this service recorded since the last call (it does not consume its own
   * events): one flush, then one insert each.
   */
  private async writeChanges(em: EntityManager): Promise<void> {
    await em.flush();
    for (const row of this.unwritten.splice(0)) {
      const cursor = await insertOwnChange(em, row);
      if (cursor) this.changes.push(cursor);
    }
  }

  private async signalChanges(): Promise<void> {
    const last = this.changes.splice(0).pop();
    if (last) await signalChange(this.em, last);
  }

  private async markForRetry(em: EntityManager, n: NotificationEntity): Promise<void> {
    n.status = 'PENDING';
    // A fresh attempt budget, kept on the row.
    n.budgetFrom = n.attempts;
    const event = recordEvent(em, {
      type: 'NotificationRetried', aggregateType: 'Notification', aggregateId: n.id, childId: n.childId ?? null,
      payload: { notificationId: n.id, ruleId: n.ruleId, recipientKind: n.recipientKind, childId: n.childId ?? null, placingAuthority: n.placingAuthority ?? null, attempts: n.attempts }, actor: this.principal,
    });
    this.unwritten.push(event);
  }

  private async requeue(ids: string[]): Promise<void> {
    // Committed first; if Redis refuses now, the sweeper re-enqueues the PENDING rows later.
    const q = this.deliveries;
    if (!q) return;
    for (let i = 0; i < ids.length; i += BULK_BATCH) {
      await Promise.all(ids.slice(i, i + BULK_BATCH).map((id) => q.retry(id).catch(() => undefined)));
    }
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
      await this.writeChanges(em);
      recordOpsAction(em, this.principal, this.requestId, { action: 'RETRY', target: row.id, scope: { ruleId: row.ruleId, placingAuthority: row.placingAuthority ?? null }, count: 1 });
      return row;
    });
    await this.signalChanges();
    await this.requeue([n.id]);
    return n;
  }

  /**
   * `retryNotifications`: the FAILED notifications within a scope (placing authority, rule, creation time range; at
   * least one of them) get a fresh attempt budget, in one transaction with the ops audit line, in batches of 500 rows,
   * oldest first; their jobs are then re-created in batches. A scope matching more than {@link BULK_RETRY_MAX} is
   * refused before anything changes (narrow it).
   * @param f - the filter (status must be FAILED)
   * @returns how many were retried
   */
  async retryMany(f: RetryNotificationsFilter): Promise<number> {
    requireRole(this.principal, ['OPS'], 'retry notifications');
    if (f.status !== 'FAILED') throw new InputError('only FAILED notifications can be retried in bulk', { field: 'status', reason: 'ONLY_FAILED' });
    if (!f.placingAuthority && !f.ruleId && !f.createdAfter) {
      throw new InputError('a bulk retry needs a scope: placingAuthority, ruleId or createdAfter', { field: 'filter', reason: 'SCOPE_REQUIRED' });
    }
    if (f.createdAfter && f.createdBefore && f.createdAfter >= f.createdBefore) {
      throw new InputError('createdAfter must be before createdBefore', { field: 'createdAfter', reason: 'EMPTY_RANGE' });
    }
    const where: FilterQuery<NotificationEntity>[] = [{ status: 'FAILED' }];
    if (f.placingAuthority) where.push({ placingAuthority: f.placingAuthority });
    if (f.ruleId) where.push({ ruleId: f.ruleId });
    if (f.createdAfter) where.push({ createdAt: { $gte: f.createdAfter } });
    if (f.createdBefore) where.push({ createdAt: { $lt: f.createdBefore } });
    const scope = {
      placingAuthority: f.placingAuthority ?? null, ruleId: f.ruleId ?? null,
      createdAfter: f.createdAfter?.toISOString() ?? null, createdBefore: f.createdBefore?.toISOString() ?? null,
    };
    const ids = await this.em.transactional(async (em) => {
      const matching = await em.count(NotificationEntity, { $and: where });
      if (matching > BULK_RETRY_MAX) {
        throw new InputError(`${matching} notifications match; a bulk retry takes at most ${BULK_RETRY_MAX}: narrow the scope`, { field: 'filter', reason: 'TOO_MANY', matching, max: BULK_RETRY_MAX });
      }
      const done: string[] = [];
      let after: Pick<NotificationEntity, 'createdAt' | 'id'> | undefined;
      for (;;) {
        const page: FilterQuery<NotificationEntity>[] = after
          ? [...where, { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, id: { $gt: after.id } }] }]
          : where;
        const rows = await em.find(NotificationEntity, { $and: page }, { limit: BULK_BATCH, orderBy: { createdAt: 'asc', id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
        for (const r of rows) await this.markForRetry(em, r);
        await this.writeChanges(em);
        done.push(...rows.map((r) => r.id));
        if (rows.length < BULK_BATCH) break;
        after = { createdAt: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
        // Written: the next batch does not carry this one's entities through every flush.
        em.clear();
      }
      recordOpsAction(em, this.principal, this.requestId, { action: 'BULK_RETRY', scope, count: done.length });
      return done;
    });
    await this.signalChanges();
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
    const discarded = await this.em.transactional(async (em) => {
      const row = await em.findOne(NotificationEntity, { id });
      if (!row) throw new NotFoundError('no such notification', { id });
      if (row.status === 'DELIVERED') throw new ConflictError('a delivered notification cannot be discarded', { reason: 'ALREADY_DELIVERED' });
      if (row.status === 'DISCARDED') return row;
      row.status = 'DISCARDED';
      row.discardReason = why.slice(0, 2000);
      recordOpsAction(em, this.principal, this.requestId, { action: 'DISCARD', target: row.id, scope: { ruleId: row.ruleId, placingAuthority: row.placingAuthority ?? null }, count: 1, reason: row.discardReason });
      const event = recordEvent(em, {
        type: 'NotificationDiscarded', aggregateType: 'Notification', aggregateId: row.id, childId: row.childId ?? null,
        payload: { notificationId: row.id, ruleId: row.ruleId, recipientKind: row.recipientKind, childId: row.childId ?? null, placingAuthority: row.placingAuthority ?? null }, actor: this.principal,
      });
      this.unwritten.push(event);
      await this.writeChanges(em);
      return row;
    });
    await this.signalChanges();
    return discarded;
  }
}
