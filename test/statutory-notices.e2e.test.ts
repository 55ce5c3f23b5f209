/**
 * ISSUE-15, the second half: review requests answered only by a review actually held, Outcome Star readings
 * never dated after their review nor silently replaced, the reg 8 notice of a refusal of contact to every person
 * the regulation names (from the child's record, with their addresses), and the reg 41 notice's contents.
 * Through the gateway only; the hub clock is set to the scenario's dates.
 */
import { setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
const LA = 'LA-N15';
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', LA);
const TM = bearer('TEAM_MANAGER', LA);
const LA_SYSTEM = bearer('LA_SYSTEM', LA);
const PM = bearer('PROVIDER_MANAGER', 'PRV-N15');

beforeAll(async () => {
  setClock(new Date('2026-09-07T09:00:00Z'));
  hub = await startHub({ label: 'notices' });
  await hub.query(`mutation { upsertAuthority(code: "${LA}", name: "Notices Council") { code } }`, {}, ADMIN);
  await hub.query('mutation { upsertAuthority(code: "LA-HN15", name: "Host Council") { code } }', {}, ADMIN);
  await hub.query('mutation { upsertProvider(input: { id: "PRV-N15", name: "Notice House", kind: "CHILDRENS_HOME", hostAuthority: "LA-HN15" }) { id } }', {}, ADMIN);
});
afterAll(async () => {
  setClock();
  await hub?.stop();
});

const must = (q: string, v: Record<string, unknown> = {}, auth = SW) => hub.must(q, v, auth);
const refused = (q: string, v: Record<string, unknown>, auth = SW) => hub.refusal(q, v, auth);

/** Registers a child looked after from `at`'s date, with an IRO, placed at PRV-N15 at `at`. */
async function admit(name: string, at: string, legalStatus: string, extra: Record<string, unknown> = {}): Promise<{ id: string; placementId: string }> {
  setClock(new Date(new Date(at).getTime() + 60_000));
  const c = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: name, familyName: 'Notice', dateOfBirth: '2012-03-04', placingAuthority: LA, becameLookedAfterOn: at.slice(0, 10), legalStatus, ...extra },
  });
  const id = c.registerChild.id as string;
  await hub.settle();
  await must('mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', { c: id, i: { id: `iro-${name.toLowerCase()}`, name: 'Ivo Notice', email: 'ivo@n15.example' } }, TM);
  const p = await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: id, providerId: 'PRV-N15', startedAt: at, placementType: 'K2', isEmergency: false },
  });
  await hub.settle();
  return { id, placementId: p.startPlacement.id };
}

type Notice = { ruleId: string; status: string; body: string; lastError: string | null; recipient: { kind: string; name: string; address: string | null } };
async function notices(id: string, ruleId: string): Promise<Notice[]> {
  const d = await must('query($id: ID!) { child(id: $id) { notifications { ruleId status body lastError recipient { kind name address } } } }', { id });
  return (d.child.notifications as Notice[]).filter((n) => n.ruleId === ruleId);
}
async function until<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  for (let i = 0; i < 100; i++) {
    await hub.settle();
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} never happened`);
}

describe('review requests and Outcome Star readings', () => {
  let child: { id: string; placementId: string };
  let reviewId: string;
  beforeAll(async () => {
    child = await admit('Rhea', '2026-09-01T10:00:00+01:00', 'C2');
    setClock(new Date('2026-09-10T09:00:00Z'));
    const s = await must(`mutation { scheduleReview(childId: "${child.id}", scheduledFor: "2026-09-25") { id } }`);
    reviewId = s.scheduleReview.id;
  });

  it('refuses REVIEW_HELD while no review has been held since the request, and accepts DECLINED', async () => {
    const r = await must(`mutation { requestReview(childId: "${child.id}", reason: RISK_OF_HARM) { id } }`, {}, PM);
    const ext = await refused(`mutation { respondToReviewRequest(requestId: "${r.requestReview.id}", outcome: REVIEW_HELD) { outcome } }`, {});
    expect([ext.code, ext.reason, ext.requestedOn]).toEqual(['CONFLICT', 'NO_REVIEW_HELD_SINCE_REQUEST', '2026-09-10']);
    const second = await must(`mutation { requestReview(childId: "${child.id}", reason: CHILD_REQUESTS) { id } }`, {}, PM);
    const d = await must(`mutation { respondToReviewRequest(requestId: "${second.requestReview.id}", outcome: DECLINED, note: "reviewed at the LAR on the 25th") { outcome } }`);
    expect(d.respondToReviewRequest.outcome).toBe('DECLINED');
  });

  it('an Outcome Star reading before the review is kept; the same reading again is a no-op; another is refused', async () => {
    setClock(new Date('2026-09-26T09:00:00Z'));
    const star = (on: string, tool = 'OUTCOME_STAR') => `mutation { recordOutcomeStar(reviewId: "${reviewId}", capturedOn: "${on}", tool: ${tool}) { outcomeStarCapturedOn outcomeStarTool } }`;
    expect((await must(star('2026-09-20'), {}, PM)).recordOutcomeStar.outcomeStarCapturedOn).toBe('2026-09-20');
    expect((await must(star('2026-09-20'), {}, PM)).recordOutcomeStar.outcomeStarCapturedOn).toBe('2026-09-20');
    const again = await refused(star('2026-09-22'), {}, PM);
    expect([again.code, again.reason, again.recordedOn]).toEqual(['CONFLICT', 'OUTCOME_STAR_ALREADY_RECORDED', '2026-09-20']);
    await must(`mutation { holdReview(reviewId: "${reviewId}", heldOn: "2026-09-25", participation: PN1) { id } }`, {}, LA_SYSTEM);
    const kept = await must(`query { child(id: "${child.id}") { reviews { id outcomeStarCapturedOn } } }`);
    expect(kept.child.reviews.find((r: { id: string }) => r.id === reviewId).outcomeStarCapturedOn).toBe('2026-09-20');
  });

  it('refuses a reading dated after the review it belongs to', async () => {
    const other = await admit('Star', '2026-09-02T10:00:00+01:00', 'C2');
    setClock(new Date('2026-09-28T09:00:00Z'));
    const held = await must(`mutation { holdReview(childId: "${other.id}", heldOn: "2026-09-24", participation: PN1) { id } }`, {}, LA_SYSTEM);
    const ext = await refused(`mutation { recordOutcomeStar(reviewId: "${held.holdReview.id}", capturedOn: "2026-09-26", tool: OUTCOME_STAR) { id } }`, {}, PM);
    expect([ext.code, ext.reason, ext.heldOn]).toEqual(['BAD_USER_INPUT', 'AFTER_REVIEW', '2026-09-24']);
  });

  it('a request answered by a review held after it is REVIEW_HELD; respondToReviewRequest REVIEW_HELD is accepted once a review was held that day', async () => {
    const other = await admit('Reva', '2026-09-03T10:00:00+01:00', 'C2');
    setClock(new Date('2026-09-29T08:00:00Z'));
    await must(`mutation { holdReview(childId: "${other.id}", heldOn: "2026-09-29", participation: PN1) { id } }`, {}, LA_SYSTEM);
    setClock(new Date('2026-09-29T15:00:00Z'));
    const r = await must(`mutation { requestReview(childId: "${other.id}", reason: PERSISTENT_ABSENCE) { id outcome } }`, {}, PM);
    expect(r.requestReview.outcome).toBe('PENDING');
    const a = await must(`mutation { respondToReviewRequest(requestId: "${r.requestReview.id}", outcome: REVIEW_HELD) { outcome } }`);
    expect(a.respondToReviewRequest.outcome).toBe('REVIEW_HELD');
  });
});

describe('CON-REG8: notice of a refusal of contact to everyone reg 8 names', () => {
  it('records contacts (validated), then notifies the IRO, the child, the parents, the earlier carer and others; a missing address FAILS saying so', async () => {
    const child = await admit('Cora', '2026-10-01T10:00:00+01:00', 'C2');
    const add = 'mutation($i: RecordChildContactInput!) { recordChildContact(input: $i) { id name relationship channel email postalAddress } }';
    const bad = await refused(add, { i: { childId: child.id, name: 'X', relationship: 'PARENT', channel: 'EMAIL', email: 'not-an-email' } });
    expect(bad.code).toBe('BAD_USER_INPUT');
    const provider = await refused(add, { i: { childId: child.id, name: 'Y', relationship: 'PARENT', channel: 'EMAIL', email: 'y@n15.example' } }, PM);
    expect(provider.code).toBe('FORBIDDEN');
    await must(add, { i: { childId: child.id, name: 'Cora Notice', relationship: 'CHILD', channel: 'EMAIL', email: 'cora@n15.example' } });
    await must(add, { i: { childId: child.id, name: 'Maya Notice', relationship: 'PARENT', channel: 'EMAIL', email: 'maya@n15.example' } });
    await must(add, { i: { childId: child.id, name: 'Pete Notice', relationship: 'PARENT', channel: 'EMAIL' } });
    await must(add, { i: { childId: child.id, name: 'Gran Notice', relationship: 'PREVIOUS_CARER_UNDER_ORDER', channel: 'EMAIL', email: 'gran@n15.example' } });
    await must(add, { i: { childId: child.id, name: 'Uncle Notice', relationship: 'OTHER_RELEVANT', channel: 'EMAIL', email: 'uncle@n15.example' } });
    const listed = await must('query($id: ID!) { child(id: $id) { contacts { name relationship } } }', { id: child.id });
    expect(listed.child.contacts).toHaveLength(5);
    const hidden = await hub.query('query($id: ID!) { child(id: $id) { contacts { name } } }', { id: child.id }, PM);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    setClock(new Date('2026-10-07T09:00:00Z'));
    await must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
      i: { childId: child.id, kind: 'CONTACT_REFUSED', occurredAt: '2026-10-07T08:30:00Z', summary: 'Contact suspended after the incident of 6 October', durationDays: 5 },
    });
    const all = await until('six CON-REG8 notices, settled', async () => {
      const n = await notices(child.id, 'CON-REG8');
      return n.length === 6 && n.every((x) => x.status === 'DELIVERED' || x.status === 'FAILED') ? n : null;
    });
    const byKind = (k: string) => all.filter((n) => n.recipient.kind === k);
    expect(all.map((n) => n.recipient.kind).sort()).toEqual(['CHILD', 'IRO', 'OTHER_RELEVANT', 'PARENT', 'PARENT', 'PREVIOUS_CARER_UNDER_ORDER']);
    expect(byKind('CHILD')[0]).toMatchObject({ status: 'DELIVERED', recipient: { address: 'cora@n15.example' } });
    expect(byKind('PREVIOUS_CARER_UNDER_ORDER')[0]).toMatchObject({ status: 'DELIVERED', recipient: { address: 'gran@n15.example' } });
    const pete = byKind('PARENT').find((n) => n.recipient.name.startsWith('Pete'))!;
    expect(pete.status).toBe('FAILED');
    expect(pete.lastError).toMatch(/^NO_ADDRESS: .*Pete Notice \(parent\)/);
    expect(byKind('PARENT').find((n) => n.recipient.name.startsWith('Maya'))!.status).toBe('DELIVERED');
    for (const n of all) {
      expect(n.body).toMatch(/Decision: contact refused under Children Act 1989 s34\(6\) for Cora Notice/);
      expect(n.body).toMatch(/Duration: 5 day\(s\)/);
      expect(n.body).toMatch(/Remedies:/);
    }
  });
});

describe('R41-ADMIT: what regulation 41 requires', () => {
  it('states name, date of birth, s20/s21 status, care order and EHC plan, with placing authority and IRO', async () => {
    const careOrder = await admit('Evan', '2026-10-02T10:00:00+01:00', 'C2', { ehcPlan: 'EHC plan maintained by LA-N15 since 2024-01-15' });
    const accommodated = await admit('Vera', '2026-10-03T10:00:00+01:00', 'V2');
    const evan = await until('R41 notice for Evan', async () => (await notices(careOrder.id, 'R41-ADMIT'))[0] ?? null);
    expect(evan.recipient.kind).toBe('HOST_AUTHORITY');
    expect(evan.body).toContain('Name: Evan Notice');
    expect(evan.body).toContain('Date of birth: 2012-03-04');
    expect(evan.body).toContain('Legal status (s20/s21): C2: in care under a full care order (s31)');
    expect(evan.body).toContain('Care or supervision order: care order (s31)');
    expect(evan.body).toContain('Education, health and care plan: EHC plan maintained by LA-N15 since 2024-01-15');
    expect(evan.body).toContain(`placing authority ${LA}`);
    expect(evan.body).toContain('IRO: Ivo Notice <ivo@n15.example>');
    const vera = await until('R41 notice for Vera', async () => (await notices(accommodated.id, 'R41-ADMIT'))[0] ?? null);
    expect(vera.body).toContain('Legal status (s20/s21): V2: accommodated under s20 (single period); no care order');
    expect(vera.body).toContain('Care or supervision order: none recorded');
    expect(vera.body).toContain('Education, health and care plan: none recorded');
  });
});
