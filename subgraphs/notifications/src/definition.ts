import { ProcessedEvent, QUEUES, SubgraphDefinition } from '@hub/service-kit';
import { createNotificationsContext, NotificationsContext } from './context';
import { buildNotificationsSchema } from './schema';
import { migrations } from './migrations';
import { loadNotificationsConfig } from './config';
import { NotificationEntity } from './notification/notification.entity';
import { AuthorityEndpointEntity } from './recipient/authority-endpoint.entity';
import { IroContactEntity } from './recipient/iro-contact.entity';
import { ChildContactAddressEntity } from './recipient/child-contact.entity';
import { notificationsEventHandlers } from './events/handle-event';
import { startNotificationWorkers } from './jobs/worker';
import { DeliveryQueue, registerDeliveryQueue } from './jobs/delivery-queue';
import { ChangeLogEntry } from './changes/change.entity';
import { OpsActionEntity } from './ops/ops-action.entity';
import { startChangeFeed } from './changes/change-feed';

/** The notifications service's entities. */
export const notificationsEntities = [NotificationEntity, AuthorityEndpointEntity, IroContactEntity, ChildContactAddressEntity, ProcessedEvent, ChangeLogEntry, OpsActionEntity];

/** The notifications subgraph: owns Notification; decides who must be told what and delivers it. */
export const notificationsSubgraph: SubgraphDefinition<NotificationsContext> = {
  name: 'notifications',
  schema: 'notifications',
  entities: notificationsEntities,
  migrations,
  buildSchema: buildNotificationsSchema,
  extendContext: (base, orm) => createNotificationsContext(base, orm),
  // Every event of every service: notification rules, idempotent by event id and (event, rule, recipient).
  // Events of different children in parallel when NOTIFY_CONSUMER_CONCURRENCY > 1: notices are independent rows,
  // and the recipient is resolved again when each is delivered (an IroAssigned consumed after the incident still
  // reaches the IRO).
  consumes: {
    queue: QUEUES.eventsNotifications,
    concurrency: loadNotificationsConfig(process.env).consumerConcurrency,
    ...notificationsEventHandlers(() => loadNotificationsConfig(process.env)),
  },
  // Deliveries and the sweeper.
  workers: (deps) => startNotificationWorkers(deps),
  // The live change feed of this instance's subscribers; an API-only process also gets the deliveries' producer,
  // so the ops mutations (retry) enqueue at once (with workers in the process, they register theirs).
  apiServices: (deps) => {
    const services = startChangeFeed(deps);
    if (deps.role !== 'api') return services;
    const producer = new DeliveryQueue(deps.redis, loadNotificationsConfig(process.env), deps.queuePrefix);
    registerDeliveryQueue(deps.orm, producer);
    return [...services, { close: () => producer.close() }];
  },
};
