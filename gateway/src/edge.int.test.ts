import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createLogger, signToken, DEV_GATEWAY_SIGNING_SECRET, DEV_JWT_SECRET } from '@hub/service-kit';
import { TEST_REDIS } from '@hub/service-kit/testing';
import { startGateway } from './gateway';
import type { GatewayOptions, RunningGateway } from './options';
import { startFixtureSubgraphs, FixtureSubgraph } from '../test/fixture-subgraphs';

const secret = DEV_JWT_SECRET;
const log = createLogger('gateway-edge-test', 'silent');
const token = (sub: string, org = 'LA-NORTH') => `Bearer ${signToken(secret, { sub, roles: ['SOCIAL_WORKER'], org })}`;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body?: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function call(url: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text) as Answer['body'];
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

const post = (gw: RunningGateway, body: string, headers: Record<string, string> = {}) =>
  call(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token('alice'), ...headers }, body });
const get = (gw: RunningGateway, search: string, headers: Record<string, string> = {}) =>
  call(`${gw.url}?${search}`, { headers: { authorization: token('alice'), ...headers } });
const q = (s: string) => encodeURIComponent(s);

describe('the gateway at its HTTP edge', () => {
  let alpha: FixtureSubgraph;
  let beta: FixtureSubgraph;
  let supergraphSdl: string;
  const started: RunningGateway[] = [];
  let gw: RunningGateway;
  const prefix = `gwedge:${randomUUID()}`;
  const upstreamCalls = () => alpha.calls.length + beta.calls.length;

  const start = async (o: Partial<GatewayOptions> = {}) => {
    const g = await startGateway({
      supergraphSdl,
      port: 0,
      nodeEnv: 'test',
      log,
      jwtSecret: secret,
      signingSecret: DEV_GATEWAY_SIGNING_SECRET,
      redisUrl: TEST_REDIS,
      limits: { rateLimit: { requests: 1000, windowMs: 10_000, keyPrefix: `${prefix}:${randomUUID()}` } },
      ...o,
    });
    started.push(g);
    return g;
  };

  beforeAll(async () => {
    const fixtures = await startFixtureSubgraphs(secret);
    ({ alpha, beta, supergraphSdl } = fixtures);
    gw = await start({ maxBodyBytes: 64 * 1024 });
  });

  afterAll(async () => {
    await Promise.all(started.map((g) => g.stop()));
    await Promise.all([alpha?.stop(), beta?.stop()]);
  });

  describe('body size', () => {
    it.each([
      { why: 'with a Content-Length', stream: false },
      { why: 'streamed without a Content-Length', stream: true },
    ])('answers a body over GATEWAY_MAX_BODY_BYTES with a coded 413 ($why), and keeps serving', async ({ stream }) => {
      const before = upstreamCalls();
      const big = JSON.stringify({ query: '{ whoami }', variables: { pad: 'x'.repeat(200 * 1024) } });
      const body = stream
        ? new ReadableStream({
            start(c) {
              const bytes = new TextEncoder().encode(big);
              for (let i = 0; i < bytes.length; i += 16 * 1024) c.enqueue(bytes.slice(i, i + 16 * 1024));
              c.close();
            },
          })
        : big;
      const r = await call(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token('alice') },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
      expect(r.body).toEqual({ errors: [{ message: 'the request body exceeds 65536 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 65536 } }] });
      expect(upstreamCalls()).toBe(before);
      expect((await post(gw, JSON.stringify({ query: '{ whoami }' }))).body).toEqual({ data: { whoami: 'alice' } });
    });

    it('closes a WebSocket whose message is over the same bound with 1009, before any subgraph call', async () => {
      const before = upstreamCalls();
      const socket = new WebSocket(gw.url.replace('http', 'ws'), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: token('alice'), pad: 'x'.repeat(200 * 1024) } })));
      expect(await closed).toBe(1009);
      expect(upstreamCalls()).toBe(before);
      // a message within the bound is served as before
      const ok = new WebSocket(gw.url.replace('http', 'ws'), 'graphql-transport-ws');
      const acked = new Promise<string>((resolve) => ok.on('message', (m) => resolve(String(m))));
      ok.on('open', () => ok.send(JSON.stringify({ type: 'connection_init', payload: { authorization: token('alice') } })));
      expect(JSON.parse(await acked)).toEqual({ type: 'connection_ack' });
      ok.close();
    });

    it('defaults to 1 MiB', async () => {
      const dflt = await start();
      const pad = (n: number) => JSON.stringify({ query: '{ whoami }', variables: { pad: 'x'.repeat(n) } });
      expect((await post(dflt, pad(900 * 1024))).body).toEqual({ data: { whoami: 'alice' } });
      expect((await post(dflt, pad(1024 * 1024))).status).toBe(413);
    });
  });

  describe('malformed requests get a coded 4xx, never a 500 and never parser internals', () => {
    const cases: Array<{ why: string; send: () => Promise<Answer>; status: number; code: string }> = [
      { why: 'GET with variables that are not JSON', send: () => get(gw, `query=${q('{ __typename }')}&variables=${q('{bad')}`), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET with extensions that are not JSON', send: () => get(gw, `query=${q('{ __typename }')}&extensions=${q('{bad')}`), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET with variables that are an array', send: () => get(gw, `query=${q('{ __typename }')}&variables=${q('[1]')}`), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET with a number for extensions', send: () => get(gw, `query=${q('{ __typename }')}&extensions=5`), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET with two queries', send: () => get(gw, `query=${q('{ __typename }')}&query=${q('{ whoami }')}`), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET without a query', send: () => get(gw, 'foo=1', { accept: 'application/graphql-response+json' }), status: 400, code: 'BAD_REQUEST' },
      { why: 'GET running a mutation', send: () => get(gw, `query=${q('mutation { x }')}`), status: 405, code: 'BAD_REQUEST' },
      { why: 'POST with a body that is not JSON', send: () => post(gw, '{bad'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with an empty body', send: () => post(gw, ''), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with a JSON array (a batch)', send: () => post(gw, '[{"query":"{ __typename }"}]'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with JSON null', send: () => post(gw, 'null'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with a number for query', send: () => post(gw, '{"query":5}'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with a string for variables', send: () => post(gw, '{"query":"{ __typename }","variables":"x"}'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with an array for extensions', send: () => post(gw, '{"query":"{ __typename }","extensions":[]}'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST with an object for operationName', send: () => post(gw, '{"query":"{ __typename }","operationName":{}}'), status: 400, code: 'BAD_REQUEST' },
      { why: 'POST as text/plain', send: () => post(gw, '{"query":"{ __typename }"}', { 'content-type': 'text/plain' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { why: 'POST as a form (any web page could send it)', send: () => post(gw, `query=${q('{ __typename }')}`, { 'content-type': 'application/x-www-form-urlencoded' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { why: 'POST as application/graphql', send: () => post(gw, '{ __typename }', { 'content-type': 'application/graphql' }), status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
      { why: 'PUT', send: () => call(gw.url, { method: 'PUT', headers: { authorization: token('alice'), 'content-type': 'application/json' }, body: '{}' }), status: 405, code: 'BAD_REQUEST' },
      { why: 'a syntax error', send: () => post(gw, JSON.stringify({ query: '{ whoami ' }), { accept: 'application/graphql-response+json' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
      { why: 'an unknown field', send: () => post(gw, JSON.stringify({ query: '{ nope }' }), { accept: 'application/graphql-response+json' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
      { why: 'an unknown operation name', send: () => post(gw, JSON.stringify({ query: '{ whoami }', operationName: 'Nope' })), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
      { why: 'two operations and no name', send: () => post(gw, JSON.stringify({ query: 'query A { whoami } query B { whoami }' })), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    ];
    it.each(cases)('$why: $status $code', async ({ send, status, code }) => {
      const before = upstreamCalls();
      const r = await send();
      expect(r.status).toBe(status);
      expect(r.body?.errors?.length).toBeGreaterThan(0);
      for (const e of r.body?.errors ?? []) expect(e.extensions?.code).toBe(code);
      expect(r.text).not.toMatch(/SyntaxError|Unexpected token|position \d|originalError|stack/);
      expect(upstreamCalls()).toBe(before);
    });
  });

  describe('variables of the wrong type', () => {
    it.each([
      { why: 'an object for ID!', query: 'query($id: ID!) { thing(id: $id) { id } }', variables: { id: { a: 1 } }, variable: 'id' },
      { why: 'a string for Int', query: 'query($n: Int) { whoami(delayMs: $n) }', variables: { n: 'x' }, variable: 'n' },
      { why: 'a missing required variable', query: 'query($id: ID!) { thing(id: $id) { id } }', variables: {}, variable: 'id' },
      { why: 'null for a required variable', query: 'query($id: ID!) { thing(id: $id) { id } }', variables: { id: null }, variable: 'id' },
      { why: 'a number too large for Int', query: 'query($n: Int) { whoami(delayMs: $n) }', variables: { n: 2 ** 40 }, variable: 'n' },
    ])('refuse $why with BAD_USER_INPUT (400), naming the variable, before any subgraph call', async ({ query, variables, variable }) => {
      const before = upstreamCalls();
      const r = await post(gw, JSON.stringify({ query, variables }));
      expect(r.status).toBe(400);
      expect(r.body?.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_VARIABLE', variable });
      expect(upstreamCalls()).toBe(before);
    });

    it('also over WebSocket-less subscriptions (SSE)', async () => {
      const r = await call(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: token('alice') },
        body: JSON.stringify({ query: 'subscription($n: Int!) { tick(count: $n) { id } }', variables: { n: 'three' } }),
      });
      expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variable: 'n' });
    });
  });

  describe('header bounds', () => {
    it.each([
      { why: 'longer than 64 characters', id: 'r'.repeat(65) },
      { why: 'with spaces and semicolons', id: 'abc; drop table' },
      { why: 'with a non-ASCII character', id: 'caf%C3%A9' },
    ])('replaces a client x-request-id $why with a generated one, at the gateway and upstream', async ({ id }) => {
      const r = await post(gw, JSON.stringify({ query: '{ whoami }' }), { 'x-request-id': id });
      const assigned = r.headers.get('x-request-id');
      expect(assigned).toMatch(/^[0-9a-f-]{36}$/);
      expect(alpha.calls.at(-1)?.requestId).toBe(assigned);
    });

    it('keeps a 64-character safe request id', async () => {
      const id = `a.b:c-${'9'.repeat(58)}`;
      const r = await post(gw, JSON.stringify({ query: '{ whoami }' }), { 'x-request-id': id });
      expect(r.headers.get('x-request-id')).toBe(id);
      expect(alpha.calls.at(-1)?.requestId).toBe(id);
    });

    it('refuses an operation name over 128 characters with BAD_REQUEST (400), as a parameter or in the document', async () => {
      const before = upstreamCalls();
      const long = 'N'.repeat(129);
      const asParam = await post(gw, JSON.stringify({ query: `query ${long} { whoami }`, operationName: long }));
      expect(asParam.status).toBe(400);
      expect(asParam.body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 128 });
      const inDocument = await post(gw, JSON.stringify({ query: `query ${long} { whoami }` }), { accept: 'application/json' });
      expect(inDocument.status).toBe(400);
      expect(inDocument.body?.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST', limit: 128 });
      const viaGet = await get(gw, `query=${q('{ whoami }')}&operationName=${long}`);
      expect(viaGet.status).toBe(400);
      expect(upstreamCalls()).toBe(before);
      const ok = 'N'.repeat(128);
      expect((await post(gw, JSON.stringify({ query: `query ${ok} { whoami }`, operationName: ok }))).body).toEqual({ data: { whoami: 'alice' } });
      // The caller's operation name travels to the subgraph, signed, for its audit lines.
      expect(alpha.calls.at(-1)).toMatchObject({ forwardedOperation: ok, signature: 'ok' });
      await post(gw, JSON.stringify({ query: '{ whoami }' }));
      expect(alpha.calls.at(-1)?.forwardedOperation).toBeUndefined();
    });
  });

  describe('CORS', () => {
    const preflight = (g: RunningGateway, origin: string) =>
      call(g.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
    const simple = (g: RunningGateway, origin: string) => post(g, JSON.stringify({ query: '{ whoami }' }), { origin });

    it('allows only CORS_ORIGINS when configured', async () => {
      const listed = await start({ corsOrigins: ['https://case.example.gov.uk', 'https://provider.example.org'] });
      for (const origin of ['https://case.example.gov.uk', 'https://provider.example.org']) {
        const pre = await preflight(listed, origin);
        expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
        expect(pre.headers.get('access-control-allow-credentials')).toBe('true');
        expect((await simple(listed, origin)).headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of ['https://evil.example', 'http://localhost:3000', 'https://case.example.gov.uk.evil.example', 'null']) {
        const pre = await preflight(listed, origin);
        expect(pre.headers.get('access-control-allow-origin')).toBeNull();
        expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
        expect((await simple(listed, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('allows loopback origins only, outside production, when nothing is configured', async () => {
      for (const origin of ['http://localhost:3000', 'http://127.0.0.1:4000', 'http://[::1]:8080']) {
        expect((await preflight(gw, origin)).headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of ['https://evil.example', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io']) {
        expect((await preflight(gw, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('allows no origin in production unless configured', async () => {
      const prod = await start({ nodeEnv: 'production' });
      for (const origin of ['http://localhost:3000', 'https://evil.example']) {
        expect((await preflight(prod, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('one rate limit for every gateway instance', () => {
    it('shares the count across two instances through Redis', async () => {
      const shared = { requests: 6, windowMs: 60_000, keyPrefix: `${prefix}:shared` };
      const [one, two] = [await start({ limits: { rateLimit: shared } }), await start({ limits: { rateLimit: shared } })];
      const t = token('two-instances');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => post(i % 2 ? one : two, JSON.stringify({ query: '{ __typename }' }), { authorization: t })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(6);
      const limited = results.filter((r) => r.status === 429);
      expect(limited).toHaveLength(4);
      for (const r of limited) {
        expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      // another caller has its own count on both instances
      expect((await post(one, JSON.stringify({ query: '{ __typename }' }), { authorization: token('someone-else') })).status).toBe(200);
    });

    it('limits callers without a valid token by address, before answering 401', async () => {
      const g = await start({ limits: { rateLimit: { requests: 3, windowMs: 60_000, keyPrefix: `${prefix}:anon` } } });
      const anonymous = await Promise.all(
        Array.from({ length: 5 }, () => call(g.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ whoami }"}' })),
      );
      expect(anonymous.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429]);
      expect(anonymous.find((r) => r.status === 429)?.body?.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      // a forged token counts against the address too
      const forged = await call(g.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' }, body: '{"query":"{ whoami }"}' });
      expect(forged.status).toBe(429);
      // a caller with a valid token is counted by subject, not by the shared address
      expect((await post(g, JSON.stringify({ query: '{ whoami }' }))).status).toBe(200);
    });

    it('fails open to a per-instance limit while Redis is unreachable', async () => {
      const g = await start({ redisUrl: 'redis://127.0.0.1:1', redisReadyTimeoutMs: 100, limits: { rateLimit: { requests: 2, windowMs: 60_000, keyPrefix: `${prefix}:down` } } });
      const t = token('redis-down');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(g, JSON.stringify({ query: '{ __typename }' }), { authorization: t })).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
    });
  });

  describe('what reaches the subgraphs is signed', () => {
    it('signs every forwarded HTTP call (queries, entity fetches)', async () => {
      const before = { alpha: alpha.calls.length, beta: beta.calls.length };
      const r = await post(gw, JSON.stringify({ query: '{ things { id score name } }' }));
      expect(r.body?.errors).toBeUndefined();
      const calls = [...alpha.calls.slice(before.alpha), ...beta.calls.slice(before.beta)];
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls.map((c) => c.signature)).toEqual(calls.map(() => 'ok'));
    });

    it('a gateway with another signing secret is refused by the subgraphs', async () => {
      const other = await start({ signingSecret: 'not-the-secret-the-subgraphs-share-with-us' });
      const r = await post(other, JSON.stringify({ query: '{ whoami }' }));
      expect(r.body?.data ?? null).toBeNull();
      expect(alpha.calls.at(-1)?.signature).toBe('MISMATCH');
    });
  });
});
