/**
 * Event contracts shared by every service. Events are facts, named in the past tense; payloads carry ids
 * and the facts a consumer needs to compute deadlines without reading another service's tables.
 */

import type { EventPayloads } from './payloads';
import type { TraceCarrier } from '../runtime/trace-context';

export { EVENT_TYPES } from './event-types';
export type { EventType } from './event-types';
import type { EventType } from './event-types';

/** Which service wrote an event. */
export type EventSource = 'children' | 'plans' | 'reviews' | 'notifications';

/** The service that records each event type (one owner per type). */
export const EVENT_SOURCE: { readonly [T in EventType]: EventSource } = {
  ChildRegistered: 'children', ChildUpdated: 'children', ChildDeleted: 'children', PeriodOfCareStarted: 'children',
  ChildCeasedLookedAfter: 'children', PlacementStarted: 'children', PlacementEnded: 'children', SignificantEventRecorded: 'children',
  VisitRecorded: 'children', LegalStatusRecorded: 'children', CalendarUpdated: 'children',
  PlanCreated: 'plans', PlanVersionCreated: 'plans', PlanSubmitted: 'plans', PlanEndorsed: 'plans', PlanSuperseded: 'plans',
  PlanCirculated: 'plans', PlacementPlanSigned: 'plans', DeadlineFellDue: 'plans',
  IroAssigned: 'reviews', ReviewScheduled: 'reviews', ReviewHeld: 'reviews', ReviewAdjourned: 'reviews', ReviewDecisionsRecorded: 'reviews',
  ReviewReportIssued: 'reviews', ReviewRequested: 'reviews', ReviewRequestEscalated: 'reviews', ReviewRequestAnswered: 'reviews',
  EarlyReviewTriggered: 'reviews', ReviewDueSet: 'reviews', ChildConsulted: 'reviews', OutcomeStarRecorded: 'reviews',
  NotificationDelivered: 'notifications', NotificationFailed: 'notifications', NotificationRetried: 'notifications',
  NotificationDiscarded: 'notifications', AuthorityEndpointSet: 'notifications',
};

/** An event of one type as it travels on a queue or a change feed; its payload is the type's (see payloads.ts). */
export interface HubEventOf<T extends EventType> {
  /** Unique id (a UUID); also the BullMQ job id, so an event is enqueued once per consumer. */
  id: string;
  type: T;
  source: EventSource;
  /** When the change it describes was committed (ISO instant). */
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  childId?: string | null;
  payload: EventPayloads[T];
  actor?: { sub: string; org: string; roles: string[] } | null;
  /** W3C trace context of the relay's publishing span (a child of the recording request's), when tracing is on. */
  trace?: TraceCarrier;
}

/** An event of any of the given types: a union discriminated by `type`, so a switch narrows the payload. */
export type HubEvent<T extends EventType = EventType> = { [K in T]: HubEventOf<K> }[T];

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
  // Every other service's events. Its own (NotificationDelivered/Failed/Retried/Discarded, AuthorityEndpointSet)
  // trigger no rule, and their live changes are written where they are recorded: consuming them would double the
  // consumer's work for nothing.
  { queue: QUEUES.eventsNotifications, accepts: (_t, source) => source !== 'notifications' },
  // plans owns the deadline ledger: it needs the children and reviews facts, and the delivery of a notice that is
  // itself a duty (the reg 13 notice meets LA-IRO-PLACEMENT).
  { queue: QUEUES.eventsPlans, accepts: (t, source) => source === 'children' || source === 'reviews' || t === 'NotificationDelivered' },
  // reviews needs periods of care and placements to run the review cycle.
  { queue: QUEUES.eventsReviews, accepts: (_t, source) => source === 'children' || source === 'plans' },
  // The one route back to children: the IRO assignment (owned by reviews) decides which IRO may read the child's
  // record, which children guards. Children only keeps it in its access facts and records nothing in reply
  // (README, Architecture).
  { queue: QUEUES.eventsChildren, accepts: (type, source) => type === 'IroAssigned' && source === 'reviews' },
];

/** Redis pub/sub channel carrying every relayed event for live change feeds. */
export const CHANGE_FEED_CHANNEL = 'care-hub-changes';
