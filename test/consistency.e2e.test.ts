/**
 * Read your own writes across services (README, "Read your own writes"): a mutation's answer carries a consistency
 * token naming the events it recorded; a request sending it back in `x-hub-consistency` waits, bounded, until each
 * service it reaches has applied the events routed to it. The reviews service learns of a child from children's
 * events, so an IRO assignment straight after `registerChild` is the case the token exists for.
 */
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { CONSISTENCY_HEADER, consistencyWaiting, consistencyWaits, decodeConsistencyToken, DEV_GATEWAY_SIGNING_SECRET, encodeConsistencyToken, openRedis, QUEUES } from '@hub/service-kit';
import { bearer, TEST_REDIS } from '@hub/service-kit/testing';
import { randomUUID } from 'node:crypto';
import { startHub, Hub } from './harness/hub';

const LA = 'LA-CONS';
const SW = bearer('SOCIAL_WORKER', LA);
const TM = bearer('TEAM_MANAGER', LA);
const BOUND_MS = 3000;

let hub: Hub;
let redis: IORedis;
let reviewsQueue: Queue;

interface Answer {
  status: number;
  data?: Record<string, any>;
  errors?: Array<{ message: string; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

async function post(query: string, variables: Record<string, unknown>, authorization: string, token?: string): Promise<Answer> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization, ...(token !== undefined ? { [CONSISTENCY_HEADER]: token } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
}

const REGISTER = 'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }';
const ASSIGN = 'mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id name } }';
const IRO_INPUT = { id: 'iro-cons', name: 'Cora Consistent', email: 'cora@la-cons.example', phone: '0100 222222' };

async function register(name: string): Promise<{ id: string; token: string }> {
  const r = await post(REGISTER, {
    i: { givenName: 'Read', familyName: name, dateOfBirth: '2013-03-01', placingAuthority: LA, becameLookedAfterOn: '2026-11-02', legalStatus: 'C2' },
  }, SW);
  expect(r.errors).toBeUndefined();
  expect(typeof r.extensions?.consistency).toBe('string');
  return { id: r.data!.registerChild.id, token: r.extensions!.consistency };
}

async function waitsOf(outcome: 'applied' | 'waited' | 'timeout'): Promise<number> {
  const m = await consistencyWaits.get();
  return m.values.find((v) => v.labels.service === 'reviews' && v.labels.outcome === outcome)?.value ?? 0;
}

async function waitingInReviews(): Promise<number> {
  const m = await consistencyWaiting.get();
  return m.values.find((v) => v.labels.service === 'reviews')?.value ?? 0;
}

beforeAll(async () => {
  hub = await startHub({ label: 'consistency', consistencyTimeoutMs: BOUND_MS });
  await hub.query(`mutation { upsertAuthority(code: "${LA}", name: "Consistency Council") { code } }`, {}, bearer('ADMIN', 'HUB'));
  redis = openRedis(TEST_REDIS, { worker: true });
  reviewsQueue = new Queue(QUEUES.eventsReviews, { connection: redis, prefix: hub.queuePrefix });
});
afterAll(async () => {
  await reviewsQueue?.resume().catch(() => undefined);
  await reviewsQueue?.close();
  redis?.disconnect();
  await hub?.stop();
});
afterEach(async () => {
  await reviewsQueue?.resume();
});

describe('the token a mutation answers', () => {
  it('names the events registerChild recorded, signed by the hub', async () => {
    const { token } = await register('Token');
    const types = decodeConsistencyToken(DEV_GATEWAY_SIGNING_SECRET, token).map((e) => e.type).sort();
    expect(types).toEqual(expect.arrayContaining(['ChildRegistered', 'PeriodOfCareStarted']));
  });

  it('merges, at the gateway, the tokens of every service an operation changed', async () => {
    const known = await register('Known');
    await post(ASSIGN, { c: known.id, i: IRO_INPUT }, TM, known.token);
    const both = await post(`mutation($r: RegisterChildInput!, $c: ID!, $i: IroInput!) {
      registerChild(input: $r) { id } assignIro(childId: $c, iro: $i) { id }
    }`, {
      r: { givenName: 'Read', familyName: 'Both', dateOfBirth: '2013-03-01', placingAuthority: LA, becameLookedAfterOn: '2026-11-02', legalStatus: 'C2' },
      c: known.id, i: { ...IRO_INPUT, id: 'iro-cons-2', name: 'Second Reviewer' },
    }, bearer(['SOCIAL_WORKER', 'TEAM_MANAGER'], LA));
    expect(both.errors).toBeUndefined();
    const types = decodeConsistencyToken(DEV_GATEWAY_SIGNING_SECRET, both.extensions!.consistency).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['ChildRegistered', 'PeriodOfCareStarted', 'IroAssigned']));
  });

  it('is absent from a read, and from a mutation that changed nothing', async () => {
    const read = await post('{ __typename }', {}, SW);
    expect(read.extensions?.consistency).toBeUndefined();
    const refused = await post(REGISTER, { i: { givenName: 'X', familyName: 'Y', dateOfBirth: '2013-03-01', placingAuthority: 'LA-OTHER', becameLookedAfterOn: '2026-11-02', legalStatus: 'C2' } }, SW);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.extensions?.consistency).toBeUndefined();
  });
});

describe('a request that sends the token back', () => {
  it('assigns the IRO straight after registerChild, every time', async () => {
    for (const name of ['One', 'Two', 'Three']) {
      const { id, token } = await register(name);
      const r = await post(ASSIGN, { c: id, i: IRO_INPUT }, TM, token);
      expect(r.errors).toBeUndefined();
      expect(r.data!.assignIro.name).toBe('Cora Consistent');
    }
  });

  it('is what makes it pass: held while reviews has not applied the events, answered once it has', async () => {
    await reviewsQueue.pause();
    const { id, token } = await register('Held');
    // Negative control: without the token, reviews does not know the child yet.
    const blind = await post(ASSIGN, { c: id, i: IRO_INPUT }, TM);
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(blind.errors?.[0].extensions?.code);

    const waitedBefore = await waitsOf('waited');
    let answered = false;
    const pending = post(ASSIGN, { c: id, i: IRO_INPUT }, TM, token).finally(() => (answered = true));
    // The request is waiting in reviews (the events cannot arrive while the queue is paused); then let them through.
    while (!answered && (await waitingInReviews()) === 0) await new Promise((r) => setTimeout(r, 10));
    expect(answered).toBe(false);
    await reviewsQueue.resume();
    const r = await pending;
    expect(r.errors).toBeUndefined();
    expect(r.data!.assignIro.name).toBe('Cora Consistent');
    expect(await waitsOf('waited')).toBe(waitedBefore + 1);
  });

  it('answers CONSISTENCY_TIMEOUT, retryable, when the events are not applied within the bound', async () => {
    await reviewsQueue.pause();
    const { id, token } = await register('Timeout');
    const before = await waitsOf('timeout');
    const r = await post(ASSIGN, { c: id, i: IRO_INPUT }, TM, token);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONSISTENCY_TIMEOUT', retryable: true, service: 'reviews', timeoutMs: BOUND_MS });
    expect(r.data?.assignIro ?? null).toBeNull();
    expect(await waitsOf('timeout')).toBe(before + 1);
    // Retried once the events can flow, the same request succeeds.
    await reviewsQueue.resume();
    const retried = await post(ASSIGN, { c: id, i: IRO_INPUT }, TM, token);
    expect(retried.errors).toBeUndefined();
  });

  it('refuses a token the hub did not issue with BAD_USER_INPUT, before any service waits', async () => {
    const { id } = await register('Forged');
    const forged = encodeConsistencyToken('a-secret-the-hub-does-not-know-of-32-chars', [{ id: randomUUID(), type: 'ChildRegistered' }])!;
    for (const token of [forged, 'not-a-token', `${forged.slice(0, -2)}AA`]) {
      const r = await post(ASSIGN, { c: id, i: IRO_INPUT }, TM, token);
      expect(r.status).toBe(400);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CONSISTENCY_TOKEN_INVALID' });
    }
  });
});
