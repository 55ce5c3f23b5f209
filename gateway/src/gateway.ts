import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type IORedis from 'ioredis';
import { parse } from 'graphql';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
// Static import, for the reason given for the transports below.
import { rustPlannerHandler } from './rust-planner';
// Static imports on purpose: Hive would otherwise `import()` the transports itself, and a dynamic import of a
// Hive package from CommonJS loads a second copy of it.
import httpTransport from '@graphql-mesh/transport-http';
import wsTransport from '@graphql-mesh/transport-ws';
import { DEFAULT_MAX_BODY_BYTES, openRedis, readBoundedBody, renderMetrics, sendPayloadTooLarge, TokenVerifier } from '@hub/service-kit';
import { resolveLimits, GatewayOptions, RunningGateway } from './options';
import { SharedRateLimiter } from './limits/rate-limiter';
import { useCallerGuard, HubContext } from './plugins/use-caller-guard';
import { useOperationLimits } from './plugins/use-operation-limits';
import { useRequestShape } from './plugins/use-request-shape';
import { useUpstreamSignature } from './plugins/use-upstream-signature';
import { useUpstreamTimeout } from './plugins/use-upstream-timeout';
import { useConsistency } from './plugins/use-consistency';
import { useMetrics } from './plugins/use-metrics';
import { shouldRetryUpstream, upstreamRetryFromEnv } from './upstream-retry';
import { explicitQueryPlanner, resolveQueryPlanner } from './query-planner';
import { corsOption, corsPolicy } from './cors';
import { upstreamTransportEntries } from './upstream';
import { hiveLoggerFrom } from './hive-logger';
import { checkReadiness, subgraphUrlsOf, ReadinessReport } from './readiness';
import { attachWebSocket } from './websocket';
import { providerPage } from './provider-page';
import { opsBoard } from './ops-board';

const GRAPHQL_PATH = '/graphql';

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** Waits until the connection is ready (so the first requests are counted in Redis), at most `timeoutMs`. */
function redisReady(redis: IORedis, timeoutMs: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.on('ready', onReady);
  });
}

function requireRedisUrl(url: string | undefined): string {
  if (!url) throw new Error('the shared rate limit needs redisUrl (REDIS_URL); set limits.rateLimit to false to run without it');
  return url;
}

/**
 * Starts the hub's gateway: the Hive Gateway runtime over the composed supergraph, served by a plain node
 * HTTP server at `/graphql` (GET/POST, SSE subscriptions, GraphiQL outside production), graphql-ws
 * subscriptions on the same path, `/healthcheck` (liveness) and `/readiness` (schema loaded and every
 * subgraph's own `/readiness` answering 200), and the example provider front end at `/provider`. Every operation needs a valid bearer token, verified here and
 * forwarded with an `x-request-id` to each subgraph, which verifies it again; every forwarded call is signed
 * with the shared GATEWAY_SIGNING_SECRET, and subgraphs refuse unsigned ones. Bodies over `maxBodyBytes` get 413
 * PAYLOAD_TOO_LARGE before the runtime sees them; malformed requests get coded 400s. Depth, alias, token, cost,
 * variable and shared (Redis) rate limits and persisted operations apply before any subgraph is called.
 * Browsers may call only from the allowed origins (CORS).
 * The schema is loaded before the server listens: a WebSocket operation arriving first would otherwise fail.
 * @param o - options
 * @returns the running gateway; call `stop()` to close it (the caller installs signal handlers)
 * @example const gw = await startGateway({ supergraphSdl, port: 4000, nodeEnv: 'development', log, jwtSecret, signingSecret, redisUrl });
 */
export async function startGateway(o: GatewayOptions): Promise<RunningGateway> {
  const limits = resolveLimits(o.limits);
  const host = o.host ?? '127.0.0.1';
  const production = o.nodeEnv === 'production';
  const verifier = new TokenVerifier({
    jwtSecret: o.jwtSecret,
    jwksUrl: o.jwksUrl,
    jwtIssuer: o.jwtIssuer,
    jwtAudience: o.jwtAudience,
    jwtMaxLifetimeS: o.jwtMaxLifetimeS,
  });
  const subgraphUrls = subgraphUrlsOf(o.supergraphSdl, o.subgraphUrls);
  const supergraph = parse(o.supergraphSdl);
  const maxBodyBytes = o.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!o.signingSecret) throw new Error('startGateway needs signingSecret (GATEWAY_SIGNING_SECRET)');
  let rateLimiter: SharedRateLimiter | undefined;
  const redis = limits.rateLimit ? openRedis(requireRedisUrl(o.redisUrl), { name: 'gateway-rate-limit' }) : undefined;
  if (limits.rateLimit && redis) {
    rateLimiter = new SharedRateLimiter({
      redis,
      requests: limits.rateLimit.requests,
      windowMs: limits.rateLimit.windowMs,
      keyPrefix: limits.rateLimit.keyPrefix ?? 'hub:rate',
      log: o.log,
    });
  }

  const retry = o.upstreamRetry ?? upstreamRetryFromEnv(process.env);
  const queryPlanner = await resolveQueryPlanner(o.queryPlanner ?? explicitQueryPlanner(process.env), o.log);
  const runtime = createGatewayRuntime<HubContext>({
    supergraph: () => supergraph,
    transports: { http: httpTransport, ws: wsTransport },
    transportEntries: upstreamTransportEntries(subgraphUrls),
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: !production,
    landingPage: false,
    cors: corsOption(corsPolicy(o.nodeEnv, o.corsOrigins)),
    logging: hiveLoggerFrom(o.log),
    // Our guard assigns and forwards request ids for HTTP and WebSocket alike.
    requestId: false,
    // Explicit, because sharing a response between callers is a cross-tenant leak (see upstream.ts).
    inboundInflightRequestDeduplication: false,
    ...(production ? { disableIntrospection: {} } : {}),
    // A call to an instance that is going away is sent again (to another instance behind the subgraph's Service)
    // when that is safe: reads, and writes that never reached a subgraph (upstream-retry.ts).
    upstreamRetry: { maxRetries: retry.maxRetries, retryDelay: retry.retryDelayMs, retryDelayFactor: 1.5, shouldRetry: shouldRetryUpstream },
    // `rust`: Hive's router query planner plans each query and mutation and its executor runs the plan
    // (subscriptions as under `js`, see rust-planner.ts); `js`: Hive Gateway's own planning and merging
    // (graphql-tools). Plugins, transports and hooks are the same for both.
    ...(queryPlanner === 'rust' ? { unifiedGraphHandler: rustPlannerHandler } : {}),
    plugins: () => [
      useMetrics(),
      useRequestShape(),
      useCallerGuard({
        verifier,
        rateLimiter,
        signingSecret: o.signingSecret,
        persisted: o.persistedOperations ?? { mode: 'off', store: {} },
        maxTokens: limits.maxTokens,
      }),
      useOperationLimits(limits),
      // Read your own writes: checks and forwards a client's consistency token, merges the subgraphs' tokens.
      useConsistency(o.signingSecret),
      useUpstreamSignature(o.signingSecret),
      // UPSTREAM_TIMEOUT_MS bounds each query and mutation call to a subgraph; subscriptions are not timed.
      useUpstreamTimeout(retry.timeoutMs),
    ],
  });
  await runtime.getSchema();
  const schemaLoaded = true;
  if (redis && !(await redisReady(redis, o.redisReadyTimeoutMs ?? 3000))) {
    o.log.warn('rate limit: Redis is not reachable at start-up; failing open to a per-instance in-memory limit until it is');
  }

  // Concurrent probes share one round of subgraph checks, so /readiness cannot amplify traffic.
  let probing: Promise<ReadinessReport> | undefined;
  const readiness = (): Promise<ReadinessReport> =>
    (probing ??= checkReadiness(subgraphUrls, schemaLoaded, o.readinessTimeoutMs ?? 2000).finally(() => {
      probing = undefined;
    }));

  const provider = providerPage();
  // The operators' queue dashboard, where the hub's Redis is known (ops-board.ts checks the token first).
  const boardRedis = o.redisUrl && o.opsBoard !== false ? openRedis(o.redisUrl, { name: 'gateway-ops-board' }) : undefined;
  const board = boardRedis
    ? opsBoard({ redis: boardRedis, queuePrefix: o.queuePrefix, verifier, secret: o.signingSecret, production, log: o.log })
    : undefined;
  const httpServer = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthcheck') return sendJson(res, 200, { status: 'ok' });
    if (path === '/metrics') {
      renderMetrics().then(
        (m) => {
          res.writeHead(200, { 'content-type': m.contentType });
          res.end(m.body);
        },
        (err) => {
          o.log.error({ err }, 'metrics could not be collected');
          sendJson(res, 500, { error: 'metrics unavailable' });
        },
      );
      return;
    }
    if (provider(req, res, path)) return;
    if (board?.(req, res, path)) return;
    if (path === '/readiness') {
      readiness().then(
        (report) => sendJson(res, report.status === 'ready' ? 200 : 503, report),
        (err) => {
          o.log.error({ err }, 'readiness check failed');
          sendJson(res, 503, { status: 'not ready' });
        },
      );
      return;
    }
    if (req.method !== 'POST') {
      // requestListener writes the response (handleNodeRequestAndResponse only returns it).
      runtime.requestListener(req, res);
      return;
    }
    // The body is read here, bounded, so an oversized one costs at most the limit in memory and gets a coded
    // 413; the runtime then reads the buffered body (whatwg-node takes a Buffer `body` as already read).
    readBoundedBody(req, maxBodyBytes).then(
      (read) => {
        if (!read.ok) {
          o.log.info({ received: read.received, limit: maxBodyBytes }, 'request body too large');
          return sendPayloadTooLarge(res, maxBodyBytes);
        }
        (req as http.IncomingMessage & { body?: Buffer }).body = read.body;
        runtime.requestListener(req, res);
      },
      (err: unknown) => {
        o.log.info({ err }, 'request body could not be read');
        res.destroy();
      },
    );
  });
  httpServer.keepAliveTimeout = 65_000;
  const ws = attachWebSocket(httpServer, runtime, { path: GRAPHQL_PATH, verifier, log: o.log, maxPayloadBytes: maxBodyBytes });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(o.port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${GRAPHQL_PATH}`;
  o.log.info({ port, subgraphs: subgraphUrls, queryPlanner }, 'gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    httpServer,
    stop: () =>
      (stopping ??= (async () => {
        await ws.close();
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        // In-flight requests get a grace period; long-lived SSE streams are then cut.
        const fuse = setTimeout(() => httpServer.closeAllConnections(), o.shutdownGraceMs ?? 5000);
        fuse.unref();
        await closed;
        clearTimeout(fuse);
        await runtime.dispose();
        await board?.close();
        boardRedis?.disconnect();
        redis?.disconnect();
        o.log.info('gateway stopped');
      })()),
  };
}
