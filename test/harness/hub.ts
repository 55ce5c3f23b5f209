/**
 * Starts the whole hub for end-to-end tests: the four subgraphs on free ports against one fresh PostgreSQL
 * database (each in its own schema) and the local Redis (a unique queue prefix per run), a supergraph composed
 * from their SDL, and the gateway in front. Tests speak GraphQL over HTTP to the gateway only.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { createLogger, openRedis, QUEUES, EVENT_ROUTES, RunningSubgraph, startSubgraph, subgraphSdl } from '@hub/service-kit';
import { freshDatabase, obliterateQueues, testConfig, TEST_REDIS, gql, GqlResult } from '@hub/service-kit/testing';
import { childrenSubgraph } from '@hub/children';
import { plansSubgraph } from '@hub/plans';
import { reviewsSubgraph } from '@hub/reviews';
import { notificationsSubgraph } from '@hub/notifications';
import { startGateway, GatewayLimits, QueryPlanner } from '@hub/gateway';

export interface Hub {
  url: string;
  subgraphs: Record<'children' | 'plans' | 'reviews' | 'notifications', RunningSubgraph>;
  /** With `split`, the worker process of each service (the `subgraphs` then run the API role only). */
  workers?: Record<'children' | 'plans' | 'reviews' | 'notifications', RunningSubgraph>;
  queuePrefix: string;
  /** POST to the gateway with a bearer token. */
  query<T = Record<string, any>>(q: string, variables?: Record<string, unknown>, authorization?: string): Promise<GqlResult<T>>;
  /** POST to the gateway; the data, or a thrown error naming every GraphQL error. */
  must(q: string, variables: Record<string, unknown>, authorization: string): Promise<Record<string, any>>;
  /** POST to the gateway, expecting a refusal; the first error's extensions (throws when none came). */
  refusal(q: string, variables: Record<string, unknown>, authorization: string): Promise<Record<string, any>>;
  /** Another gateway over the same subgraphs (e.g. with the other query planner); the caller stops it. */
  startGateway(o: { queryPlanner: QueryPlanner }): Promise<{ url: string; stop(): Promise<void> }>;
  /** Waits until every outbox is relayed and every event queue is drained. */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the hub.
 * @param o - label of the database, gateway limits, `split` API and worker processes, the subgraphs' consistency bound
 * @returns the running hub
 */
export async function startHub(o: { label?: string; limits?: GatewayLimits; split?: boolean; consistencyTimeoutMs?: number } = {}): Promise<Hub> {
  const db = await freshDatabase(o.label ?? 'e2e');
  const config = { ...testConfig(db.url), ...(o.consistencyTimeoutMs ? { consistencyTimeoutMs: o.consistencyTimeoutMs } : {}) };
  const queuePrefix = `e2e${randomUUID().slice(0, 8)}`;
  const log = createLogger('e2e', process.env.E2E_LOG_LEVEL ?? 'silent');
  const defs = { children: childrenSubgraph, plans: plansSubgraph, reviews: reviewsSubgraph, notifications: notificationsSubgraph } as const;
  const subgraphs = {} as Hub['subgraphs'];
  // Sequentially: each applies its migrations; the database is created by the first.
  const workers = o.split ? ({} as NonNullable<Hub['workers']>) : undefined;
  for (const [name, def] of Object.entries(defs)) {
    subgraphs[name as keyof typeof defs] = await startSubgraph(def as never, { config, port: 0, log, queuePrefix, role: o.split ? 'api' : 'all' });
    if (workers) workers[name as keyof typeof defs] = await startSubgraph(def as never, { config, port: 0, log, queuePrefix, role: 'worker' });
  }
  const composed = composeServices(
    Object.entries(subgraphs).map(([name, s]) => ({ name, typeDefs: parse(subgraphSdl(s.schema)), url: s.url })),
  );
  if (composed.errors) throw new Error(`composition failed: ${composed.errors.map((e) => e.message).join('; ')}`);
  const gatewayOptions = {
    supergraphSdl: composed.supergraphSdl,
    port: 0,
    jwtSecret: config.jwtSecret,
    signingSecret: config.gatewaySigningSecret,
    redisUrl: TEST_REDIS,
    queuePrefix,
    nodeEnv: 'test',
    log,
    // Scenarios load data quickly through one token; the rate limit has its own test. Each hub counts under its
    // own Redis prefix.
    limits: o.limits ?? { rateLimit: { requests: 100_000, windowMs: 10_000, keyPrefix: `${queuePrefix}:rate` } },
  };
  const gateway = await startGateway(gatewayOptions);
  const url = gateway.url.endsWith('/graphql') ? gateway.url : `${gateway.url.replace(/\/$/, '')}/graphql`;
  const connection = openRedis(TEST_REDIS, { worker: true });
  const queues = [...new Set(EVENT_ROUTES.map((r) => r.queue)), QUEUES.deliveries].map((n) => new Queue(n, { connection, prefix: queuePrefix }));

  return {
    url,
    subgraphs,
    workers,
    queuePrefix,
    query: (q, variables = {}, authorization) => gql(url, q, variables, authorization),
    async startGateway({ queryPlanner }) {
      const g = await startGateway({ ...gatewayOptions, queryPlanner });
      return { url: g.url.endsWith('/graphql') ? g.url : `${g.url.replace(/\/$/, '')}/graphql`, stop: () => g.stop() };
    },
    async must(q, variables, authorization) {
      const r = await gql(url, q, variables, authorization);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    },
    async refusal(q, variables, authorization) {
      const r = await gql(url, q, variables, authorization);
      if (!r.errors?.length) throw new Error(`expected a refusal, got ${JSON.stringify(r.data)}`);
      return r.errors[0]!.extensions as Record<string, any>;
    },
    async settle(timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      let quiet = 0;
      while (quiet < 3) {
        if (Date.now() > until) throw new Error('the hub did not settle');
        let busy = 0;
        for (const s of Object.values(subgraphs)) {
          const schema = s.orm.config.get('schema');
          const rows = await s.orm.em.getConnection().execute(`select count(*)::int as n from "${schema}".outbox_event where published_at is null`);
          busy += rows[0].n;
        }
        for (const q of queues) {
          const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
          busy += c.waiting + c.active + c.prioritized;
        }
        quiet = busy === 0 ? quiet + 1 : 0;
        await new Promise((r) => setTimeout(r, 60));
      }
    },
    async stop() {
      await gateway.stop();
      for (const s of [...Object.values(subgraphs), ...Object.values(workers ?? {})]) await s.stop();
      for (const q of queues) await q.close();
      connection.disconnect();
      await obliterateQueues(queuePrefix);
      await db.drop();
    },
  };
}
