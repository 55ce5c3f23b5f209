import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify';
import { createFormatError } from '../graphql/errors';
import { attributeStatements } from '../db/statement-counter';

/** What every request gets before the service adds its own parts. */
export interface RequestBase {
  requestId: string;
  principal: Principal;
  /** Operation name, when the client named it (for audit). */
  operationName?: string;
}

/** Options of {@link startSubgraphServer}. */
export interface SubgraphServerOptions<C extends object> {
  /** Service name, for logs. */
  name: string;
  /** Port; 0 picks a free one. */
  port: number;
  /** Bind address. @default 127.0.0.1 */
  host?: string;
  schema: GraphQLSchema;
  verifier: TokenVerifier;
  log: Logger;
  /** Builds the per-request context (fork the EntityManager, create loaders). */
  context: (base: RequestBase) => Promise<C> | C;
  /** Readiness probe: true when the service's dependencies answer. */
  readiness?: () => Promise<boolean>;
  /** Allow introspection (off in production). @default true */
  introspection?: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /** Called after per-request work, e.g. to flush the audit buffer. */
  afterRequest?: (ctx: C) => Promise<void>;
}

/** A running subgraph. */
export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Serves a subgraph schema over HTTP at `/graphql` with Apollo Server 5, plus `/healthcheck` (liveness) and
 * `/readiness`. Every GraphQL request must carry a valid bearer token: the subgraph verifies it again even
 * behind the gateway, so a caller that skips the gateway gains nothing.
 * @param o - options
 * @returns the running server
 */
export async function startSubgraphServer<C extends object>(o: SubgraphServerOptions<C>): Promise<RunningServer> {
  const apollo = new ApolloServer<C>({
    schema: o.schema,
    introspection: o.introspection ?? true,
    formatError: createFormatError(o.log),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ...(o.plugins ?? [])],
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
  });
  await apollo.start();

  const httpServer = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/healthcheck') return json(res, 200, { status: 'ok', service: o.name });
      if (url.pathname === '/readiness') {
        const ready = o.readiness ? await o.readiness().catch(() => false) : true;
        return json(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', service: o.name });
      }
      if (url.pathname !== '/graphql') return json(res, 404, { error: 'not found' });
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const raw = await readBody(req);
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          return json(res, 400, { errors: [{ message: 'body is not JSON', extensions: { code: 'BAD_REQUEST' } }] });
        }
      }
      const requestId = (req.headers['x-request-id'] as string) || randomUUID();
      let ctxRef: C | undefined;
      const response = await attributeStatements(requestId, () => apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const principal = await o.verifier.verifyHeader(req.headers.authorization);
          const operationName = (body as { operationName?: string } | undefined)?.operationName ?? undefined;
          ctxRef = await o.context({ requestId, principal, operationName });
          return ctxRef;
        },
      }));
      // The audit lines of this request are written (one insert) before the answer leaves, so a read is never
      // returned without its audit record.
      const done = ctxRef;
      const after = o.afterRequest;
      if (done && after) await attributeStatements(requestId, () => after(done));
      for (const [k, v] of response.headers) res.setHeader(k, v);
      res.setHeader('x-request-id', requestId);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      o.log.error({ err }, 'request failed');
      if (!res.headersSent) json(res, status, { errors: [{ message: 'request failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });
  httpServer.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  o.log.info({ port }, `${o.name} subgraph listening`);
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
