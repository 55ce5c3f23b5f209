/**
 * The review cycle through the gateway (DOMAIN.md §3–§4; worked examples 3, 4, 6 and 8): mutations on the
 * reviews service, due dates read back from reviews and from the plans service's deadline ledger.
 */
import { setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { addWorkingDays, HolidayCalendar } from '@hub/statutory';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
const LA = 'LA-REV';
const SW = bearer('SOCIAL_WORKER', LA);
const TM = bearer('TEAM_MANAGER', LA);
const IRO = bearer('IRO', LA, 'iro-rev');
const OPS = bearer('OPS', 'HUB');

beforeAll(async () => {
  hub = await startHub({ label: 'reviews' });
  const admin = bearer('ADMIN', 'HUB');
  await hub.query(`mutation { upsertAuthority(code: "${LA}", name: "Review Council") { code } }`, {}, admin);
  await hub.query('mutation { upsertProvider(input: { id: "PRV-REV", name: "Review Home", kind: "CHILDRENS_HOME", hostAuthority: "LA-REV" }) { id } }', {}, admin);
});
afterAll(async () => {
  setClock();
  await hub?.stop();
});

async function must(q: string, v: Record<string, unknown>, auth = SW) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function admit(on: string, at: string): Promise<string> {
  setClock(new Date(new Date(at).getTime() + 60_000));
  const id = (await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Review', familyName: `Cycle ${on}`, dateOfBirth: '2012-06-01', placingAuthority: LA, becameLookedAfterOn: on, legalStatus: 'C2' },
  })).registerChild.id;
  await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', { i: { childId: id, providerId: 'PRV-REV', startedAt: at, placementType: 'K2', isEmergency: true } });
  // The reviews service learns of the child from events: wait for them before assigning the IRO.
  await hub.settle();
  await must('mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', { c: id, i: { id: 'iro-rev', name: 'Ruth Reviewer', email: 'ruth@la-rev.example', phone: '0100 111111' } }, TM);
  await hub.settle();
  return id;
}

const READ = `query($id: ID!) { child(id: $id) {
  iro { id name }
  nextReview { sequence dueBy practicalDueBy ruleId }
  reviews { id sequence dueBy heldOn decisionsDueBy reportDueBy consultationDueBy consultationNote }
  deadlines { ruleId dueDate status }
} }`;

async function read(id: string, auth = SW) {
  const d = (await must(READ, { id }, auth)).child;
  const deadlines: Record<string, { dueDate: string; status: string }[]> = {};
  for (const x of d.deadlines) (deadlines[x.ruleId] ??= []).push(x);
  return { ...d, deadlines };
}

async function hold(id: string, heldOn: string) {
  setClock(`${heldOn}T17:00:00Z`);
  await must('mutation($c: ID!, $d: String!) { holdReview(childId: $c, heldOn: $d, participation: PN1) { id } }', { c: id, d: heldOn }, IRO);
  await hub.settle();
}

describe('the review cycle through the gateway', () => {
  it('Examples 3, 4 and 6: first review, consultation flag, decisions, report, care plan update, later reviews', async () => {
    const id = await admit('2026-12-21', '2026-12-21T15:00:00+00:00');
    let c = await read(id);
    expect(c.iro).toEqual({ id: 'iro-rev', name: 'Ruth Reviewer' });
    expect(c.nextReview).toMatchObject({ sequence: 1, dueBy: '2027-01-21', ruleId: 'REV-1ST-20WD' });
    expect(c.deadlines['REV-1ST-20WD'][0].dueDate).toBe('2027-01-21');
    expect(c.deadlines['IRO-APPOINT-5WD'][0].status).toBe('MET');

    // Example 6 (C-09): a first review's 20-working-day consultation lead time cannot be met; flagged, not overdue.
    await must('mutation($c: ID!) { scheduleReview(childId: $c, scheduledFor: "2027-01-21") { id } }', { c: id });
    c = await read(id);
    expect(c.reviews[0].consultationDueBy).toBeNull();
    expect(c.reviews[0].consultationNote).toEqual(expect.stringContaining('C-09'));

    await hold(id, '2027-01-21');
    c = await read(id);
    expect(c.nextReview).toMatchObject({ sequence: 2, dueBy: '2027-04-21', ruleId: 'REV-2ND-3M' });
    expect(c.reviews.find((r: any) => r.sequence === 1)).toMatchObject({ heldOn: '2027-01-21', decisionsDueBy: '2027-01-28', reportDueBy: '2027-02-18' });
    expect(c.deadlines['REV-1ST-20WD'][0].status).toBe('MET');
    expect(c.deadlines['REV-DECISIONS-5WD'][0].dueDate).toBe('2027-01-28');
    expect(c.deadlines['CP-UPDATE-POSTREV-10WD'][0].dueDate).toBe('2027-02-04');
    expect(c.deadlines['REV-REPORT-20WD'][0].dueDate).toBe('2027-02-18');
    expect(c.deadlines['REV-2ND-3M'][0].dueDate).toBe('2027-04-21');

    await hold(id, '2027-04-21');
    c = await read(id);
    expect(c.nextReview).toMatchObject({ sequence: 3, dueBy: '2027-10-21', ruleId: 'REV-NEXT-6M' });
    expect(c.deadlines['REV-NEXT-6M'][0].dueDate).toBe('2027-10-21');

    // An early-review trigger brings the next review forward (REV-EARLY; 20 working days, a LOCAL default).
    setClock('2027-05-03T12:00:00Z');
    await must('mutation($c: ID!) { recordEarlyReviewTrigger(childId: $c, trigger: IRO_REQUEST, triggeredOn: "2027-05-03") { dueBy } }', { c: id }, IRO);
    await hub.settle();
    const early = addWorkingDays(HolidayCalendar.default(), '2027-05-03', 20).date;
    c = await read(id);
    expect(c.nextReview.dueBy).toBe(early);
    expect(c.deadlines['REV-NEXT-6M'].some((d) => d.dueDate === early)).toBe(true);
  });

  it('Example 8a: a first review held on 30 Nov 2026 puts the second on 28 Feb 2027 (practically Fri 26 Feb)', async () => {
    const id = await admit('2026-11-02', '2026-11-02T10:00:00+00:00');
    await hold(id, '2026-11-30');
    const c = await read(id);
    expect(c.nextReview).toMatchObject({ sequence: 2, dueBy: '2027-02-28', practicalDueBy: '2027-02-26' });
  });

  it('Example 8b: a review held on Fri 31 Mar 2028 puts the next on 30 Sep 2028 (practically Fri 29 Sep)', async () => {
    const id = await admit('2027-12-01', '2027-12-01T10:00:00+00:00');
    await hold(id, '2027-12-20');
    await hold(id, '2028-03-31');
    const c = await read(id);
    expect(c.nextReview).toMatchObject({ sequence: 3, dueBy: '2028-09-30', practicalDueBy: '2028-09-29', ruleId: 'REV-NEXT-6M' });
    expect(c.deadlines['REV-NEXT-6M'][0].dueDate).toBe('2028-09-30');
  });

  it('a new period of care restarts the cycle at the first review', async () => {
    const id = await admit('2026-11-02', '2026-11-02T10:00:00+00:00');
    await hold(id, '2026-11-27');
    setClock('2026-12-01T12:00:00Z');
    await must('mutation($c: ID!) { ceaseLookedAfter(childId: $c, ceasedAt: "2026-12-01T10:00:00+00:00", reason: "E4A") { id } }', { c: id });
    setClock('2027-03-24T12:00:00Z');
    await must('mutation($c: ID!) { startPeriodOfCare(childId: $c, startedOn: "2027-03-24", legalStatus: "V2") { id } }', { c: id });
    await hub.settle();
    const c = await read(id);
    expect(c.nextReview).toMatchObject({ sequence: 1, dueBy: '2027-04-23', ruleId: 'REV-1ST-20WD' }); // Example 5's count
  });

  it('a provider’s review request escalates when no review follows (PA-REVIEW-REQ, PA-ESCALATE), and the authority is told', async () => {
    const id = await admit('2026-11-02', '2026-11-02T10:00:00+00:00');
    setClock('2026-11-20T12:00:00Z');
    await must('mutation($c: ID!) { requestReview(childId: $c, reason: PERSISTENT_ABSENCE, details: "Missing three nights this week") { id outcome } }', { c: id }, bearer('PROVIDER_STAFF', 'PRV-REV'));
    const before = await must('mutation { escalateOverdueReviewRequests(asOf: "2026-11-19T12:00:00+00:00") }', {}, OPS);
    expect(before.escalateOverdueReviewRequests).toBe(0);
    // A sweep dated in the future would escalate requests that are not yet late: refused.
    const future = await hub.query('mutation { escalateOverdueReviewRequests(asOf: "2027-01-20T12:00:00+00:00") }', {}, OPS);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUTURE_AS_OF', field: 'asOf' });
    setClock('2027-01-20T12:00:00Z');
    // Another authority's case system sweeps only its own children: this request is not its to escalate.
    const other = await must('mutation { escalateOverdueReviewRequests }', {}, bearer('LA_SYSTEM', 'LA-ELSEWHERE'));
    expect(other.escalateOverdueReviewRequests).toBe(0);
    const after = await must('mutation { escalateOverdueReviewRequests }', {}, bearer('LA_SYSTEM', LA));
    expect(after.escalateOverdueReviewRequests).toBeGreaterThanOrEqual(1);
    await hub.settle();
    const r = await must('query($id: ID!) { child(id: $id) { reviewRequests { reason outcome escalatedAt } notifications { ruleId } } }', { id });
    expect(r.child.reviewRequests[0]).toMatchObject({ reason: 'PERSISTENT_ABSENCE', outcome: 'ESCALATED' });
    expect(r.child.notifications.map((n: any) => n.ruleId)).toEqual(expect.arrayContaining(['PA-REVIEW-REQ', 'PA-ESCALATE']));
  });

  it('refuses a review held before the child was looked after, PN0 for a 10-year-old, and a report before the review', async () => {
    const id = await admit('2026-11-02', '2026-11-02T10:00:00+00:00');
    setClock('2026-11-20T12:00:00Z');
    const early = await hub.query('mutation($c: ID!) { holdReview(childId: $c, heldOn: "2026-10-01", participation: PN1) { id } }', { c: id }, IRO);
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BEFORE_LOOKED_AFTER' });
    const pn0 = await hub.query('mutation($c: ID!) { holdReview(childId: $c, heldOn: "2026-11-19", participation: PN0) { id } }', { c: id }, IRO);
    expect(pn0.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PARTICIPATION_CODE' });
    const scheduled = await must('mutation($c: ID!) { scheduleReview(childId: $c, scheduledFor: "2026-11-27") { id } }', { c: id });
    const report = await hub.query('mutation($r: ID!) { issueReviewReport(reviewId: $r, issuedOn: "2026-11-20") { id } }', { r: scheduled.scheduleReview.id }, IRO);
    expect(report.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REVIEW_NOT_HELD' });
  });
});
