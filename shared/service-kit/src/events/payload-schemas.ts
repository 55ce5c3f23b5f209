import type { EventType } from './contracts';
import type { EventPayloads } from './payloads';

/**
 * A small declarative schema per event type, checked at both ends: {@link recordEvent} refuses a payload that does
 * not fit (the mutation rolls back), the consumer dead-letters an event whose payload does not fit (nothing applied).
 *
 * Field kinds: `id` and `string` (non-empty text), `date` (YYYY-MM-DD), `instant` (ISO date-time with a zone),
 * `boolean`, `integer`, `object`, `array`. A trailing `?` makes the field optional: absent or null.
 */
type Base<V> = V extends string
  ? 'id' | 'string' | 'date' | 'instant'
  : V extends boolean
    ? 'boolean'
    : V extends number
      ? 'integer'
      : V extends readonly unknown[]
        ? 'array'
        : 'object';
type FieldSpec<V> = null extends V ? `${Base<NonNullable<V>>}?` : undefined extends V ? `${Base<NonNullable<V>>}?` : Base<V>;

/** The schema of one payload: every field of its interface, required ones without `?` (checked by the compiler). */
export type PayloadSchema<P> = { [K in keyof P]-?: FieldSpec<P[K]> };

type Kind = 'id' | 'string' | 'date' | 'instant' | 'boolean' | 'integer' | 'object' | 'array';

const CHILD = { childId: 'id', placingAuthority: 'string', providerId: 'string?' } as const;
const CHILD_FACTS = { ...CHILD, dateOfBirth: 'date', dateOfDeath: 'date?', name: 'string?' } as const;
const PLACEMENT = {
  ...CHILD, childName: 'string?', dateOfBirth: 'date?', legalStatus: 'string?', ehcPlan: 'string?', providerId: 'string', placementId: 'id', periodOfCareId: 'id', periodStartedOn: 'date', firstInPeriod: 'boolean',
  providerName: 'string?', providerKind: 'string?', hostAuthority: 'string?', startedAt: 'instant', endedAt: 'instant?',
  endReason: 'string?', placementType: 'string', isEmergency: 'boolean', isOutOfArea: 'boolean', intendedUntil18: 'boolean', custody: 'boolean',
} as const;
const PLAN = { ...CHILD, planId: 'id', kind: 'string', placementId: 'id?' } as const;
const NOTIFICATION = { notificationId: 'id', ruleId: 'string', recipientKind: 'string', childId: 'id?', placingAuthority: 'string?' } as const;
const NOTIFICATION_OUTCOME = { ...NOTIFICATION, channel: 'string', attempts: 'integer', status: 'string' } as const;

/** One schema per event type; the compiler checks each against its payload interface. */
export const PAYLOAD_SCHEMAS: { [T in EventType]: PayloadSchema<EventPayloads[T]> } = {
  ChildRegistered: CHILD_FACTS,
  ChildUpdated: CHILD_FACTS,
  ChildDeleted: CHILD,
  PeriodOfCareStarted: { ...CHILD, periodOfCareId: 'id', startedOn: 'date', shortBreak: 'boolean', legalStatus: 'string?', dateOfBirth: 'date' },
  ChildCeasedLookedAfter: { ...CHILD, periodOfCareId: 'id', startedOn: 'date', endedOn: 'date', reason: 'string', ceasedAt: 'instant' },
  PlacementStarted: PLACEMENT,
  PlacementEnded: PLACEMENT,
  SignificantEventRecorded: {
    ...CHILD, eventId: 'id', kind: 'string', occurredAt: 'instant', summary: 'string', durationDays: 'integer?', placementId: 'id?',
    providerKind: 'string?', hostAuthority: 'string?', recordedByOrg: 'string', childName: 'string?', reg8Recipients: 'array?',
  },
  VisitRecorded: { ...CHILD, visitId: 'id', visitedOn: 'date', placementId: 'id', seenAlone: 'boolean', welfareConcern: 'boolean' },
  LegalStatusRecorded: { ...CHILD, code: 'string', startedOn: 'date' },
  PlanCreated: PLAN,
  PlanVersionCreated: { ...PLAN, version: 'integer', status: 'string' },
  PlanSubmitted: { ...PLAN, version: 'integer' },
  PlanEndorsed: { ...PLAN, version: 'integer', endorsedAt: 'instant', endorsedBy: 'string' },
  PlanSuperseded: { ...PLAN, version: 'integer', supersededBy: 'integer' },
  PlanCirculated: { ...PLAN, version: 'integer', recipients: 'array' },
  PlacementPlanSigned: { ...PLAN, version: 'integer', signedAt: 'instant', signedBy: 'string' },
  DeadlineFellDue: { ...CHILD, deadlineId: 'id', ruleId: 'string', title: 'string', dueAt: 'instant', placementId: 'id?' },
  IroAssigned: { ...CHILD, iroId: 'string', iroName: 'string', iroEmail: 'string?', iroPhone: 'string?', assignedOn: 'date' },
  ReviewScheduled: { ...CHILD, reviewId: 'id', periodOfCareId: 'id', sequence: 'integer', scheduledFor: 'date', dueBy: 'date', ruleId: 'string' },
  ReviewHeld: { ...CHILD, reviewId: 'id', periodOfCareId: 'id', periodStartedOn: 'date', sequence: 'integer', heldOn: 'date', participation: 'string' },
  ReviewAdjourned: { ...CHILD, reviewId: 'id', periodOfCareId: 'id', sequence: 'integer', adjournedOn: 'date' },
  ReviewDecisionsRecorded: { ...CHILD, reviewId: 'id', decisionsCirculatedOn: 'date' },
  ReviewReportIssued: { ...CHILD, reviewId: 'id', issuedOn: 'date' },
  ReviewRequested: { ...CHILD, requestId: 'id', reason: 'string', requestedAt: 'instant', escalateBy: 'date' },
  ReviewRequestEscalated: { ...CHILD, requestId: 'id', escalatedAt: 'instant', escalateBy: 'date' },
  ReviewRequestAnswered: { ...CHILD, requestId: 'id', outcome: 'string', respondedAt: 'instant', note: 'string?', reviewId: 'id?' },
  EarlyReviewTriggered: { ...CHILD, periodOfCareId: 'id', trigger: 'string', triggeredOn: 'date', dueBy: 'date', ruleId: 'string' },
  ReviewDueSet: { ...CHILD, periodOfCareId: 'id', sequence: 'integer', dueBy: 'date?', ruleId: 'string', deadline: 'object' },
  ChildConsulted: { ...CHILD, reviewId: 'id', consultedOn: 'date' },
  OutcomeStarRecorded: { ...CHILD, reviewId: 'id', capturedOn: 'date', tool: 'string' },
  CalendarUpdated: { data: 'object', source: 'string', loadedBy: 'string' },
  NotificationDelivered: NOTIFICATION_OUTCOME,
  NotificationFailed: NOTIFICATION_OUTCOME,
  NotificationRetried: { ...NOTIFICATION, attempts: 'integer' },
  NotificationDiscarded: NOTIFICATION,
  AuthorityEndpointSet: { code: 'string', hasWebhook: 'boolean', hasEmail: 'boolean' },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function fits(kind: Kind, v: unknown): boolean {
  switch (kind) {
    case 'id':
    case 'string':
      return typeof v === 'string' && v.trim() !== '';
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
    case 'instant':
      return typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v));
    case 'boolean':
      return typeof v === 'boolean';
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v);
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
  }
}

/** Options of {@link payloadProblems}. */
export interface PayloadCheckOptions {
  /**
   * Refuse fields the schema does not name. Producers do (a misspelt field is a bug); consumers do not, so an
   * optional field added by a newer producer does not dead-letter events at an older consumer. @default false
   */
  strict?: boolean;
}

/**
 * What does not fit in a payload, as readable lines (empty when it fits).
 * @param type - the event type
 * @param payload - the payload as received or about to be recorded
 * @param o - options
 * @returns the problems, one per field
 */
export function payloadProblems(type: string, payload: unknown, o: PayloadCheckOptions = {}): string[] {
  const schema = (PAYLOAD_SCHEMAS as Record<string, Record<string, string> | undefined>)[type];
  if (!schema) return [`unknown event type ${JSON.stringify(type)}`];
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return ['the payload is not an object'];
  const p = payload as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, spec] of Object.entries(schema)) {
    const optional = spec.endsWith('?');
    const kind = (optional ? spec.slice(0, -1) : spec) as Kind;
    const v = p[field];
    if (v === undefined || v === null) {
      if (!optional) problems.push(`${field}: required ${kind}, got ${v === null ? 'null' : 'nothing'}`);
      continue;
    }
    if (!fits(kind, v)) problems.push(`${field}: expected ${kind}${optional ? ' or null' : ''}, got ${JSON.stringify(v)?.slice(0, 60)}`);
  }
  if (o.strict) {
    for (const field of Object.keys(p)) if (!(field in schema)) problems.push(`${field}: not a field of ${type}`);
  }
  return problems;
}

/**
 * What does not fit in an event as a whole: its payload, and the envelope's child matching the payload's.
 * @param e - the event (envelope fields used: type, childId, payload)
 * @param o - options
 * @returns the problems (empty when it fits)
 */
export function eventProblems(e: { type: string; childId?: string | null; payload: unknown }, o: PayloadCheckOptions = {}): string[] {
  const problems = payloadProblems(e.type, e.payload, o);
  const payloadChild = (e.payload as { childId?: unknown } | null)?.childId ?? null;
  if (e.childId != null && payloadChild != null && payloadChild !== e.childId) {
    problems.push(`childId: the envelope names child ${e.childId}, the payload ${String(payloadChild)}`);
  }
  return problems;
}
