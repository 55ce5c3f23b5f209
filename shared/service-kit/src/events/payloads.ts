import type { BeyondCalendar, Deadline } from '@hub/statutory';
import type { EventType } from './event-types';

/**
 * The payload of every event type, in one place. Producers write them through {@link recordEvent} (checked against
 * {@link PAYLOAD_SCHEMAS} before they reach the outbox) and consumers receive them typed through
 * {@link defineEventHandlers}. A field marked optional may be absent or null; a consumer must cope with both.
 *
 * Every event about a child carries the child and the organisations it concerns (the placing authority; the
 * provider where one is involved), so a consumer can judge who may see it without reading another service's
 * tables. When it happened is the envelope's `occurredAt`.
 */

/** Who an event about a child concerns. */
export interface ChildConcerns {
  childId: string;
  /** The local authority looking after the child (its code). */
  placingAuthority: string;
  /** The provider involved, where there is one (a placement, a request, a plan for a placement). */
  providerId?: string | null;
}

/** ChildRegistered, ChildUpdated: the facts other services compute from. */
export interface ChildFactsPayload extends ChildConcerns {
  dateOfBirth: string;
  dateOfDeath?: string | null;
  name?: string | null;
}

export type ChildDeletedPayload = ChildConcerns;

export interface PeriodOfCareStartedPayload extends ChildConcerns {
  periodOfCareId: string;
  startedOn: string;
  shortBreak: boolean;
  legalStatus?: string | null;
  dateOfBirth: string;
}

export interface ChildCeasedLookedAfterPayload extends ChildConcerns {
  periodOfCareId: string;
  startedOn: string;
  endedOn: string;
  reason: string;
  ceasedAt: string;
}

/** PlacementStarted, PlacementEnded. */
export interface PlacementFactsPayload extends ChildConcerns {
  /** What a CHR reg 41 admission or discharge notice states about the child. */
  childName?: string | null;
  dateOfBirth?: string | null;
  /** SSDA903 legal status code on the day (s20 accommodation, care order, ...), if recorded. */
  legalStatus?: string | null;
  /** Education, health and care plan details, if the child has one. */
  ehcPlan?: string | null;
  providerId: string;
  placementId: string;
  periodOfCareId: string;
  periodStartedOn: string;
  firstInPeriod: boolean;
  providerName?: string | null;
  providerKind?: string | null;
  hostAuthority?: string | null;
  startedAt: string;
  endedAt?: string | null;
  endReason?: string | null;
  placementType: string;
  isEmergency: boolean;
  isOutOfArea: boolean;
  intendedUntil18: boolean;
  custody: boolean;
}

export interface SignificantEventRecordedPayload extends ChildConcerns {
  eventId: string;
  kind: string;
  /** When the significant event happened (the envelope's occurredAt is when it was recorded). */
  occurredAt: string;
  summary: string;
  durationDays?: number | null;
  placementId?: string | null;
  providerKind?: string | null;
  hostAuthority?: string | null;
  recordedByOrg: string;
  /** CONTACT_REFUSED only: the child's name and the people CPPCR reg 8(3) names, from the child's record. */
  childName?: string | null;
  reg8Recipients?: Reg8RecipientPayload[] | null;
}

/** A person told of a refusal of contact (CON-REG8), with the address the channel needs (null when unknown). */
export interface Reg8RecipientPayload {
  contactId: string;
  name: string;
  /** CHILD, PARENT, PREVIOUS_CARER_UNDER_ORDER or OTHER_RELEVANT. */
  relationship: string;
  /** EMAIL or POST. */
  channel: string;
  address: string | null;
}

export interface VisitRecordedPayload extends ChildConcerns {
  visitId: string;
  visitedOn: string;
  placementId: string;
  seenAlone: boolean;
  welfareConcern: boolean;
}

export interface LegalStatusRecordedPayload extends ChildConcerns {
  code: string;
  startedOn: string;
}

/** What every plan event says about its plan. */
export interface PlanFactsPayload extends ChildConcerns {
  planId: string;
  kind: string;
  placementId?: string | null;
}
export type PlanCreatedPayload = PlanFactsPayload;
export interface PlanVersionCreatedPayload extends PlanFactsPayload {
  version: number;
  status: string;
}
export interface PlanSubmittedPayload extends PlanFactsPayload {
  version: number;
}
export interface PlanEndorsedPayload extends PlanFactsPayload {
  version: number;
  endorsedAt: string;
  endorsedBy: string;
}
export interface PlanSupersededPayload extends PlanFactsPayload {
  version: number;
  supersededBy: number;
}
export interface PlanCirculatedPayload extends PlanFactsPayload {
  version: number;
  recipients: Array<{ role: string; name: string }>;
}
/** A placement plan signed by the provider's registered manager (PP-SIGNED, APP-PP-SIGN). */
export interface PlacementPlanSignedPayload extends PlanFactsPayload {
  version: number;
  signedAt: string;
  signedBy: string;
}

/** An open deadline of the ledger whose due instant passed: from now on it reads OVERDUE. */
export interface DeadlineFellDuePayload extends ChildConcerns {
  deadlineId: string;
  ruleId: string;
  title: string;
  dueAt: string;
  placementId?: string | null;
}

export interface IroAssignedPayload extends ChildConcerns {
  iroId: string;
  iroName: string;
  iroEmail?: string | null;
  iroPhone?: string | null;
  assignedOn: string;
}

export interface ReviewScheduledPayload extends ChildConcerns {
  reviewId: string;
  periodOfCareId: string;
  sequence: number;
  scheduledFor: string;
  dueBy: string;
  ruleId: string;
}
export interface ReviewHeldPayload extends ChildConcerns {
  reviewId: string;
  periodOfCareId: string;
  periodStartedOn: string;
  sequence: number;
  heldOn: string;
  participation: string;
}
export interface ReviewAdjournedPayload extends ChildConcerns {
  reviewId: string;
  periodOfCareId: string;
  sequence: number;
  adjournedOn: string;
}
export interface ReviewDecisionsRecordedPayload extends ChildConcerns {
  reviewId: string;
  decisionsCirculatedOn: string;
}
export interface ReviewReportIssuedPayload extends ChildConcerns {
  reviewId: string;
  issuedOn: string;
}
export interface ChildConsultedPayload extends ChildConcerns {
  reviewId: string;
  consultedOn: string;
}
/** An Outcome Star reading recorded before a review (REV-CHILD-STAR). */
export interface OutcomeStarRecordedPayload extends ChildConcerns {
  reviewId: string;
  capturedOn: string;
  tool: string;
}
export interface EarlyReviewTriggeredPayload extends ChildConcerns {
  periodOfCareId: string;
  trigger: string;
  triggeredOn: string;
  dueBy: string;
  ruleId: string;
}
/**
 * The date a review of the period falls due, as the reviews service computes it (it owns the review cycle: held
 * reviews, early-review triggers). Sent when a period starts, a review is held and a trigger is recorded; the
 * deadline ledger (plans) writes `deadline` as it comes and computes nothing.
 */
export interface ReviewDueSetPayload extends ChildConcerns {
  periodOfCareId: string;
  sequence: number;
  /** The due date; null while a first review's working-day count waits for a newer calendar. */
  dueBy: string | null;
  /** The rule the date comes from as users see it (REV-EARLY and kin when a trigger brought it forward). */
  ruleId: string;
  /** The ledger entry: the engine's Deadline (statutory rule, basis, explanation) or BeyondCalendar. */
  deadline: Deadline | BeyondCalendar;
}
export interface ReviewRequestedPayload extends ChildConcerns {
  requestId: string;
  reason: string;
  requestedAt: string;
  escalateBy: string;
}
export interface ReviewRequestEscalatedPayload extends ChildConcerns {
  requestId: string;
  escalatedAt: string;
  escalateBy: string;
}
/** The authority's answer to a review request, or a held review answering it (PA-REVIEW-REQ). */
export interface ReviewRequestAnsweredPayload extends ChildConcerns {
  requestId: string;
  outcome: string;
  respondedAt: string;
  note?: string | null;
  /** The review whose holding answered the request, when it was answered that way. */
  reviewId?: string | null;
}

export interface CalendarUpdatedPayload {
  data: Record<string, unknown>;
  source: string;
  loadedBy: string;
}

/** Notification delivery outcomes and operator actions: metadata only, never case content. */
export interface NotificationFactsPayload {
  notificationId: string;
  ruleId: string;
  recipientKind: string;
  childId?: string | null;
  placingAuthority?: string | null;
}
export interface NotificationOutcomePayload extends NotificationFactsPayload {
  channel: string;
  attempts: number;
  status: string;
}
export interface NotificationRetriedPayload extends NotificationFactsPayload {
  attempts: number;
}
export type NotificationDiscardedPayload = NotificationFactsPayload;
export interface AuthorityEndpointSetPayload {
  /** The authority whose endpoint changed (its code). */
  code: string;
  hasWebhook: boolean;
  hasEmail: boolean;
}

/** Event type → payload. Adding an event type without a payload here fails to compile. */
export interface EventPayloads {
  ChildRegistered: ChildFactsPayload;
  ChildUpdated: ChildFactsPayload;
  ChildDeleted: ChildDeletedPayload;
  PeriodOfCareStarted: PeriodOfCareStartedPayload;
  ChildCeasedLookedAfter: ChildCeasedLookedAfterPayload;
  PlacementStarted: PlacementFactsPayload;
  PlacementEnded: PlacementFactsPayload;
  SignificantEventRecorded: SignificantEventRecordedPayload;
  VisitRecorded: VisitRecordedPayload;
  LegalStatusRecorded: LegalStatusRecordedPayload;
  PlanCreated: PlanCreatedPayload;
  PlanVersionCreated: PlanVersionCreatedPayload;
  PlanSubmitted: PlanSubmittedPayload;
  PlanEndorsed: PlanEndorsedPayload;
  PlanSuperseded: PlanSupersededPayload;
  PlanCirculated: PlanCirculatedPayload;
  PlacementPlanSigned: PlacementPlanSignedPayload;
  DeadlineFellDue: DeadlineFellDuePayload;
  IroAssigned: IroAssignedPayload;
  ReviewScheduled: ReviewScheduledPayload;
  ReviewHeld: ReviewHeldPayload;
  ReviewAdjourned: ReviewAdjournedPayload;
  ReviewDecisionsRecorded: ReviewDecisionsRecordedPayload;
  ReviewReportIssued: ReviewReportIssuedPayload;
  ReviewRequested: ReviewRequestedPayload;
  ReviewRequestEscalated: ReviewRequestEscalatedPayload;
  ReviewRequestAnswered: ReviewRequestAnsweredPayload;
  EarlyReviewTriggered: EarlyReviewTriggeredPayload;
  ReviewDueSet: ReviewDueSetPayload;
  ChildConsulted: ChildConsultedPayload;
  OutcomeStarRecorded: OutcomeStarRecordedPayload;
  CalendarUpdated: CalendarUpdatedPayload;
  NotificationDelivered: NotificationOutcomePayload;
  NotificationFailed: NotificationOutcomePayload;
  NotificationRetried: NotificationRetriedPayload;
  NotificationDiscarded: NotificationDiscardedPayload;
  AuthorityEndpointSet: AuthorityEndpointSetPayload;
}

// Compile-time: EventPayloads has exactly the event types.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const payloadsCoverEveryType: Exact<keyof EventPayloads, EventType> = true;
void payloadsCoverEveryType;

/** The payload of one event type. */
export type PayloadOf<T extends EventType> = EventPayloads[T];

// ---------------------------------------------------------------------------------------------------------------
// Payload builders: each payload that several call sites write is built here, once.

/** PeriodOfCareStarted, from the child and the new period (registering a child, starting a placement, startPeriodOfCare). */
export function periodOfCareStartedPayload(
  child: { id: string; placingAuthority: string; dateOfBirth: string },
  period: { id: string; startedOn: string; shortBreak: boolean },
  legalStatus: string | null = null,
): PeriodOfCareStartedPayload {
  return {
    childId: child.id, placingAuthority: child.placingAuthority, providerId: null, periodOfCareId: period.id,
    startedOn: period.startedOn, shortBreak: period.shortBreak, legalStatus, dateOfBirth: child.dateOfBirth,
  };
}
