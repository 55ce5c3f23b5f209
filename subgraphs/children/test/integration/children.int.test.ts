import { Queue } from 'bullmq';
import { bearer, eventually, gql, startTestSubgraph, TEST_REDIS } from '@hub/service-kit/testing';
import { openRedis, QUEUES, statementCount } from '@hub/service-kit';
import { childrenSubgraph } from '../../src/definition';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
const ADMIN = bearer('ADMIN', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const OTHER_LA = bearer('SOCIAL_WORKER', 'LA-SOUTH');
const PROVIDER = bearer('PROVIDER_STAFF', 'PRV-OAK');

const REGISTER = `mutation($input: RegisterChildInput!) { registerChild(input: $input) { id name dateOfBirth placingAuthority { code name } } }`;
const START = `mutation($input: StartPlacementInput!) { startPlacement(input: $input) { id startedAt isEmergency } }`;

beforeAll(async () => {
  sg = await startTestSubgraph(childrenSubgraph);
  for (const [code, name] of [['LA-NORTH', 'North Shire'], ['LA-SOUTH', 'South Borough']]) {
    await gql(sg.url, `mutation { upsertAuthority(code: "${code}", name: "${name}") { code } }`, {}, ADMIN);
  }
  await gql(sg.url, `mutation { upsertProvider(input: { id: "PRV-OAK", name: "Oak House", kind: "CHILDRENS_HOME", hostAuthority: "LA-SOUTH" }) { id } }`, {}, ADMIN);
});
afterAll(() => sg.stopAll());

async function register(extra: Record<string, unknown> = {}) {
  const r = await gql(sg.url, REGISTER, { input: { givenName: 'Sam', familyName: 'Doe', dateOfBirth: '2012-05-01', placingAuthority: 'LA-NORTH', becameLookedAfterOn: '2026-11-02', ...extra } }, SW);
  expect(r.errors).toBeUndefined();
  return r.data!.registerChild.id as string;
}

describe('children subgraph', () => {
  it('refuses a request without a valid token', async () => {
    const none = await gql(sg.url, '{ children { totalCount } }');
    expect(none.status).toBe(401);
    expect(none.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gql(sg.url, '{ children { totalCount } }', {}, 'Bearer not.a.token');
    expect(forged.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('registers a child and emits ChildRegistered through the outbox to the notifications queue', async () => {
    const id = await register();
    const connection = openRedis(TEST_REDIS, { worker: true });
    const q = new Queue(QUEUES.eventsNotifications, { connection, prefix: sg.queuePrefix });
    const jobs = await eventually(async () => {
      const all = await q.getJobs(['waiting', 'active', 'completed', 'delayed']);
      const mine = all.filter((j) => j.data.childId === id);
      return mine.length >= 2 ? mine : null;
    });
    expect(jobs.map((j) => j.data.type).sort()).toEqual(['ChildRegistered', 'PeriodOfCareStarted']);
    await q.close();
    connection.disconnect();
  });

  it('validates input and writes nothing on error', async () => {
    const before = (await gql(sg.url, '{ children { totalCount } }', {}, SW)).data!.children.totalCount;
    const bad = await gql(sg.url, REGISTER, { input: { givenName: 'A', familyName: 'B', dateOfBirth: '2012-01-01', placingAuthority: 'LA-NORTH', becameLookedAfterOn: '2011-01-01' } }, SW);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BEFORE_BIRTH' });
    const future = await gql(sg.url, REGISTER, { input: { givenName: 'A', familyName: 'B', dateOfBirth: '2099-01-01', placingAuthority: 'LA-NORTH' } }, SW);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_IN_FUTURE' });
    const after = (await gql(sg.url, '{ children { totalCount } }', {}, SW)).data!.children.totalCount;
    expect(after).toBe(before);
  });

  it('places a child, refuses overlaps and unknown providers, and scopes reads by tenancy', async () => {
    const id = await register();
    const ok = await gql(sg.url, START, { input: { childId: id, providerId: 'PRV-OAK', startedAt: '2026-11-02T15:00:00+00:00', placementType: 'K2', isEmergency: true } }, SW);
    expect(ok.errors).toBeUndefined();
    const overlap = await gql(sg.url, START, { input: { childId: id, providerId: 'PRV-OAK', startedAt: '2026-11-03T15:00:00+00:00', placementType: 'K2' } }, SW);
    expect(overlap.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'OVERLAPPING_PLACEMENT' });
    const unknown = await gql(sg.url, START, { input: { childId: id, providerId: 'PRV-NONE', startedAt: '2026-11-03T15:00:00+00:00', placementType: 'K2' } }, SW);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PROVIDER' });

    const q = `query($id: ID!) { child(id: $id) { id name ethnicity currentPlacement { id provider { name } } } }`;
    const mine = await gql(sg.url, q, { id }, SW);
    expect(mine.data!.child.currentPlacement.provider.name).toBe('Oak House');
    const other = await gql(sg.url, q, { id }, OTHER_LA);
    expect(other.data!.child).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const provider = await gql(sg.url, q, { id }, PROVIDER);
    expect(provider.data!.child.name).toBe('Sam Doe');
    expect(provider.data!.child.ethnicity).toBeNull();
    expect(provider.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'ethnicity' });
    const entities = await gql(sg.url, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Child { id name } } }`, { r: [{ __typename: 'Child', id }] }, OTHER_LA);
    expect(entities.data!._entities).toEqual([null]);
    expect(entities.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lists children with one SQL batch per field, whatever the page size', async () => {
    for (let i = 0; i < 6; i++) await register({ givenName: `Kid${i}` });
    const q = `query($n: Int!) { children(first: $n) { edges { node { id placements { id } periodsOfCare { startedOn } events { id } } } } }`;
    const count = async (n: number) => {
      const before = statementCount('children');
      const r = await gql(sg.url, q, { n }, SW);
      expect(r.errors).toBeUndefined();
      return statementCount('children') - before;
    };
    expect(await count(2)).toBe(await count(8));
  });
});

describe('audit', () => {
  it('records reads and writes, and shows them to managers of the authority only', async () => {
    const id = await register();
    await gql(sg.url, `query($id: ID!) { child(id: $id) { id name dateOfBirth } }`, { id }, SW);
    const q = `query($id: ID!) { accessLog(childId: $id) { childId children { action sub org operation fields service } } }`;
    const manager = await gql(sg.url, q, { id }, bearer('TEAM_MANAGER', 'LA-NORTH', 'tm-1'));
    expect(manager.errors).toBeUndefined();
    const lines = manager.data!.accessLog.children;
    expect(lines.some((l: any) => l.action === 'WRITE' && l.fields.includes('registerChild'))).toBe(true);
    expect(lines.some((l: any) => l.action === 'READ' && l.sub === 'social_worker-la-north' && l.fields.some((f: string) => f.includes('dateOfBirth')))).toBe(true);
    const sw = await gql(sg.url, q, { id }, SW);
    expect(sw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const otherManager = await gql(sg.url, q, { id }, bearer('TEAM_MANAGER', 'LA-SOUTH'));
    expect(otherManager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
