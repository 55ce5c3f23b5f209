import type { HubEvent } from '@hub/service-kit';
import { HolidayCalendar } from '@hub/statutory';
import { ChildFacts, decideNotifications } from './notification-rules';

const calendar = HolidayCalendar.default();
const opts = { calendar, iroSlaHours: 24 };
const CHILD = '11111111-1111-4111-8111-111111111111';
const facts: ChildFacts = { placingAuthority: 'LA-NORTH', iro: { sub: 'iro-1', name: 'Ida Reviewer', email: 'ida@north.example' }, currentProviderId: 'PRV-OAK' };

function ev(type: HubEvent['type'], payload: Record<string, unknown>, occurredAt = '2026-12-26T22:00:00.000Z'): HubEvent {
  return { id: 'e1', type, source: 'children', occurredAt, aggregateType: 'X', aggregateId: 'x', childId: CHILD, payload: { childId: CHILD, ...payload }, actor: null };
}
const sig = (kind: string, extra: Record<string, unknown> = {}) =>
  ev('SignificantEventRecorded', { kind, occurredAt: '2026-12-26T22:00:00.000Z', summary: 'details', placingAuthority: 'LA-NORTH', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', ...extra });
const summary = (e: HubEvent, f = facts) => decideNotifications(e, f, opts).map((n) => `${n.ruleId}>${n.recipient.key}`);

describe('notification rules: who must be told what', () => {
  it.each([
    { kind: 'SAFEGUARDING_CONCERN', rule: 'IRO-N2-SAFEGUARDING', why: 'IRO-N2-SAFEGUARDING to the IRO and (C-07) the placing authority' },
    { kind: 'MISSING', rule: 'IRO-N3-MISSING', why: 'IRO-N3-MISSING to the IRO and the placing authority' },
    { kind: 'COMPLAINT', rule: 'IRO-N4-COMPLAINT', why: 'IRO-N4-COMPLAINT to the IRO and the placing authority' },
    { kind: 'CHARGED_WITH_OFFENCE', rule: 'IRO-N5-CHARGED', why: 'IRO-N5-CHARGED to the IRO and the placing authority' },
    { kind: 'EXCLUDED_FROM_SCHOOL', rule: 'IRO-N6-EXCLUDED', why: 'IRO-N6-EXCLUDED to the IRO and the placing authority' },
    { kind: 'HEALTH_CONCERN', rule: 'IRO-N7-HEALTH', why: 'IRO-N7-HEALTH to the IRO and the placing authority' },
    { kind: 'PLACED_OUT_OF_AREA', rule: 'IRO-N1-OUTOFAREA', why: 'IRO-N1-OUTOFAREA to the IRO and the placing authority' },
  ])('$why', ({ kind, rule }) => {
    expect(summary(sig(kind))).toEqual([`${rule}>IRO:iro-1`, `${rule}>PLACING_AUTHORITY:LA-NORTH`]);
  });

  it.each([
    { kind: 'DEATH', providerKind: 'CHILDRENS_HOME', expected: ['R40-DEATH>OFSTED', 'R40-DEATH>PLACING_AUTHORITY:LA-NORTH', 'R40-DEATH>IRO:iro-1', 'R40-DEATH>HOST_AUTHORITY:LA-SOUTH'], why: 'R40-DEATH in a children\'s home: Ofsted, placing authority, IRO and the host authority' },
    { kind: 'DBS_REFERRAL', providerKind: 'SECURE_CHILDRENS_HOME', expected: ['R40-DBS>OFSTED', 'R40-DBS>PLACING_AUTHORITY:LA-NORTH', 'R40-DBS>IRO:iro-1'], why: 'R40-DBS in a secure children\'s home' },
    { kind: 'SEXUAL_EXPLOITATION', providerKind: 'CHILDRENS_HOME', expected: ['R40-SERIOUS>OFSTED', 'R40-SERIOUS>PLACING_AUTHORITY:LA-NORTH', 'R40-SERIOUS>IRO:iro-1'], why: 'R40-SERIOUS for sexual exploitation' },
    { kind: 'SERIOUS_POLICE_INCIDENT', providerKind: 'CHILDRENS_HOME', expected: ['R40-SERIOUS>OFSTED', 'R40-SERIOUS>PLACING_AUTHORITY:LA-NORTH', 'R40-SERIOUS>IRO:iro-1'], why: 'R40-SERIOUS for a serious police incident' },
    { kind: 'ALLEGATION_OF_ABUSE', providerKind: 'SUPPORTED_ACCOMMODATION', expected: ['SA27-SERIOUS>OFSTED', 'SA27-SERIOUS>PLACING_AUTHORITY:LA-NORTH', 'SA27-SERIOUS>IRO:iro-1'], why: 'SA27-SERIOUS in supported accommodation' },
    { kind: 'CHILD_PROTECTION_ENQUIRY', providerKind: 'FOSTER_CARE', expected: [], why: 'no Reg 40 notification outside children\'s homes and supported accommodation' },
    { kind: 'OTHER_SERIOUS_EVENT', providerKind: null, expected: [], why: 'no Reg 40 notification without a provider' },
  ])('$why', ({ kind, providerKind, expected }) => {
    expect(summary(sig(kind, { providerKind }))).toEqual(expected);
  });

  it('R40-LOCAL-24H: a serious event on Sat 26 Dec 2026 22:00 is due by Sun 27 Dec 22:00 (no bank-holiday extension)', () => {
    const [n] = decideNotifications(sig('SERIOUS_POLICE_INCIDENT'), facts, opts);
    expect(new Date(n!.dueAt).toISOString()).toBe('2026-12-27T22:00:00.000Z');
    expect(n!.dueBasis).toMatch(/^R40-LOCAL-24H/);
  });

  it('IRO-N3-MISSING uses the configurable IRO SLA (default 24 h, DOMAIN §5.1); 4 h when configured', () => {
    expect(new Date(decideNotifications(sig('MISSING'), facts, opts)[0]!.dueAt).toISOString()).toBe('2026-12-27T22:00:00.000Z');
    expect(new Date(decideNotifications(sig('MISSING'), facts, { calendar, iroSlaHours: 4 })[0]!.dueAt).toISOString()).toBe('2026-12-27T02:00:00.000Z');
  });

  it('PA-EMERG-MOVE: the placing authority then the IRO, due at the event', () => {
    const out = decideNotifications(sig('EMERGENCY_MOVE'), facts, opts);
    expect(out.map((n) => `${n.ruleId}>${n.recipient.key}`)).toEqual(['PA-EMERG-MOVE>PLACING_AUTHORITY:LA-NORTH', 'PA-EMERG-MOVE>IRO:iro-1']);
    expect(new Date(out[0]!.dueAt).toISOString()).toBe('2026-12-26T22:00:00.000Z');
  });

  it('CON-REG8: the IRO immediately, with decision, date, reasons, duration and remedies (Example 10a)', () => {
    const e = sig('CONTACT_REFUSED', { occurredAt: '2026-12-23T10:00:00.000Z', summary: 'risk of abduction', durationDays: 7 });
    const out = decideNotifications(e, facts, opts);
    expect(out.map((n) => `${n.ruleId}>${n.recipient.key}`)).toEqual(['CON-REG8>IRO:iro-1']);
    expect(out[0]!.body).toMatch(/Decision: contact refused under Children Act 1989 s34\(6\)/);
    expect(out[0]!.body).toMatch(/Date: 2026-12-23T10:00:00.000Z/);
    expect(out[0]!.body).toMatch(/Reasons: risk of abduction/);
    expect(out[0]!.body).toMatch(/Duration: 7 day\(s\)/);
    expect(out[0]!.body).toMatch(/Remedies:/);
    expect(new Date(out[0]!.dueAt).toISOString()).toBe('2026-12-23T10:00:00.000Z');
  });

  const contact = (contactId: string, relationship: string, name = contactId) => ({ contactId, name, relationship, channel: 'EMAIL', address: `${contactId}@x.example` });
  it.each([
    { recipients: undefined, expected: ['CON-REG8>IRO:iro-1'], why: 'CON-REG8 with no contacts recorded: the IRO alone' },
    {
      recipients: [contact('c1', 'CHILD'), contact('c2', 'PARENT'), contact('c3', 'PARENT'), contact('c4', 'PREVIOUS_CARER_UNDER_ORDER'), contact('c5', 'OTHER_RELEVANT')],
      expected: ['CON-REG8>IRO:iro-1', 'CON-REG8>CHILD:c1', 'CON-REG8>PARENT:c2', 'CON-REG8>PARENT:c3', 'CON-REG8>PREVIOUS_CARER_UNDER_ORDER:c4', 'CON-REG8>OTHER_RELEVANT:c5'],
      why: 'CON-REG8 to everyone reg 8(3) names: the child, each parent, the earlier carer under an order, other relevant people and the IRO',
    },
    { recipients: [contact('c9', 'NEIGHBOUR')], expected: ['CON-REG8>IRO:iro-1'], why: 'CON-REG8 skips a relationship reg 8 does not name' },
  ])('$why', ({ recipients, expected }) => {
    expect(summary(sig('CONTACT_REFUSED', { durationDays: 3, reg8Recipients: recipients, childName: 'Cora Doe' }))).toEqual(expected);
  });

  it('CON-REG8 names the person and their relationship, and every notice carries the same contents', () => {
    const out = decideNotifications(sig('CONTACT_REFUSED', { durationDays: 3, childName: 'Cora Doe', reg8Recipients: [contact('c2', 'PARENT', 'Maya Doe')] }), facts, opts);
    expect(out.map((n) => n.recipient.name)).toEqual(['Ida Reviewer', 'Maya Doe (parent)']);
    expect(new Set(out.map((n) => n.body)).size).toBe(1);
    expect(out[1]!.body).toMatch(/for Cora Doe \(child /);
  });

  it.each([
    { ls: 'C2', ehc: 'EHC plan by LA-NORTH', lines: ['Legal status (s20/s21): C2: in care under a full care order (s31)', 'Care or supervision order: care order (s31)', 'Education, health and care plan: EHC plan by LA-NORTH'] },
    { ls: 'C1', ehc: null, lines: ['Legal status (s20/s21): C1: in care under an interim care order (s38)', 'Care or supervision order: interim care order (s38)', 'Education, health and care plan: none recorded'] },
    { ls: 'V2', ehc: null, lines: ['Legal status (s20/s21): V2: accommodated under s20 (single period); no care order', 'Care or supervision order: none recorded'] },
    { ls: 'J1', ehc: null, lines: ['Legal status (s20/s21): J1: remanded to local authority accommodation (s21)'] },
    { ls: null, ehc: null, lines: ['Legal status (s20/s21): not recorded'] },
  ])('R41-ADMIT states what reg 41 requires (legal status $ls)', ({ ls, ehc, lines }) => {
    const e = ev('PlacementStarted', {
      placementId: 'p1', providerId: 'PRV-OAK', providerName: 'Oak House', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', placingAuthority: 'LA-NORTH',
      startedAt: '2026-12-23T10:00:00.000Z', isEmergency: true, childName: 'Evan Doe', dateOfBirth: '2012-03-04', legalStatus: ls, ehcPlan: ehc,
    });
    const body = decideNotifications(e, facts, opts).find((n) => n.ruleId === 'R41-ADMIT')!.body;
    for (const line of ['Name: Evan Doe', 'Date of birth: 2012-03-04', 'placing authority LA-NORTH', 'IRO: Ida Reviewer <ida@north.example>', ...lines]) expect(body).toContain(line);
  });

  it('an unassigned IRO still gets a record (IRO:UNASSIGNED), so the gap is visible', () => {
    expect(summary(sig('MISSING'), { ...facts, iro: null })).toEqual(['IRO-N3-MISSING>IRO:UNASSIGNED', 'IRO-N3-MISSING>PLACING_AUTHORITY:LA-NORTH']);
  });

  const placed = (extra: Record<string, unknown>) => ev('PlacementStarted', {
    placementId: 'p1', providerId: 'PRV-OAK', providerName: 'Oak House', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH',
    placingAuthority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00.000Z', isEmergency: true, ...extra,
  });
  it.each([
    { extra: {}, expected: ['LA-IRO-PLACEMENT>IRO:iro-1', 'R41-ADMIT>HOST_AUTHORITY:LA-SOUTH'], why: 'emergency placement in another authority\'s children\'s home: LA-IRO-PLACEMENT and R41-ADMIT' },
    { extra: { isEmergency: false }, expected: ['LA-IRO-PLACEMENT>IRO:iro-1', 'R41-ADMIT>HOST_AUTHORITY:LA-SOUTH'], why: 'planned placement: the reg 13 notice too (LA-IRO-PLACEMENT) and R41-ADMIT' },
    { extra: { isEmergency: false, hostAuthority: 'LA-NORTH' }, expected: ['LA-IRO-PLACEMENT>IRO:iro-1'], why: 'R41-ADMIT not when the host is the placing authority' },
    { extra: { isEmergency: false, providerKind: 'SUPPORTED_ACCOMMODATION' }, expected: ['LA-IRO-PLACEMENT>IRO:iro-1', 'SA28-ADMIT>HOST_AUTHORITY:LA-SOUTH'], why: 'SA28-ADMIT for supported accommodation' },
    { extra: { isEmergency: false, providerKind: 'FOSTER_CARE' }, expected: ['LA-IRO-PLACEMENT>IRO:iro-1'], why: 'no host notice for foster care; the reg 13 notice still' },
  ])('$why', ({ extra, expected }) => {
    expect(summary(placed(extra))).toEqual(expected);
  });

  it('LA-IRO-PLACEMENT: a planned placement\'s reg 13 notice is due at its start (before it, reg 13(1))', () => {
    const n = decideNotifications(placed({ isEmergency: false }), facts, opts).find((x) => x.ruleId === 'LA-IRO-PLACEMENT')!;
    expect(new Date(n.dueAt).toISOString()).toBe('2026-12-21T15:00:00.000Z');
    expect(n.subject).toContain('planned');
  });

  it('LA-IRO-PLACEMENT: Mon 21 Dec 2026 emergency placement is due Wed 30 Dec 2026 (Example 2)', () => {
    const n = decideNotifications(placed({}), facts, opts).find((x) => x.ruleId === 'LA-IRO-PLACEMENT')!;
    expect(n.dueAt.slice(0, 10)).toBe('2026-12-30');
  });

  it('R41-ADMIT on discharge (PlacementEnded) too', () => {
    const e = ev('PlacementEnded', { placementId: 'p1', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', placingAuthority: 'LA-NORTH', endedAt: '2027-01-10T10:00:00.000Z', isEmergency: true });
    expect(summary(e)).toEqual(['R41-ADMIT>HOST_AUTHORITY:LA-SOUTH']);
  });

  it.each([
    { e: ev('ReviewRequested', { placingAuthority: 'LA-NORTH' }), expected: ['PA-REVIEW-REQ>PLACING_AUTHORITY:LA-NORTH'], why: 'PA-REVIEW-REQ to the placing authority' },
    { e: ev('ReviewRequestEscalated', { placingAuthority: 'LA-NORTH' }), expected: ['PA-ESCALATE>PLACING_AUTHORITY:LA-NORTH:MANAGEMENT'], why: 'PA-ESCALATE to the placing authority\'s management (the authority the event names)' },
    { e: ev('PlanEndorsed', { kind: 'CARE', planId: 'pl1', version: 2 }), expected: ['CIRC-CP>IRO:iro-1', 'CIRC-CP>PROVIDER:PRV-OAK'], why: 'CIRC-CP to the IRO and the provider' },
    { e: ev('PlanEndorsed', { kind: 'PATHWAY', planId: 'pl2', version: 1, placingAuthority: 'LA-NORTH' }), expected: ['CIRC-PWP-YP>PLACING_AUTHORITY:LA-NORTH'], why: 'CIRC-PWP-YP through the placing authority' },
    { e: ev('PlanEndorsed', { kind: 'PEP', planId: 'pl3' }), expected: [], why: 'no circulation notice for other plan kinds' },
    { e: ev('ChildRegistered', { placingAuthority: 'LA-NORTH' }), expected: [], why: 'no notification for facts-only events' },
  ])('$why', ({ e, expected }) => {
    expect(summary(e)).toEqual(expected);
  });
});
