/**
 * Both query planners of the hub's gateway over the same subgraphs and data (GATEWAY_QUERY_PLANNER: `rust`, the
 * default, and `js`): the same answers to the caseload page, the same refusal at the same path, the same
 * subscription events with fields from three subgraphs, and the caller's operation name in every service's
 * audit lines. The rest of the end-to-end suites run through the default planner.
 */
import { bearer, eventually } from '@hub/service-kit/testing';
import { changeFeedOf } from '@hub/notifications';
import type { QueryPlanner } from '@hub/gateway';
import { startHub, Hub } from './harness/hub';
import { subscribeWs, wsClient } from './harness/live-clients';
import { CASELOAD } from './harness/caseload-query';

let hub: Hub;
const gateways = {} as Record<QueryPlanner, { url: string; stop(): Promise<void> }>;
const SW = bearer('SOCIAL_WORKER', 'LA-P');
const TM = bearer('TEAM_MANAGER', 'LA-P');
const PROVIDER = bearer('PROVIDER_STAFF', 'PRV-P');
const children: string[] = [];


async function post(url: string, query: string, variables: Record<string, unknown>, authorization: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }> };
}

beforeAll(async () => {
  hub = await startHub({ label: 'planners' });
  for (const planner of ['rust', 'js'] as const) gateways[planner] = await hub.startGateway({ queryPlanner: planner });
  const admin = bearer('ADMIN', 'HUB');
  await hub.must('mutation { upsertAuthority(code: "LA-P", name: "Planners") { code } }', {}, admin);
  await hub.must('mutation { upsertProvider(input: { id: "PRV-P", name: "Planners Home", kind: "CHILDRENS_HOME" }) { id } }', {}, admin);
  for (const [i, name] of ['Ada', 'Bo', 'Cy'].entries()) {
    const id = (await hub.must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: name, familyName: 'Planner', dateOfBirth: `201${i}-03-01`, placingAuthority: 'LA-P', becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
    }, SW)).registerChild.id as string;
    await hub.must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
      i: { childId: id, providerId: 'PRV-P', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
    }, SW);
    children.push(id);
  }
  await hub.settle();
}, 120_000);
afterAll(async () => {
  for (const g of Object.values(gateways)) await g?.stop();
  await hub?.stop();
});

describe('the rust and js query planners', () => {
  it('answer the caseload page the same, with data from all four subgraphs', async () => {
    const [rust, js] = await Promise.all([post(gateways.rust.url, CASELOAD, { n: 10 }, SW), post(gateways.js.url, CASELOAD, { n: 10 }, SW)]);
    expect(rust.errors).toBeUndefined();
    expect(rust).toEqual(js);
    const nodes = rust.data.children.edges.map((e: any) => e.node);
    expect(nodes).toHaveLength(3);
    for (const n of nodes) {
      expect(n.currentPlacement.provider.name).toBe('Planners Home');
      expect(n.deadlines.length).toBeGreaterThan(0);
      expect(n.nextReview.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(n.notifications.length).toBeGreaterThan(0);
    }
  });

  it("refuse a provider a child's notifications at that field, and give it the child", async () => {
    const q = `query Child($id: ID!) { child(id: $id) { id name notifications { id } } }`;
    for (const planner of ['rust', 'js'] as const) {
      const r = await post(gateways[planner].url, q, { id: children[0] }, PROVIDER);
      expect(r.data).toEqual({ child: { id: children[0], name: 'Ada Planner', notifications: null } });
      expect(r.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([['FORBIDDEN', ['child', 'notifications']]]);
    }
  });

  it("record the caller's operation name in every service's audit lines", async () => {
    for (const planner of ['rust', 'js'] as const) {
      const operation = `Caseload${planner}`;
      const r = await post(gateways[planner].url, CASELOAD.replace('query Caseload', `query ${operation}`), { n: 10 }, SW);
      expect(r.errors).toBeUndefined();
      for (const service of ['children', 'plans', 'reviews', 'notifications'] as const) {
        const rows = await hub.subgraphs[service].orm.em.fork().getConnection().execute(`select distinct operation from "${service}".audit_entry where operation like 'Caseload%'`);
        expect(rows.map((x: { operation: string }) => x.operation)).toContain(operation);
      }
    }
  });

  it('deliver a subscription event with fields from three subgraphs, an interface fragment included', async () => {
    const CHANGE = `kind child { id name } plan { id status ... on CarePlan { version } }`;
    const clients = { rust: wsClient(gateways.rust.url, SW), js: wsClient(gateways.js.url, SW) };
    const got = {
      rust: subscribeWs(clients.rust, `subscription($c: ID!) { childChanged(childId: $c) { ${CHANGE} } }`, { c: children[1] }),
      js: subscribeWs(clients.js, `subscription($c: ID!) { childChanged(childId: $c) { ${CHANGE} } }`, { c: children[1] }),
    };
    await eventually(async () => (changeFeedOf(hub.subgraphs.notifications.orm.em)?.size ?? 0) >= 2);
    const plan = (await hub.must('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id version } }', { i: { childId: children[1], kind: 'CARE', content: { summary: 'Care plan' } } }, SW)).createPlan;
    await hub.must('mutation($p: ID!, $v: Int!) { submitPlan(planId: $p, version: $v) { id } }', { p: plan.id, v: plan.version }, SW);
    await hub.must('mutation($p: ID!, $v: Int!) { endorsePlan(planId: $p, version: $v) { id } }', { p: plan.id, v: plan.version }, TM);
    for (const planner of ['rust', 'js'] as const) {
      await got[planner].until((r) => r.data.some((d) => d.childChanged.kind === 'PLAN_ENDORSED'));
      const endorsed = got[planner].data.find((d) => d.childChanged.kind === 'PLAN_ENDORSED')!.childChanged;
      expect(endorsed).toEqual({ kind: 'PLAN_ENDORSED', child: { id: children[1], name: 'Bo Planner' }, plan: { id: plan.id, status: 'ENDORSED', version: plan.version } });
      expect(got[planner].errors).toEqual([]);
      got[planner].stop();
      await clients[planner].dispose();
    }
  });
});
