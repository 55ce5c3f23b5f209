import type { EventType, HubEvent } from '@hub/service-kit';

/** What kind of change a subscriber is told about (one per domain event type about a child). */
export const CHANGE_KINDS = [
  'CHILD_REGISTERED', 'CHILD_UPDATED', 'CHILD_DELETED', 'PERIOD_OF_CARE_STARTED', 'CHILD_CEASED_LOOKED_AFTER',
  'PLACEMENT_STARTED', 'PLACEMENT_ENDED', 'SIGNIFICANT_EVENT_RECORDED', 'VISIT_RECORDED', 'LEGAL_STATUS_RECORDED',
  'PLAN_CREATED', 'PLAN_VERSION_CREATED', 'PLAN_SUBMITTED', 'PLAN_ENDORSED', 'PLAN_SUPERSEDED', 'PLAN_CIRCULATED',
  'PLACEMENT_PLAN_SIGNED', 'DEADLINE_FELL_DUE', 'IRO_ASSIGNED', 'REVIEW_SCHEDULED', 'REVIEW_HELD', 'REVIEW_ADJOURNED',
  'REVIEW_DECISIONS_RECORDED', 'REVIEW_REPORT_ISSUED', 'REVIEW_REQUESTED', 'REVIEW_REQUEST_ESCALATED',
  'REVIEW_REQUEST_ANSWERED', 'EARLY_REVIEW_TRIGGERED', 'CHILD_CONSULTED', 'OUTCOME_STAR_RECORDED',
  'NOTIFICATION_DELIVERED', 'NOTIFICATION_FAILED', 'NOTIFICATION_RETRIED', 'NOTIFICATION_DISCARDED',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** How one event type becomes a change: its kind and whether only the authority and the IRO are told. */
interface ChangeRule {
  kind: ChangeKind;
  /** Legal statuses and notifications are the authority's and the IRO's (README, Roles), never a provider's. */
  authorityOnly?: boolean;
}

/**
 * Every event type, classified: a change about a child, or null (not about one child). Exhaustive on purpose, so a
 * new event type cannot be added without deciding whether, and to whom, it is a live change.
 */
export const CHANGE_RULES: { readonly [T in EventType]: ChangeRule | null } = {
  ChildRegistered: { kind: 'CHILD_REGISTERED' },
  ChildUpdated: { kind: 'CHILD_UPDATED' },
  ChildDeleted: { kind: 'CHILD_DELETED', authorityOnly: true },
  PeriodOfCareStarted: { kind: 'PERIOD_OF_CARE_STARTED' },
  ChildCeasedLookedAfter: { kind: 'CHILD_CEASED_LOOKED_AFTER' },
  PlacementStarted: { kind: 'PLACEMENT_STARTED' },
  PlacementEnded: { kind: 'PLACEMENT_ENDED' },
  SignificantEventRecorded: { kind: 'SIGNIFICANT_EVENT_RECORDED' },
  VisitRecorded: { kind: 'VISIT_RECORDED' },
  LegalStatusRecorded: { kind: 'LEGAL_STATUS_RECORDED', authorityOnly: true },
  PlanCreated: { kind: 'PLAN_CREATED' },
  PlanVersionCreated: { kind: 'PLAN_VERSION_CREATED' },
  PlanSubmitted: { kind: 'PLAN_SUBMITTED' },
  PlanEndorsed: { kind: 'PLAN_ENDORSED' },
  PlanSuperseded: { kind: 'PLAN_SUPERSEDED' },
  PlanCirculated: { kind: 'PLAN_CIRCULATED' },
  PlacementPlanSigned: { kind: 'PLACEMENT_PLAN_SIGNED' },
  DeadlineFellDue: { kind: 'DEADLINE_FELL_DUE' },
  IroAssigned: { kind: 'IRO_ASSIGNED' },
  ReviewScheduled: { kind: 'REVIEW_SCHEDULED' },
  ReviewHeld: { kind: 'REVIEW_HELD' },
  ReviewAdjourned: { kind: 'REVIEW_ADJOURNED' },
  ReviewDecisionsRecorded: { kind: 'REVIEW_DECISIONS_RECORDED' },
  ReviewReportIssued: { kind: 'REVIEW_REPORT_ISSUED' },
  ReviewRequested: { kind: 'REVIEW_REQUESTED' },
  ReviewRequestEscalated: { kind: 'REVIEW_REQUEST_ESCALATED' },
  ReviewRequestAnswered: { kind: 'REVIEW_REQUEST_ANSWERED' },
  EarlyReviewTriggered: { kind: 'EARLY_REVIEW_TRIGGERED' },
  // The date the facts above (a period, a review held, a trigger) already announced: the change was told with them.
  ReviewDueSet: null,
  ChildConsulted: { kind: 'CHILD_CONSULTED' },
  OutcomeStarRecorded: { kind: 'OUTCOME_STAR_RECORDED' },
  CalendarUpdated: null,
  NotificationDelivered: { kind: 'NOTIFICATION_DELIVERED', authorityOnly: true },
  NotificationFailed: { kind: 'NOTIFICATION_FAILED', authorityOnly: true },
  NotificationRetried: { kind: 'NOTIFICATION_RETRIED', authorityOnly: true },
  NotificationDiscarded: { kind: 'NOTIFICATION_DISCARDED', authorityOnly: true },
  AuthorityEndpointSet: null,
};

/** Kinds only the authority and the IRO are told about. */
export const AUTHORITY_ONLY_KINDS: ReadonlySet<string> = new Set(
  Object.values(CHANGE_RULES).filter((r): r is ChangeRule => !!r?.authorityOnly).map((r) => r.kind),
);

/** The columns of a change, before it has a cursor. */
export interface ChangeFacts {
  eventId: string;
  kind: ChangeKind;
  childId: string;
  placingAuthority: string;
  providerId: string | null;
  placementId: string | null;
  planId: string | null;
  reviewId: string | null;
  notificationId: string | null;
  deadline: { id: string; ruleId: string; title: string; dueAt: string } | null;
  at: Date;
}

function text(p: Record<string, unknown>, name: string): string | null {
  const v = p[name];
  return typeof v === 'string' && v ? v : null;
}

/**
 * The change an event describes, or null when it is not about one child.
 * @param e - the event
 * @returns the change's facts
 */
export function changeOf(e: HubEvent): ChangeFacts | null {
  const rule = CHANGE_RULES[e.type];
  const p = e.payload as unknown as Record<string, unknown>;
  const childId = e.childId ?? text(p, 'childId');
  const placingAuthority = text(p, 'placingAuthority');
  if (!rule || !childId || !placingAuthority) return null;
  const planId = e.type.startsWith('Plan') || e.type === 'PlacementPlanSigned' ? text(p, 'planId') : null;
  return {
    eventId: e.id,
    kind: rule.kind,
    childId,
    placingAuthority,
    providerId: text(p, 'providerId'),
    placementId: text(p, 'placementId'),
    planId,
    reviewId: text(p, 'reviewId'),
    notificationId: text(p, 'notificationId'),
    deadline: e.type === 'DeadlineFellDue'
      ? { id: e.payload.deadlineId, ruleId: e.payload.ruleId, title: e.payload.title, dueAt: e.payload.dueAt }
      : null,
    // A placement ends at its recorded end, which may be earlier than the recording.
    at: new Date(e.type === 'PlacementEnded' && e.payload.endedAt ? e.payload.endedAt : e.occurredAt),
  };
}
