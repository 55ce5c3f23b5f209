import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationEntity } from '../notification/notification.entity';
import type { DeliveryQueue } from './delivery-queue';
import { failAbandoned } from './deliver-notification.job';

/** What one sweep did. */
export interface SweepResult {
  /** Rows whose job was missing (or finished without settling the row): enqueued again. */
  enqueued: string[];
  /** Rows whose job BullMQ had failed for good (e.g. stalled twice) while the row still waited: now FAILED. */
  failed: string[];
  /** Rows looked at. */
  checked: number;
}

/**
 * Makes sure every PENDING or SENDING notification untouched for `olderThanMs` has a job that will move it: a row
 * without a job (Redis was down when it was created, or lost its data) or whose job completed without settling
 * it is enqueued again; a row whose job BullMQ failed for good is FAILED with the job's reason; a row whose job is
 * waiting, delayed (backoff) or active is left alone. It walks every such row, oldest change first, in pages of
 * `pageSize`, so rows in backoff never hide newer rows behind them.
 * @param orm - the service's ORM
 * @param queue - the delivery queue
 * @param olderThanMs - minimum age since the row last changed
 * @param pageSize - rows per page. @default 500
 * @returns what it did
 */
export async function sweepPending(orm: MikroORM, queue: DeliveryQueue, olderThanMs: number, pageSize = 500): Promise<SweepResult> {
  const cutoff = new Date(Date.now() - olderThanMs);
  const out: SweepResult = { enqueued: [], failed: [], checked: 0 };
  let after: { updatedAt: Date; id: string } | undefined;
  for (;;) {
    const em = orm.em.fork() as EntityManager;
    const where = after
      ? { status: { $in: ['PENDING', 'SENDING'] as const }, updatedAt: { $lte: cutoff }, $or: [{ updatedAt: { $gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { $gt: after.id } }] }
      : { status: { $in: ['PENDING', 'SENDING'] as const }, updatedAt: { $lte: cutoff } };
    const rows = await em.find(NotificationEntity, where as never, { fields: ['id', 'updatedAt'], limit: pageSize, orderBy: { updatedAt: 'asc', id: 'asc' } });
    if (rows.length === 0) break;
    out.checked += rows.length;
    const states = await Promise.all(rows.map(async (r) => ({ id: r.id, ...(await queue.jobState(r.id)) })));
    const again: string[] = [];
    for (const s of states) {
      if (s.state === 'unknown') again.push(s.id);
      else if (s.state === 'completed') {
        await queue.remove(s.id);
        again.push(s.id);
      } else if (s.state === 'failed' && (await failAbandoned(orm, s.id, s.reason ?? 'the delivery job failed'))) out.failed.push(s.id);
    }
    await queue.enqueue(again);
    out.enqueued.push(...again);
    const last = rows[rows.length - 1];
    after = { updatedAt: last.updatedAt, id: last.id };
    if (rows.length < pageSize) break;
  }
  return out;
}
