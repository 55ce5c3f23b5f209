/**
 * Live changes through the gateway: graphql-ws and SSE subscriptions with fields from several subgraphs, tenancy
 * per event (a provider only while and what happened during its placement), the token's expiry, resuming with
 * changesSince, and a deadline falling due.
 */
import { bearer, eventually } from '@hub/service-kit/testing';
import { DEV_JWT_SECRET, signToken } from '@hub/service-kit';
import { changeFeedOf } from '@hub/notifications';
import { startHub, Hub } from './harness/hub';
import { subscribeSse, subscribeWs, wsClient } from './harness/live-clients';

process.env.DEADLINE_DUE_SWEEP_MS = '100';

let hub: Hub;
const SW_A = bearer('SOCIAL_WORKER', 'LA-A');
const TM_A = bearer('TEAM_MANAGER', 'LA-A');
const SW_B = bearer('SOCIAL_WORKER', 'LA-B');
const PRV_A = bearer('PROVIDER_STAFF', 'PRV-A');
const ids = { A1: '', A2: '', B1: '', placementA1: '' };

async function must(q: string, v: Record<string, unknown>, auth: string) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function child(la: string, name: string, provider: string): Promise<{ id: string; placementId: string }> {
  const sw = bearer('SOCIAL_WORKER', la);
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: name, familyName: 'Live', dateOfBirth: '2013-01-01', placingAuthority: la, becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, sw);
  const p = await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: d.registerChild.id, providerId: provider, startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, sw);
  return { id: d.registerChild.id, placementId: p.startPlacement.id };
}

const touch = (id: string, la: string, language: string) =>
  must('mutation($id: ID!, $i: UpdateChildInput!) { updateChild(id: $id, input: $i) { id } }', { id, i: { language } }, bearer('SOCIAL_WORKER', la));

/** Waits until the notifications subgraph serves `n` subscriptions, so nothing raised afterwards can be missed. */
const subscribed = (n: number) => eventually(async () => (changeFeedOf(hub.subgraphs.notifications.orm.em)?.size ?? 0) >= n);

beforeAll(async () => {
  hub = await startHub({ label: 'subscriptions' });
  const admin = bearer('ADMIN', 'HUB');
  for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, admin);
  for (const id of ['PRV-A', 'PRV-B']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, admin);
  const a1 = await child('LA-A', 'Ada', 'PRV-A');
  ids.A1 = a1.id;
  ids.placementA1 = a1.placementId;
  ids.A2 = (await child('LA-A', 'Abe', 'PRV-A')).id;
  ids.B1 = (await child('LA-B', 'Bea', 'PRV-B')).id;
  await hub.settle();
});
afterAll(() => hub?.stop());
// Each test starts with no subscription left over from the one before (closing travels through the gateway).
afterEach(() => eventually(async () => (changeFeedOf(hub.subgraphs.notifications.orm.em)?.size ?? 0) === 0));

const CHANGE = `kind at cursor child { id name } plan { id status ... on CarePlan { version } }`;

describe('subscriptions through the gateway', () => {
  it('delivers a plan endorsement with fields from three subgraphs in one payload, over WebSocket', async () => {
    const client = wsClient(hub.url, SW_A);
    const got = subscribeWs(client, `subscription($c: ID!) { childChanged(childId: $c) { ${CHANGE} } }`, { c: ids.A1 });
    await subscribed(1);
    const plan = await must('mutation($i: CreatePlanInput!) { createPlan(input: $i) { id version } }', { i: { childId: ids.A1, kind: 'CARE', content: { summary: 'Care plan' } } }, SW_A);
    const { id: planId, version } = plan.createPlan;
    await must('mutation($p: ID!, $v: Int!) { submitPlan(planId: $p, version: $v) { id } }', { p: planId, v: version }, SW_A);
    await must('mutation($p: ID!, $v: Int!) { endorsePlan(planId: $p, version: $v) { id } }', { p: planId, v: version }, TM_A);
    await got.until((r) => r.data.some((d) => d.childChanged.kind === 'PLAN_ENDORSED'));
    const endorsed = got.data.find((d) => d.childChanged.kind === 'PLAN_ENDORSED')!.childChanged;
    expect(endorsed).toMatchObject({ child: { id: ids.A1, name: expect.stringContaining('Ada') }, plan: { id: planId, status: 'ENDORSED', version } });
    expect(got.errors).toEqual([]);
    // In order, each once.
    const cursors = got.data.map((d) => d.childChanged.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    got.stop();
    await client.dispose();
  });

  it('delivers over Server-Sent Events with the token in the header', async () => {
    const got = subscribeSse(hub.url, SW_A, `subscription { myChildrenChanged { kind child { id name } } }`);
    await got.opened;
    await subscribed(1);
    await touch(ids.A2, 'LA-A', 'Welsh');
    await got.until((r) => r.data.some((d) => d.myChildrenChanged.child.id === ids.A2 && d.myChildrenChanged.kind === 'CHILD_UPDATED'));
    expect(got.data.every((d) => [ids.A1, ids.A2].includes(d.myChildrenChanged.child.id))).toBe(true);
    got.stop();
  });

  it('refuses a subscription to a child the caller may not see', async () => {
    const client = wsClient(hub.url, PRV_A);
    const got = subscribeWs(client, `subscription($c: ID!) { childChanged(childId: $c) { kind } }`, { c: ids.B1 });
    await got.until((r) => r.errors.length > 0 || r.done);
    expect(got.data).toEqual([]);
    expect(JSON.stringify(got.errors)).toContain('FORBIDDEN');
    await client.dispose();
  });

  it('closes a connection with an invalid token (4403) and ends a subscription when its token expires (4401)', async () => {
    const bad = wsClient(hub.url, 'Bearer not-a-token');
    const refused = subscribeWs(bad, 'subscription { myChildrenChanged { kind } }');
    await refused.until((r) => r.done);
    expect(bad.closeCodes).toContain(4403);
    const short = `Bearer ${signToken(DEV_JWT_SECRET, { sub: 'sw-short', roles: ['SOCIAL_WORKER'], org: 'LA-A' }, 2)}`;
    const client = wsClient(hub.url, short);
    const got = subscribeWs(client, 'subscription { myChildrenChanged { kind } }');
    await got.until((r) => r.done, 10_000);
    expect(client.closeCodes).toContain(4401);
  });
});

describe('tenancy per event', () => {
  it('tells a provider only about children placed with it, and nothing after the placement ends', async () => {
    const client = wsClient(hub.url, PRV_A);
    const got = subscribeWs(client, 'subscription { myChildrenChanged { kind cursor child { id } } }');
    await subscribed(1);
    await touch(ids.B1, 'LA-B', 'French'); // placed with PRV-B
    await touch(ids.A1, 'LA-A', 'Polish');
    await got.until((r) => r.data.some((d) => d.myChildrenChanged.child.id === ids.A1));
    await must('mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }', {
      i: { placementId: ids.placementA1, endedAt: new Date().toISOString(), reason: 'CARPL' },
    }, SW_A);
    await got.until((r) => r.data.some((d) => d.myChildrenChanged.kind === 'PLACEMENT_ENDED'));
    await touch(ids.A1, 'LA-A', 'Urdu'); // after the end: not PRV-A's
    await touch(ids.A2, 'LA-A', 'Greek'); // still placed with PRV-A: the marker that the feed has passed the change before
    await got.until((r) => r.data.some((d) => d.myChildrenChanged.child.id === ids.A2 && d.myChildrenChanged.kind === 'CHILD_UPDATED'));
    const seen = got.data.map((d) => d.myChildrenChanged);
    expect(seen.some((c) => c.child.id === ids.B1)).toBe(false);
    const end = seen.findIndex((c) => c.kind === 'PLACEMENT_ENDED');
    expect(seen.slice(end + 1).filter((c) => c.child.id === ids.A1)).toEqual([]);
    // The authority of B1 was told; the other authority never.
    const missed = await must('query($c: String!) { changesSince(cursor: $c, first: 500) { changes { child { id } } } }', { c: seen[0].cursor }, SW_B);
    expect(missed.changesSince.changes.every((c: any) => c.child.id === ids.B1)).toBe(true);
    got.stop();
    await client.dispose();
  });
});

describe('resuming', () => {
  it('returns what was missed after a reconnect, in order, nothing missed or duplicated', async () => {
    const client = wsClient(hub.url, SW_B);
    const live = subscribeWs(client, 'subscription { myChildrenChanged { cursor kind child { id } } }');
    await subscribed(1);
    await touch(ids.B1, 'LA-B', 'Somali');
    await live.until((r) => r.data.length >= 1);
    const last = live.data[live.data.length - 1].myChildrenChanged.cursor;
    live.stop();
    await client.dispose();
    // Disconnected: three changes.
    for (const language of ['Tamil', 'Hindi', 'Bengali']) await touch(ids.B1, 'LA-B', language);
    await hub.settle();
    const page1 = await must('query($c: String!) { changesSince(cursor: $c, first: 2) { changes { cursor kind child { id language } } endCursor hasMore } }', { c: last }, SW_B);
    expect(page1.changesSince.changes).toHaveLength(2);
    expect(page1.changesSince.hasMore).toBe(true);
    const page2 = await must('query($c: String!) { changesSince(cursor: $c, first: 2) { changes { cursor kind } endCursor hasMore } }', { c: page1.changesSince.endCursor }, SW_B);
    expect(page2.changesSince.changes).toHaveLength(1);
    expect(page2.changesSince.hasMore).toBe(false);
    const cursors = [...page1.changesSince.changes, ...page2.changesSince.changes].map((c: any) => c.cursor);
    expect(cursors).not.toContain(last);
    expect(new Set(cursors).size).toBe(3);
    // Position order equals the order of the changes.
    const seq = cursors.map((c: string) => Number(/^c(\d+)-/.exec(c)![1]));
    expect([...seq].sort((a, b) => a - b)).toEqual(seq);
  });

  it('answers a cursor older than the retention with CURSOR_EXPIRED, and a malformed one with BAD_USER_INPUT', async () => {
    const old = await hub.query('{ changesSince(cursor: "c1-1000000000000") { endCursor } }', {}, SW_A);
    expect(old.errors?.[0].extensions?.code).toBe('CURSOR_EXPIRED');
    const bad = await hub.query('{ changesSince(cursor: "nonsense") { endCursor } }', {}, SW_A);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
  });
});

describe('deadlines falling due', () => {
  it('tells subscribers when a PENDING deadline passes its due instant, without anyone reading it', async () => {
    const plans = hub.subgraphs.plans.orm.em.getConnection();
    const [open] = await plans.execute(`select id, rule_id from plans.deadline where child_id = ? and met_at is null and not_applicable = false and due_at > now() limit 1`, [ids.A2]);
    expect(open).toBeDefined();
    const client = wsClient(hub.url, SW_A);
    const got = subscribeWs(client, `subscription($c: ID!) { childChanged(childId: $c) { kind deadline { id ruleId dueAt } child { deadlines { ruleId status } } } }`, { c: ids.A2 });
    await subscribed(1);
    // The ledger's row falls due a moment from now (test setup of time; the job finds it by itself).
    await plans.execute(`update plans.deadline set due_at = now() + interval '300 milliseconds' where id = ?`, [open.id]);
    await got.until((r) => r.data.some((d) => d.childChanged.kind === 'DEADLINE_FELL_DUE' && d.childChanged.deadline.id === open.id));
    const change = got.data.find((d) => d.childChanged.kind === 'DEADLINE_FELL_DUE')!.childChanged;
    expect(change.deadline.ruleId).toBe(open.rule_id);
    expect(change.child.deadlines.find((d: any) => d.ruleId === open.rule_id)?.status).toBe('OVERDUE');
    got.stop();
    await client.dispose();
  });
});
