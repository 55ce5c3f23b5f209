import { buildSchema, GraphQLFieldResolver } from 'graphql';
import { TokenVerifier, signToken } from '../auth/verify';
import { DEV_GATEWAY_SIGNING_SECRET, DEV_JWT_SECRET } from '../config';
import { createLogger } from '../logger';
import { bearer, gatewaySignedHeaders, gql } from '../testing';
import { RequestBase, RunningServer, startSubgraphServer } from './subgraph-server';
import { randomUUID } from 'node:crypto';
import { CONSISTENCY_HEADER, encodeConsistencyToken } from '../events/consistency';
import { QUEUES } from '../events/contracts';

const schema = buildSchema(`
  type Query { whoami: String  node(id: ID!): Node  deep: Node  list(first: Int): [Node!]! }
  type Node { id: ID!  child: Node  list(first: Int): [Node!]! }
`);
const node = (id: string) => ({ id });
const resolvers: Record<string, Record<string, GraphQLFieldResolver<unknown, { base: RequestBase }>>> = {
  Query: { whoami: (_s, _a, ctx) => ctx.base.principal.sub, node: (_s, a) => node(a.id), deep: () => node('d'), list: () => [node('l')] },
  Node: { child: () => node('c'), list: () => [node('l')] },
};
for (const [type, fields] of Object.entries(resolvers)) {
  const t = schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> };
  for (const [name, resolve] of Object.entries(fields)) t.getFields()[name].resolve = resolve;
}

const SW = bearer('SOCIAL_WORKER', 'LA-NORTH', 'sw-1');
const nested = (depth: number) => `{ deep { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

describe('subgraph server: only what the gateway signed, within the hub limits', () => {
  let server: RunningServer;
  const seen: RequestBase[] = [];

  beforeAll(async () => {
    server = await startSubgraphServer({
      name: 'fixture',
      port: 0,
      schema,
      verifier: new TokenVerifier({ jwtSecret: DEV_JWT_SECRET }),
      log: createLogger('fixture', 'silent'),
      signingSecret: DEV_GATEWAY_SIGNING_SECRET,
      context: (base) => {
        seen.push(base);
        return { base };
      },
    });
  });
  afterAll(() => server?.stop());

  const post = async (body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: JSON.parse(text) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
  };
  const signedPost = (payload: unknown, o: { authorization?: string; requestId?: string; now?: number } = {}) => {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const authorization = o.authorization ?? SW;
    return post(body, {
      authorization,
      ...(o.requestId ? { 'x-request-id': o.requestId } : {}),
      ...gatewaySignedHeaders(server.url, { body, authorization, requestId: o.requestId, now: o.now }),
    });
  };

  it('runs a signed call', async () => {
    const r = await gql(server.url, '{ whoami }', {}, SW);
    expect(r).toMatchObject({ status: 200, data: { whoami: 'sw-1' } });
  });

  describe('refuses calls the gateway did not sign, before reading the token or running anything', () => {
    const body = JSON.stringify({ query: '{ whoami }' });
    it.each([
      { why: 'unsigned', headers: (): Record<string, string> => ({}), status: 401, code: 'GATEWAY_SIGNATURE_REQUIRED', reason: 'MISSING' },
      {
        why: 'forged',
        headers: () => ({ 'x-hub-timestamp': String(Date.now()), 'x-hub-signature': `v1=${'ab'.repeat(32)}` }),
        status: 403,
        code: 'GATEWAY_SIGNATURE_INVALID',
        reason: 'MISMATCH',
      },
      {
        why: 'signed with another secret',
        headers: () => gatewaySignedHeaders(server.url, { body, authorization: SW, secret: 'someone-elses-secret-of-some-length' }),
        status: 403,
        code: 'GATEWAY_SIGNATURE_INVALID',
        reason: 'MISMATCH',
      },
      {
        why: 'expired (a replay two minutes later)',
        headers: () => gatewaySignedHeaders(server.url, { body, authorization: SW, now: Date.now() - 120_000 }),
        status: 403,
        code: 'GATEWAY_SIGNATURE_INVALID',
        reason: 'EXPIRED',
      },
      {
        why: 'signed for another body',
        headers: () => gatewaySignedHeaders(server.url, { body: JSON.stringify({ query: '{ __typename }' }), authorization: SW }),
        status: 403,
        code: 'GATEWAY_SIGNATURE_INVALID',
        reason: 'MISMATCH',
      },
      {
        why: 'signed for another caller',
        headers: () => gatewaySignedHeaders(server.url, { body, authorization: bearer('SOCIAL_WORKER', 'LA-SOUTH') }),
        status: 403,
        code: 'GATEWAY_SIGNATURE_INVALID',
        reason: 'MISMATCH',
      },
    ])('$why', async ({ headers, status, code, reason }) => {
      const before = seen.length;
      const r = await post(body, { authorization: SW, ...headers() });
      expect(r.status).toBe(status);
      expect(r.body.errors?.[0].extensions).toEqual({ code, reason });
      expect(r.body.data).toBeUndefined();
      expect(seen.length).toBe(before);
    });

    it('unsigned GET', async () => {
      const res = await fetch(`${server.url}?query=${encodeURIComponent('{ whoami }')}`, { headers: { authorization: SW, 'apollo-require-preflight': '1' } });
      expect(res.status).toBe(401);
    });

    it('signed GET runs (the query string is what is signed)', async () => {
      const url = `${server.url}?query=${encodeURIComponent('{ whoami }')}`;
      const res = await fetch(url, { headers: { authorization: SW, 'apollo-require-preflight': '1', ...gatewaySignedHeaders(url, { method: 'GET', authorization: SW }) } });
      expect(await res.json()).toEqual({ data: { whoami: 'sw-1' } });
    });
  });

  it.each([
    { why: 'with a Content-Length', stream: false },
    { why: 'streamed without a Content-Length', stream: true },
  ])('answers an oversized body with 413 PAYLOAD_TOO_LARGE ($why), and keeps serving', async ({ stream }) => {
    const big = JSON.stringify({ query: '{ whoami }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    const body = stream
      ? new ReadableStream({
          start(c) {
            const bytes = new TextEncoder().encode(big);
            for (let i = 0; i < bytes.length; i += 64 * 1024) c.enqueue(bytes.slice(i, i + 64 * 1024));
            c.close();
          },
        })
      : big;
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: SW }, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ errors: [{ message: 'the request body exceeds 2097152 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE', limit: 2097152 } }] });
    expect((await gql(server.url, '{ whoami }', {}, SW)).data).toEqual({ whoami: 'sw-1' });
  });

  it.each([
    { why: 'a 41-level query', query: nested(41), expected: { code: 'DEPTH_LIMIT_EXCEEDED', limit: 15, depth: 41 } },
    { why: '500 aliases', query: `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: whoami`).join(' ')} }`, expected: { code: 'ALIAS_LIMIT_EXCEEDED', limit: 30, aliases: 500 } },
    { why: 'an oversized document', query: `{ ${'__typename '.repeat(2100)}}`, expected: { code: 'TOKEN_LIMIT_EXCEEDED', limit: 2000 } },
    { why: 'a costly query', query: '{ list(first: 100) { list(first: 100) { list(first: 100) { id } } } }', expected: { code: 'COST_LIMIT_EXCEEDED', limit: 25000, cost: 1010101 } },
  ])('refuses $why even when signed, before running it', async ({ query, expected }) => {
    const before = seen.length;
    const r = await gql(server.url, query, {}, SW);
    expect(r.status).toBe(400);
    expect(r.errors?.[0].extensions).toEqual(expected);
    expect(r.data ?? undefined).toBeUndefined();
    if (expected.code !== 'COST_LIMIT_EXCEEDED') expect(seen.length).toBe(before);
    expect((await gql(server.url, nested(15), {}, SW)).errors).toBeUndefined();
    // Documents that passed are remembered, refused ones are not: the same document is refused again.
    const again = await gql(server.url, query, {}, SW);
    expect(again.status).toBe(400);
    expect(again.errors?.[0].extensions).toEqual(expected);
  });

  it('answers a document that passed the limits again the same', async () => {
    const first = await signedPost({ query: '{ whoami }' });
    const second = await signedPost({ query: '{ whoami }' });
    expect(JSON.parse(first.text)).toEqual({ data: { whoami: 'sw-1' } });
    expect(second.text).toBe(first.text);
  });

  it('prices `first: $n` on the variable', async () => {
    const q = 'query($n: Int) { list(first: $n) { list(first: $n) { list(first: $n) { id } } } }';
    expect((await gql(server.url, q, { n: 100 }, SW)).errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect((await gql(server.url, q, { n: 5 }, SW)).errors).toBeUndefined();
  });

  it.each([
    { why: 'an object for ID!', query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: { a: 1 } } },
    { why: 'a string for Int', query: 'query($n: Int) { list(first: $n) { id } }', variables: { n: 'ten' } },
    { why: 'a missing required variable', query: 'query($id: ID!) { node(id: $id) { id } }', variables: {} },
  ])('refuses $why with BAD_USER_INPUT (400)', async ({ query, variables }) => {
    const r = await gql(server.url, query, variables, SW);
    expect(r.status).toBe(400);
    expect(r.errors?.length).toBeGreaterThan(0);
    for (const e of r.errors ?? []) expect(e.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    { why: 'a body that is not JSON', body: '{"query": "{ whoami }"', message: 'the body is not valid JSON' },
    { why: 'a JSON array', body: '[{"query":"{ whoami }"}]', message: 'the body must be a JSON object' },
    { why: 'a JSON string', body: '"{ whoami }"', message: 'the body must be a JSON object' },
  ])('refuses $why with BAD_REQUEST and no parser internals', async ({ body, message }) => {
    const r = await signedPost(body);
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('keeps a safe x-request-id and replaces an unbounded one', async () => {
    await signedPost({ query: '{ whoami }' }, { requestId: 'gw-req-1' });
    expect(seen.at(-1)?.requestId).toBe('gw-req-1');
    const long = 'r'.repeat(65);
    const r = await signedPost({ query: '{ whoami }' }, { requestId: long });
    expect(r.body.data).toEqual({ whoami: 'sw-1' });
    expect(seen.at(-1)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('x-request-id')).toBe(seen.at(-1)?.requestId);
    const odd = await signedPost({ query: '{ whoami }' }, { requestId: 'a b;drop' });
    expect(odd.body.data).toEqual({ whoami: 'sw-1' });
    expect(seen.at(-1)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('passes an operation name of up to 128 characters into the context and refuses a longer one', async () => {
    const ok = 'N'.repeat(128);
    await signedPost({ query: `query ${ok} { whoami }`, operationName: ok });
    expect(seen.at(-1)?.operationName).toBe(ok);
    const before = seen.length;
    const long = 'N'.repeat(129);
    const r = await signedPost({ query: `query ${long} { whoami }`, operationName: long });
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions).toEqual({ code: 'BAD_REQUEST', limit: 128 });
    expect(seen.length).toBe(before);
  });

  it('still verifies the bearer token of a signed call', async () => {
    const expired = `Bearer ${signToken(DEV_JWT_SECRET, { sub: 'x', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' }, -10)}`;
    const r = await gql(server.url, '{ whoami }', {}, expired);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('subgraph server: consistency tokens sent back', () => {
  let server: RunningServer;
  const asked: string[][] = [];

  beforeAll(async () => {
    server = await startSubgraphServer({
      name: 'fixture-consistency',
      port: 0,
      schema,
      verifier: new TokenVerifier({ jwtSecret: DEV_JWT_SECRET }),
      log: createLogger('fixture', 'silent'),
      signingSecret: DEV_GATEWAY_SIGNING_SECRET,
      context: (base) => ({ base }),
      consistency: {
        queue: QUEUES.eventsReviews,
        applied: async (ids) => {
          asked.push([...ids]);
          return new Set(ids);
        },
        committed: async () => new Set(),
        timeoutMs: 50,
      },
    });
  });
  afterAll(() => server?.stop());

  const call = async (token: string) => {
    const body = JSON.stringify({ query: '{ whoami }' });
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: SW, [CONSISTENCY_HEADER]: token, ...gatewaySignedHeaders(server.url, { body, authorization: SW }) },
      body,
    });
    return { status: res.status, body: (await res.json()) as { data?: any; errors?: Array<{ extensions?: any }> } };
  };

  it('refuses a token it did not issue with BAD_USER_INPUT, before looking for any event', async () => {
    const forged = encodeConsistencyToken('another-secret-of-at-least-32-characters', [{ id: randomUUID(), type: 'ChildRegistered' }])!;
    const r = await call(forged);
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'CONSISTENCY_TOKEN_INVALID' });
    expect(asked).toEqual([]);
  });

  it('looks only for the events routed to its own queue', async () => {
    const registered = randomUUID();
    const token = encodeConsistencyToken(DEV_GATEWAY_SIGNING_SECRET, [{ id: registered, type: 'ChildRegistered' }, { id: randomUUID(), type: 'IroAssigned' }])!;
    const r = await call(token);
    expect(r.body.data).toEqual({ whoami: 'sw-1' });
    expect(asked).toEqual([[registered]]);
  });
});
