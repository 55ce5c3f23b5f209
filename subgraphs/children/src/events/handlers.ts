import { defineEventHandlers } from '@hub/service-kit';

/**
 * The children service's event handling. It consumes one event, IroAssigned from reviews, and only for the access
 * facts the kit keeps in every service (which IRO may see the child); it records nothing in response, so the route
 * back from reviews cannot start a cycle of events.
 */
export const childrenEventHandlers = defineEventHandlers({});
