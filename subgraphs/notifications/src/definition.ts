import { ProcessedEvent, QUEUES, SubgraphDefinition } from '@hub/service-kit';
import { createNotificationsContext, NotificationsContext } from './context';
import { buildNotificationsSchema } from './schema';
import { migrations } from './migrations';
import { loadNotificationsConfig } from './config';
import { NotificationEntity } from './notification/notification.entity';
import { AuthorityEndpointEntity } from './recipient/authority-endpoint.entity';
import { IroContactEntity } from './recipient/iro-contact.entity';
import { notificationsEventHandlers } from './events/handle-event';
import { startNotificationWorkers } from './jobs/worker';

/** The notifications service's entities. */
export const notificationsEntities = [NotificationEntity, AuthorityEndpointEntity, IroContactEntity, ProcessedEvent];

/** The notifications subgraph: owns Notification; decides who must be told what and delivers it. */
export const notificationsSubgraph: SubgraphDefinition<NotificationsContext> = {
  name: 'notifications',
  schema: 'notifications',
  entities: notificationsEntities,
  migrations,
  buildSchema: buildNotificationsSchema,
  extendContext: (base, orm) => createNotificationsContext(base, orm),
  // Every event of every service: notification rules, idempotent by event id and (event, rule, recipient).
  consumes: { queue: QUEUES.eventsNotifications, ...notificationsEventHandlers(() => loadNotificationsConfig(process.env)) },
  workers: (deps) => startNotificationWorkers(deps),
};
