import type DataLoader from 'dataloader';
import type { MikroORM } from '@mikro-orm/core';
import { rowByKey, rowsGroupedBy, ServiceContext } from '@hub/service-kit';
import { NotificationEntity } from './notification/notification.entity';
import { deliveryQueueFor, DeliveryQueue } from './jobs/delivery-queue';

/** Per-request loaders of the notifications service: one SQL statement per batch, read-only plain rows (readRows): a mutation loads what it changes itself. */
export interface NotificationsLoaders {
  notificationById: DataLoader<string, NotificationEntity | null>;
  notificationsByChild: DataLoader<string, NotificationEntity[]>;
}

/** The notifications service's request context. */
export interface NotificationsContext extends ServiceContext {
  loaders: NotificationsLoaders;
  /** The delivery producer, when this process runs the workers. */
  deliveries?: DeliveryQueue;
}

/**
 * Adds the notifications loaders to the common context.
 * @param base - the common context
 * @param orm - the service's ORM (to find its delivery queue)
 * @returns the notifications context
 */
export function createNotificationsContext(base: ServiceContext, orm: MikroORM): NotificationsContext {
  const em = base.em;
  return {
    ...base,
    deliveries: deliveryQueueFor(orm),
    loaders: {
      notificationById: rowByKey(em, NotificationEntity, 'id'),
      notificationsByChild: rowsGroupedBy(em, NotificationEntity, 'childId', { createdAt: 'asc', id: 'asc' }),
    },
  };
}
