/**
 * The tenancy matrix, generated from the schemas: every role (and organisation, and no or a forged token) ×
 * every read path (each Query field and each field of Child through the gateway; each entity type through
 * `_entities` straight to each subgraph) × the main mutations. Each record of the seeded child is marked with
 * a unique token and a class (its earlier history, the current placement's time, the authority's own); a cell
 * leaks when its data carries a token of a class the role may not see. Positive controls: the cells each role
 * must be able to read succeed with data, and together show every token the role may see.
 * Prints `N cells, M leaks`.
 */
import { randomUUID } from 'node:crypto';
import {
  buildClientSchema, getIntrospectionQuery, getNamedType, GraphQLField, GraphQLNamedType, GraphQLSchema, isInterfaceType,
  isLeafType, isNonNullType, isObjectType, isUnionType,
} from 'graphql';
import { signToken } from '@hub/service-kit';
import type { Role } from '@hub/service-kit';
import { bearer, gql } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

jest.setTimeout(120_000);

let hub: Hub;
const RUN = randomUUID().slice(0, 8);
const IRO_A = randomUUID();
const IRO_OTHER = randomUUID();
const ADMIN = bearer('ADMIN', 'HUB');
let startCursor = '';

/** Token classes: OLD = A1's history before PRV-A's placement; CUR = during it; AUTH = the authority's own; B = child B1. */
type TokenClass = 'OLD' | 'CUR' | 'AUTH' | 'B';
const tokens = new Map<string, TokenClass>();
const mark = (cls: TokenClass, value: string) => {
  tokens.set(value, cls);
  return value;
};
const ids = {
  A1: '', B1: '', oldPlacement: '', curPlacement: '', bPlacement: '', oldReview: '', curReview: '',
  oldPlan: '', curPlan: '', carePlan: '', healthPlan: '', notification: '',
};

async function must(q: string, v: Record<string, unknown>, auth: string) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(`${q}: ${JSON.stringify(r.errors)}`);
  return r.data!;
}

beforeAll(async () => {
  hub = await startHub({ label: 'tenancymatrix' });
  startCursor = (await must('{ changeCursor }', {}, bearer('LA_SYSTEM', 'LA-A'))).changeCursor as string;
  for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, ADMIN);
  for (const id of ['PRV-A', 'PRV-B', 'PRV-OLD']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, ADMIN);
  const sw = bearer('SOCIAL_WORKER', 'LA-A');
  const sys = bearer('LA_SYSTEM', 'LA-A');
  const register = async (la: string, given: string, from: string) =>
    (await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName: given, familyName: `Matrix${RUN}`, dateOfBirth: '2012-05-01', placingAuthority: la, becameLookedAfterOn: from, ethnicity: 'WBRI' },
    }, bearer('SOCIAL_WORKER', la))).registerChild.id as string;
  const place = async (childId: string, providerId: string, startedAt: string, la = 'LA-A') =>
    (await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', { i: { childId, providerId, startedAt, placementType: 'K2' } }, bearer('SOCIAL_WORKER', la))).startPlacement.id as string;
  const hold = async (heldOn: string, decision: string) => {
    const id = (await must(`mutation { holdReview(childId: "${ids.A1}", heldOn: "${heldOn}", participation: PN1) { id } }`, {}, sys)).holdReview.id as string;
    await must(`mutation($d: [String!]!) { recordReviewDecisions(reviewId: "${id}", decisions: $d, circulatedOn: "${heldOn}") { id } }`, { d: [decision] }, sys);
    return id;
  };
  const event = (occurredAt: string, summary: string) =>
    must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', { i: { childId: ids.A1, kind: 'MISSING', occurredAt, summary } }, sw);
  const visit = async (visitedOn: string) =>
    (await must('mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', { i: { childId: ids.A1, visitedOn, visitor: 'Sam Worker', seenAlone: true, welfareConcern: false } }, sw)).recordVisit.id as string;
  const plan = async (kind: string, placementId?: string) =>
    (await must(`mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }`, { i: { childId: ids.A1, kind, ...(placementId ? { placementId } : {}), content: { summary: `${kind} plan` } } }, sw)).createPlan.id as string;

  // A1's first period of care, placed with PRV-OLD: its history, none of PRV-A's.
  ids.A1 = await register('LA-A', `Ann${RUN}`, '2024-01-08');
  mark('CUR', `Ann${RUN}`);
  ids.oldPlacement = mark('OLD', await place(ids.A1, 'PRV-OLD', '2024-01-08T10:00:00Z'));
  await hub.settle();
  ids.oldReview = mark('OLD', await hold('2024-02-01', mark('OLD', `OLDDECISION${RUN}`)));
  await event('2024-03-01T09:00:00Z', mark('OLD', `OLDEVENT${RUN}`));
  mark('OLD', await visit('2024-03-05'));
  ids.oldPlan = mark('OLD', await plan('PLACEMENT', ids.oldPlacement));
  await must(`mutation { ceaseLookedAfter(childId: "${ids.A1}", ceasedAt: "2024-06-28T12:00:00Z", reason: "E4A") { id } }`, {}, sw);
  const periods = (await must(`{ child(id: "${ids.A1}") { periodsOfCare { id } } }`, {}, sw)).child.periodsOfCare;
  mark('OLD', periods[0].id);
  // The second period, placed with PRV-A now.
  mark('CUR', (await must(`mutation { startPeriodOfCare(childId: "${ids.A1}", startedOn: "2025-03-03") { id } }`, {}, sw)).startPeriodOfCare.id);
  ids.curPlacement = mark('CUR', await place(ids.A1, 'PRV-A', '2025-03-03T10:00:00Z'));
  await hub.settle();
  ids.curReview = mark('CUR', await hold('2025-03-20', mark('CUR', `CURDECISION${RUN}`)));
  await event('2025-09-01T09:00:00Z', mark('CUR', `CUREVENT${RUN}`));
  mark('CUR', await visit('2025-09-02'));
  ids.curPlan = mark('CUR', await plan('PLACEMENT'));
  ids.carePlan = mark('CUR', await plan('CARE'));
  ids.healthPlan = mark('AUTH', await plan('HEALTH'));
  await must(`mutation($i: IroInput!) { assignIro(childId: "${ids.A1}", iro: $i) { id } }`, { i: { id: IRO_A, name: 'Irene Reviewer', email: 'irene@la-a.example', phone: '0100 000000' } }, bearer('TEAM_MANAGER', 'LA-A'));
  // B1: another authority's child, placed with PRV-B.
  ids.B1 = await register('LA-B', `Ben${RUN}`, '2026-09-01');
  mark('B', `Ben${RUN}`);
  ids.bPlacement = mark('B', await place(ids.B1, 'PRV-B', '2026-09-01T10:00:00Z', 'LA-B'));
  await hub.settle();
  const n = await must('{ notifications(first: 1) { edges { node { id } } } }', {}, sw);
  ids.notification = n.notifications.edges[0]?.node.id ?? randomUUID();
}, 120_000);
afterAll(() => hub?.stop());

// ---------------------------------------------------------------- callers and the expectation table per role
const LA: Role[] = ['SOCIAL_WORKER', 'TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'];
const SENSITIVE = ['ethnicity', 'religion', 'genderIdentity', 'details'];
/** Fields for the authority and the IRO only: a provider is refused them (reg 8 contacts, the SSDA903 record). */
const AUTHORITY_AND_IRO_ONLY = ['contacts', 'ssda903'];
interface Caller {
  label: string;
  auth: () => string | undefined;
  /** Token classes it may see. */
  sees: TokenClass[];
  /** Children it may read (positive controls run on these). */
  reads: Array<'A1' | 'B1'>;
  /** Child fields that may be refused to it although it reads the child. */
  refusedFields?: string[];
  /** Query fields (beyond child) that must succeed for it. */
  queries?: string[];
  /** Mutations it may make. */
  mutations: string[];
}
const caller = (role: Role, org: string, sub?: string) => () => bearer(role, org, sub);
const CALLERS: Caller[] = [
  ...LA.flatMap((role): Caller[] => [
    {
      label: `${role} of LA-A`, auth: caller(role, 'LA-A'), sees: ['OLD', 'CUR', 'AUTH'], reads: ['A1'],
      refusedFields: [],
      queries: ['children', 'notifications', 'overdue', 'authorities', 'providers', 'bankHolidayCalendar', 'ruleOverrides', 'plan', 'placementReadiness',
        ...(['TEAM_MANAGER', 'SERVICE_MANAGER', 'DESIGNATED_MANAGER'].includes(role) ? ['accessLog'] : []),
        ...(['TEAM_MANAGER', 'SERVICE_MANAGER'].includes(role) ? ['iroCaseload'] : [])],
      mutations: ['registerChild', 'recordSignificantEvent', 'recordVisit'],
    },
    { label: `${role} of LA-B`, auth: caller(role, 'LA-B'), sees: ['B'], reads: ['B1'], queries: ['children'], mutations: [] },
  ]),
  { label: 'IRO assigned', auth: caller('IRO', 'LA-A', IRO_A), sees: ['OLD', 'CUR', 'AUTH'], reads: ['A1'], refusedFields: [], queries: ['iroCaseload', 'plan'], mutations: [] },
  { label: 'IRO not assigned', auth: caller('IRO', 'LA-A', IRO_OTHER), sees: [], reads: [], mutations: [] },
  ...(['PROVIDER_STAFF', 'PROVIDER_MANAGER'] as Role[]).flatMap((role): Caller[] => [
    {
      label: `${role} of the current placement`, auth: caller(role, 'PRV-A'), sees: ['CUR'], reads: ['A1'],
      refusedFields: ['notifications', ...AUTHORITY_AND_IRO_ONLY, ...(role === 'PROVIDER_STAFF' ? SENSITIVE : [])],
      queries: ['children', 'plan', 'placementReadiness', 'overdue'], mutations: ['recordSignificantEvent', 'requestReview'],
    },
    { label: `${role} of another provider`, auth: caller(role, 'PRV-B'), sees: ['B'], reads: ['B1'], refusedFields: ['notifications', ...AUTHORITY_AND_IRO_ONLY, ...(role === 'PROVIDER_STAFF' ? SENSITIVE : [])], mutations: [] },
    { label: `${role} of a former placement`, auth: caller(role, 'PRV-OLD'), sees: [], reads: [], mutations: [] },
  ]),
  { label: 'OPS', auth: caller('OPS', 'HUB'), sees: [], reads: [], queries: ['notifications', 'authorityEndpoints'], mutations: ['retryNotification'] },
  { label: 'ADMIN', auth: caller('ADMIN', 'HUB'), sees: [], reads: [], queries: ['authorities', 'providers', 'authorityEndpoints'], mutations: [] },
  { label: 'no token', auth: () => undefined, sees: [], reads: [], mutations: [] },
  {
    label: 'forged token', sees: [], reads: [], mutations: [],
    auth: () => `Bearer ${signToken('not-the-hub-secret-not-the-hub-secret', { sub: 'x', roles: ['SOCIAL_WORKER', 'PROVIDER_MANAGER', 'OPS'], org: 'LA-A' })}`,
  },
];

// ---------------------------------------------------------------- read paths generated from the schemas
/** A selection of every field of a type (leaves, and objects down to a depth), without required arguments. */
function selection(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, path: Set<string> = new Set()): string {
  if (isLeafType(type)) return '';
  if (depth <= 0 || path.has(type.name)) return '{ __typename }';
  const next = new Set(path).add(type.name);
  const fieldsOf = (t: GraphQLNamedType) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []);
  const sel = (fs: GraphQLField<unknown, unknown>[]) => fs
    .filter((f) => !f.args.some((a) => isNonNullType(a.type)))
    .map((f) => `${f.name} ${selection(schema, getNamedType(f.type), depth - 1, next)}`).join(' ');
  if (isUnionType(type)) return `{ __typename ${type.getTypes().map((t) => `... on ${t.name} ${selection(schema, t, depth, path)}`).join(' ')} }`;
  const own = sel(fieldsOf(type));
  const extra = isInterfaceType(type) ? schema.getPossibleTypes(type).map((t) => `... on ${t.name} ${selection(schema, t, depth, path)}`).join(' ') : '';
  return `{ __typename ${own} ${extra} }`;
}

/** Values for required arguments of Query fields; a new field with required arguments must be added here. */
const QUERY_ARGS: Record<string, (child: 'A1' | 'B1') => Record<string, string>> = {
  child: (c) => ({ id: ids[c] }),
  accessLog: (c) => ({ childId: ids[c] }),
  placementReadiness: (c) => ({ childId: ids[c] }),
  plan: (c) => ({ id: c === 'A1' ? ids.curPlan : ids.healthPlan }),
  ruleOverrides: (c) => ({ authority: c === 'A1' ? 'LA-A' : 'LA-B' }),
  iroCaseload: () => ({ iroId: IRO_A }),
  ssda903Return: (c) => ({ authority: c === 'A1' ? 'LA-A' : 'LA-B', collectionYear: '2025-26' }),
  ssda903Issues: (c) => ({ authority: c === 'A1' ? 'LA-A' : 'LA-B', collectionYear: '2025-26' }),
  deadlinePreview: (c) => ({ ruleId: 'CP-DUE-10WD', anchor: '2026-11-02', authority: c === 'A1' ? 'LA-A' : 'LA-B' }),
  // From the start of the log: every change about A1 and B1 is in the page, so the feed's tenancy is tried too.
  changesSince: () => ({ cursor: startCursor }),
};
/** Values for Child fields with required arguments; a new one must be added here. */
const CHILD_FIELD_ARGS: Record<string, Record<string, string>> = {
  reviewTimetable: { until: '2028-12-31' },
};
/** Representations for `_entities`; a new entity type must be added here. */
const REPRESENTATIONS: Record<string, () => Array<Record<string, string>>> = {
  Child: () => [{ id: ids.A1 }, { id: ids.B1 }],
  Placement: () => [{ id: ids.oldPlacement }, { id: ids.curPlacement }, { id: ids.bPlacement }],
  LookedAfterReview: () => [{ id: ids.oldReview }, { id: ids.curReview }],
  PlacementPlan: () => [{ id: ids.oldPlan }, { id: ids.curPlan }],
  CarePlan: () => [{ id: ids.carePlan }],
  HealthPlan: () => [{ id: ids.healthPlan }],
  PathwayPlan: () => [{ id: ids.healthPlan }],
  PersonalEducationPlan: () => [{ id: ids.healthPlan }],
  ProviderPlan: () => [{ id: ids.curPlan }],
  Notification: () => [{ id: ids.notification }],
  ChildAccessLog: () => [{ childId: ids.A1 }, { childId: ids.B1 }],
  Authority: () => [{ code: 'LA-A' }],
  Provider: () => [{ id: 'PRV-OLD' }],
  Ssda903Return: () => [{ authority: 'LA-A', collectionYear: '2025-26' }, { authority: 'LA-B', collectionYear: '2025-26' }],
  Plan: () => [{ id: ids.oldPlan }, { id: ids.curPlan }],
};

interface Cell { path: string; child?: 'A1' | 'B1'; run(auth: string | undefined): Promise<{ data: unknown; errors?: Array<{ extensions?: Record<string, any> }> }> }

/** The deepest selection (3 levels at most) within the gateway's token limit. */
function fitting(build: (depth: number) => string): string {
  for (const d of [3, 2, 1]) {
    const q = build(d);
    if (q.split(/[\s{}():,]+/).length < 1500) return q;
  }
  return build(0);
}

function literal(v: string) {
  return JSON.stringify(v);
}

async function readPaths(): Promise<Cell[]> {
  const intro = await hub.query(getIntrospectionQuery(), {}, bearer('SOCIAL_WORKER', 'LA-A'));
  if (intro.errors) throw new Error(JSON.stringify(intro.errors));
  const api = buildClientSchema(intro.data as never);
  const cells: Cell[] = [];
  for (const f of Object.values(api.getQueryType()!.getFields())) {
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (required.length && !QUERY_ARGS[f.name]) throw new Error(`add argument values for Query.${f.name} to QUERY_ARGS`);
    for (const child of required.length ? (['A1', 'B1'] as const) : [undefined]) {
      const args = child ? QUERY_ARGS[f.name](child) : {};
      const argText = Object.keys(args).length ? `(${Object.entries(args).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')})` : '';
      const q = fitting((d) => `{ ${f.name}${argText} ${selection(api, getNamedType(f.type), d)} }`);
      cells.push({ path: `Query.${f.name}`, child, run: (auth) => gql(hub.url, q, {}, auth) });
    }
  }
  const childType = api.getType('Child');
  if (!isObjectType(childType)) throw new Error('no Child type');
  for (const f of Object.values(childType.getFields())) {
    if (f.name === 'id') continue;
    const needs = f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    if (needs && !CHILD_FIELD_ARGS[f.name]) throw new Error(`Child.${f.name} has required arguments: add values to CHILD_FIELD_ARGS`);
    const fieldArgs = needs ? `(${Object.entries(CHILD_FIELD_ARGS[f.name]).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')})` : '';
    for (const child of ['A1', 'B1'] as const) {
      const q = fitting((d) => `{ child(id: ${literal(ids[child])}) { id ${f.name}${fieldArgs} ${selection(api, getNamedType(f.type), d, new Set(['Child']))} } }`);
      cells.push({ path: `Child.${f.name}`, child, run: (auth) => gql(hub.url, q, {}, auth) });
    }
  }
  for (const [name, s] of Object.entries(hub.subgraphs)) {
    const union = s.schema.getType('_Entity');
    if (!isUnionType(union)) continue;
    for (const t of union.getTypes()) {
      if (!REPRESENTATIONS[t.name]) throw new Error(`add representations of ${t.name} to REPRESENTATIONS`);
      // A stub whose only fields are its key can echo nothing but the representation the caller sent.
      if (isObjectType(t) && Object.keys(t.getFields()).every((f) => f === 'id')) continue;
      for (const rep of REPRESENTATIONS[t.name]()) {
        const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${t.name} ${selection(s.schema, t, 3)} } }`;
        const child = rep.id === ids.B1 || rep.childId === ids.B1 || rep.id === ids.bPlacement || rep.authority === 'LA-B' ? 'B1' : 'A1';
        cells.push({ path: `${name}:_entities(${t.name})`, child, run: (auth) => gql(s.url, q, { r: [{ __typename: t.name, ...rep }] }, auth) });
      }
    }
  }
  return cells;
}

// ---------------------------------------------------------------- the mutations
const MUTATIONS: Record<string, () => { q: string; v: Record<string, unknown> }> = {
  registerChild: () => ({ q: 'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', v: { i: { givenName: 'New', familyName: 'Matrix', dateOfBirth: '2014-01-01', placingAuthority: 'LA-A' } } }),
  recordSignificantEvent: () => ({
    q: 'mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }',
    v: { i: { childId: ids.A1, kind: 'MISSING', occurredAt: new Date(Date.now() - 3600_000).toISOString(), summary: 'Missing after school' } },
  }),
  recordVisit: () => ({ q: 'mutation($i: RecordVisitInput!) { recordVisit(input: $i) { id } }', v: { i: { childId: ids.A1, visitedOn: '2026-11-30', visitor: 'Sam Worker', seenAlone: true, welfareConcern: false } } }),
  requestReview: () => ({ q: `mutation { requestReview(childId: ${literal(ids.A1)}, reason: CHILD_REQUESTS) { id } }`, v: {} }),
  retryNotification: () => ({ q: `mutation { retryNotification(id: ${literal(randomUUID())}) { id } }`, v: {} }),
};
const REFUSED = ['FORBIDDEN', 'UNAUTHENTICATED'];

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of `items` in the answer. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  });
  await Promise.all(lanes);
  return out;
}

// One test per caller, so each stays far inside its bound whatever the machine's load; the totals are checked last.
describe('the tenancy matrix', () => {
  let cells: Cell[] = [];
  let count = 0;
  let leaks = 0;
  let callersRun = 0;
  beforeAll(async () => {
    cells = await readPaths();
  });

  it.each(CALLERS.map((c) => [c.label, c] as const))('%s: reads nothing that is not its own, and reads what is', async (_label, c) => {
    const failures: string[] = [];
    const auth = c.auth();
    const seen = new Set<string>();
    const hidden = [...tokens].filter(([, cls]) => !c.sees.includes(cls)).map(([t]) => t);
    const visible = [...tokens].filter(([, cls]) => c.sees.includes(cls)).map(([t]) => t);
    const results = await mapLimited(cells, 64, async (cell) => ({ cell, r: await cell.run(auth) }));
    for (const { cell, r } of results) {
      count += 1;
      const text = JSON.stringify(r.data ?? null);
      const leaked = hidden.filter((t) => text.includes(t));
      if (leaked.length) {
        leaks += 1;
        failures.push(`LEAK ${c.label} ${cell.path}(${cell.child ?? ''}): ${leaked.map((t) => `${tokens.get(t)}:${t}`).join(', ')}`);
      }
      for (const t of visible) if (text.includes(t)) seen.add(t);
      // Positive controls: the child's fields and the role's queries succeed with data.
      const field = cell.path.split('.')[1];
      const mustRead =
        (cell.path.startsWith('Child.') && cell.child && c.reads.includes(cell.child) && !(c.refusedFields ?? []).includes(field)) ||
        (cell.path === 'Query.child' && cell.child && c.reads.includes(cell.child)) ||
        (cell.path.startsWith('Query.') && c.queries?.includes(field) && (!cell.child || c.reads.includes(cell.child)));
      if (mustRead) {
        // The object read is there, and no error but on a field the table lets the role be refused.
        const root = (r.data as Record<string, any> | undefined)?.[cell.path.startsWith('Child.') ? 'child' : field];
        const refusedOk = (e: { path?: Array<string | number> }) => (e.path ?? []).some((k) => (c.refusedFields ?? []).includes(String(k)));
        const bad = (r.errors ?? []).filter((e) => !refusedOk(e as never));
        if (bad.length || root === null || root === undefined) failures.push(`REFUSED ${c.label} ${cell.path}(${cell.child ?? ''}): ${JSON.stringify(bad.length ? bad : root)}`);
      }
      if (!auth || c.label === 'forged token') {
        if (!r.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) failures.push(`NOT REFUSED ${c.label} ${cell.path}`);
      }
    }
    const missing = visible.filter((t) => !seen.has(t));
    if (missing.length) failures.push(`NOT SHOWN to ${c.label}: ${missing.map((t) => `${tokens.get(t)}:${t}`).join(', ')}`);
    // The main mutations: allowed to exactly the roles in the table.
    for (const [name, m] of Object.entries(MUTATIONS)) {
      count += 1;
      const { q, v } = m();
      const r = await gql(hub.url, q, v, auth);
      const refused = REFUSED.includes(r.errors?.[0]?.extensions?.code);
      if (c.mutations.includes(name) === refused) {
        if (!refused) leaks += 1;
        failures.push(`${refused ? 'REFUSED' : 'LEAK (allowed)'} ${c.label} mutation ${name}: ${JSON.stringify(r.errors ?? r.data)}`);
      }
    }
    callersRun += 1;
    expect(failures).toEqual([]);
  });

  it('covered every caller and every read path, with no leak', () => {
    console.log(`${count} cells, ${leaks} leaks (${CALLERS.length} callers x ${cells.length} read paths + ${Object.keys(MUTATIONS).length} mutations)`);
    expect(callersRun).toBe(CALLERS.length);
    expect(count).toBe(CALLERS.length * (cells.length + Object.keys(MUTATIONS).length));
    expect(leaks).toBe(0);
  });
});
