import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotificationEntity } from '../notification/notification.entity';
import type { DeliveryQueue } from './delivery-queue';

/**
 * Re-enqueues notifications that have no job: PENDING (or SENDING, after a crash) rows untouched for
 * `olderThanMs` whose `deliver-<id>` job is missing, e.g. because Redis was down when they were created.
 * @param orm - the service's ORM
 * @param queue - the delivery queue
 * @param olderThanMs - minimum age since the row last changed
 * @param limit - most rows per sweep. @default 500
 * @returns the ids re-enqueued
 */
export async function sweepPending(orm: MikroORM, queue: DeliveryQueue, olderThanMs: number, limit = 500): Promise<string[]> {
  const em = orm.em.fork() as EntityManager;
  const cutoff = new Date(Date.now() - olderThanMs);
  const rows = await em.find(NotificationEntity, { status: { $in: ['PENDING', 'SENDING'] }, updatedAt: { $lte: cutoff } }, { fields: ['id'], limit, orderBy: { createdAt: 'asc' } });
  const missing: string[] = [];
  for (const r of rows) if (!(await queue.hasJob(r.id))) missing.push(r.id);
  await queue.enqueue(missing);
  return missing;
}
