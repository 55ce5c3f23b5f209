import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, GraphQLSchema, parse } from 'graphql';
import type { Logger } from '../logger';
import type { TokenVerifier } from '../auth/verify';
import { createFormatError } from '../graphql/errors';
import { attributeStatements, StatementTally } from '../db/statement-counter';
import { errorCodeLabel, errorsTotal, operationLabel, operationNameOf, renderMetrics, requestDuration, requestsTotal, sqlStatementsPerRequest } from '../runtime/metrics';
import {
  OperationLimits,
  costLimitError,
  resolveOperationLimits,
  shapeLimitErrors,
  tokenLimitError,
} from '../limits/operation-limits';
import { DEFAULT_MAX_SKEW_MS, OPERATION_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyGatewaySignature } from './gateway-signature';
import { MAX_OPERATION_NAME_LENGTH, readBoundedBody, safeRequestId, sendGraphQLError, sendPayloadTooLarge } from './request-bounds';
import { attachSubgraphWebSocket } from './subgraph-websocket';
import { PassedDocuments } from '../limits/passed-documents';
import {
  awaitApplied,
  collectRecordedEvents,
  CONSISTENCY_HEADER,
  ConsistencyTokenError,
  decodeConsistencyToken,
  encodeConsistencyToken,
  eventsRoutedTo,
  MAX_TOKEN_EVENTS,
  TokenEvent,
} from '../events/consistency';

export type { RequestBase } from './request-base';
import type { RequestBase } from './request-base';

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
  /** Serve GraphQL at `/graphql`; a worker process serves only the probes and `/metrics`. @default true */
  graphql?: boolean;
  /** Allow introspection (off in production). @default true */
  introspection?: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /** Called after per-request work, e.g. to flush the audit buffer. */
  afterRequest?: (ctx: C) => Promise<void>;
  /** The secret the gateway signs forwarded calls with; unsigned or badly signed calls are refused. */
  signingSecret: string;
  /** Allowed distance between a signature's timestamp and this server's clock. @default 60000 */
  maxSkewMs?: number;
  /** Depth, alias, token and cost limits, applied to every call as the gateway applies them. @default the hub's */
  limits?: Partial<OperationLimits>;
  /** Largest request body, in bytes. @default 2 MiB */
  maxBodyBytes?: number;
  /** Read your own writes (events/consistency.ts); without it, tokens are neither issued nor waited for. */
  consistency?: SubgraphConsistency;
  /** How long `stop()` lets requests in flight finish before closing their connections. @default 5000 */
  shutdownGraceMs?: number;
}

/** How a subgraph issues consistency tokens and waits for the ones sent back. */
export interface SubgraphConsistency {
  /** The service's consumer queue: a request waits for the token's events routed to it. None: nothing to wait for. */
  queue?: string;
  /** Which of the ids the service's consumer has applied (its processed-event record). */
  applied(ids: readonly string[]): Promise<Set<string>>;
  /** Which of the ids recorded during a request are in the outbox (committed). */
  committed(ids: readonly string[]): Promise<Set<string>>;
  /** The bound of a wait (CONSISTENCY_TIMEOUT_MS). */
  timeoutMs: number;
}

/**
 * Adds the consistency token of what a request committed to its JSON answer (`extensions.consistency`), or, past
 * {@link MAX_TOKEN_EVENTS}, `extensions.consistencyOmitted` with the count.
 */
function withToken(body: string, secret: string, committed: TokenEvent[]): string {
  let parsed: { extensions?: Record<string, unknown> } & Record<string, unknown>;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (!parsed || typeof parsed !== 'object') return body;
  const token = encodeConsistencyToken(secret, committed);
  const extension = token ? { consistency: token } : { consistencyOmitted: { events: committed.length, limit: MAX_TOKEN_EVENTS } };
  return JSON.stringify({ ...parsed, extensions: { ...(parsed.extensions ?? {}), ...extension } });
}

/** A running subgraph. */
export interface RunningServer {
  url: string;
  port: number;
  httpServer: http.Server;
  stop(): Promise<void>;
}

const DEFAULT_SUBGRAPH_MAX_BODY = 2 * 1024 * 1024;

/** Codes of the limit errors raised here, passed through to the caller as they are. */
const LIMIT_CODES = new Set<string>(['DEPTH_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED', 'TOKEN_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED']);

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The GraphQL parameters of a request as sent (GET query string or POST JSON body). */
interface SentParams {
  query?: unknown;
  operationName?: unknown;
}

/**
 * Checks what can be checked before Apollo parses and validates: the operation name's length, then the token
 * count, depth and aliases (standard validation's overlapping-fields rule is quadratic in aliases, so an alias
 * bomb must be refused before it runs).
 */
function preflightErrors(params: SentParams, limits: OperationLimits, passed: PassedDocuments): GraphQLError[] {
  if (typeof params.operationName === 'string' && params.operationName.length > MAX_OPERATION_NAME_LENGTH) {
    return [
      new GraphQLError(`the operation name is longer than ${MAX_OPERATION_NAME_LENGTH} characters`, {
        extensions: { code: 'BAD_REQUEST', limit: MAX_OPERATION_NAME_LENGTH },
      }),
    ];
  }
  if (typeof params.query !== 'string') return [];
  // The gateway sends the same few documents over and over: one that passed is not lexed and parsed again.
  if (passed.has(params.query)) return [];
  const tokens = tokenLimitError(params.query, limits);
  if (tokens) return [tokens];
  let errors: GraphQLError[];
  try {
    errors = shapeLimitErrors(parse(params.query, { maxTokens: limits.maxTokens }), limits);
  } catch {
    return []; // Apollo reports the syntax error with GRAPHQL_PARSE_FAILED
  }
  if (errors.length === 0) passed.add(params.query);
  return errors;
}

/**
 * Serves a subgraph schema over HTTP at `/graphql` with Apollo Server 5, plus `/healthcheck` (liveness) and
 * `/readiness`. Every GraphQL request must
 * 1. fit in `maxBodyBytes` (else 413 PAYLOAD_TOO_LARGE; the rest of the body is discarded, then the connection closes);
 * 2. carry the gateway's signature over its method, target, Authorization, x-request-id and body, made with the
 *    shared `signingSecret` within `maxSkewMs` (else 401 GATEWAY_SIGNATURE_REQUIRED or 403 GATEWAY_SIGNATURE_INVALID);
 * 3. be a JSON object (400 BAD_REQUEST), with an operation name of at most 128 characters;
 * 4. stay within the token, depth, alias and cost limits, exactly as at the gateway;
 * 5. carry a valid bearer token: the subgraph verifies it again even behind the gateway.
 * A schema with a Subscription type is also served over graphql-ws on `/graphql`, with the same signature and
 * token checks at `connection_init` (see subgraph-websocket.ts).
 * With `consistency`, a request carrying a consistency token (`x-hub-consistency`) first waits, bounded, until the
 * service has applied the token's events routed to it (a forged token: 400 BAD_USER_INPUT; the bound passed:
 * CONSISTENCY_TIMEOUT, retryable), and an answer to a request that committed events carries their token in
 * `extensions.consistency` (see events/consistency.ts).
 * A port reached directly therefore gains nothing over the gateway. The request id is the gateway's
 * `x-request-id` when it matches the safe pattern, else a new one.
 * @param o - options
 * @returns the running server
 */
export async function startSubgraphServer<C extends object>(o: SubgraphServerOptions<C>): Promise<RunningServer> {
  const limits = resolveOperationLimits(o.limits);
  const passedDocuments = new PassedDocuments();
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_SUBGRAPH_MAX_BODY;
  // Cost depends on variables, so it is checked once the operation is resolved (after validation, before execution).
  const costLimit: ApolloServerPlugin<C> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const error = costLimitError(schema, document, operationName, request.variables, limits);
          if (error) throw error;
        },
      };
    },
  };
  // Errors by code, as raised (before formatting hides an internal error's details).
  const countErrors: ApolloServerPlugin<C> = {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) errorsTotal.inc({ service: o.name, code: errorCodeLabel(e.extensions?.code) });
        },
      };
    },
  };
  const baseFormatError = createFormatError(o.log);
  const apollo = new ApolloServer<C>({
    schema: o.schema,
    introspection: o.introspection ?? true,
    formatError: (formatted, error) =>
      LIMIT_CODES.has(formatted.extensions?.code as string) ? formatted : baseFormatError(formatted, error),
    // Cache control off: the hub sets no cache hints, and its willResolveField hook made Apollo wrap every field
    // resolver of the schema (a promise and a hook call per field of every row of a list).
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled(), costLimit, countErrors, ...(o.plugins ?? [])],
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The service's own handler (onShutdown) stops everything in order. Apollo's handler would race it: a second
    // concurrent apollo.stop() waits on a barrier that is never released, and the process never exits.
    stopOnTerminationSignals: false,
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
      if (url.pathname === '/metrics') {
        const m = await renderMetrics();
        res.writeHead(200, { 'content-type': m.contentType });
        return res.end(m.body);
      }
      if (url.pathname !== '/graphql' || o.graphql === false) return json(res, 404, { error: 'not found' });
      const started = process.hrtime.bigint();
      let operation = 'anonymous';
      res.once('finish', () => {
        requestsTotal.inc({ service: o.name, operation });
        requestDuration.observe({ service: o.name, operation }, Number(process.hrtime.bigint() - started) / 1e9);
      });
      const refuse = (status: number, code: string, message: string, extensions?: Record<string, unknown>) => {
        errorsTotal.inc({ service: o.name, code });
        return sendGraphQLError(res, status, code, message, extensions);
      };
      let raw: Buffer = Buffer.alloc(0);
      if (req.method === 'POST') {
        const read = await readBoundedBody(req, maxBodyBytes);
        if (!read.ok) {
          errorsTotal.inc({ service: o.name, code: 'PAYLOAD_TOO_LARGE' });
          return sendPayloadTooLarge(res, maxBodyBytes);
        }
        raw = read.body;
      }
      const header = (name: string) => {
        const v = req.headers[name];
        return typeof v === 'string' ? v : undefined;
      };
      const signature = verifyGatewaySignature(
        o.signingSecret,
        { timestamp: header(TIMESTAMP_HEADER), signature: header(SIGNATURE_HEADER) },
        { method: req.method ?? 'GET', target: req.url ?? '/', authorization: header('authorization'), requestId: header('x-request-id'), operation: header(OPERATION_HEADER), body: raw },
        { maxSkewMs: o.maxSkewMs ?? DEFAULT_MAX_SKEW_MS },
      );
      if (!signature.ok) {
        o.log.warn({ reason: signature.reason, remote: req.socket.remoteAddress }, 'call without a valid gateway signature refused');
        return refuse(signature.status, signature.code, 'only calls signed by the gateway are accepted', { reason: signature.reason });
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) {
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      }
      let body: unknown = undefined;
      let params: SentParams;
      if (req.method === 'POST') {
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          return refuse(400, 'BAD_REQUEST', 'the body is not valid JSON');
        }
        if (body !== undefined && (body === null || typeof body !== 'object' || Array.isArray(body))) {
          return refuse(400, 'BAD_REQUEST', 'the body must be a JSON object');
        }
        params = (body ?? {}) as SentParams;
      } else {
        params = { query: url.searchParams.get('query') ?? undefined, operationName: url.searchParams.get('operationName') ?? undefined };
      }
      operation = operationLabel(operationNameOf(params.operationName, params.query));
      const refused = preflightErrors(params, limits, passedDocuments);
      if (refused.length) {
        for (const e of refused) errorsTotal.inc({ service: o.name, code: errorCodeLabel(e.extensions?.code) });
        res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
        return res.end(JSON.stringify({ errors: refused.map((e) => ({ message: e.message, extensions: { ...e.extensions, http: undefined } })) }));
      }
      // A consistency token sent back: wait (bounded) until this service has applied the events routed to it.
      const consistencyToken = header(CONSISTENCY_HEADER);
      if (consistencyToken !== undefined && o.consistency) {
        let events: TokenEvent[];
        try {
          events = decodeConsistencyToken(o.signingSecret, consistencyToken);
        } catch (err) {
          if (!(err instanceof ConsistencyTokenError)) throw err;
          return refuse(400, 'BAD_USER_INPUT', err.message, { reason: 'CONSISTENCY_TOKEN_INVALID' });
        }
        const ids = o.consistency.queue ? eventsRoutedTo(events, o.consistency.queue) : [];
        const waited = await awaitApplied({ service: o.name, ids, applied: o.consistency.applied, timeoutMs: o.consistency.timeoutMs });
        if (!waited.ok) {
          // 200, not 503: the gateway sends a read answered 503 again, which would wait once more.
          return refuse(200, 'CONSISTENCY_TIMEOUT', `${o.name} has not yet applied the changes this request depends on; retry shortly`, {
            retryable: true, service: o.name, pending: waited.pending.length, timeoutMs: o.consistency.timeoutMs,
          });
        }
      }
      const requestId = safeRequestId(req.headers['x-request-id']) ?? randomUUID();
      // The caller's operation name as the gateway forwarded it (signed), else the name this call was sent under.
      const forwarded = header(OPERATION_HEADER);
      const operationName = forwarded && forwarded.length <= MAX_OPERATION_NAME_LENGTH ? forwarded
        : typeof params.operationName === 'string' ? params.operationName : undefined;
      let ctxRef: C | undefined;
      const tally: StatementTally = { count: 0 };
      const { result: response, recorded } = await collectRecordedEvents(() => attributeStatements(requestId, () => apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => {
          const principal = await o.verifier.verifyHeader(req.headers.authorization);
          ctxRef = await o.context({ requestId, principal, operationName });
          return ctxRef;
        },
      }), tally));
      // The audit lines of this request are written (one insert) before the answer leaves, so a read is never
      // returned without its audit record.
      const done = ctxRef;
      const after = o.afterRequest;
      if (done && after) await attributeStatements(requestId, () => after(done), tally);
      sqlStatementsPerRequest.observe({ service: o.name }, tally.count);
      for (const [k, v] of response.headers) res.setHeader(k, v);
      res.setHeader('x-request-id', requestId);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        let answer = response.body.string;
        // The events the request committed (a failed or rolled-back change recorded none that count).
        if (recorded.length && o.consistency) {
          const committed = await o.consistency.committed(recorded.map((e) => e.id));
          const kept = recorded.filter((e) => committed.has(e.id));
          if (kept.length) {
            answer = withToken(answer, o.signingSecret, kept);
            res.removeHeader('content-length');
          }
        }
        res.end(answer);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (err) {
      const status = (err as { status?: number }).status ?? 500;
      o.log.error({ err }, 'request failed');
      errorsTotal.inc({ service: o.name, code: 'INTERNAL_SERVER_ERROR' });
      if (!res.headersSent) json(res, status, { errors: [{ message: 'request failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  });
  httpServer.keepAliveTimeout = 65_000;
  // Subscriptions, when the schema has any: graphql-ws on the same path, signed and verified like HTTP calls.
  const ws = o.schema.getSubscriptionType()
    ? attachSubgraphWebSocket<C>(httpServer, {
        name: o.name, schema: o.schema, verifier: o.verifier, log: o.log, signingSecret: o.signingSecret,
        maxSkewMs: o.maxSkewMs, limits, context: o.context, maxPayloadBytes: maxBodyBytes,
      })
    : undefined;

  await new Promise<void>((resolve) => httpServer.listen(o.port, o.host ?? '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  o.log.info({ port }, `${o.name} subgraph listening`);
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}/graphql`,
    port,
    httpServer,
    async stop() {
      // No new connections; idle keep-alive ones close now; requests in flight finish, and a connection still
      // open after the grace period (a client that keeps a socket without sending) is closed.
      await ws?.close();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const fuse = setTimeout(() => httpServer.closeAllConnections(), o.shutdownGraceMs ?? 5000);
      fuse.unref();
      await closed;
      clearTimeout(fuse);
      await apollo.stop();
    },
  };
}
