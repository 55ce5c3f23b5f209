import { bearer, gql, startTestSubgraph } from '@hub/service-kit/testing';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEvent, setClock, statementCount } from '@hub/service-kit';
import { plansSubgraph } from '../../src/definition';
import { deliver, lookedAfterChild } from './support';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const TM = bearer('TEAM_MANAGER', 'LA-NORTH');
const DM = bearer('DESIGNATED_MANAGER', 'LA-NORTH');
const OTHER_LA = bearer('SOCIAL_WORKER', 'LA-SOUTH');
const PM = bearer('PROVIDER_MANAGER', 'PRV-OAK');
const OTHER_PROVIDER = bearer('PROVIDER_MANAGER', 'PRV-ELM');
const PLAN_FIELDS = `id kind status version endorsedVersion endorsedBy versions { version status endorsedBy supersededAt }`;

async function ok(query: string, vars: Record<string, unknown>, auth: string) {
  const r = await gql(sg.url, query, vars, auth);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

async function endorsedCarePlan(childId: string, content: Record<string, unknown> = {}) {
  const id = (await ok(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: { childId, kind: 'CARE', content: { summary: 'v1', ...content } } }, SW)).createPlan.id;
  await ok(`mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {}, SW);
  return id as string;
}

beforeAll(async () => {
  setClock('2027-01-05T10:00:00+00:00');
  sg = await startTestSubgraph(plansSubgraph, { workers: false });
});
afterAll(async () => {
  setClock();
  await sg.stopAll();
});

describe('plan lifecycle', () => {
  it('refuses endorsement by the wrong role (APP-CP-TM, APP-CP-COURT)', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const id = await endorsedCarePlan(childId);
    const bySw = await gql(sg.url, `mutation { endorsePlan(planId: "${id}", version: 1) { status } }`, {}, SW);
    expect(bySw.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', ruleId: 'APP-CP-TM' });
    const court = await endorsedCarePlan(childId, { forCourtProceedings: true });
    const byTm = await gql(sg.url, `mutation { endorsePlan(planId: "${court}", version: 1) { status } }`, {}, TM);
    expect(byTm.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', ruleId: 'APP-CP-COURT' });
    expect((await ok(`mutation { endorsePlan(planId: "${court}", version: 1) { status } }`, {}, DM)).endorsePlan.status).toBe('ENDORSED');
  });

  it('an endorsed version is immutable; revising then endorsing supersedes it; history lists every version', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const id = await endorsedCarePlan(childId);
    await ok(`mutation { endorsePlan(planId: "${id}", version: 1) { status } }`, {}, TM);
    const edit = await gql(sg.url, `mutation { updatePlan(planId: "${id}", version: 1, content: { summary: "changed" }) { id } }`, {}, SW);
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'VERSION_IMMUTABLE' });
    const revised = await ok(`mutation { revisePlan(planId: "${id}", content: { summary: "v2" }) { ${PLAN_FIELDS} summary } }`, {}, SW);
    expect(revised.revisePlan).toMatchObject({ status: 'DRAFT', version: 2, endorsedVersion: 1, summary: 'v2' });
    await ok(`mutation { submitPlan(planId: "${id}", version: 2) { status } }`, {}, SW);
    const done = await ok(`mutation { endorsePlan(planId: "${id}", version: 2) { ${PLAN_FIELDS} } }`, {}, TM);
    expect(done.endorsePlan.versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([[1, 'SUPERSEDED'], [2, 'ENDORSED']]);
    expect(done.endorsePlan.versions[0].supersededAt).toBe('2027-01-05T10:00:00+00:00');
    const q = await ok(`query { plan(id: "${id}") { ... on CarePlan { iroName } versions { version } circulatedTo { recipientName } } }`, {}, SW);
    expect(q.plan.versions).toHaveLength(2);
    const circulated = await ok(`mutation { circulatePlan(planId: "${id}", recipients: [{ role: CHILD, name: "Sam" }, { role: IRO, name: "Iris Reed" }]) { circulatedTo { recipientRole recipientName version } } }`, {}, SW);
    expect(circulated.circulatePlan.circulatedTo).toEqual([
      { recipientRole: 'CHILD', recipientName: 'Sam', version: 2 }, { recipientRole: 'IRO', recipientName: 'Iris Reed', version: 2 },
    ]);
  });

  it('placement plan: areas and completeness, signed by the provider manager, then PP-DUE-5WD met; readiness reports what is missing', async () => {
    const { childId, placementId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const created = await ok(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id ... on PlacementPlan { completeness areas { code complete } } placementId } }`,
      { i: { childId, kind: 'PLACEMENT', content: { areas: [{ code: 'PPC-01', text: 'Daily routine' }, { code: 'PPC-02', text: 'Weekly contact' }] } } }, SW);
    expect(created.createPlan.placementId).toBe(placementId);
    expect(created.createPlan.completeness).toBe(14);
    expect(created.createPlan.areas).toHaveLength(14);
    const id = created.createPlan.id;
    // PP-DUE-5WD: a plan with areas neither written nor explained is refused at submission, naming them.
    const incomplete = await gql(sg.url, `mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {}, SW);
    expect(incomplete.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INCOMPLETE_PLAN' });
    expect(incomplete.errors?.[0].extensions?.missingAreas).toHaveLength(12);
    const rest = Array.from({ length: 12 }, (_, i) => `PPC-${String(i + 3).padStart(2, '0')}`)
      .map((code) => (code === 'PPC-07' ? { code, missingReason: 'No Independent Visitor' } : { code, text: 'Written' }));
    await ok(`mutation($c: PlanContentInput!) { updatePlan(planId: "${id}", version: 1, content: $c) { version } }`, { c: { areas: rest } }, SW);
    await ok(`mutation { submitPlan(planId: "${id}", version: 2) { status } }`, {}, SW);
    const wrong = await gql(sg.url, `mutation { signPlacementPlan(planId: "${id}", version: 2) { id } }`, {}, OTHER_PROVIDER);
    expect(wrong.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(`mutation { signPlacementPlan(planId: "${id}", version: 2) { id } }`, {}, PM);
    // Signing is an event for the child's authority and the provider (APP-PP-SIGN).
    const [signed] = await (sg.orm.em.fork() as EntityManager).find(OutboxEvent, { type: 'PlacementPlanSigned', childId });
    expect(signed.payload).toMatchObject({ childId, placingAuthority: 'LA-NORTH', providerId: 'PRV-OAK', planId: id, kind: 'PLACEMENT', placementId, version: 2, signedBy: expect.any(String) });
    await ok(`mutation { endorsePlan(planId: "${id}", version: 2) { status } }`, {}, TM);
    const r = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { deadlines(status: MET) { ruleId } placementReadiness { ready missing items { kind present } } } } }`,
      { r: [{ __typename: 'Child', id: childId }] }, SW);
    expect(r._entities[0].deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual(['PP-DUE-5WD']);
    const readiness = r._entities[0].placementReadiness;
    expect(readiness.ready).toBe(false);
    expect(readiness.items.find((i: { kind: string }) => i.kind === 'PLACEMENT').present).toBe(true);
    expect(readiness.items.find((i: { kind: string }) => i.kind === 'CARE').present).toBe(false);
  });

  it('provider plan: written and endorsed by the provider, objectives with progress; PCPP-5WD met', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const bySw = await gql(sg.url, `mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: { childId, kind: 'PROVIDER' } }, SW);
    expect(bySw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const created = await ok(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id ... on ProviderPlan { objectives { id qualityStandard } } } }`,
      { i: { childId, kind: 'PROVIDER', content: { objectives: [{ text: 'Attend school daily', qualityStandard: 'EDUCATION' }] } } }, PM);
    const id = created.createPlan.id;
    const objectiveId = created.createPlan.objectives[0].id;
    await ok(`mutation { addPlanProgress(planId: "${id}", objectiveId: "${objectiveId}", note: "Attended 4 of 5 days") { note } }`, {}, bearer('PROVIDER_STAFF', 'PRV-OAK'));
    await ok(`mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {}, PM);
    const byTm = await gql(sg.url, `mutation { endorsePlan(planId: "${id}", version: 1) { status } }`, {}, TM);
    expect(byTm.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const done = await ok(`mutation { endorsePlan(planId: "${id}", version: 1) { status ... on ProviderPlan { objectives { progress { note } } } } }`, {}, PM);
    expect(done.endorsePlan.objectives[0].progress).toEqual([{ note: 'Attended 4 of 5 days' }]);
    const r = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { deadlines(status: MET) { ruleId } } } }`, { r: [{ __typename: 'Child', id: childId }] }, SW);
    expect(r._entities[0].deadlines.map((d: { ruleId: string }) => d.ruleId)).toEqual(['PCPP-5WD']);
  });

  it('reads follow the access rules: another authority gets null with FORBIDDEN; a provider sees the care plan but not the PEP', async () => {
    const { childId } = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2026-12-21T15:00:00+00:00' });
    const care = await endorsedCarePlan(childId);
    const pep = (await ok(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: { childId, kind: 'PEP' } }, SW)).createPlan.id;
    const other = await gql(sg.url, `query { plan(id: "${care}") { id } }`, {}, OTHER_LA);
    expect(other.data!.plan).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const refused = await gql(sg.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { plans { id } } } }`, { r: [{ __typename: 'Child', id: childId }] }, OTHER_LA);
    expect(refused.data!._entities).toEqual([null]);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const provider = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { plans { id kind } } } }`, { r: [{ __typename: 'Child', id: childId }] }, PM);
    expect(provider._entities[0].plans.map((p: { kind: string }) => p.kind)).toEqual(['CARE']);
    const pepRead = await gql(sg.url, `query { plan(id: "${pep}") { id } }`, {}, PM);
    expect(pepRead.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(sg.url, `query { plan(id: "00000000-0000-0000-0000-000000000000") { id } }`, {}, SW))).toMatchObject({ data: { plan: null } });
  });
});

describe('Query.overdue', () => {
  it('is scoped by tenancy, judged at asOf, ordered by dueAt and paged', async () => {
    const north = await lookedAfterChild(sg.orm, { authority: 'LA-NORTH', startedAt: '2027-02-01T10:00:00+00:00', provider: 'PRV-ASH' });
    const south = await lookedAfterChild(sg.orm, { authority: 'LA-SOUTH', startedAt: '2027-02-01T10:00:00+00:00', provider: 'PRV-ASH' });
    const Q = `query($asOf: DateTime, $first: Int, $after: String, $authority: String, $provider: String) { overdue(asOf: $asOf, first: $first, after: $after, authority: $authority, provider: $provider) {
      totalCount edges { node { ruleId dueAt status child { id } } } pageInfo { hasNextPage endCursor } } }`;
    const asOf = '2027-02-09T12:00:00+00:00';
    const mine = (await ok(Q, { asOf, provider: 'PRV-ASH' }, SW)).overdue;
    const rules = mine.edges.map((e: any) => e.node.ruleId);
    expect(rules[0]).toBe('PPM-72H');
    expect([...rules].sort()).toEqual(['IRO-APPOINT-5WD', 'LA-IRO-PLACEMENT', 'PCPP-5WD', 'PP-DUE-5WD', 'PPM-72H', 'VIS-1WK']);
    expect(mine.totalCount).toBe(6);
    expect(new Set(mine.edges.map((e: any) => e.node.child.id))).toEqual(new Set([north.childId]));
    expect(mine.edges.every((e: any) => e.node.status === 'OVERDUE')).toBe(true);
    const dues = mine.edges.map((e: any) => Date.parse(e.node.dueAt));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    const before = (await ok(Q, { asOf: '2027-02-02T12:00:00+00:00', provider: 'PRV-ASH' }, SW)).overdue;
    expect(before.totalCount).toBe(0);
    const page1 = (await ok(Q, { asOf, first: 2, provider: 'PRV-ASH' }, SW)).overdue;
    expect(page1.edges).toHaveLength(2);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = (await ok(Q, { asOf, first: 50, after: page1.pageInfo.endCursor, provider: 'PRV-ASH' }, SW)).overdue;
    expect(page2.edges.length).toBe(mine.totalCount - 2);
    const southView = (await ok(Q, { asOf }, OTHER_LA)).overdue;
    expect(southView.edges.every((e: any) => e.node.child.id === south.childId)).toBe(true);
    const refused = await gql(sg.url, Q, { asOf, authority: 'LA-NORTH' }, OTHER_LA);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const provider = (await ok(Q, { asOf }, bearer('PROVIDER_MANAGER', 'PRV-ASH'))).overdue;
    expect(new Set(provider.edges.map((e: any) => e.node.child.id))).toEqual(new Set([north.childId, south.childId]));
    await deliver(sg.orm, 'IroAssigned', { childId: north.childId, iroId: 'iro-7', iroName: 'Iris Reed', iroEmail: 'iris@north.example', iroPhone: null, assignedOn: '2027-02-02' });
    const iro = (await ok(Q, { asOf }, bearer('IRO', 'LA-NORTH', 'iro-7'))).overdue;
    expect(new Set(iro.edges.map((e: any) => e.node.child.id))).toEqual(new Set([north.childId]));
    const ops = await gql(sg.url, Q, { asOf }, bearer('OPS', 'HUB'));
    expect(ops.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('batching', () => {
  it('children with plans and deadlines cost the same SQL statements for 5 and 50 children', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) {
      const c = await lookedAfterChild(sg.orm, { authority: 'LA-WEST', startedAt: '2026-12-21T15:00:00+00:00' });
      ids.push(c.childId);
    }
    const WEST = bearer('SOCIAL_WORKER', 'LA-WEST');
    const WEST_TM = bearer('TEAM_MANAGER', 'LA-WEST');
    for (const childId of ids) {
      const id = (await ok(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: { childId, kind: 'CARE' } }, WEST)).createPlan.id;
      await ok(`mutation { submitPlan(planId: "${id}", version: 1) { status } }`, {}, WEST);
      await ok(`mutation { endorsePlan(planId: "${id}", version: 1) { status } }`, {}, WEST_TM);
      await ok(`mutation { circulatePlan(planId: "${id}", recipients: [{ role: CHILD, name: "Kid" }]) { id } }`, {}, WEST);
    }
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id plans { id kind versions { version } circulatedTo { recipientName } } deadlines { ruleId status } placementReadiness { ready } } } }`;
    const count = async (n: number) => {
      const before = statementCount('plans');
      const r = await gql(sg.url, q, { r: ids.slice(0, n).map((id) => ({ __typename: 'Child', id })) }, WEST);
      expect(r.errors).toBeUndefined();
      expect(r.data!._entities).toHaveLength(n);
      return statementCount('plans') - before;
    };
    expect(await count(5)).toBe(await count(50));
  });
});

describe('lean ledger reads', () => {
  it('answer a selection without the basis texts exactly as the full rows do, in one statement per batch', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await lookedAfterChild(sg.orm, { authority: 'LA-EAST', startedAt: '2026-12-21T15:00:00+00:00' })).childId);
    const EAST = bearer('SOCIAL_WORKER', 'LA-EAST');
    const lean = 'id ruleId title class subjectKey dueAt dueDate status metAt notApplicableReason basis { anchor unit count direction citation sourceUrl class overridden provisional inclusiveAlternative practicalDate }';
    const full = `${lean} reason basis { explanation anchorDescription skipped { date reason } }`;
    const read = async (fields: string) => {
      const before = statementCount('plans');
      const r = await ok(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id deadlines { ${fields} } } } }`, { r: ids.map((id) => ({ __typename: 'Child', id })) }, EAST);
      return { children: r._entities as Array<{ deadlines: Array<Record<string, any>> }>, statements: statementCount('plans') - before };
    };
    const a = await read(lean);
    const b = await read(full);
    expect(a.children.flatMap((c) => c.deadlines).length).toBeGreaterThan(0);
    // The lean answer is the full one without the fields it did not ask for.
    const strip = (d: Record<string, any>) => {
      const { reason: _reason, basis, ...rest } = d;
      const { explanation: _e, anchorDescription: _a, skipped: _s, ...kept } = basis;
      return { ...rest, basis: kept };
    };
    expect(a.children).toEqual(b.children.map((c) => ({ ...c, deadlines: c.deadlines.map(strip) })));
    expect(b.children.flatMap((c) => c.deadlines).every((d) => typeof d.basis.explanation === 'string' && d.basis.explanation.length > 0)).toBe(true);
    expect(a.statements).toBe(b.statements);
  });
});
