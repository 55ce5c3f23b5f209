/**
 * The names of every domain event, apart from the contracts so that payload types and contracts can both use
 * them without importing each other.
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
  'PlacementPlanSigned',
  'DeadlineFellDue',
  'IroAssigned',
  'ReviewScheduled',
  'ReviewHeld',
  'ReviewAdjourned',
  'ReviewDecisionsRecorded',
  'ReviewReportIssued',
  'ReviewRequested',
  'ReviewRequestEscalated',
  'ReviewRequestAnswered',
  'EarlyReviewTriggered',
  'ReviewDueSet',
  'ChildConsulted',
  'OutcomeStarRecorded',
  'CalendarUpdated',
  // notifications: delivery outcomes and operator actions (metadata only, no case content).
  'NotificationDelivered',
  'NotificationFailed',
  'NotificationRetried',
  'NotificationDiscarded',
  'AuthorityEndpointSet',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
