/**
 * Two tiny federated subgraphs for the gateway's integration test, served on 127.0.0.1 port 0: GraphQL over
 * HTTP at /graphql, graphql-ws at the same path, /readiness. Each checks the gateway's signature with the kit's
 * verifier and refuses what is not signed, verifies the bearer token itself (as real subgraphs do) and records
 * what it received, so tests can assert what the gateway forwarded.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import { execute, GraphQLError, GraphQLSchema, parse, subscribe } from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import jwt from 'jsonwebtoken';
import { DEV_GATEWAY_SIGNING_SECRET, verifyGatewayConnection, verifyGatewaySignature } from '@hub/service-kit';

/** One request as a subgraph saw it. */
export interface RecordedCall {
  via: 'http' | 'ws';
  authorization?: string;
  requestId?: string;
  sub?: string;
  query: string;
  /** `ok`, or why the gateway signature was refused. */
  signature: string;
  operationName?: string;
  /** The caller's operation name the gateway forwarded (`x-hub-operation`, covered by its signature). */
  forwardedOperation?: string;
}

export interface FixtureSubgraph {
  name: string;
  url: string;
  sdl: string;
  calls: RecordedCall[];
  stop(): Promise<void>;
}

interface Ctx {
  sub: string;
}

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const ALPHA_SDL = `${LINK}
type Query {
  whoami(delayMs: Int = 0): String!
  thing(id: ID!): Thing
  forbidden: String
  broken: String
  deep: Node
}
type Node { value: Int  child: Node }
type Thing @key(fields: "id") { id: ID!  name: String!  related(first: Int): [Thing!]! }
`;

const alphaResolvers = {
  Query: {
    whoami: async (_: unknown, a: { delayMs: number }, ctx: Ctx) => {
      if (a.delayMs) await sleep(a.delayMs);
      return ctx.sub;
    },
    thing: (_: unknown, a: { id: string }) => ({ id: a.id }),
    forbidden: () => {
      throw new GraphQLError('this child is not yours to see', { extensions: { code: 'FORBIDDEN' } });
    },
    broken: () => {
      throw new Error('database on fire');
    },
    deep: () => ({ value: 1 }),
  },
  Node: { child: () => ({ value: 1 }) },
  Thing: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    name: (t: { id: string }) => `Thing ${t.id}`,
    related: (t: { id: string }) => [{ id: `${t.id}-r` }],
  },
};

const BETA_SDL = `${LINK}
type Query { things: [Thing!]! }
type Thing @key(fields: "id") { id: ID!  score: Int! }
type Subscription { tick(count: Int!, everyMs: Int = 20): Thing! }
`;

const betaResolvers = {
  Query: { things: () => [{ id: '1' }, { id: '2' }] },
  Thing: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    score: (t: { id: string }) => t.id.length * 10,
  },
  Subscription: {
    tick: {
      subscribe: async function* (_: unknown, a: { count: number; everyMs: number }) {
        for (let i = 1; i <= a.count; i++) {
          await sleep(a.everyMs);
          yield { tick: { id: `t${i}` } };
        }
      },
    },
  },
};

function verify(secret: string, authorization: unknown): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(typeof authorization === 'string' ? authorization : '');
  if (!m) return undefined;
  try {
    const payload = jwt.verify(m[1], secret, { algorithms: ['HS256'] });
    return typeof payload === 'object' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serve(name: string, sdl: string, schema: GraphQLSchema, secret: string, signingSecret: string): Promise<FixtureSubgraph> {
  const calls: RecordedCall[] = [];
  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/readiness') return send(200, { status: 'ready', service: name });
    if (req.url !== '/graphql' || req.method !== 'POST') return send(404, { error: 'not found' });
    const raw = await readBody(req);
    const body = JSON.parse(raw) as { query: string; variables?: Record<string, unknown>; operationName?: string };
    const authorization = req.headers.authorization;
    const requestId = req.headers['x-request-id'] as string | undefined;
    const signed = verifyGatewaySignature(
      signingSecret,
      { timestamp: req.headers['x-hub-timestamp'], signature: req.headers['x-hub-signature'] },
      { method: req.method ?? 'POST', target: req.url ?? '', authorization, requestId, operation: req.headers['x-hub-operation'] as string | undefined, body: raw },
    );
    const sub = verify(secret, authorization);
    const signature = signed.ok ? 'ok' : signed.reason;
    calls.push({ via: 'http', authorization, requestId, sub, query: body.query, signature, operationName: body.operationName, forwardedOperation: req.headers['x-hub-operation'] as string | undefined });
    if (!signed.ok) return send(signed.status, { errors: [{ message: 'not signed by the gateway', extensions: { code: signed.code } }] });
    if (!sub) return send(401, { errors: [{ message: 'no valid token', extensions: { code: 'UNAUTHENTICATED' } }] });
    const result = await execute({
      schema,
      document: parse(body.query),
      variableValues: body.variables,
      operationName: body.operationName,
      contextValue: { sub } satisfies Ctx,
    });
    send(200, result);
  });
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer(
    {
      schema,
      execute,
      subscribe,
      onConnect: (ctx) => {
        const params = ctx.connectionParams ?? {};
        const sub = verify(secret, params.authorization);
        const signed = verifyGatewayConnection(signingSecret, params);
        const signature = signed.ok ? 'ok' : signed.reason;
        calls.push({ via: 'ws', authorization: params.authorization as string, requestId: params['x-request-id'] as string, sub, query: '', signature });
        return Boolean(sub) && signed.ok;
      },
      context: (ctx) => ({ sub: verify(secret, ctx.connectionParams?.authorization) }),
    },
    wss,
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped: Promise<void> | undefined;
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    sdl,
    calls,
    stop: () =>
      (stopped ??= (async () => {
        await ws.dispose();
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      })()),
  };
}

/**
 * Starts both fixture subgraphs and composes them.
 * @param secret - the HS256 secret the gateway also uses
 * @param signingSecret - the gateway signing secret. @default the development one
 * @returns the subgraphs and the supergraph SDL routing to them
 */
export async function startFixtureSubgraphs(secret: string, signingSecret = DEV_GATEWAY_SIGNING_SECRET) {
  const alphaSchema = buildSubgraphSchema({ typeDefs: parse(ALPHA_SDL), resolvers: alphaResolvers as never });
  const betaSchema = buildSubgraphSchema({ typeDefs: parse(BETA_SDL), resolvers: betaResolvers as never });
  const alpha = await serve('alpha', ALPHA_SDL, alphaSchema, secret, signingSecret);
  const beta = await serve('beta', BETA_SDL, betaSchema, secret, signingSecret);
  const composed = composeServices(
    [alpha, beta].map((s) => ({ name: s.name, typeDefs: parse(s.sdl), url: s.url })),
  );
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return { alpha, beta, supergraphSdl: composed.supergraphSdl };
}
