/** @hub/notifications: the notifications subgraph. */
export { notificationsSubgraph, notificationsEntities } from './definition';
export { buildNotificationsSchema } from './schema';
export { changeFeedOf } from './changes/change-feed';
