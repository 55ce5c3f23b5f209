import { defineEventHandlers } from '@hub/service-kit';
import { childrenHandlers } from './children-events';
import { reviewHandlers } from './review-events';
import { notificationHandlers } from './notification-events';
import { onCalendarUpdated } from '../deadline/ledger';

/**
 * The plans service's event handlers: children and reviews facts into the facts tables and the deadline ledger, and
 * a new calendar into the ledger's dates. The kit claims each event once, under the child's lock, in the
 * transaction of these changes: a redelivered event (same id) changes nothing.
 */
export const plansEventHandlers = defineEventHandlers({
  ...childrenHandlers,
  ...reviewHandlers,
  ...notificationHandlers,
  CalendarUpdated: async (em, e) => void (await onCalendarUpdated(em, e.payload)),
});
