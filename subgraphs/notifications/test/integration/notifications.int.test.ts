import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { EntityManager } from '@mikro-orm/postgresql';
import { bearer, eventually, gql, startTestSubgraph, TEST_REDIS, testEvent } from '@hub/service-kit/testing';
import { ChildAccess, createLogger, EventPayloads, EventType, HubEvent, openRedis, QUEUES } from '@hub/service-kit';
import { IroContactEntity } from '../../src/recipient/iro-contact.entity';
import { notificationsSubgraph } from '../../src/definition';
import { NotificationEntity } from '../../src/notification/notification.entity';
import { deliveryQueueFor } from '../../src/jobs/delivery-queue';
import { sweepPending } from '../../src/jobs/sweep-pending.job';
import { verifyWebhook } from '../../src/delivery/webhook-signature';

// Two attempts and a tiny backoff, so the failure path runs in milliseconds.
process.env.NOTIFY_DELIVERY_ATTEMPTS = '2';
process.env.NOTIFY_BACKOFF_MS = '20';

type Running = Awaited<ReturnType<typeof startTestSubgraph>>;
let sg: Running;
let events: Queue;
let eventsConnection: ReturnType<typeof openRedis>;
let receiver: http.Server;
let hookUrl: string;
let answer = 200;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
const SECRET = 'north-webhook-secret-0123456789';
const ADMIN = bearer('ADMIN', 'HUB');
const OPS = bearer('OPS', 'HUB');
const SW = bearer('SOCIAL_WORKER', 'LA-NORTH');
const OTHER_LA = bearer('SOCIAL_WORKER', 'LA-SOUTH');
const IRO = bearer('IRO', 'LA-NORTH', 'iro-1');
const log = createLogger('notifications-test', 'silent');

function hubEvent<T extends EventType>(type: T, childId: string, payload: Omit<EventPayloads[T], 'childId'>): HubEvent {
  return testEvent(type, { childId, ...payload } as EventPayloads[T], { occurredAt: '2026-12-26T22:00:00.000Z' });
}
const significant = (childId: string, kind: string) => hubEvent('SignificantEventRecorded', childId, {
  eventId: randomUUID(), kind, occurredAt: '2026-12-26T22:00:00.000Z', summary: 'ran away after school', placingAuthority: 'LA-NORTH',
  providerId: 'PRV-OAK', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', recordedByOrg: 'PRV-OAK',
});

async function send(e: HubEvent, jobId = e.id) {
  await events.add(e.type, e, { jobId });
}
async function rows(where: Record<string, unknown>): Promise<NotificationEntity[]> {
  return (sg.orm.em.fork() as EntityManager).find(NotificationEntity, where, { orderBy: { recipientKey: 'asc' } });
}
async function settled(eventId: string, n: number, statuses = ['DELIVERED', 'FAILED']) {
  return eventually(async () => {
    const r = await rows({ eventId });
    return r.length === n && r.every((x) => statuses.includes(x.status)) ? r : null;
  }, 15_000);
}
async function newChild(iro = true): Promise<string> {
  const childId = randomUUID();
  await send(hubEvent('ChildRegistered', childId, { placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01', name: 'Sam Doe' }));
  if (iro) await send(hubEvent('IroAssigned', childId, { placingAuthority: 'LA-NORTH', iroId: 'iro-1', iroName: 'Ida Reviewer', iroEmail: 'ida@north.example', assignedOn: '2026-11-03' }));
  // The consumer runs events concurrently: wait for the child's facts before sending incidents about it.
  await eventually(async () => (await (sg.orm.em.fork() as EntityManager).count(iro ? IroContactEntity : ChildAccess, { childId })) > 0);
  return childId;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  sg = await startTestSubgraph(notificationsSubgraph);
  eventsConnection = openRedis(TEST_REDIS, { worker: true });
  events = new Queue(QUEUES.eventsNotifications, { connection: eventsConnection, prefix: sg.queuePrefix });
  const set = await gql(sg.url, `mutation($u: String) { setAuthorityEndpoint(code: "LA-NORTH", webhookUrl: $u, webhookSecret: "${SECRET}") { code webhookUrl hasWebhookSecret } }`, { u: hookUrl }, ADMIN);
  expect(set.data?.setAuthorityEndpoint).toEqual({ code: 'LA-NORTH', webhookUrl: hookUrl, hasWebhookSecret: true });
});
afterAll(async () => {
  await events.close();
  eventsConnection.disconnect();
  await sg.stopAll();
  await new Promise((r) => receiver.close(r));
});

describe('notifications subgraph', () => {
  it('setAuthorityEndpoint is for ADMIN only and needs a secret with a webhook', async () => {
    const sw = await gql(sg.url, 'mutation { setAuthorityEndpoint(code: "LA-NORTH", email: "a@b.example") { code } }', {}, SW);
    expect(sw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noSecret = await gql(sg.url, 'mutation { setAuthorityEndpoint(code: "LA-EAST", webhookUrl: "https://east.example/hook") { code } }', {}, ADMIN);
    expect(noSecret.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WEBHOOK_SECRET_REQUIRED' });
  });

  it('IRO-N3-MISSING: an event on the queue creates one notification per recipient and delivers them; redelivery is idempotent', async () => {
    const childId = await newChild();
    const e = significant(childId, 'MISSING');
    await send(e);
    const [iro, pa] = await settled(e.id, 2);
    expect([iro!.ruleId, iro!.recipientKind, iro!.channel, iro!.address, iro!.status]).toEqual(['IRO-N3-MISSING', 'IRO', 'EMAIL', 'ida@north.example', 'DELIVERED']);
    expect(iro!.deliveryNote).toMatch(/SMTP_URL is not set/);
    expect([pa!.recipientKind, pa!.channel, pa!.status, pa!.attempts]).toEqual(['PLACING_AUTHORITY', 'WEBHOOK', 'DELIVERED', 1]);
    // IRO-N* default SLA 24 h from the event.
    expect(pa!.dueAt.toISOString()).toBe('2026-12-27T22:00:00.000Z');
    const hook = received.find((r) => r.headers['idempotency-key'] === pa!.id)!;
    expect(verifyWebhook(SECRET, hook.body, String(hook.headers['x-hub-signature']), Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhook('wrong-secret-wrong-secret', hook.body, String(hook.headers['x-hub-signature']), Math.floor(Date.now() / 1000))).toBe(false);
    expect(JSON.parse(hook.body)).toMatchObject({ id: pa!.id, ruleId: 'IRO-N3-MISSING', childId, eventId: e.id });

    await send(e, `${e.id}-again`);
    expect(await notificationsSubgraph.consumes!.handle(sg.orm, e, log)).toBe('duplicate');
    await eventually(async () => (await events.getJob(`${e.id}-again`))?.finishedOn);
    expect((await rows({ eventId: e.id })).length).toBe(2);
    expect(received.filter((r) => r.headers['idempotency-key'] === pa!.id).length).toBe(1);
  });

  it('a receiver answering 500 is retried, then FAILED with lastError; retryNotification delivers once it recovers', async () => {
    const childId = await newChild();
    answer = 500;
    const e = significant(childId, 'SAFEGUARDING_CONCERN');
    await send(e);
    const all = await settled(e.id, 2);
    const pa = all.find((r) => r.recipientKind === 'PLACING_AUTHORITY')!;
    expect([pa.status, pa.attempts, pa.lastError]).toEqual(['FAILED', 2, 'webhook answered HTTP 500']);
    expect(received.filter((r) => r.headers['idempotency-key'] === pa.id).length).toBe(2);

    const notFailed = await gql(sg.url, `mutation { retryNotification(id: "${all.find((r) => r.recipientKind === 'IRO')!.id}") { id } }`, {}, OPS);
    expect(notFailed.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_FAILED' });
    const bySw = await gql(sg.url, `mutation { retryNotification(id: "${pa.id}") { id } }`, {}, SW);
    expect(bySw.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    answer = 200;
    const retried = await gql(sg.url, `mutation { retryNotification(id: "${pa.id}") { id status subject } }`, {}, OPS);
    expect(retried.data?.retryNotification).toEqual({ id: pa.id, status: 'PENDING', subject: null });
    const done = await eventually(async () => (await rows({ id: pa.id })).find((r) => r.status === 'DELIVERED'));
    expect([done.attempts, done.lastError]).toEqual([3, null]);
  });

  it('retryNotifications(filter) retries the FAILED ones that match and says how many', async () => {
    const childId = await newChild();
    answer = 500;
    const complaint = significant(childId, 'COMPLAINT');
    const charged = significant(childId, 'CHARGED_WITH_OFFENCE');
    await send(complaint);
    await send(charged);
    await settled(complaint.id, 2);
    await settled(charged.id, 2);
    answer = 200;
    const wrong = await gql(sg.url, 'mutation { retryNotifications(filter: { status: PENDING }) }', {}, OPS);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ONLY_FAILED' });
    const one = await gql(sg.url, 'mutation { retryNotifications(filter: { status: FAILED, ruleId: "IRO-N4-COMPLAINT" }) }', {}, OPS);
    expect(one.data?.retryNotifications).toBe(1);
    const unscoped = await gql(sg.url, 'mutation { retryNotifications(filter: { status: FAILED, createdBefore: "2020-01-01T00:00:00Z" }) }', {}, OPS);
    expect(unscoped.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SCOPE_REQUIRED' });
    const old = await gql(sg.url, 'mutation { retryNotifications(filter: { status: FAILED, ruleId: "IRO-N4-COMPLAINT", createdBefore: "2020-01-01T00:00:00Z" }) }', {}, OPS);
    expect(old.data?.retryNotifications).toBe(0);
    const rest = await gql(sg.url, 'mutation { retryNotifications(filter: { status: FAILED, ruleId: "IRO-N5-CHARGED" }) }', {}, OPS);
    expect(rest.data?.retryNotifications).toBe(1);
    await settled(complaint.id, 2, ['DELIVERED']);
    await settled(charged.id, 2, ['DELIVERED']);
  });

  it('OPS see metadata but not the subject; the authority and the IRO see content; another authority sees nothing', async () => {
    const childId = await newChild();
    const e = significant(childId, 'HEALTH_CONCERN');
    await send(e);
    await settled(e.id, 2);
    const Q = `query($r: String) { notifications(ruleId: $r, first: 10) { totalCount edges { node { id ruleId subject body status child { id } recipient { kind address } } } } }`;
    const ops = await gql(sg.url, Q, { r: 'IRO-N7-HEALTH' }, OPS);
    expect(ops.data?.notifications.totalCount).toBe(2);
    for (const { node } of ops.data!.notifications.edges) {
      expect([node.subject, node.body, node.child]).toEqual([null, null, { id: childId }]);
    }
    const sw = await gql(sg.url, Q, { r: 'IRO-N7-HEALTH' }, SW);
    expect(sw.data?.notifications.edges[0].node.subject).toBe('IRO-N7-HEALTH: significant health concern or medical event');
    const iro = await gql(sg.url, Q, { r: 'IRO-N7-HEALTH' }, IRO);
    expect(iro.errors).toBeUndefined();
    expect(iro.data?.notifications.edges.map((x: any) => x.node.recipient.kind)).toEqual(['IRO']);
    const other = await gql(sg.url, Q, { r: 'IRO-N7-HEALTH' }, OTHER_LA);
    expect(other.data?.notifications.totalCount).toBe(0);

    const ENT = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Child { id notifications { ruleId subject } } ... on Notification { id subject } } }`;
    const reps = [{ __typename: 'Child', id: childId }];
    const mine = await gql(sg.url, ENT, { reps }, SW);
    expect(mine.data?._entities[0].notifications.map((n: any) => n.ruleId)).toEqual(['IRO-N7-HEALTH', 'IRO-N7-HEALTH']);
    const refused = await gql(sg.url, ENT, { reps }, OTHER_LA);
    // The child itself is refused (one read policy for every entity lookup), not just its field.
    expect(refused.data?._entities[0]).toBeNull();
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A provider the child is placed with reads the child, and is refused its notifications at that field (a path
    // every query planner maps to the caller's `notifications` field, not to the child).
    await (sg.orm.em.fork() as EntityManager).nativeUpdate(ChildAccess, { childId }, {
      providerWindows: [{ placementId: randomUUID(), providerId: 'PRV-OAK', from: '2026-01-01T00:00:00.000Z', to: null }],
    });
    const provider = await gql(sg.url, ENT, { reps }, bearer('PROVIDER_STAFF', 'PRV-OAK'));
    expect(provider.data?._entities).toEqual([{ id: childId, notifications: null }]);
    expect(provider.errors?.map((x) => [x.extensions?.code, x.path])).toEqual([['FORBIDDEN', ['_entities', 0, 'notifications']]]);
    const nid = ops.data!.notifications.edges[0].node.id;
    const ref = await gql(sg.url, ENT, { reps: [{ __typename: 'Notification', id: nid }, { __typename: 'Notification', id: randomUUID() }] }, OTHER_LA);
    expect(ref.data?._entities).toEqual([null, null]);
    expect(ref.errors?.map((x) => x.extensions?.code)).toEqual(['FORBIDDEN']);
    const opsRef = await gql(sg.url, ENT, { reps: [{ __typename: 'Notification', id: nid }] }, OPS);
    expect(opsRef.data?._entities).toEqual([{ id: nid, subject: null }]);
  });

  it('an IRO not yet assigned fails visibly (NO_ADDRESS) and can be discarded with a reason, never deleted', async () => {
    const childId = await newChild(false);
    const e = significant(childId, 'EXCLUDED_FROM_SCHOOL');
    await send(e);
    const all = await settled(e.id, 2);
    const iro = all.find((r) => r.recipientKind === 'IRO')!;
    expect([iro.recipientKey, iro.status, iro.attempts]).toEqual(['IRO:UNASSIGNED', 'FAILED', 1]);
    expect(iro.lastError).toMatch(/^NO_ADDRESS/);
    const noReason = await gql(sg.url, `mutation { discardNotification(id: "${iro.id}", reason: " ") { id } }`, {}, OPS);
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED' });
    const d = await gql(sg.url, `mutation { discardNotification(id: "${iro.id}", reason: "IRO told by phone") { status discardReason } }`, {}, OPS);
    expect(d.data?.discardNotification).toEqual({ status: 'DISCARDED', discardReason: 'IRO told by phone' });
    const delivered = all.find((r) => r.recipientKind === 'PLACING_AUTHORITY')!;
    const refused = await gql(sg.url, `mutation { discardNotification(id: "${delivered.id}", reason: "x") { id } }`, {}, OPS);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DELIVERED' });
    const missing = await gql(sg.url, `mutation { discardNotification(id: "${randomUUID()}", reason: "x") { id } }`, {}, OPS);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await rows({ id: iro.id }))[0]!.status).toBe('DISCARDED');
  });

  it('the sweeper re-enqueues a PENDING notification whose job is missing (e.g. Redis was down)', async () => {
    const childId = await newChild();
    const e = significant(childId, 'MISSING');
    // Created in the database with no job, as when Redis refused the enqueue.
    const em = sg.orm.em.fork() as EntityManager;
    const n = em.create(NotificationEntity, {
      eventId: e.id, eventType: e.type, ruleId: 'IRO-N3-MISSING', childId, placingAuthority: 'LA-NORTH', recipientKind: 'PLACING_AUTHORITY',
      recipientKey: 'PLACING_AUTHORITY:LA-NORTH', recipientCode: 'LA-NORTH', recipientName: 'LA-NORTH', channel: 'WEBHOOK', address: hookUrl,
      subject: 'IRO-N3-MISSING: child ran away or went missing', body: 'b', dueAt: new Date(), dueBasis: 'test',
    });
    await em.persistAndFlush(n);
    const ids = [n.id];
    const queue = deliveryQueueFor(sg.orm)!;
    expect(await queue.hasJob(ids[0]!)).toBe(false);
    expect((await sweepPending(sg.orm, queue, 0)).enqueued.sort()).toEqual([...ids].sort());
    const done = await eventually(async () => (await rows({ id: ids[0] })).find((r) => r.status === 'DELIVERED'));
    expect(done.attempts).toBe(1);
    expect((await sweepPending(sg.orm, queue, 0)).enqueued).toEqual([]);
  });
  it('the attempt budget lives on the row: a job re-created after Redis lost it does not start the count afresh', async () => {
    const childId = await newChild();
    const e = significant(childId, 'MISSING');
    const em = sg.orm.em.fork() as EntityManager;
    // One attempt of the two already spent (the row says so), its job gone with Redis's data.
    const n = em.create(NotificationEntity, {
      eventId: e.id, eventType: e.type, ruleId: 'IRO-N3-MISSING', childId, placingAuthority: 'LA-NORTH', recipientKind: 'PLACING_AUTHORITY',
      recipientKey: 'PLACING_AUTHORITY:LA-NORTH', recipientCode: 'LA-NORTH', recipientName: 'LA-NORTH', channel: 'WEBHOOK', address: hookUrl,
      subject: 'IRO-N3-MISSING: child ran away or went missing', body: 'b', dueAt: new Date(), dueBasis: 'test', attempts: 1, status: 'PENDING',
    });
    await em.persistAndFlush(n);
    answer = 503;
    try {
      const queue = deliveryQueueFor(sg.orm)!;
      expect((await sweepPending(sg.orm, queue, 0)).enqueued).toContain(n.id);
      const failed = await eventually(async () => (await rows({ id: n.id })).find((r) => r.status === 'FAILED'));
      expect(failed.attempts).toBe(2);
      expect(failed.attemptLog.map((a) => a.outcome)).toEqual(['FAILED']);
      expect(failed.attemptLog[0].error).toMatch(/503/);
    } finally {
      answer = 200;
    }
  });

  it('a bulk retry takes one authority\'s FAILED rows of one rule, in batches, with one RETRIED change each and one audit row', async () => {
    const em = sg.orm.em.fork() as EntityManager;
    const schema = 'notifications';
    // 1,100 FAILED rows of LA-BULK (more than two batches) and 3 of another authority, straight into the table.
    const insert = (authority: string, n: number) => em.execute(
      `insert into "${schema}".notification (id, event_id, event_type, rule_id, child_id, placing_authority, recipient_kind, recipient_key,
         recipient_code, recipient_name, channel, address, subject, body, due_at, due_basis, status, attempts, budget_from, attempt_log,
         last_error, created_at, updated_at)
       select gen_random_uuid(), gen_random_uuid(), 'SignificantEventRecorded', 'IRO-N4-COMPLAINT', gen_random_uuid()::text, ?, 'PLACING_AUTHORITY',
         'PLACING_AUTHORITY:' || ?, ?, ?, 'WEBHOOK', null, 's', 'b', now() - interval '1 day', 'test', 'FAILED', 1, 0, '[]', 'NO_ADDRESS',
         now() - interval '1 hour' + (i || ' ms')::interval, now()
       from generate_series(1, ?) i`, [authority, authority, authority, authority, n]);
    await insert('LA-BULK', 1100);
    await insert('LA-ELSEWHERE', 3);
    const r = await gql(sg.url, 'mutation { retryNotifications(filter: { placingAuthority: "LA-BULK", ruleId: "IRO-N4-COMPLAINT" }) }', {}, OPS);
    expect(r.errors).toBeUndefined();
    expect(r.data?.retryNotifications).toBe(1100);
    const count = async (sql: string) => Number(((await em.execute(sql)) as Array<{ n: string }>)[0].n);
    expect(await count(`select count(*) n from "${schema}".notification where placing_authority = 'LA-BULK' and budget_from = 1`)).toBe(1100);
    expect(await count(`select count(*) n from "${schema}".notification where placing_authority = 'LA-ELSEWHERE' and status = 'FAILED' and budget_from = 0`)).toBe(3);
    expect(await count(`select count(*) n from "${schema}".change_log where kind = 'NOTIFICATION_RETRIED' and placing_authority = 'LA-BULK'`)).toBe(1100);
    expect(await count(`select count(*) n from "${schema}".outbox_event where type = 'NotificationRetried' and payload->>'placingAuthority' = 'LA-BULK'`)).toBe(1100);
    const audit = (await em.execute(`select sub, action, count, scope from "${schema}".ops_action where action = 'BULK_RETRY' order by at desc limit 1`)) as Array<{ sub: string; count: number; scope: Record<string, unknown> }>;
    expect(audit[0]).toMatchObject({ sub: 'ops-hub', count: 1100, scope: { placingAuthority: 'LA-BULK', ruleId: 'IRO-N4-COMPLAINT', createdAfter: null, createdBefore: null } });
    // The failures are the queue's to settle; nothing of them is asserted here.
  });
});
