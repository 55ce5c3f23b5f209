import type { HubEvent } from '@hub/service-kit';
import { computeDeadline, type HolidayCalendar, type ImplementedRuleId, type RuleId } from '@hub/statutory';

/** The people CPPCR reg 8(3) names, as the child's record holds them (relationship = recipient kind). */
export const CONTACT_KINDS = ['CHILD', 'PARENT', 'PREVIOUS_CARER_UNDER_ORDER', 'OTHER_RELEVANT'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Who a notification is for. */
export type RecipientKind = 'IRO' | 'PLACING_AUTHORITY' | 'HOST_AUTHORITY' | 'OFSTED' | 'PROVIDER' | ContactKind;

/** A recipient as the rules name it; addresses are looked up by the service. */
export interface RecipientRef {
  kind: RecipientKind;
  /** Stable key, part of the idempotency key (event, rule, recipient): `IRO:<sub>`, `PLACING_AUTHORITY:<code>`… */
  key: string;
  /** Organisation code or IRO subject, when known. */
  code: string | null;
  name: string;
}

/** One notification the rules require. */
export interface NotificationIntent {
  ruleId: RuleId;
  recipient: RecipientRef;
  subject: string;
  body: string;
  /** ISO instant with offset. */
  dueAt: string;
  /** How the due time was computed. */
  dueBasis: string;
}

/** What the service knows of the child when an event arrives (kept from earlier events). */
export interface ChildFacts {
  placingAuthority: string | null;
  iro: { sub: string; name: string | null; email: string | null } | null;
  /** Provider of the open placement, if any (for circulation to the provider). */
  currentProviderId: string | null;
}

/** Options of {@link decideNotifications}. */
export interface RuleOptions {
  calendar: HolidayCalendar;
  /** Target for IRO-N2..N7 in hours (DOMAIN §5.1: no statutory limit; default 24 like R40-LOCAL-24H). */
  iroSlaHours: number;
}

/** SignificantEventRecorded kinds the provider reports to the IRO (DOMAIN §5.1, seed 001). */
const IRO_EVENT_RULES: Record<string, { ruleId: RuleId; what: string }> = {
  PLACED_OUT_OF_AREA: { ruleId: 'IRO-N1-OUTOFAREA', what: 'placement outside the area where the child normally lives' },
  SAFEGUARDING_CONCERN: { ruleId: 'IRO-N2-SAFEGUARDING', what: 'safeguarding concern' },
  MISSING: { ruleId: 'IRO-N3-MISSING', what: 'child ran away or went missing' },
  COMPLAINT: { ruleId: 'IRO-N4-COMPLAINT', what: 'complaint about the child\'s care' },
  CHARGED_WITH_OFFENCE: { ruleId: 'IRO-N5-CHARGED', what: 'child charged with an offence' },
  EXCLUDED_FROM_SCHOOL: { ruleId: 'IRO-N6-EXCLUDED', what: 'child excluded from school' },
  HEALTH_CONCERN: { ruleId: 'IRO-N7-HEALTH', what: 'significant health concern or medical event' },
};

/** Serious events of CHR reg 40 (and SAR reg 27 in supported accommodation). */
const SERIOUS_KINDS: Record<string, { chr: RuleId; what: string }> = {
  DEATH: { chr: 'R40-DEATH', what: 'death of a child' },
  DBS_REFERRAL: { chr: 'R40-DBS', what: 'referral under s35 Safeguarding Vulnerable Groups Act 2006' },
  SEXUAL_EXPLOITATION: { chr: 'R40-SERIOUS', what: 'child involved in or subject to sexual exploitation' },
  SERIOUS_POLICE_INCIDENT: { chr: 'R40-SERIOUS', what: 'serious incident requiring police involvement' },
  ALLEGATION_OF_ABUSE: { chr: 'R40-SERIOUS', what: 'allegation of abuse against the home or a person working there' },
  CHILD_PROTECTION_ENQUIRY: { chr: 'R40-SERIOUS', what: 'child protection enquiry' },
  OTHER_SERIOUS_EVENT: { chr: 'R40-SERIOUS', what: 'other serious incident' },
};

const CHILDRENS_HOMES = ['CHILDRENS_HOME', 'SECURE_CHILDRENS_HOME'];
const SUPPORTED = 'SUPPORTED_ACCOMMODATION';
const REMEDIES =
  'Remedies: the child, parents and others affected may use the authority\'s representations and complaints procedure '
  + '(Children Act 1989 s26), contact the IRO, or apply to the court about contact under s34.';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** Due time from an engine rule, with optional local target in hours for configurable IMMEDIATE rules. */
function clock(calendar: HolidayCalendar, ruleId: ImplementedRuleId, anchor: string, hours?: number): { dueAt: string; dueBasis: string } {
  const overrides = hours === undefined ? [] : [{ ruleId, count: hours }];
  const d = computeDeadline(ruleId, anchor, { calendar, overrides });
  // Switched off by an organisation: fall back to "due at the event" rather than drop a notification.
  if (!d) return atEvent(anchor);
  return { dueAt: d.dueAt, dueBasis: `${ruleId}: ${d.basis.explanation}` };
}

/** Rules with no period in the engine: due at the event (TIME-NODELAY "without delay"). */
function atEvent(anchor: string): { dueAt: string; dueBasis: string } {
  return { dueAt: new Date(anchor).toISOString(), dueBasis: 'TIME-NODELAY: no fixed period in the sources, so due at the event' };
}

function iroRef(f: ChildFacts): RecipientRef {
  // An unassigned IRO still gets a record: it fails visibly for operations instead of vanishing.
  return f.iro
    ? { kind: 'IRO', key: `IRO:${f.iro.sub}`, code: f.iro.sub, name: f.iro.name ?? 'Independent Reviewing Officer' }
    : { kind: 'IRO', key: 'IRO:UNASSIGNED', code: null, name: 'IRO (not yet assigned)' };
}
function paRef(code: string | null, management = false): RecipientRef {
  const c = code ?? 'UNKNOWN';
  return { kind: 'PLACING_AUTHORITY', key: `PLACING_AUTHORITY:${c}${management ? ':MANAGEMENT' : ''}`, code, name: management ? `${c} management` : c };
}
const hostRef = (code: string): RecipientRef => ({ kind: 'HOST_AUTHORITY', key: `HOST_AUTHORITY:${code}`, code, name: code });
const OFSTED: RecipientRef = { kind: 'OFSTED', key: 'OFSTED', code: 'OFSTED', name: 'Ofsted (HMCI)' };
const providerRef = (id: string): RecipientRef => ({ kind: 'PROVIDER', key: `PROVIDER:${id}`, code: id, name: id });

const CONTACT_LABEL: Record<ContactKind, string> = {
  CHILD: 'the child', PARENT: 'parent', PREVIOUS_CARER_UNDER_ORDER: 'had care of the child under a court order before the care order', OTHER_RELEVANT: 'person whose wishes and feelings are relevant',
};
/** The reg 8(3) people a CONTACT_REFUSED event carries from the child's record (unknown relationships are skipped). */
function reg8Refs(recipients: readonly { contactId: string; name: string; relationship: string }[] | null | undefined): RecipientRef[] {
  return (recipients ?? [])
    .filter((r) => (CONTACT_KINDS as readonly string[]).includes(r.relationship))
    .map((r) => {
      const kind = r.relationship as ContactKind;
      return { kind, key: `${kind}:${r.contactId}`, code: r.contactId, name: `${r.name} (${CONTACT_LABEL[kind]})` };
    });
}

/**
 * CHR reg 41: what the notice states. Legal status from the SSDA903 code: s20 accommodation (V2–V4), a care order
 * (C1 interim s38, C2 full s31), a placement or freeing order, or youth justice / police protection (s21).
 */
const LEGAL_STATUS_TEXT: Record<string, string> = {
  C1: 'in care under an interim care order (s38)', C2: 'in care under a full care order (s31)',
  D1: 'freeing order granted', E1: 'placement order granted (Adoption and Children Act 2002 s21)',
  V2: 'accommodated under s20 (single period); no care order', V3: 'accommodated under s20 (short breaks); no care order', V4: 'accommodated under s20 (short breaks); no care order',
  J1: 'remanded to local authority accommodation (s21)', J2: 'placed under police protection or detention (s21)', J3: 'sentenced to a youth rehabilitation order with residence requirement (s21)',
  L1: 'under police protection and in local authority accommodation (s21)', L2: 'emergency protection order (s44)', L3: 'under a child assessment order and in local authority accommodation',
};
function reg41Lines(p: { childName?: string | null; dateOfBirth?: string | null; legalStatus?: string | null; ehcPlan?: string | null }): string {
  const ls = p.legalStatus ? `${p.legalStatus}: ${LEGAL_STATUS_TEXT[p.legalStatus] ?? 'see the SSDA903 code'}` : 'not recorded';
  const order = p.legalStatus === 'C1' ? 'interim care order (s38)' : p.legalStatus === 'C2' ? 'care order (s31)' : 'none recorded (no care order; a supervision order does not make a child looked after)';
  return [
    `Name: ${p.childName ?? 'not recorded'}`,
    `Date of birth: ${p.dateOfBirth ?? 'not recorded'}`,
    `Legal status (s20/s21): ${ls}`,
    `Care or supervision order: ${order}`,
    `Education, health and care plan: ${p.ehcPlan ?? 'none recorded'}`,
  ].join('\n');
}

function significantEvent(e: HubEvent<'SignificantEventRecorded'>, f: ChildFacts, o: RuleOptions): NotificationIntent[] {
  const p = e.payload;
  const kind = p.kind;
  const at = str(p.occurredAt) ?? e.occurredAt;
  const pa = str(p.placingAuthority) ?? f.placingAuthority;
  const facts = `Child ${e.childId ?? p.childId}; event ${kind} at ${at}; recorded by ${String(p.recordedByOrg ?? 'unknown')}.\nSummary: ${String(p.summary ?? '')}`;
  const out: NotificationIntent[] = [];
  const iroRule = IRO_EVENT_RULES[kind];
  if (iroRule) {
    // IRO-N1 is a precondition ("before placement"), not a clock in the engine: due at the event.
    const due = iroRule.ruleId === 'IRO-N1-OUTOFAREA' ? atEvent(at) : clock(o.calendar, iroRule.ruleId as ImplementedRuleId, at, o.iroSlaHours);
    const subject = `${iroRule.ruleId}: ${iroRule.what}`;
    // C-07: the IRO per local policy, and always the placing authority; separate records.
    for (const r of [iroRef(f), paRef(pa)]) out.push({ ruleId: iroRule.ruleId, recipient: r, subject, body: facts, ...due });
  }
  const serious = SERIOUS_KINDS[kind];
  const providerKind = str(p.providerKind);
  if (serious && providerKind && (CHILDRENS_HOMES.includes(providerKind) || providerKind === SUPPORTED)) {
    const ruleId: RuleId = providerKind === SUPPORTED ? 'SA27-SERIOUS' : serious.chr;
    // "Without delay" with the local 24-hour SLA (R40-LOCAL-24H), weekends and bank holidays included.
    const due = clock(o.calendar, 'R40-LOCAL-24H', at);
    const subject = `${ruleId}: ${serious.what}`;
    const recipients = [OFSTED, paRef(pa), iroRef(f)];
    const host = str(p.hostAuthority);
    // R40-DEATH: the host authority too, when it is not the placing authority (CHR reg 40(1)).
    if (ruleId === 'R40-DEATH' && host && host !== pa) recipients.push(hostRef(host));
    for (const r of recipients) out.push({ ruleId, recipient: r, subject, body: facts, ...due });
  }
  if (kind === 'EMERGENCY_MOVE') {
    // PA-EMERG-MOVE: the placing authority immediately, then the IRO.
    const due = clock(o.calendar, 'PA-EMERG-MOVE', at);
    for (const r of [paRef(pa), iroRef(f)]) out.push({ ruleId: 'PA-EMERG-MOVE', recipient: r, subject: 'PA-EMERG-MOVE: child moved out of the home in an emergency', body: facts, ...due });
  }
  if (kind === 'CONTACT_REFUSED') {
    // CON-REG8 (with LA-IRO-CONTACT): written notice to the IRO immediately, stating decision, date, reasons,
    // duration and remedies. One record per recipient: CON-REG8 carries the contents LA-IRO-CONTACT requires.
    const due = clock(o.calendar, 'CON-REG8', at);
    const days = p.durationDays == null ? 'not stated' : `${String(p.durationDays)} day(s) (at most 7 without a court order, CON-S34-7D)`;
    const body = [
      `Decision: contact refused under Children Act 1989 s34(6) for ${p.childName ? `${p.childName} (child ${e.childId ?? p.childId})` : `child ${e.childId ?? p.childId}`}.`,
      `Date: ${at}.`,
      `Reasons: ${String(p.summary ?? '')}`,
      `Duration: ${days}.`,
      REMEDIES,
      'Also satisfies LA-IRO-CONTACT (CPPCR reg 8(2)(e)).',
    ].join('\n');
    // Reg 8(3): the child (recorded when of sufficient age and understanding), parents, the carer under an earlier
    // order and others whose wishes are relevant, from the child's record; and the IRO. One record each.
    for (const r of [iroRef(f), ...reg8Refs(p.reg8Recipients)]) {
      out.push({ ruleId: 'CON-REG8', recipient: r, subject: 'CON-REG8: contact refused under s34(6)', body, ...due });
    }
  }
  return out;
}

function placement(e: HubEvent<'PlacementStarted' | 'PlacementEnded'>, f: ChildFacts, o: RuleOptions): NotificationIntent[] {
  const p = e.payload;
  const started = e.type === 'PlacementStarted';
  const at = (started ? str(p.startedAt) : str(p.endedAt)) ?? e.occurredAt;
  const pa = str(p.placingAuthority) ?? f.placingAuthority;
  const iroLine = f.iro ? `IRO: ${f.iro.name ?? f.iro.sub}${f.iro.email ? ` <${f.iro.email}>` : ''}` : 'IRO: not yet assigned';
  const facts = `Child ${e.childId ?? p.childId}; placement ${String(p.placementId)} with ${String(p.providerName ?? p.providerId)}; `
    + `${started ? 'admitted' : 'discharged'} ${at}; placing authority ${pa ?? 'unknown'}.\n${iroLine}`;
  const out: NotificationIntent[] = [];
  if (started) {
    // LA-IRO-PLACEMENT (CPPCR reg 13): written notice before a planned placement starts (reg 13(1)), or within
    // 5 working days of an emergency one (reg 13(2)). Its delivery to the IRO meets the ledger's entry.
    const emergency = p.isEmergency === true;
    const d = computeDeadline('LA-IRO-PLACEMENT', at, { calendar: o.calendar, phase: emergency ? 'emergency' : 'planned' })!;
    out.push({
      ruleId: 'LA-IRO-PLACEMENT', recipient: iroRef(f), subject: `LA-IRO-PLACEMENT: ${emergency ? 'emergency' : 'planned'} placement made`, body: facts,
      dueAt: d.dueAt, dueBasis: `LA-IRO-PLACEMENT: ${d.basis.explanation}`,
    });
  }
  const host = str(p.hostAuthority);
  const providerKind = str(p.providerKind);
  if (host && host !== pa && providerKind) {
    const what = started ? 'admission' : 'discharge';
    if (CHILDRENS_HOMES.includes(providerKind)) {
      const body = `${facts}\n${reg41Lines(p)}`;
      out.push({ ruleId: 'R41-ADMIT', recipient: hostRef(host), subject: `R41-ADMIT: ${what} notice to the host authority`, body, ...clock(o.calendar, 'R41-ADMIT', at) });
    } else if (providerKind === SUPPORTED) {
      out.push({ ruleId: 'SA28-ADMIT', recipient: hostRef(host), subject: `SA28-ADMIT: ${what} notice to the host authority`, body: facts, ...atEvent(at) });
    }
  }
  return out;
}

/**
 * Decides who must be told what about one domain event. Pure: facts, calendar and SLA are parameters.
 * @param e - the event
 * @param f - what is known of the child
 * @param o - calendar and local SLA
 * @returns one intent per recipient per rule (possibly none)
 * @example decideNotifications(missingEvent, facts, { calendar: HolidayCalendar.default(), iroSlaHours: 24 })
 */
export function decideNotifications(e: HubEvent, f: ChildFacts, o: RuleOptions): NotificationIntent[] {
  const child = e.childId ?? 'unknown';
  switch (e.type) {
    case 'SignificantEventRecorded':
      return significantEvent(e, f, o);
    case 'PlacementStarted':
    case 'PlacementEnded':
      return placement(e, f, o);
    case 'ReviewRequested': {
      // PA-REVIEW-REQ: no time limit in CHR reg 14(2)(e); due at the request.
      const body = `Child ${child}: a review of the relevant plans is requested. Reason: ${e.payload.reason}.`;
      return [{ ruleId: 'PA-REVIEW-REQ', recipient: paRef(e.payload.placingAuthority), subject: 'PA-REVIEW-REQ: review of relevant plans requested', body, ...atEvent(e.occurredAt) }];
    }
    case 'ReviewRequestEscalated': {
      // PA-ESCALATE: the requested review did not take place; the escalation goes to the authority's management.
      const body = `Child ${child}: a requested review has not taken place and is escalated to management.`;
      return [{ ruleId: 'PA-ESCALATE', recipient: paRef(e.payload.placingAuthority, true), subject: 'PA-ESCALATE: requested review not held', body, ...atEvent(e.occurredAt) }];
    }
    case 'PlanEndorsed': {
      const p = e.payload;
      const due = atEvent(str(p.endorsedAt) ?? e.occurredAt);
      const body = `Child ${child}: ${String(p.kind)} plan ${String(p.planId)} version ${p.version} endorsed.`;
      if (p.kind === 'CARE') {
        // CIRC-CP: circulated to the IRO and the provider (child and parents are reached by the authority).
        const rs = [iroRef(f), ...(f.currentProviderId ? [providerRef(f.currentProviderId)] : [])];
        return rs.map((r) => ({ ruleId: 'CIRC-CP' as RuleId, recipient: r, subject: 'CIRC-CP: care plan endorsed for circulation', body, ...due }));
      }
      if (p.kind === 'PATHWAY') {
        // CIRC-PWP-YP: the young person must get their own copy; the hub has no address for them, so the notice goes
        // to the placing authority, which gives the copy.
        return [{ ruleId: 'CIRC-PWP-YP', recipient: paRef(p.placingAuthority), subject: 'CIRC-PWP-YP: give the young person their own copy of the endorsed pathway plan', body, ...due }];
      }
      return [];
    }
    default:
      return [];
  }
}
