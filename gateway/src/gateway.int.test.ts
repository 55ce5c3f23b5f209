import { createHash, randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { createLogger, signToken, DEV_GATEWAY_SIGNING_SECRET, DEV_JWT_SECRET } from '@hub/service-kit';
import { TEST_REDIS } from '@hub/service-kit/testing';
import type { Role } from '@hub/service-kit';
import { startGateway } from './gateway';
import type { RunningGateway } from './options';
import { startFixtureSubgraphs, FixtureSubgraph } from '../test/fixture-subgraphs';

const secret = DEV_JWT_SECRET;
const log = createLogger('gateway-test', 'silent');
const token = (sub: string, roles: Role[] = ['SOCIAL_WORKER'], org = 'LA-NORTH') => signToken(secret, { sub, roles, org });

interface GqlResponse {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function gql(
  gw: RunningGateway,
  query: string,
  o: { token?: string; headers?: Record<string, string>; body?: Record<string, unknown> } = {},
): Promise<GqlResponse> {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
      ...o.headers,
    },
    body: JSON.stringify(o.body ?? { query }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GqlResponse['body'] };
}

/** Every event of a subscription over graphql-ws, until it completes. */
async function subscribeOverWs(gw: RunningGateway, bearerToken: string, query: string): Promise<unknown[]> {
  const client = createClient({
    url: gw.url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${bearerToken}` },
    retryAttempts: 0,
  });
  const events: unknown[] = [];
  try {
    for await (const event of client.iterate({ query })) events.push(event);
  } finally {
    await client.dispose();
  }
  return events;
}

const code = (r: GqlResponse) => r.body.errors?.[0]?.extensions?.code;
const nested = (depth: number) => `{ deep { ${'child { '.repeat(depth - 2)}value${' }'.repeat(depth - 2)} } }`;

describe('gateway over two federated subgraphs', () => {
  let alpha: FixtureSubgraph;
  let beta: FixtureSubgraph;
  let gw: RunningGateway;
  let prod: RunningGateway;
  let tight: RunningGateway;
  let timed: RunningGateway;
  const storedDoc = '{ whoami }';
  const storedHash = createHash('sha256').update(storedDoc).digest('hex');
  const upstreamCalls = () => alpha.calls.length + beta.calls.length;

  beforeAll(async () => {
    const fixtures = await startFixtureSubgraphs(secret);
    ({ alpha, beta } = fixtures);
    // every gateway here counts in Redis under this file's own prefix
    const prefix = `gwtest:${randomUUID()}`;
    const start = (name: string, requests: number, windowMs: number, o: Partial<Parameters<typeof startGateway>[0]> = {}) =>
      startGateway({
        signingSecret: DEV_GATEWAY_SIGNING_SECRET, redisUrl: TEST_REDIS, log, jwtSecret: secret,
        supergraphSdl: fixtures.supergraphSdl, port: 0, nodeEnv: 'test',
        limits: { rateLimit: { requests, windowMs, keyPrefix: `${prefix}:${name}` } },
        ...o,
      });
    gw = await start('gw', 100, 10_000);
    prod = await start('prod', 100, 10_000, {
      nodeEnv: 'production',
      persistedOperations: { mode: 'allow-listed-for-LA_SYSTEM', store: { [storedHash]: storedDoc } },
    });
    // a one-minute window: the burst below falls in one window, so counts are exact
    tight = await start('tight', 5, 60_000);
    // a 300 ms bound on each call to a subgraph, no retries
    timed = await start('timed', 100, 10_000, { upstreamRetry: { maxRetries: 0, retryDelayMs: 0, timeoutMs: 300 } });
  });

  afterAll(async () => {
    await Promise.all([gw?.stop(), prod?.stop(), tight?.stop(), timed?.stop()]);
    await Promise.all([alpha?.stop(), beta?.stop()]);
  });

  it('answers /healthcheck with 200', async () => {
    const res = await fetch(new URL('/healthcheck', gw.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request without a token with UNAUTHENTICATED (401) and never calls a subgraph', async () => {
    const before = upstreamCalls();
    const r = await gql(gw, '{ whoami }');
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(r.body.data ?? null).toBeNull();
    expect(upstreamCalls()).toBe(before);
  });

  it.each([
    { why: 'a token signed with another secret', authorization: `Bearer ${signToken('not-the-secret', { sub: 'x', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' })}` },
    { why: 'an expired token', authorization: `Bearer ${signToken(secret, { sub: 'x', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' }, -10)}` },
    { why: 'a non-bearer scheme', authorization: 'Basic dXNlcjpwYXNz' },
  ])('refuses $why with UNAUTHENTICATED', async ({ authorization }) => {
    const before = upstreamCalls();
    const r = await gql(gw, '{ whoami }', { headers: { authorization } });
    expect(r.status).toBe(401);
    expect(code(r)).toBe('UNAUTHENTICATED');
    expect(upstreamCalls()).toBe(before);
  });

  it("forwards the caller's exact Authorization header and the x-request-id to the subgraph", async () => {
    const t = token('alice');
    const r = await gql(gw, '{ whoami }', { token: t, headers: { 'x-request-id': 'req-from-client-1' } });
    expect(r.body).toEqual({ data: { whoami: 'alice' } });
    expect(r.headers.get('x-request-id')).toBe('req-from-client-1');
    expect(alpha.calls.at(-1)).toMatchObject({ via: 'http', authorization: `Bearer ${t}`, requestId: 'req-from-client-1', sub: 'alice', signature: 'ok' });
  });

  it('generates an x-request-id when the client sends none, and forwards it', async () => {
    const r = await gql(gw, '{ whoami }', { token: token('alice') });
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(alpha.calls.at(-1)?.requestId).toBe(id);
  });

  it('resolves an entity across both subgraphs, each call carrying the token', async () => {
    const t = token('carol');
    const before = { alpha: alpha.calls.length, beta: beta.calls.length };
    const r = await gql(gw, '{ things { id score name } thing(id: "42") { name score } }', { token: t });
    expect(r.body).toEqual({
      data: {
        things: [{ id: '1', score: 10, name: 'Thing 1' }, { id: '2', score: 10, name: 'Thing 2' }],
        thing: { name: 'Thing 42', score: 20 },
      },
    });
    const newCalls = [...alpha.calls.slice(before.alpha), ...beta.calls.slice(before.beta)];
    expect(newCalls.length).toBeGreaterThanOrEqual(3);
    expect(newCalls.every((c) => c.authorization === `Bearer ${t}` && c.signature === 'ok')).toBe(true);
  });

  it('keeps a subgraph error code (FORBIDDEN) and marks code-less ones DOWNSTREAM_SERVICE_ERROR', async () => {
    const forbidden = await gql(gw, '{ forbidden }', { token: token('alice') });
    expect(forbidden.body.errors?.[0]).toMatchObject({ message: 'this child is not yours to see', extensions: { code: 'FORBIDDEN' } });
    const broken = await gql(gw, '{ broken }', { token: token('alice') });
    expect(broken.body.errors?.[0]?.extensions).toMatchObject({ code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'alpha' });
  });

  it('gives two callers sending the identical query concurrently their own answers (no shared upstream response)', async () => {
    const before = alpha.calls.length;
    const query = '{ whoami(delayMs: 100) }';
    const [a, b] = await Promise.all([gql(gw, query, { token: token('alice') }), gql(gw, query, { token: token('bob') })]);
    expect(a.body).toEqual({ data: { whoami: 'alice' } });
    expect(b.body).toEqual({ data: { whoami: 'bob' } });
    // both reached the subgraph, each with its own token: nothing was de-duplicated
    expect(alpha.calls.slice(before).map((c) => c.sub).sort()).toEqual(['alice', 'bob']);
  });

  it('refuses a depth-50 query with DEPTH_LIMIT_EXCEEDED before any subgraph call', async () => {
    const before = upstreamCalls();
    // `Accept: application/json` would get 200 for ordinary validation errors; ours keep their status
    const r = await gql(gw, nested(50), { token: token('alice'), headers: { accept: 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'DEPTH_LIMIT_EXCEEDED', limit: 15, depth: 50 });
    expect(upstreamCalls()).toBe(before);
    expect((await gql(gw, nested(15), { token: token('alice') })).body.errors).toBeUndefined();
  });

  it('refuses an alias bomb (200 aliases) with ALIAS_LIMIT_EXCEEDED', async () => {
    const before = upstreamCalls();
    const bomb = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: whoami`).join(' ')} }`;
    const r = await gql(gw, bomb, { token: token('alice') });
    expect(r.body.errors?.[0]?.extensions).toEqual({ code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, aliases: 200 });
    expect(upstreamCalls()).toBe(before);
  });

  it('refuses an oversized document with TOKEN_LIMIT_EXCEEDED and an expensive one with COST_LIMIT_EXCEEDED', async () => {
    const before = upstreamCalls();
    const long = await gql(gw, `{ ${'__typename '.repeat(2100)}}`, { token: token('alice') });
    expect(long.body.errors?.[0]?.extensions).toEqual({ code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 });
    const costly = await gql(gw, '{ things { related(first: 100) { related(first: 100) { id } } } }', { token: token('alice') });
    expect(costly.body.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', limit: 25000, cost: 101011 });
    expect(upstreamCalls()).toBe(before);
  });

  it('rate-limits a burst per caller with RATE_LIMITED (429, Retry-After), leaving other callers alone', async () => {
    const t = token('burst-user');
    const results = await Promise.all(Array.from({ length: 12 }, () => gql(tight, '{ __typename }', { token: t })));
    const limited = results.filter((r) => code(r) === 'RATE_LIMITED');
    expect(results.filter((r) => r.body.data?.__typename === 'Query')).toHaveLength(5);
    expect(limited).toHaveLength(7);
    expect(limited[0].status).toBe(429);
    const retryAfter = Number(limited[0].headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited[0].body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
    // the bucket is keyed by sub and org: the same sub in another organisation has its own
    expect((await gql(tight, '{ __typename }', { token: token('burst-user', ['SOCIAL_WORKER'], 'LA-SOUTH') })).status).toBe(200);
  });

  it('allows the default 100-request burst', async () => {
    const t = token('default-burst');
    const results = await Promise.all(Array.from({ length: 100 }, () => gql(gw, '{ __typename }', { token: t })));
    expect(results.every((r) => r.status === 200)).toBe(true);
  });

  it('carries a subscription over graphql-ws: events from one subgraph, fields resolved from the other', async () => {
    const t = token('dana');
    const events = await subscribeOverWs(gw, t, 'subscription { tick(count: 3) { id score name } }');
    expect(events).toEqual([1, 2, 3].map((i) => ({ data: { tick: { id: `t${i}`, score: 20, name: `Thing t${i}` } } })));
    const upstreamWs = beta.calls.filter((c) => c.via === 'ws').at(-1);
    expect(upstreamWs).toMatchObject({ authorization: `Bearer ${t}`, sub: 'dana', signature: 'ok' });
    expect(upstreamWs?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    // the entity fetch for `name` went over HTTP with the same token
    expect(alpha.calls.at(-1)).toMatchObject({ via: 'http', authorization: `Bearer ${t}`, signature: 'ok' });
  });

  it('carries the same subscription over SSE', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token('erin')}` },
      body: JSON.stringify({ query: 'subscription { tick(count: 2) { id name } }' }),
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = (await res.text())
      .split('\n')
      .filter((line) => line.startsWith('data: {'))
      .map((line) => JSON.parse(line.slice('data: '.length)));
    expect(events).toEqual([1, 2].map((i) => ({ data: { tick: { id: `t${i}`, name: `Thing t${i}` } } })));
  });

  it('answers a query whose subgraph does not answer within UPSTREAM_TIMEOUT_MS with GATEWAY_TIMEOUT, and stays up', async () => {
    const started = Date.now();
    const slow = await gql(timed, '{ whoami(delayMs: 3000) }', { token: token('gail') });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(slow.body.errors?.[0]?.extensions?.code).toBe('GATEWAY_TIMEOUT');
    const quick = await gql(timed, '{ whoami }', { token: token('gail') });
    expect(quick.body).toEqual({ data: { whoami: 'gail' } });
  });

  it('never times a subscription: one outliving UPSTREAM_TIMEOUT_MS gets every event and leaves no unhandled rejection', async () => {
    // A timer left behind by a subscription call would reject after the bound with nobody listening, which stops
    // a Node process (and fails this suite).
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const events = await subscribeOverWs(timed, token('hana'), 'subscription { tick(count: 3, everyMs: 250) { id } }');
      const sse = await fetch(timed.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token('hana')}` },
        body: JSON.stringify({ query: 'subscription { tick(count: 2, everyMs: 400) { id } }' }),
      });
      const sseEvents = (await sse.text()).split('\n').filter((line) => line.startsWith('data: {'));
      // past the bound of the last call made above
      await new Promise((r) => setTimeout(r, 400));
      expect(events).toEqual([1, 2, 3].map((i) => ({ data: { tick: { id: `t${i}` } } })));
      expect(sseEvents).toHaveLength(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('closes a WebSocket that presents no token with 4403 before any operation', async () => {
    const before = upstreamCalls();
    const socket = new WebSocket(gw.url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
    expect(await closed).toBe(4403);
    expect(upstreamCalls()).toBe(before);
  });

  it('refuses introspection in production, and lets LA_SYSTEM run only persisted operations', async () => {
    const intro = await gql(prod, '{ __schema { types { name } } }', { token: token('alice') });
    expect(intro.body.data ?? null).toBeNull();
    expect(intro.body.errors?.[0]?.message).toMatch(/introspection/i);
    expect(code(intro)).toBe('GRAPHQL_VALIDATION_FAILED');
    const introSpec = await gql(prod, '{ __schema { types { name } } }', {
      token: token('alice'),
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(introSpec.status).toBe(400);
    expect((await gql(gw, '{ __schema { queryType { name } } }', { token: token('alice') })).body.data).toBeTruthy();

    const system = token('case-system', ['LA_SYSTEM']);
    expect(code(await gql(prod, '{ whoami }', { token: system }))).toBe('PERSISTED_QUERY_REQUIRED');
    const byHash = await gql(prod, '', { token: system, body: { extensions: { persistedQuery: { version: 1, sha256Hash: storedHash } } } });
    expect(byHash.body).toEqual({ data: { whoami: 'case-system' } });
    const byId = await gql(prod, '', { token: system, body: { documentId: storedHash } });
    expect(byId.body).toEqual({ data: { whoami: 'case-system' } });
    expect(code(await gql(prod, '', { token: system, body: { documentId: 'unknown' } }))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await gql(prod, '{ whoami }', { token: token('alice') })).body).toEqual({ data: { whoami: 'alice' } });
  });

  it('is ready while every subgraph is, and 503 naming the subgraph once one stops', async () => {
    const up = await fetch(new URL('/readiness', gw.url));
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ status: 'ready', schemaLoaded: true, subgraphs: { alpha: { ready: true }, beta: { ready: true } } });
    await beta.stop();
    const down = await fetch(new URL('/readiness', gw.url));
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'not ready', subgraphs: { alpha: { ready: true }, beta: { ready: false, error: 'ECONNREFUSED' } } });
  });
});
