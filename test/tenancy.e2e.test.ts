/**
 * The tenancy matrix: every role × two organisations × (list, single read, `_entities` straight to each
 * subgraph, mutations, ops queries), asserting exactly what each may see. Zero leaks.
 */
import type { Role } from '@hub/service-kit';
import { bearer, gql } from '@hub/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { startHub, Hub } from './harness/hub';

const IRO_A = randomUUID();
const IRO_B = randomUUID();

let hub: Hub;
const ids: Record<'A1' | 'A2' | 'B1', string> = { A1: '', A2: '', B1: '' };
const ADMIN = bearer('ADMIN', 'HUB');

async function must(q: string, v: Record<string, unknown>, auth: string) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function child(la: string, name: string, provider: string, ended = false): Promise<string> {
  const sw = bearer('SOCIAL_WORKER', la);
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: name, familyName: 'Matrix', dateOfBirth: '2013-01-01', placingAuthority: la, becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, sw);
  const id = d.registerChild.id;
  const p = await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: id, providerId: provider, startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, sw);
  if (ended) await must('mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }', { i: { placementId: p.startPlacement.id, endedAt: '2026-10-01T10:00:00+01:00', reason: 'CARPL' } }, sw);
  return id;
}

beforeAll(async () => {
  hub = await startHub({ label: 'tenancy' });
  for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, ADMIN);
  for (const id of ['PRV-A', 'PRV-B']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, ADMIN);
  ids.A1 = await child('LA-A', 'Ann', 'PRV-A');
  ids.A2 = await child('LA-A', 'Abe', 'PRV-A', true); // PRV-A's placement of A2 has ended: history is not theirs
  ids.B1 = await child('LA-B', 'Ben', 'PRV-B');
  await must('mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', { c: ids.A1, i: { id: IRO_A, name: 'Irene Reviewer', email: 'irene@la-a.example', phone: '0100 000000' } }, bearer('TEAM_MANAGER', 'LA-A'));
  await hub.settle();
});
afterAll(() => hub?.stop());

const LA_ROLES: Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];
type Case = { role: Role; org: string; sub?: string; sees: Array<keyof typeof ids> };
const CASES: Case[] = [
  ...LA_ROLES.flatMap((role) => [
    { role, org: 'LA-A', sees: ['A1', 'A2'] as Array<keyof typeof ids> },
    { role, org: 'LA-B', sees: ['B1'] as Array<keyof typeof ids> },
  ]),
  { role: 'IRO', org: 'LA-A', sub: IRO_A, sees: ['A1'] },
  { role: 'IRO', org: 'LA-B', sub: IRO_B, sees: [] },
  { role: 'PROVIDER_STAFF', org: 'PRV-A', sees: ['A1'] },
  { role: 'PROVIDER_STAFF', org: 'PRV-B', sees: ['B1'] },
  { role: 'PROVIDER_MANAGER', org: 'PRV-A', sees: ['A1'] },
  { role: 'PROVIDER_MANAGER', org: 'PRV-B', sees: ['B1'] },
  { role: 'OPS', org: 'LA-A', sees: [] },
  { role: 'OPS', org: 'PRV-A', sees: [] },
  { role: 'ADMIN', org: 'LA-A', sees: [] },
  { role: 'ADMIN', org: 'HUB', sees: [] },
];

/** Per subgraph: a field that subgraph contributes to Child, fetched through `_entities`. */
const ENTITY_PROBES: Record<string, string> = {
  children: '... on Child { id name }',
  plans: '... on Child { id plans { id } deadlines { ruleId } }',
  reviews: '... on Child { id reviews { sequence } }',
  notifications: '... on Child { id notifications { id subject body } }',
};

/** OPS see notification metadata for any child (README: roles), never its content. */
function leaks(role: string, subgraph: string, entity: Record<string, unknown> | null): boolean {
  if (!entity) return false;
  if (role === 'OPS' && subgraph === 'notifications') {
    const list = (entity.notifications ?? []) as Array<{ subject: unknown; body: unknown }>;
    return list.some((n) => n.subject !== null || n.body !== null);
  }
  return Object.entries(entity).some(([k, v]) => k !== 'id' && v !== null && !(Array.isArray(v) && v.length === 0));
}

describe.each(CASES)('$role of $org', ({ role, org, sub, sees }) => {
  const auth = () => bearer(role, org, sub);

  it('lists exactly the children it may see', async () => {
    const r = await hub.query('{ children(first: 100) { edges { node { id } } } }', {}, auth());
    expect(r.errors).toBeUndefined();
    const got: string[] = r.data!.children.edges.map((e: any) => e.node.id).sort();
    const expected = sees.map((k) => ids[k]).sort();
    // The authority's own staff also see the children registered by the mutation cases below; nobody else
    // may see anything beyond the matrix.
    const known = new Set(Object.values(ids));
    expect(got.filter((id) => known.has(id))).toEqual(expected);
    if (!(LA_ROLES.includes(role) && org === 'LA-A')) expect(got).toEqual(expected);
  });

  it('reads single children: its own, and null with FORBIDDEN for the rest', async () => {
    for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
      const r = await hub.query('query($id: ID!) { child(id: $id) { id name } }', { id: ids[key] }, auth());
      if (sees.includes(key)) {
        expect(r.data!.child?.id).toBe(ids[key]);
      } else {
        expect(r.data?.child ?? null).toBeNull();
        expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      }
    }
  });

  it('gets nothing it may not see from `_entities` sent straight to each subgraph', async () => {
    for (const [name, probe] of Object.entries(ENTITY_PROBES)) {
      const url = hub.subgraphs[name as keyof Hub['subgraphs']].url;
      for (const key of Object.keys(ids) as Array<keyof typeof ids>) {
        const r = await gql(url, `query($r: [_Any!]!) { _entities(representations: $r) { ${probe} } }`, { r: [{ __typename: 'Child', id: ids[key] }] }, auth());
        const entity = r.data?._entities?.[0] ?? null;
        if (!sees.includes(key)) {
          expect({ subgraph: name, child: key, leaked: leaks(role, name, entity) }).toEqual({ subgraph: name, child: key, leaked: false });
        }
      }
    }
  });

  it('may register a child only for its own authority, as case staff', async () => {
    const r = await hub.query('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: 'New', familyName: 'Matrix', dateOfBirth: '2014-01-01', placingAuthority: 'LA-A' },
    }, auth());
    if (LA_ROLES.includes(role) && org === 'LA-A') expect(r.errors).toBeUndefined();
    else expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('field-level protection', () => {
  it('shows ethnicity to the authority and the provider manager, not to provider staff', async () => {
    const q = 'query($id: ID!) { child(id: $id) { id ethnicity } }';
    expect((await hub.query(q, { id: ids.A1 }, bearer('SOCIAL_WORKER', 'LA-A'))).data!.child.ethnicity).toBe('WBRI');
    expect((await hub.query(q, { id: ids.A1 }, bearer('PROVIDER_MANAGER', 'PRV-A'))).data!.child.ethnicity).toBe('WBRI');
    const staff = await hub.query(q, { id: ids.A1 }, bearer('PROVIDER_STAFF', 'PRV-A'));
    expect(staff.data!.child.ethnicity).toBeNull();
    expect(staff.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'ethnicity' });
  });

  it('a provider sees only its own placements of a child', async () => {
    const r = await hub.query('query($id: ID!) { child(id: $id) { placements { provider { id } } } }', { id: ids.A1 }, bearer('PROVIDER_STAFF', 'PRV-A'));
    expect(r.data!.child.placements.map((p: any) => p.provider.id)).toEqual(['PRV-A']);
  });
});

describe('significant events by providers', () => {
  it('the current provider may record one; another provider may not', async () => {
    const q = 'mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }';
    const i = { childId: ids.A1, kind: 'MISSING', occurredAt: new Date(Date.now() - 3600_000).toISOString(), summary: 'Missing after school' };
    expect((await hub.query(q, { i }, bearer('PROVIDER_STAFF', 'PRV-A'))).errors).toBeUndefined();
    expect((await hub.query(q, { i }, bearer('PROVIDER_STAFF', 'PRV-B'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('no shared responses across callers', () => {
  it('identical queries in flight together from two authorities each get their own answer', async () => {
    const q = '{ children(first: 100) { edges { node { id } } } }';
    const a = bearer('SOCIAL_WORKER', 'LA-A');
    const b = bearer('SOCIAL_WORKER', 'LA-B');
    const ids_ = (r: any) => r.data!.children.edges.map((e: any) => e.node.id).sort();
    const alone = { a: ids_(await hub.query(q, {}, a)), b: ids_(await hub.query(q, {}, b)) };
    expect(alone.b).toEqual([ids.B1]);
    expect(alone.a).toEqual(expect.arrayContaining([ids.A1, ids.A2]));
    const rounds = await Promise.all(Array.from({ length: 10 }, (_, i) => hub.query(q, {}, i % 2 ? b : a)));
    rounds.forEach((r, i) => expect(ids_(r)).toEqual(i % 2 ? alone.b : alone.a));
  });
});

describe('the notifications ops API', () => {
  it('OPS see delivery metadata of every notification but no case content; staff see only their own', async () => {
    // A missing-child report on A1 makes notifications for LA-A (IRO-N3-MISSING to the IRO and the authority).
    await must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
      i: { childId: ids.A1, kind: 'MISSING', occurredAt: new Date(Date.now() - 7200_000).toISOString(), summary: 'Did not return' },
    }, bearer('PROVIDER_STAFF', 'PRV-A'));
    await hub.settle();
    const q = '{ notifications(first: 50) { totalCount edges { node { id ruleId status subject child { id } } } } }';
    const ops = await hub.query(q, {}, bearer('OPS', 'HUB'));
    expect(ops.errors).toBeUndefined();
    const opsNodes = ops.data!.notifications.edges.map((e: any) => e.node);
    expect(opsNodes.some((n: any) => n.ruleId === 'IRO-N3-MISSING')).toBe(true);
    expect(opsNodes.every((n: any) => n.subject === null)).toBe(true);
    const laA = await hub.query(q, {}, bearer('SOCIAL_WORKER', 'LA-A'));
    expect(laA.data!.notifications.edges.some((e: any) => e.node.ruleId === 'IRO-N3-MISSING' && e.node.subject)).toBe(true);
    const laB = await hub.query(q, {}, bearer('SOCIAL_WORKER', 'LA-B'));
    expect(laB.data!.notifications.edges.filter((e: any) => e.node.child?.id === ids.A1)).toEqual([]);
    const provider = await hub.query('mutation($id: ID!) { retryNotification(id: $id) { id } }', { id: opsNodes[0].id }, bearer('PROVIDER_STAFF', 'PRV-A'));
    expect(provider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
