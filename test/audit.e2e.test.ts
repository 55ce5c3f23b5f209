/**
 * The audit trail end to end: a change and its WRITE line commit together or not at all (whatever the caller
 * sends as request id or operation name, and when the audit insert itself fails), and a manager of the child's
 * authority reads every service's lines through one federated `accessLog`.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

let hub: Hub;
let childId = '';
const ADMIN = bearer('ADMIN', 'HUB');
const SW_A = bearer('SOCIAL_WORKER', 'LA-A');
const TM_A = bearer('TEAM_MANAGER', 'LA-A');

interface Answer {
  status: number;
  /** The request id the server answered with (the gateway keeps a safe one or assigns its own). */
  requestId?: string | null;
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
}

/** POSTs an operation with its own headers (request id) and operation name, to the gateway or a subgraph. */
async function post(url: string, query: string, variables: Record<string, unknown>, authorization: string, o: { requestId?: string; operationName?: string } = {}): Promise<Answer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...(o.requestId ? { 'x-request-id': o.requestId } : {}) },
    body: JSON.stringify({ query, variables, ...(o.operationName ? { operationName: o.operationName } : {}) }),
  });
  const text = await res.text();
  let body: Omit<Answer, 'status'> = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, requestId: res.headers.get('x-request-id'), ...body };
}

async function must(q: string, v: Record<string, unknown>, auth: string): Promise<Record<string, any>> {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function sql(service: keyof Hub['subgraphs'], text: string, params: unknown[] = []): Promise<any[]> {
  return hub.subgraphs[service].orm.em.getConnection().execute(text, params);
}

const REGISTER = (name: string) => `mutation ${name}($i: RegisterChildInput!) { registerChild(input: $i) { id } }`;
const registerInput = (familyName: string) => ({ i: { givenName: 'Audit', familyName, dateOfBirth: '2014-02-02', placingAuthority: 'LA-A', becameLookedAfterOn: '2026-09-01' } });

beforeAll(async () => {
  hub = await startHub({ label: 'audit' });
  for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, ADMIN);
  await must('mutation { upsertProvider(input: { id: "PRV-A", name: "PRV-A", kind: "CHILDRENS_HOME" }) { id } }', {}, ADMIN);
  childId = (await must(REGISTER('Register'), registerInput('Logged'), SW_A)).registerChild.id;
  await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId, providerId: 'PRV-A', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, SW_A);
  await hub.settle();
});
afterAll(() => hub?.stop());

describe('a change and its WRITE audit line commit together', () => {
  it('keeps both, or neither, for an overlong x-request-id and operation name sent straight to a subgraph', async () => {
    const family = `Long${randomUUID().slice(0, 8)}`;
    const requestId = `r${'x'.repeat(299)}`;
    const operationName = `Register${'Y'.repeat(200)}`;
    const r = await post(hub.subgraphs.children.url, REGISTER(operationName), registerInput(family), SW_A, { requestId, operationName });
    const saved = await sql('children', 'select id from children.child where family_name = ?', [family]);
    const lines = await sql('children', `select request_id, operation from children.audit_entry where action = 'WRITE' and request_id like 'rxxx%'`);
    if (r.data?.registerChild) {
      expect(r.errors).toBeUndefined();
      expect(saved.map((c) => c.id)).toEqual([r.data.registerChild.id]);
      expect(lines).toEqual([{ request_id: requestId.slice(0, 64), operation: operationName.slice(0, 128) }]);
    } else {
      // Refused before the change: coded, and nothing saved.
      expect(r.errors?.length).toBeGreaterThan(0);
      for (const e of r.errors ?? []) expect(typeof e.extensions?.code).toBe('string');
      expect(saved).toEqual([]);
      expect(lines).toEqual([]);
    }
  });

  it('audits a change made through the gateway whatever request id the client sends', async () => {
    const family = `Gw${randomUUID().slice(0, 8)}`;
    const requestId = `gw-${'z'.repeat(97)}`;
    const r = await post(hub.url, REGISTER('RegisterThroughGateway'), registerInput(family), SW_A, { requestId });
    expect(r.errors).toBeUndefined();
    const id = r.data!.registerChild.id;
    const lines = await sql('children', `select request_id, fields from children.audit_entry where action = 'WRITE' and child_id = ?`, [id]);
    expect(r.requestId).toBeTruthy();
    expect(lines).toEqual([{ request_id: r.requestId!.slice(0, 64), fields: ['registerChild'] }]);
  });

  // One mutation of each service that writes a child's record; the forced failure is a trigger in this test's own database.
  const CASES: Array<{ service: 'children' | 'plans' | 'reviews'; change: () => Promise<Answer>; saved: () => Promise<number> }> = [
    {
      service: 'children',
      change: () => post(hub.url, REGISTER('RegisterRefused'), registerInput('Refused'), SW_A),
      saved: async () => (await sql('children', `select count(*)::int as n from children.child where family_name = 'Refused'`))[0].n
        + (await sql('children', `select count(*)::int as n from children.outbox_event where type = 'ChildRegistered' and payload->>'name' = 'Audit Refused'`))[0].n,
    },
    {
      service: 'plans',
      change: () => post(hub.url, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', { i: { childId, kind: 'CARE', content: { summary: 'refused' } } }, SW_A),
      saved: async () => (await sql('plans', `select count(*)::int as n from plans.plan where child_id = ?`, [childId]))[0].n
        + (await sql('plans', `select count(*)::int as n from plans.outbox_event where child_id = ? and type = 'PlanCreated'`, [childId]))[0].n,
    },
    {
      service: 'reviews',
      change: () => post(hub.url, 'mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', {
        c: childId, i: { id: 'iro-refused', name: 'Iris Refused', email: 'iris@la-a.example', phone: '0100 000000' },
      }, TM_A),
      saved: async () => (await sql('reviews', `select count(*)::int as n from reviews.iro_assignment where child_id = ?`, [childId]))[0].n
        + (await sql('reviews', `select count(*)::int as n from reviews.outbox_event where child_id = ? and type = 'IroAssigned'`, [childId]))[0].n,
    },
  ];

  it.each(CASES)('rolls back a $service change when its audit line cannot be written', async ({ service, change, saved }) => {
    const before = await saved();
    await sql(service, `create or replace function "${service}".refuse_write_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit refused'; end $$`);
    await sql(service, `create trigger refuse_write_audit before insert on "${service}".audit_entry
      for each row when (new.action = 'WRITE') execute function "${service}".refuse_write_audit()`);
    let r: Answer;
    try {
      r = await change();
    } finally {
      await sql(service, `drop trigger refuse_write_audit on "${service}".audit_entry`);
    }
    expect(r.data ? Object.values(r.data).every((v) => v === null) : true).toBe(true);
    expect(r.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await saved()).toBe(before);
    // The same change succeeds once the audit line can be written, with its line.
    const again = await change();
    expect(again.errors).toBeUndefined();
    expect(await saved()).toBeGreaterThan(before);
  });
});

describe('accessLog: every service, one list', () => {
  const READ_ALL = `query ReadAll($id: ID!) { child(id: $id) { id name plans { id } reviews { sequence } notifications { ruleId } } }`;
  const LOG = `query Log($id: ID!, $first: Int) { accessLog(childId: $id) {
    entries(first: $first) { at service action requestId operation fields }
    children { requestId } plans { requestId } reviews { requestId } notifications { requestId }
  } }`;

  it("shows a manager of the child's authority a read through each of the four services, newest first", async () => {
    const requestId = `read-${randomUUID()}`;
    const read = await post(hub.url, READ_ALL, { id: childId }, SW_A, { requestId });
    expect(read.errors).toBeUndefined();
    const r = await hub.query(LOG, { id: childId, first: 100 }, TM_A);
    expect(r.errors).toBeUndefined();
    const log = r.data!.accessLog;
    const ours = log.entries.filter((e: any) => e.requestId === requestId);
    expect(ours.map((e: any) => e.service).sort()).toEqual(['children', 'notifications', 'plans', 'reviews']);
    expect(ours.every((e: any) => e.action === 'READ' && e.operation === 'ReadAll')).toBe(true);
    for (const s of ['children', 'plans', 'reviews', 'notifications']) {
      expect(log[s].some((l: any) => l.requestId === requestId)).toBe(true);
    }
    // Merged: every service's lines, newest first; the registration is there as a WRITE of the children service.
    const total = ['children', 'plans', 'reviews', 'notifications'].reduce((n, s) => n + log[s].length, 0);
    expect(log.entries).toHaveLength(Math.min(total, 100));
    const times = log.entries.map((e: any) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(log.entries.some((e: any) => e.service === 'children' && e.action === 'WRITE' && e.fields.includes('registerChild'))).toBe(true);
    const two = await hub.query(LOG, { id: childId, first: 2 }, TM_A);
    expect(two.data!.accessLog.entries).toEqual(log.entries.slice(0, 2));
  });

  it('refuses a page size below 1 with a coded error', async () => {
    for (const first of [0, -1]) {
      const r = await hub.query(LOG, { id: childId, first }, TM_A);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0].extensions?.reason).toBe('OUT_OF_RANGE');
    }
  });

  const OTHERS: Array<[Role, string, string?]> = [
    ['SOCIAL_WORKER', 'LA-A'],
    ['LA_SYSTEM', 'LA-A'],
    ['TEAM_MANAGER', 'LA-B'],
    ['SERVICE_MANAGER', 'LA-B'],
    ['PROVIDER_MANAGER', 'PRV-A'],
    ['PROVIDER_STAFF', 'PRV-A'],
    ['IRO', 'LA-A', 'iro-a'],
    ['OPS', 'LA-A'],
    ['ADMIN', 'LA-A'],
  ];
  it.each(OTHERS.map(([role, org, sub]) => ({ role, org, sub })))('refuses $role of $org (FORBIDDEN, no lines)', async ({ role, org, sub }) => {
    const r = await hub.query(LOG, { id: childId, first: 10 }, bearer(role, org, sub));
    expect(r.data?.accessLog ?? null).toBeNull();
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(r.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
  });

  it.each(['SERVICE_MANAGER', 'DESIGNATED_MANAGER'] as Role[])("lets a %s of the child's authority read it", async (role) => {
    const r = await hub.query(LOG, { id: childId, first: 5 }, bearer(role, 'LA-A'));
    expect(r.errors).toBeUndefined();
    expect(r.data!.accessLog.entries.length).toBeGreaterThan(0);
  });
});
