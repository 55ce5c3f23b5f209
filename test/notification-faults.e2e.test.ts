/**
 * No required notice is lost, whatever fails: real processes (children, reviews and notifications, each started
 * from its sources with test/harness/run-ts.js), a private redis-server started here without persistence (so it
 * can be killed and loses its data), PostgreSQL behind a TCP proxy this test can cut (a restart as the services
 * see it: every connection dropped, none accepted for a while), a real webhook receiver and a real SMTP sink.
 *
 * Each scenario raises its own batch of significant events (SERIOUS_POLICE_INCIDENT in a children's home: Ofsted
 * by e-mail, the placing authority by webhook, the IRO by e-mail) straight into the producers' outboxes, then
 * waits (bounded) and counts at the receivers: notifications expected, distinct idempotency keys delivered,
 * duplicates and losses.
 */
import { spawn, ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { bearer, freshDatabase, gql } from '@hub/service-kit/testing';

const ROOT = path.resolve(__dirname, '..');
const RUN_TS = path.join(ROOT, 'test/harness/run-ts.js');
const PER_EVENT = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs: number, stepMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(stepMs);
  }
}

/** A TCP proxy in front of PostgreSQL that can be cut: every connection dropped, new ones refused. */
class CuttableProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((r) => this.server!.close(() => r()));
    for (const s of this.sockets) s.destroy();
    await closed;
  }
}

/** A redis-server of this test's own, without persistence: killing it loses every job. */
class PrivateRedis {
  child?: ChildProcess;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    await until('redis to listen', () => new Promise<boolean>((resolve) => {
      const s = net.connect(this.port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    }), 10_000, 50);
  }

  async kill(): Promise<void> {
    const c = this.child!;
    if (c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise((r) => c.once('exit', r));
    c.kill('SIGKILL');
    await gone;
  }
}

interface Delivery { key: string; childId: string; channel: 'WEBHOOK' | 'EMAIL'; ruleId: string }

interface Service { name: string; child: ChildProcess; output: () => string; exits: Array<number | string | null> }

const SERVICES = [
  { name: 'children', portVar: 'CHILDREN_PORT' },
  { name: 'reviews', portVar: 'REVIEWS_PORT' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT' },
] as const;

let db: Awaited<ReturnType<typeof freshDatabase>>;
let sql: Client;
let proxy: CuttableProxy;
let redis: PrivateRedis;
let receiver: http.Server;
let smtp: SMTPServer;
let hookBase = '';
const ports: Record<string, number> = {};
const running: Record<string, Service> = {};
let env: NodeJS.ProcessEnv = {};
const deliveries: Delivery[] = [];
/** Per idempotency key, how the receiver has answered so far (for the failing modes). */
const answered = new Map<string, number>();
let goneFixed = false;

function startService(name: (typeof SERVICES)[number]['name']): Service {
  const def = SERVICES.find((s) => s.name === name)!;
  const child = spawn(process.execPath, ['-r', RUN_TS, path.join(ROOT, 'subgraphs', name, 'src/main.ts')], {
    env: { ...process.env, ...env, [def.portVar]: String(ports[name]) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const s: Service = { name, child, output: () => out, exits: [] };
  child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  child.once('exit', (code, signal) => s.exits.push(code ?? signal));
  running[name] = s;
  return s;
}

async function ready(name: string): Promise<void> {
  const s = running[name];
  await until(`${name} to be ready`, async () => {
    if (s.exits.length) return true;
    return (await fetch(`http://127.0.0.1:${ports[name]}/readiness`)).ok;
  }, 90_000, 250).catch((err) => {
    throw new Error(`${(err as Error).message}\n${s.output()}`);
  });
  if (s.exits.length) throw new Error(`${name} exited (${s.exits[0]}):\n${s.output()}`);
}

async function stopService(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const c = running[name]?.child;
  if (!c || c.exitCode !== null || c.signalCode !== null) return;
  const gone = new Promise((r) => c.once('exit', r));
  c.kill(signal);
  await gone;
}

async function insertEvent(schema: 'children' | 'reviews', type: string, childId: string, payload: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await sql.query(
    `insert into "${schema}".outbox_event (id, type, aggregate_type, aggregate_id, child_id, payload, actor, occurred_at)
     values ($1, $2, 'Child', $3, $3, $4, null, now())`,
    [id, type, childId, JSON.stringify({ childId, ...payload })],
  );
  return id;
}

/** Registers children of an authority with an IRO, and waits until the notifications service knows them. */
async function children(authority: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  for (const childId of ids) {
    await insertEvent('children', 'ChildRegistered', childId, { placingAuthority: authority, dateOfBirth: '2012-05-01', dateOfDeath: null, name: 'Sam Doe' });
    await insertEvent('reviews', 'IroAssigned', childId, { placingAuthority: authority, iroId: `iro-${authority}`, iroName: 'Ida Reviewer', iroEmail: `iro@${authority.toLowerCase()}.example`, assignedOn: '2026-11-03' });
  }
  await until(`${authority}'s children to reach notifications`, async () => {
    const r = await sql.query('select count(*)::int as n from notifications.iro_contact where child_id = any($1)', [ids]);
    return r.rows[0].n === n;
  }, 60_000);
  return ids;
}

/** Raises one serious incident per child (3 notifications each). */
async function incidents(childIds: string[], authority: string): Promise<void> {
  for (const childId of childIds) {
    await insertEvent('children', 'SignificantEventRecorded', childId, {
      placingAuthority: authority, providerId: 'PRV-OAK', eventId: randomUUID(), kind: 'SERIOUS_POLICE_INCIDENT', occurredAt: new Date().toISOString(),
      summary: 'police called to the home', providerKind: 'CHILDRENS_HOME', hostAuthority: null, recordedByOrg: 'PRV-OAK',
    });
  }
}

interface Count { expected: number; distinct: number; duplicates: number; lost: number }

function count(childIds: string[]): Count {
  const mine = new Set(childIds);
  const got = deliveries.filter((d) => mine.has(d.childId) && d.ruleId === 'R40-SERIOUS');
  const distinct = new Set(got.map((d) => d.key)).size;
  const expected = childIds.length * PER_EVENT;
  return { expected, distinct, duplicates: got.length - distinct, lost: expected - distinct };
}

async function allDelivered(label: string, childIds: string[], timeoutMs: number): Promise<Count> {
  await until(`${label}: every notice delivered`, async () => count(childIds).distinct >= childIds.length * PER_EVENT, timeoutMs).catch((err) => {
    throw new Error(`${(err as Error).message}: ${JSON.stringify(count(childIds))}\n${running.notifications?.output().slice(-3000)}`);
  });
  const c = count(childIds);
  console.log(`${label}: ${JSON.stringify(c)}`);
  return c;
}

async function statuses(childIds: string[]): Promise<Record<string, number>> {
  const r = await sql.query(`select status, count(*)::int as n from notifications.notification where child_id = any($1) and rule_id = 'R40-SERIOUS' group by status`, [childIds]);
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}

/** Waits (bounded) until every row of the batch is DELIVERED: the receiver may answer before the row is updated. */
async function settledDelivered(childIds: string[], timeoutMs = 30_000): Promise<Record<string, number>> {
  const want = childIds.length * PER_EVENT;
  return until('every row DELIVERED', async () => {
    const s = await statuses(childIds);
    return s.DELIVERED === want ? s : null;
  }, timeoutMs).catch(async () => statuses(childIds));
}

async function setEndpoint(authority: string, mode: string): Promise<void> {
  await sql.query(
    `insert into notifications.authority_endpoint (code, webhook_url, webhook_secret, email, updated_at) values ($1, $2, 'a-webhook-secret-0123456789abcdef', null, now())
     on conflict (code) do update set webhook_url = excluded.webhook_url`,
    [authority, `${hookBase}/${mode}`],
  );
}

beforeAll(async () => {
  db = await freshDatabase('faults');
  const real = new URL(db.url);
  // Create the database through the real server first; the services then connect through the proxy.
  const admin = new Client({ connectionString: new URL('/postgres', db.url).toString() });
  await admin.connect();
  await admin.query(`create database "${real.pathname.slice(1)}"`);
  await admin.end();
  proxy = new CuttableProxy({ host: real.hostname, port: Number(real.port || 5432) });
  await proxy.open();
  const viaProxy = new URL(db.url);
  viaProxy.hostname = '127.0.0.1';
  viaProxy.port = String(proxy.port);

  redis = new PrivateRedis(await freePort());
  await redis.start();

  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const mode = (req.url ?? '').split('/').pop();
      const n = (answered.get(key) ?? 0) + 1;
      answered.set(key, n);
      if (mode === 'flaky' && n <= 3) return void res.writeHead(503).end();
      if (mode === 'gone' && !goneFixed) return void res.writeHead(410).end();
      // Hangs on the first attempt (never answers); the sender's timeout must fire.
      if (mode === 'hang' && n === 1) return;
      const m = JSON.parse(body) as { childId: string; ruleId: string };
      deliveries.push({ key, childId: m.childId, channel: 'WEBHOOK', ruleId: m.ruleId });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  hookBase = `http://127.0.0.1:${(receiver.address() as net.AddressInfo).port}/hook`;

  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        const key = /^Idempotency-Key:\s*(\S+)/im.exec(raw)?.[1] ?? '';
        const childId = /Child ([0-9a-f-]{36})/.exec(raw)?.[1] ?? '';
        const ruleId = /^Subject:\s*([A-Z0-9-]+):/im.exec(raw)?.[1] ?? '';
        deliveries.push({ key, childId, channel: 'EMAIL', ruleId });
        cb();
      });
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', () => r()));

  for (const s of SERVICES) ports[s.name] = await freePort();
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: viaProxy.toString(),
    REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    OFSTED_NOTIFY_EMAIL: 'ofsted@ofsted.example',
    OUTBOX_POLL_MS: '50',
    OUTBOX_CONFIRM_MS: '1500',
    NOTIFY_BACKOFF_MS: '200',
    NOTIFY_DELIVERY_ATTEMPTS: '8',
    NOTIFY_SWEEP_MS: '500',
    NOTIFY_SWEEP_AGE_MS: '1500',
    NOTIFY_WEBHOOK_TIMEOUT_MS: '1000',
  };
  // One at a time: each applies its migrations.
  for (const s of SERVICES) {
    startService(s.name);
    await ready(s.name);
  }
  sql = new Client({ connectionString: db.url });
  await sql.connect();
}, 240_000);

afterAll(async () => {
  for (const s of SERVICES) await stopService(s.name).catch(() => undefined);
  await sql?.end().catch(() => undefined);
  await redis?.kill().catch(() => undefined);
  await new Promise((r) => receiver?.close(r));
  await new Promise((r) => smtp?.close(() => r(undefined)));
  await proxy?.cut().catch(() => undefined);
  await db?.drop().catch(() => undefined);
}, 60_000);

describe('notifications under faults (real processes)', () => {
  it('Redis stopped mid-batch without saving, and again while a batch is between relay and consumer: nothing lost, delivery resumes by itself', async () => {
    await setEndpoint('LA-REDIS', 'ok');
    const kids = await children('LA-REDIS', 40);
    await incidents(kids, 'LA-REDIS');
    await until('some deliveries', async () => count(kids).distinct > 0, 30_000, 20);
    await redis.kill();
    await sleep(500);
    await redis.start();
    const midBatch = await allDelivered('redis lost mid-batch', kids, 60_000);
    expect(midBatch.lost).toBe(0);

    // Between relay and consumer: the consumer is away, the relay publishes the batch, then Redis loses it.
    const more = await children('LA-REDIS', 20);
    await stopService('notifications');
    await incidents(more, 'LA-REDIS');
    await until('the batch relayed', async () => {
      const r = await sql.query(`select count(*)::int as n from children.outbox_event where child_id = any($1) and type = 'SignificantEventRecorded' and published_at is not null`, [more]);
      return r.rows[0].n === more.length;
    }, 30_000, 50);
    await redis.kill();
    await redis.start();
    startService('notifications');
    await ready('notifications');
    const between = await allDelivered('redis lost between relay and consumer', more, 60_000);
    expect(between.lost).toBe(0);
    expect(await settledDelivered(more)).toEqual({ DELIVERED: more.length * PER_EVENT });
  }, 180_000);

  it('PostgreSQL restarted mid-batch: services reconnect by themselves, nothing lost, no process exits', async () => {
    await setEndpoint('LA-PG', 'ok');
    const kids = await children('LA-PG', 40);
    await incidents(kids, 'LA-PG');
    await until('some deliveries', async () => count(kids).distinct > 0, 30_000, 20);
    await proxy.cut();
    // Meanwhile a request gets a coded answer, not a hang or a crash.
    const during = await gql(`http://127.0.0.1:${ports.notifications}/graphql`, '{ notifications(first: 1) { totalCount } }', {}, bearer('OPS', 'HUB'));
    expect(during.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    await sleep(2000);
    await proxy.open(proxy.port);
    const c = await allDelivered('postgres restarted mid-batch', kids, 90_000);
    expect(c.lost).toBe(0);
    for (const s of SERVICES) expect({ service: s.name, exits: running[s.name].exits }).toEqual({ service: s.name, exits: [] });
  }, 180_000);

  it('the delivery worker process killed with SIGKILL mid-batch and started again: every notice delivered, duplicates only with the same key', async () => {
    await setEndpoint('LA-KILL', 'ok');
    const kids = await children('LA-KILL', 40);
    await incidents(kids, 'LA-KILL');
    await until('some deliveries', async () => count(kids).distinct > 0, 30_000, 20);
    await stopService('notifications', 'SIGKILL');
    startService('notifications');
    await ready('notifications');
    const c = await allDelivered('worker killed mid-batch', kids, 120_000);
    expect(c.lost).toBe(0);
    // Any duplicate carries a key already delivered (the receiver de-duplicates by it).
    expect(await settledDelivered(kids)).toEqual({ DELIVERED: kids.length * PER_EVENT });
  }, 180_000);

  it('receivers that fail: three failures then success, a 410, and one that hangs', async () => {
    await setEndpoint('LA-FLAKY', 'flaky');
    await setEndpoint('LA-GONE', 'gone');
    await setEndpoint('LA-HANG', 'hang');
    const [flaky, gone, hang] = [await children('LA-FLAKY', 5), await children('LA-GONE', 3), await children('LA-HANG', 5)];
    await incidents(flaky, 'LA-FLAKY');
    await incidents(gone, 'LA-GONE');
    await incidents(hang, 'LA-HANG');

    // Three failures, then success: exactly one effective delivery per key, none FAILED.
    const f = await allDelivered('3 failures then success', flaky, 60_000);
    expect(f).toEqual({ expected: flaky.length * PER_EVENT, distinct: flaky.length * PER_EVENT, duplicates: 0, lost: 0 });
    expect(await settledDelivered(flaky)).toEqual({ DELIVERED: flaky.length * PER_EVENT });

    // A hanging receiver: the timeout fires, the attempt is retried and succeeds; the worker was not blocked.
    const h = await allDelivered('receiver hangs once', hang, 60_000);
    expect(h.lost).toBe(0);
    const hung = await sql.query(`select max(attempts)::int as a from notifications.notification where child_id = any($1) and channel = 'WEBHOOK'`, [hang]);
    expect(hung.rows[0].a).toBeGreaterThanOrEqual(2);

    // 410: FAILED at once with the reason; an ops retry once the receiver is fixed delivers it.
    const failed = await until('the 410s FAILED', async () => {
      const r = await sql.query(`select id, attempts, last_error from notifications.notification where child_id = any($1) and channel = 'WEBHOOK' and status = 'FAILED'`, [gone]);
      return r.rows.length === gone.length ? r.rows : null;
    }, 30_000);
    for (const row of failed) {
      expect(row.attempts).toBe(1);
      expect(row.last_error).toMatch(/410/);
    }
    goneFixed = true;
    for (const row of failed) {
      const r = await gql(`http://127.0.0.1:${ports.notifications}/graphql`, 'mutation($id: ID!) { retryNotification(id: $id) { id status } }', { id: row.id }, bearer('OPS', 'HUB'));
      expect(r.errors).toBeUndefined();
    }
    const g = await allDelivered('410 then ops retry', gone, 30_000);
    expect(g.lost).toBe(0);
    expect(await settledDelivered(gone)).toEqual({ DELIVERED: gone.length * PER_EVENT });
  }, 180_000);
});
