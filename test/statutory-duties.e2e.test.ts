/**
 * ISSUE-15 Every statutory duty reachable, met by the right fact: tried as an authority's case system would,
 * through the gateway only, with a fresh authority, a children's home in another authority and three children (an
 * emergency placement, a child on a care order, a planned placement). The hub clock is set to the scenario's dates.
 */
import { setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
const LA = 'LA-E15';
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', LA);
const TM = bearer('TEAM_MANAGER', LA);
const PM = bearer('PROVIDER_MANAGER', 'PRV-E15');
const STAFF = bearer('PROVIDER_STAFF', 'PRV-E15');
const ALL_AREAS = Array.from({ length: 14 }, (_, i) => `PPC-${String(i + 1).padStart(2, '0')}`);

beforeAll(async () => {
  setClock(new Date('2026-09-07T09:00:00Z'));
  hub = await startHub({ label: 'duties' });
  await hub.query(`mutation { upsertAuthority(code: "${LA}", name: "Issue Fifteen Council") { code } }`, {}, ADMIN);
  await hub.query('mutation { upsertAuthority(code: "LA-H15", name: "Host Council") { code } }', {}, ADMIN);
  await hub.query('mutation { upsertProvider(input: { id: "PRV-E15", name: "Fifteen House", kind: "CHILDRENS_HOME", hostAuthority: "LA-H15" }) { id } }', {}, ADMIN);
});
afterAll(async () => {
  setClock();
  await hub?.stop();
});

const must = (q: string, v: Record<string, unknown> = {}, auth = SW) => hub.must(q, v, auth);
const refused = (q: string, v: Record<string, unknown>, auth = SW) => hub.refusal(q, v, auth);

type Row = { ruleId: string; subjectKey: string; status: string; dueAt: string | null; dueDate: string | null; metAt: string | null; reason: string | null; basis: { explanation: string } };
async function deadlines(id: string, asOf?: string): Promise<Row[]> {
  const d = await must(`query($id: ID!) { child(id: $id) { deadlines${asOf ? `(asOf: "${asOf}")` : ''} { ruleId subjectKey status dueAt dueDate metAt reason basis { explanation } } } }`, { id });
  return d.child.deadlines;
}
const one = (rows: Row[], ruleId: string) => {
  const found = rows.filter((r) => r.ruleId === ruleId);
  expect({ ruleId, count: found.length }).toEqual({ ruleId, count: 1 });
  return found[0]!;
};

/** Registers a child looked after from `at`'s date and places them at PRV-E15 at `at`. */
async function admit(name: string, at: string, o: { emergency: boolean; legalStatus?: string; iro?: boolean }): Promise<{ id: string; placementId: string }> {
  setClock(new Date(new Date(at).getTime() + 60_000));
  const c = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: name, familyName: 'Fifteen', dateOfBirth: '2012-03-04', placingAuthority: LA, becameLookedAfterOn: at.slice(0, 10), legalStatus: o.legalStatus ?? 'V2' },
  });
  const id = c.registerChild.id as string;
  await hub.settle();
  if (o.iro !== false) {
    await must('mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', { c: id, i: { id: `iro-${name.toLowerCase()}`, name: 'Iris Fifteen', email: 'iris@e15.example', phone: '0100 000 015' } }, TM);
  }
  const p = await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: id, providerId: 'PRV-E15', startedAt: at, placementType: 'K2', isEmergency: o.emergency },
  });
  await hub.settle();
  return { id, placementId: p.startPlacement.id };
}

async function untilStatus(id: string, ruleId: string, status: string): Promise<Row> {
  for (let i = 0; i < 100; i++) {
    await hub.settle();
    const row = (await deadlines(id)).find((r) => r.ruleId === ruleId);
    if (row?.status === status) return row;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${ruleId} never became ${status}`);
}

describe('ISSUE-15 every statutory duty reachable, met by the right fact', () => {
  let emergency: { id: string; placementId: string };
  let careOrder: { id: string; placementId: string };
  let planned: { id: string; placementId: string };

  beforeAll(async () => {
    emergency = await admit('Emma', '2026-09-07T08:00:00+01:00', { emergency: true });
    careOrder = await admit('Carl', '2026-09-08T10:00:00+01:00', { emergency: true, legalStatus: 'C2' });
    planned = await admit('Pat', '2026-09-09T10:00:00+01:00', { emergency: false });
  });

  it('IRO-APPOINT-5WD assigned without a date is met now, never at a time still to come', async () => {
    const row = one(await deadlines(emergency.id), 'IRO-APPOINT-5WD');
    expect(row.status).toBe('MET');
    expect(new Date(row.metAt!).getTime()).toBeLessThanOrEqual(new Date('2026-09-07T07:01:00Z').getTime() + 60_000);
  });

  it('PPM-72H is met by the Placement Planning Meeting recorded (when, who attended)', async () => {
    setClock(new Date('2026-09-09T12:00:00Z'));
    expect(one(await deadlines(emergency.id), 'PPM-72H').status).toBe('PENDING');
    const future = await refused('mutation($i: RecordPlacementPlanningMeetingInput!) { recordPlacementPlanningMeeting(input: $i) { id } }',
      { i: { placementId: emergency.placementId, heldAt: '2026-09-10T09:00:00Z', attendees: [{ name: 'Sam Worker', role: 'social worker' }] } });
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE' });
    const m = await must('mutation($i: RecordPlacementPlanningMeetingInput!) { recordPlacementPlanningMeeting(input: $i) { heldAt attendees { name role } } }', {
      i: { placementId: emergency.placementId, heldAt: '2026-09-09T10:00:00Z', attendees: [{ name: 'Sam Worker', role: 'social worker' }, { name: 'Hana Manager', role: 'home manager' }, { name: 'Emma', role: 'child' }] },
    });
    expect(m.recordPlacementPlanningMeeting.attendees).toHaveLength(3);
    const row = one(await deadlines(emergency.id), 'PPM-72H');
    expect(row.status).toBe('MET');
    expect(row.metAt).toBe('2026-09-09T11:00:00+01:00');
    const other = await refused('mutation($i: RecordPlacementPlanningMeetingInput!) { recordPlacementPlanningMeeting(input: $i) { id } }',
      { i: { placementId: emergency.placementId, heldAt: '2026-09-09T10:00:00Z', attendees: [{ name: 'X', role: 'y' }] } }, bearer('SOCIAL_WORKER', 'LA-OTHER'));
    expect(other.code).toBe('FORBIDDEN');
  });

  it('LA-IRO-PLACEMENT is met by the delivery of the reg 13 notice to the IRO', async () => {
    const row = await untilStatus(emergency.id, 'LA-IRO-PLACEMENT', 'MET');
    expect(row.basis.explanation).toContain('delivered to the IRO');
  });

  it('a planned placement gets its reg 13 notice and a deadline at its start (notice before the placement)', async () => {
    const row = one(await deadlines(planned.id), 'LA-IRO-PLACEMENT');
    expect(row.dueAt).toBe('2026-09-09T10:00:00+01:00');
    const n = await must('query($id: ID!) { child(id: $id) { notifications { ruleId subject } } }', { id: planned.id });
    expect(n.child.notifications.map((x: { ruleId: string }) => x.ruleId)).toContain('LA-IRO-PLACEMENT');
    // No Placement Planning Meeting clock for a planned placement (PPM-72H is the emergency clock).
    expect((await deadlines(planned.id)).filter((r) => r.ruleId === 'PPM-72H')).toEqual([]);
  });

  it('HP-IHA is met by the initial health assessment recorded, not by endorsing a health plan', async () => {
    const plan = await must('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id version } }', { i: { childId: careOrder.id, kind: 'HEALTH', content: { summary: 'Health plan' } } });
    await must(`mutation { submitPlan(planId: "${plan.createPlan.id}", version: 1) { status } }`);
    await must(`mutation { endorsePlan(planId: "${plan.createPlan.id}", version: 1) { status } }`, {}, TM);
    expect(one(await deadlines(careOrder.id), 'HP-IHA').status).toBe('PENDING');
    const missing = await refused('mutation($i: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $i) { id } }', { i: { childId: careOrder.id, assessedOn: '2026-09-09', assessedBy: ' ' } });
    expect(missing).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED' });
    const a = await must('mutation($i: RecordHealthAssessmentInput!) { recordHealthAssessment(input: $i) { assessedOn assessedBy periodOfCareId } }',
      { i: { childId: careOrder.id, assessedOn: '2026-09-09', assessedBy: 'Dr Grace Medic (GMC 1234567)' } });
    expect(a.recordHealthAssessment.periodOfCareId).toBeTruthy();
    const row = one(await deadlines(careOrder.id), 'HP-IHA');
    expect(row.status).toBe('MET');
    expect(new Date(row.metAt!).getTime()).toBeLessThanOrEqual(Date.parse('2026-09-09T12:00:00Z'));
  });

  it('APP-FCPM-5WD, APP-PANEL-PAPERS and APP-PLO-4M are started by decision-meeting facts and met by their steps; an override switches one off', async () => {
    const start = (kind: string, startedOn: string) => must('mutation($i: StartDecisionProcessInput!) { startDecisionProcess(input: $i) { id ruleId steps { step on } } }', { i: { childId: careOrder.id, kind, startedOn } });
    const step = (processId: string, s: string, on: string, auth = SW) => hub.query('mutation($i: RecordDecisionStepInput!) { recordDecisionStep(input: $i) { steps { step on } } }', { i: { processId, step: s, on } }, auth);
    const fcpm = (await start('FAMILY_CARE_AND_PROTECT_MEETING', '2026-09-08')).startDecisionProcess;
    expect(fcpm.ruleId).toBe('APP-FCPM-5WD');
    const cdm = (await start('CHILDRENS_DECISION_MEETING', '2026-09-24')).startDecisionProcess;
    const plo = (await start('PLO_PRE_PROCEEDINGS', '2026-09-01')).startDecisionProcess;
    let rows = await deadlines(careOrder.id);
    expect(one(rows, 'APP-FCPM-5WD').dueDate).toBe('2026-09-15');
    const papers = rows.filter((r) => r.ruleId === 'APP-PANEL-PAPERS').map((r) => r.dueDate).sort();
    expect(papers).toEqual(['2026-09-17', '2026-09-21']);
    const ploRows = rows.filter((r) => r.ruleId === 'APP-PLO-4M').map((r) => r.dueDate).sort();
    expect(ploRows).toEqual(['2026-12-01', '2027-01-01']);
    expect((await step(fcpm.id, 'PAPERS_SUBMITTED', '2026-09-09')).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STEP_NOT_FOR_KIND' });
    expect((await step(fcpm.id, 'MEETING_HELD', '2026-09-09')).errors).toBeUndefined();
    expect((await step(fcpm.id, 'MEETING_HELD', '2026-09-09')).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STEP_RECORDED' });
    expect((await step(cdm.id, 'PAPERS_SUBMITTED', '2026-09-09')).errors).toBeUndefined();
    expect((await step(plo.id, 'PROGRESS_REVIEWED', '2026-09-09', PM)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    rows = await deadlines(careOrder.id);
    expect(one(rows, 'APP-FCPM-5WD').status).toBe('MET');
    expect(rows.filter((r) => r.ruleId === 'APP-PANEL-PAPERS').map((r) => `${r.dueDate} ${r.status}`).sort()).toEqual(['2026-09-17 MET', '2026-09-21 PENDING']);
    await must(`mutation { setRuleOverride(authority: "${LA}", ruleId: "APP-PLO-4M", enabled: false) { ruleId enabled } }`, {}, ADMIN);
    await start('PLO_PRE_PROCEEDINGS', '2026-09-09');
    expect((await deadlines(careOrder.id)).filter((r) => r.ruleId === 'APP-PLO-4M')).toHaveLength(2);
  });

  it('PP-DUE-5WD is met only by a placement plan complete, or saying which areas are missing and why', async () => {
    const three = ALL_AREAS.slice(0, 3).map((code) => ({ code, text: `Written ${code}` }));
    const plan = await must('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id ... on PlacementPlan { completeness } } }', { i: { childId: careOrder.id, kind: 'PLACEMENT', content: { areas: three } } });
    expect(plan.createPlan.completeness).toBe(21);
    const id = plan.createPlan.id;
    const incomplete = await refused(`mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {});
    expect(incomplete).toMatchObject({ code: 'CONFLICT', reason: 'INCOMPLETE_PLAN', ruleId: 'PP-DUE-5WD' });
    expect(incomplete.missingAreas).toEqual(ALL_AREAS.slice(3));
    const blank = await refused(`mutation($c: PlanContentInput!) { updatePlan(planId: "${id}", version: 1, content: $c) { id } }`, { c: { areas: [{ code: 'PPC-07' }] } });
    expect(blank).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AREA_TEXT_OR_REASON' });
    const rest = ALL_AREAS.slice(3).map((code) => (code === 'PPC-07' ? { code, missingReason: 'No Independent Visitor appointed' } : { code, text: `Written ${code}` }));
    const v2 = await must(`mutation($c: PlanContentInput!) { updatePlan(planId: "${id}", version: 1, content: $c) { version ... on PlacementPlan { completeness areas { code complete missingReason } } } }`, { c: { areas: rest } });
    expect(v2.updatePlan.completeness).toBe(92);
    expect(v2.updatePlan.areas.find((a: { code: string }) => a.code === 'PPC-07')).toEqual({ code: 'PPC-07', complete: false, missingReason: 'No Independent Visitor appointed' });
    await must(`mutation { submitPlan(planId: "${id}", version: 2) { status } }`);
    await must(`mutation { signPlacementPlan(planId: "${id}", version: 2) { id } }`, {}, PM);
    await must(`mutation { endorsePlan(planId: "${id}", version: 2) { status } }`, {}, TM);
    expect(one(await deadlines(careOrder.id), 'PP-DUE-5WD').status).toBe('MET');
  });

  it('the provider plan is the provider manager\'s, one per placement', async () => {
    const create = (auth: string) => hub.query('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', { i: { childId: careOrder.id, kind: 'PROVIDER', content: { objectives: [{ text: 'School daily', qualityStandard: 'EDUCATION' }] } } }, auth);
    expect((await create(STAFF)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await create(PM)).errors).toBeUndefined();
    expect((await create(PM)).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PLAN_EXISTS' });
  });

  it('CP-PERM-2NDREV enters the ledger with the first review and is met by an endorsed care plan with a permanence plan', async () => {
    setClock(new Date('2026-10-01T12:00:00Z'));
    await must(`mutation { holdReview(childId: "${emergency.id}", heldOn: "2026-09-30", participation: PN1) { id } }`, {}, bearer('LA_SYSTEM', LA));
    await hub.settle();
    let rows = await deadlines(emergency.id);
    for (const rule of ['REV-2ND-3M', 'REV-DECISIONS-5WD', 'CP-UPDATE-POSTREV-10WD', 'REV-REPORT-20WD']) one(rows, rule);
    const perm = one(rows, 'CP-PERM-2NDREV');
    expect(perm.dueDate).toBe('2026-12-30');
    expect(perm.status).toBe('PENDING');
    const plan = await must('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', { i: { childId: emergency.id, kind: 'CARE', content: { summary: 'Care plan', permanencePlan: 'Return home with support' } } });
    await must(`mutation { submitPlan(planId: "${plan.createPlan.id}", version: 1) { status } }`);
    await must(`mutation { endorsePlan(planId: "${plan.createPlan.id}", version: 1) { status } }`, {}, TM);
    rows = await deadlines(emergency.id);
    expect(one(rows, 'CP-PERM-2NDREV').status).toBe('MET');
  });

  it('ending a placement keeps its breached duties as breaches; only duties not yet due become NOT_APPLICABLE', async () => {
    setClock(new Date('2026-10-05T12:00:00Z'));
    const before = await deadlines(planned.id);
    expect(one(before, 'PP-DUE-5WD').status).toBe('OVERDUE');
    expect(one(before, 'PCPP-5WD').status).toBe('OVERDUE');
    const overdueBefore = (await must(`{ overdue(authority: "${LA}") { totalCount } }`)).overdue.totalCount;
    await must('mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }', { i: { placementId: planned.placementId, endedAt: '2026-10-05T11:00:00Z', reason: 'CARPL' } });
    await hub.settle();
    const after = await deadlines(planned.id);
    for (const rule of ['PP-DUE-5WD', 'PCPP-5WD']) {
      expect(one(after, rule).status).toBe('OVERDUE');
      expect(one(after, rule).basis.explanation).toContain('the placement ended on 2026-10-05');
    }
    const nextVisit = after.filter((r) => r.subjectKey.startsWith(`placement:${planned.placementId}:visit`) && r.status === 'NOT_APPLICABLE');
    expect(nextVisit.length + after.filter((r) => r.subjectKey.startsWith(`placement:${planned.placementId}:visit`) && r.status === 'OVERDUE').length).toBeGreaterThan(0);
    const overdueAfter = (await must(`{ overdue(authority: "${LA}") { totalCount } }`)).overdue.totalCount;
    expect(overdueAfter).toBe(overdueBefore);
  });
});
