/**
 * Event contracts shared by every service. Events are facts, named in the past tense; payloads carry ids
 * and the facts a consumer needs to compute deadlines without reading another service's tables.
 */

/** Every event type. Add freely; never rename (consumers and stored jobs use these strings). */
export const EVENT_TYPES = [
  'ChildRegistered',
  'ChildUpdated',
  'ChildDeleted',
  'PeriodOfCareStarted',
  'ChildCeasedLookedAfter',
  'PlacementStarted',
  'PlacementEnded',
  'SignificantEventRecorded',
  'VisitRecorded',
  'LegalStatusRecorded',
  'PlanCreated',
  'PlanVersionCreated',
  'PlanSubmitted',
  'PlanEndorsed',
  'PlanSuperseded',
  'PlanCirculated',
  'IroAssigned',
  'ReviewScheduled',
  'ReviewHeld',
  'ReviewAdjourned',
  'ReviewDecisionsRecorded',
  'ReviewReportIssued',
  'ReviewRequested',
  'ReviewRequestEscalated',
  'EarlyReviewTriggered',
  'ChildConsulted',
  'CalendarUpdated',
  // notifications: delivery outcomes and operator actions (metadata only, no case content).
  'NotificationDelivered',
  'NotificationFailed',
  'NotificationRetried',
  'NotificationDiscarded',
  'AuthorityEndpointSet',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Which service wrote an event. */
export type EventSource = 'children' | 'plans' | 'reviews' | 'notifications';

/** An event as it travels on a queue or a change feed. */
export interface HubEvent<P = Record<string, unknown>> {
  /** Unique id (a UUID); also the BullMQ job id, so an event is enqueued once per consumer. */
  id: string;
  type: EventType;
  source: EventSource;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  childId?: string | null;
  payload: P;
  actor?: { sub: string; org: string; roles: string[] } | null;
}

/**
 * Queue names. DO NOT RENAME: a renamed queue strands every job already in it. Add a new queue and drain the
 * old one instead.
 */
export const QUEUES = {
  eventsNotifications: 'events-notifications',
  eventsPlans: 'events-plans',
  eventsReviews: 'events-reviews',
  eventsChildren: 'events-children',
  deliveries: 'notification-deliveries',
} as const;

/** Which consumer queue receives which events. */
export const EVENT_ROUTES: ReadonlyArray<{ queue: string; accepts: (type: EventType, source: EventSource) => boolean }> = [
  { queue: QUEUES.eventsNotifications, accepts: () => true },
  // plans owns the deadline ledger: it needs the children and reviews facts, and the delivery of a notice that is
  // itself a duty (the reg 13 notice meets LA-IRO-PLACEMENT).
  { queue: QUEUES.eventsPlans, accepts: (t, source) => source === 'children' || source === 'reviews' || t === 'NotificationDelivered' },
  // reviews needs periods of care and placements to run the review cycle.
  { queue: QUEUES.eventsReviews, accepts: (_t, source) => source === 'children' || source === 'plans' },
  // children keeps the IRO assignment in its access facts; CalendarUpdated comes from children itself.
  { queue: QUEUES.eventsChildren, accepts: (type) => type === 'IroAssigned' },
];

/** Redis pub/sub channel carrying every relayed event for live change feeds. */
export const CHANGE_FEED_CHANNEL = 'care-hub-changes';
