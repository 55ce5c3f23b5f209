/**
 * Operators' tools over the running hub: each attempt visible per notification, the SLA flag and the authority's own
 * count of its overdue notices, the scoped bulk retry, the `npm run ops` command against the gateway, the ops audit
 * (who, when, what, how many) and the queue dashboard at /ops/queues behind the token check.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { openRedis, QUEUES } from '@hub/service-kit';
import { bearer, TEST_REDIS } from '@hub/service-kit/testing';
import { startHub, Hub } from './harness/hub';

const run = promisify(execFile);
const OPS_SCRIPT = path.resolve(__dirname, '..', 'gateway', 'scripts', 'ops.js');
const OPS = bearer('OPS', 'HUB', 'ops-olive');
const ADMIN = bearer('ADMIN', 'HUB', 'admin-adam');
const ids: Record<'A' | 'B', string> = { A: '', B: '' };
let hub: Hub;
let startCursor = '';

async function must(q: string, v: Record<string, unknown>, auth: string) {
  const r = await hub.query(q, v, auth);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
}

async function child(la: string, provider: string): Promise<string> {
  const sw = bearer('SOCIAL_WORKER', la);
  const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Ops', familyName: la, dateOfBirth: '2012-02-02', placingAuthority: la, becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, sw);
  await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: d.registerChild.id, providerId: provider, startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, sw);
  return d.registerChild.id;
}

type Row = { id: string; ruleId: string; status: string; attempts: number; overdue: boolean; child: { id: string } | null; attemptLog: Array<{ at: string; outcome: string; error: string | null }> };
const LIST = `query($s: NotificationStatus, $r: String, $o: Boolean) { notifications(status: $s, ruleId: $r, overdue: $o, first: 200) {
  totalCount edges { node { id ruleId status attempts overdue child { id } attemptLog { at outcome error durationMs } } } } }`;
async function list(auth: string, v: { s?: string; r?: string; o?: boolean } = {}): Promise<{ total: number; rows: Row[] }> {
  const d = await must(LIST, v, auth);
  return { total: d.notifications.totalCount, rows: d.notifications.edges.map((e: { node: Row }) => e.node) };
}

/** Bounded wait until no notification is PENDING or SENDING. */
async function quiet(timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [p, s] = await Promise.all([list(OPS, { s: 'PENDING' }), list(OPS, { s: 'SENDING' })]);
    if (p.total + s.total === 0) return;
    if (Date.now() > until) throw new Error(`notifications still moving: ${p.total} PENDING, ${s.total} SENDING`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function ops(args: string[], token = OPS) {
  return run(process.execPath, [OPS_SCRIPT, ...args], { env: { ...process.env, HUB_URL: hub.url, HUB_TOKEN: token.replace(/^Bearer /, '') } });
}

const missing = (childId: string) => must('mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', {
  // Three days ago: every notice it raises is already past its due time.
  i: { childId, kind: 'MISSING', occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), summary: 'Did not return from school' },
}, bearer('PROVIDER_STAFF', childId === ids.A ? 'PRV-A' : 'PRV-B'));

beforeAll(async () => {
  hub = await startHub({ label: 'notifyops' });
  startCursor = (await must('{ changeCursor }', {}, bearer('TEAM_MANAGER', 'LA-A'))).changeCursor;
  for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, ADMIN);
  for (const id of ['PRV-A', 'PRV-B']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, ADMIN);
  ids.A = await child('LA-A', 'PRV-A');
  ids.B = await child('LA-B', 'PRV-B');
  // No endpoint and no IRO address: every notice fails at once with NO_ADDRESS.
  await missing(ids.A);
  await missing(ids.B);
  await hub.settle();
  await quiet();
}, 120_000);
afterAll(() => hub?.stop());

describe('each attempt and the SLA', () => {
  it('shows each attempt with its time, outcome and error; undelivered past due is overdue', async () => {
    const failed = await list(OPS, { s: 'FAILED', r: 'IRO-N3-MISSING' });
    expect(failed.rows.length).toBeGreaterThanOrEqual(2);
    for (const n of failed.rows) {
      expect(n.attemptLog.length).toBe(n.attempts);
      const last = n.attemptLog[n.attemptLog.length - 1];
      expect(last.outcome).toBe('FAILED');
      expect(last.error).toMatch(/^NO_ADDRESS/);
      expect(Number.isNaN(Date.parse(last.at))).toBe(false);
      expect(n.overdue).toBe(true);
    }
    const overdue = await list(OPS, { o: true });
    expect(overdue.rows.every((n) => n.overdue)).toBe(true);
    expect((await list(OPS, { o: false })).rows.every((n) => !n.overdue)).toBe(true);
  });

  it("an authority's own view counts its overdue notices, and only its own", async () => {
    const a = await list(bearer('TEAM_MANAGER', 'LA-A'), { o: true });
    const b = await list(bearer('TEAM_MANAGER', 'LA-B'), { o: true });
    expect(a.total).toBeGreaterThan(0);
    expect(b.total).toBeGreaterThan(0);
    expect(a.rows.every((n) => n.child?.id === ids.A)).toBe(true);
    expect(b.rows.every((n) => n.child?.id === ids.B)).toBe(true);
    expect(a.total + b.total).toBe((await list(OPS, { o: true })).total);
  });
});

describe('bulk retry, scoped and audited', () => {
  it('refuses an unscoped or empty-range bulk retry, and a role other than OPS', async () => {
    const q = 'mutation($f: RetryNotificationsFilter!) { retryNotifications(filter: $f) }';
    expect((await hub.query(q, { f: {} }, OPS)).errors?.[0].extensions?.reason).toBe('SCOPE_REQUIRED');
    expect((await hub.query(q, { f: { createdAfter: '2026-12-01T00:00:00Z', createdBefore: '2026-11-01T00:00:00Z' } }, OPS)).errors?.[0].extensions?.reason).toBe('EMPTY_RANGE');
    expect((await hub.query(q, { f: { ruleId: 'IRO-N3-MISSING' } }, bearer('TEAM_MANAGER', 'LA-A'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('`npm run ops -- retry --rule … --since … --authority …` retries that authority\'s only, and the audit says who and how many', async () => {
    const before = await list(OPS, { s: 'FAILED', r: 'IRO-N3-MISSING' });
    const ofA = before.rows.filter((n) => n.child?.id === ids.A);
    const ofB = before.rows.filter((n) => n.child?.id === ids.B);
    expect(ofA.length).toBeGreaterThan(0);
    const since = new Date(Date.now() - 3600_000).toISOString().slice(0, 10);
    const { stdout } = await ops(['retry', '--rule', 'IRO-N3-MISSING', '--since', since, '--authority', 'LA-A']);
    expect(stdout.trim()).toBe(`${ofA.length} notification(s) retried`);
    await hub.settle();
    await quiet();
    const after = new Map((await list(OPS, { r: 'IRO-N3-MISSING' })).rows.map((n) => [n.id, n]));
    // LA-A's were attempted once more (and failed again: still no address); LA-B's were not touched.
    for (const n of ofA) expect(after.get(n.id)!.attempts).toBe(n.attempts + 1);
    for (const n of ofB) expect(after.get(n.id)!.attempts).toBe(n.attempts);
    const audit = await must('{ opsActions(first: 5, action: "BULK_RETRY") { sub org roles action count scope at } }', {}, ADMIN);
    expect(audit.opsActions[0]).toMatchObject({ sub: 'ops-olive', org: 'HUB', roles: ['OPS'], action: 'BULK_RETRY', count: ofA.length });
    expect(JSON.parse(audit.opsActions[0].scope)).toEqual({ placingAuthority: 'LA-A', ruleId: 'IRO-N3-MISSING', createdAfter: `${since}T00:00:00.000Z`, createdBefore: null });
  });

  it('`failed`, `discard ID --reason` and `audit` through the command; an endpoint change is audited too', async () => {
    const { stdout: failedOut } = await ops(['failed', '--rule', 'IRO-N3-MISSING']);
    const target = (await list(OPS, { s: 'FAILED', r: 'IRO-N3-MISSING' })).rows[0];
    expect(failedOut).toContain(target.id);
    expect(failedOut).toMatch(/FAILED .*NO_ADDRESS/);
    const { stdout: discarded } = await ops(['discard', target.id, '--reason', 'The authority sent it by post']);
    expect(discarded.trim()).toBe(`${target.id} DISCARDED: The authority sent it by post`);
    await must('mutation { setAuthorityEndpoint(code: "LA-B", email: "notices@la-b.example") { code } }', {}, ADMIN);
    const { stdout: auditOut } = await ops(['audit', '--json']);
    const rows = JSON.parse(auditOut) as Array<{ action: string; sub: string; target: string; count: number; reason: string | null; scope: string }>;
    expect(rows[0]).toMatchObject({ action: 'SET_ENDPOINT', sub: 'admin-adam', target: 'LA-B', count: 1 });
    expect(JSON.parse(rows[0].scope)).toEqual({ webhookUrl: null, email: 'notices@la-b.example' });
    expect(rows[1]).toMatchObject({ action: 'DISCARD', sub: 'ops-olive', target: target.id, count: 1, reason: 'The authority sent it by post' });
    // A refusal is reported with its code and a non-zero exit.
    await expect(ops(['discard', target.id, '--reason', 'again'], bearer('TEAM_MANAGER', 'LA-A'))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('FORBIDDEN') });
  });
});

describe('the queue dashboard at /ops/queues', () => {
  const base = () => hub.url.replace(/\/graphql$/, '');
  const get = (p: string, headers: Record<string, string> = {}) => fetch(`${base()}${p}`, { headers, redirect: 'manual' });

  it('serves nothing without a valid OPS token', async () => {
    expect((await get('/ops/queues')).status).toBe(401);
    expect((await get('/ops/queues/api/queues')).status).toBe(401);
    expect((await get('/ops/queues', { authorization: 'Bearer not-a-token' })).status).toBe(401);
    expect((await get('/ops/queues/api/queues', { cookie: 'hub_ops=forged.value' })).status).toBe(401);
    const staff = await get('/ops/queues/api/queues', { authorization: bearer('TEAM_MANAGER', 'LA-A') });
    expect(staff.status).toBe(403);
    expect((await staff.json()).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('OPS: the page and the queues, read-only; a browser gets a short-lived cookie and the token leaves the address', async () => {
    const page = await get('/ops/queues', { authorization: OPS });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    const login = await get(`/ops/queues?token=${OPS.replace(/^Bearer /, '')}`);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/ops/queues');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^hub_ops=[^;]+; Path=\/ops\/queues; HttpOnly; SameSite=Strict; Max-Age=900/);
    const api = await get('/ops/queues/api/queues', { cookie: cookie.split(';')[0] });
    expect(api.status).toBe(200);
    const body = await api.json() as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((q) => q.name).sort()).toEqual(['events-children', 'events-notifications', 'events-plans', 'events-reviews', 'notification-deliveries']);
    expect(body.queues.every((q) => q.readOnlyMode)).toBe(true);
    const act = await fetch(`${base()}/ops/queues/api/queues/notification-deliveries/retry/failed`, { method: 'PUT', headers: { cookie: cookie.split(';')[0] } });
    expect(act.status).toBe(403);
  });

  it('OPS with ADMIN may act on jobs', async () => {
    const api = await get('/ops/queues/api/queues', { authorization: bearer(['OPS', 'ADMIN'], 'HUB') });
    expect(api.status).toBe(200);
    expect(((await api.json()) as { queues: Array<{ readOnlyMode: boolean }> }).queues.every((q) => !q.readOnlyMode)).toBe(true);
  });
});

describe("the notifications service's own receipts", () => {
  it('reach the change log once each, written where they are recorded (they are not routed through its own queue)', async () => {
    const all = await list(OPS);
    const failedAttempts = new Map(all.rows.map((n) => [n.id, n.attemptLog.filter((a) => a.outcome === 'FAILED').length]));
    const kinds: Array<{ kind: string; notification: { id: string } | null }> = [];
    for (const la of ['LA-A', 'LA-B']) {
      const d = await must('query($c: String!) { changesSince(cursor: $c, first: 500) { changes { kind notification { id } } } }', { c: startCursor }, bearer('TEAM_MANAGER', la));
      kinds.push(...d.changesSince.changes);
    }
    const of = (kind: string) => kinds.filter((c) => c.kind === kind).map((c) => c.notification!.id).sort();
    // One NOTIFICATION_FAILED per failed attempt that ended a budget, one RETRIED per retry, one DISCARDED.
    expect(of('NOTIFICATION_FAILED')).toEqual([...failedAttempts].flatMap(([id, n]) => Array(n).fill(id)).sort());
    expect(of('NOTIFICATION_RETRIED').length).toBeGreaterThan(0);
    expect(of('NOTIFICATION_DISCARDED')).toHaveLength(1);
    // Nothing of the notifications service's own went through its consumer queue; the other services' events did.
    const connection = openRedis(TEST_REDIS, { name: 'notification-ops-test' });
    const queue = new Queue(QUEUES.eventsNotifications, { connection, prefix: hub.queuePrefix });
    try {
      const jobs = await queue.getJobs(['completed', 'failed', 'waiting', 'active', 'delayed']);
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.filter((j) => j.data.source === 'notifications').map((j) => j.name)).toEqual([]);
      // Applied events keep their ids in Redis, not their case text (a significant event's summary).
      const completed = await queue.getJobs(['completed']);
      expect(completed.length).toBeGreaterThan(0);
      for (const j of completed) expect(Object.keys(j.data).sort()).toEqual(['aggregateId', 'aggregateType', 'childId', 'id', 'occurredAt', 'source', 'type']);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  });
});
