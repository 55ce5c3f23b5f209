import { QUEUES } from '@hub/service-kit';

/**
 * Queues and job names of the notifications service. DO NOT RENAME: a renamed queue or job strands every job
 * already stored under the old name. Add a new one and drain the old instead.
 */
export const DELIVERY_QUEUE = QUEUES.deliveries;
/** Job name of one delivery. */
export const DELIVER_NOTIFICATION_JOB = 'deliver-notification';

/**
 * The deterministic job id of a notification's delivery (no ':' and never digits only, as BullMQ requires).
 * @param notificationId - the notification
 * @returns `deliver-<notificationId>`
 */
export function deliveryJobId(notificationId: string): string {
  return `deliver-${notificationId}`;
}
