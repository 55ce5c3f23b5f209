/**
 * Test helpers (imported as `@hub/service-kit/testing`, never by production code): a fresh database per test
 * file, a subgraph started on a free port against real PostgreSQL and Redis, tokens, and a GraphQL client.
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Queue } from 'bullmq';
import type { Role } from '../auth/principal';
import { signToken } from '../auth/verify';
import { DEV_GATEWAY_SIGNING_SECRET, DEV_JWT_SECRET, HubConfig, loadHubConfig } from '../config';
import { signGatewayRequest } from '../http/gateway-signature';
import { openRedis } from '../events/redis';
import { EVENT_ROUTES, QUEUES } from '../events/contracts';
import { RunningSubgraph, startSubgraph, SubgraphDefinition } from '../subgraph';
import type { ServiceContext } from '../context';

/** Base URLs of the servers the tests use (CI starts them; see .ci/run). */
export const TEST_PG = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A fresh, uniquely named database for one test file; `drop()` removes it.
 * @param label - a short label for the name
 * @returns the URL and a drop function
 */
export async function freshDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `hubtest_${label.replace(/[^a-z0-9]/gi, '').toLowerCase()}_${process.pid}_${randomUUID().slice(0, 8)}`;
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new Client({ connectionString: TEST_PG });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * Configuration for tests: the given database, the local Redis, the development secret, silent logs.
 * @param databaseUrl - the test database
 * @returns a HubConfig
 */
export function testConfig(databaseUrl: string): HubConfig {
  return { ...loadHubConfig({ NODE_ENV: 'test' }), databaseUrl, redisUrl: TEST_REDIS, jwtSecret: DEV_JWT_SECRET, relayPollMs: 50 };
}

/**
 * Signs a test token.
 * @param roles - one role or several
 * @param org - organisation claim
 * @param sub - subject (defaults to a role-based id)
 * @returns `Bearer …` header value
 */
export function bearer(roles: Role | Role[], org: string, sub?: string): string {
  const list = Array.isArray(roles) ? roles : [roles];
  return `Bearer ${signToken(DEV_JWT_SECRET, { sub: sub ?? `${list[0].toLowerCase()}-${org.toLowerCase()}`, roles: list, org })}`;
}

/** A GraphQL response. */
export interface GqlResult<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/**
 * The headers the gateway adds to a call it forwards: what tests that call a subgraph directly send, so the
 * subgraph accepts them as it accepts the gateway's calls. The gateway ignores them.
 * @param url - the URL called (its path and query string are signed)
 * @param o - method (default POST), body, Authorization, x-request-id, secret (default the development one), clock
 * @returns `x-hub-timestamp` and `x-hub-signature`
 * @example fetch(url, { method: 'POST', body, headers: { ...gatewaySignedHeaders(url, { body }), 'content-type': 'application/json' } })
 */
export function gatewaySignedHeaders(
  url: string,
  o: { method?: string; body?: string; authorization?: string; requestId?: string; secret?: string; now?: number } = {},
): Record<string, string> {
  const { pathname, search } = new URL(url);
  return signGatewayRequest(
    o.secret ?? DEV_GATEWAY_SIGNING_SECRET,
    { method: o.method ?? 'POST', target: pathname + search, authorization: o.authorization, requestId: o.requestId, body: o.body },
    o.now,
  );
}

/**
 * Posts a GraphQL operation, signed as the gateway signs what it forwards (so it works straight at a subgraph).
 * @param url - the /graphql URL
 * @param query - the document
 * @param variables - variables
 * @param authorization - the Authorization header value (omit for none)
 * @returns status, data and errors
 */
export async function gql<T = Record<string, any>>(url: string, query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<GqlResult<T>> {
  const body = JSON.stringify({ query, variables });
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...gatewaySignedHeaders(url, { body, authorization }) },
    body,
  });
  const parsed = (await res.json()) as GqlResult<T>;
  return { status: res.status, data: parsed.data, errors: parsed.errors };
}

/**
 * Starts a subgraph on a free port with a fresh database and a unique queue prefix.
 * @param def - the subgraph definition
 * @param o - `workers: false` to leave the event consumers off (then feed events with `deliver`)
 * @returns the running subgraph, its config, its queue prefix and a stop that also drops the database
 */
export async function startTestSubgraph<C extends ServiceContext>(
  def: SubgraphDefinition<C>,
  o: { workers?: boolean; relay?: boolean; databaseUrl?: string; queuePrefix?: string } = {},
): Promise<RunningSubgraph & { config: HubConfig; queuePrefix: string; stopAll(): Promise<void> }> {
  const db = o.databaseUrl ? null : await freshDatabase(def.name);
  const config = testConfig(o.databaseUrl ?? db!.url);
  const queuePrefix = o.queuePrefix ?? `t${randomUUID().slice(0, 8)}`;
  const running = await startSubgraph(def, { config, port: 0, queuePrefix, workers: o.workers, relay: o.relay });
  return {
    ...running,
    config,
    queuePrefix,
    async stopAll() {
      await running.stop();
      await obliterateQueues(queuePrefix);
      await db?.drop();
    },
  };
}

/**
 * Removes every hub queue under a prefix (tests clean up after themselves).
 * @param prefix - the BullMQ prefix
 */
export async function obliterateQueues(prefix: string): Promise<void> {
  const connection = openRedis(TEST_REDIS, { worker: true });
  const names = new Set<string>([...Object.values(QUEUES), ...EVENT_ROUTES.map((r) => r.queue)]);
  for (const name of names) {
    const q = new Queue(name, { connection, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
  }
  connection.disconnect();
}

/**
 * Waits until `probe` returns a truthy value.
 * @param probe - the check
 * @param timeoutMs - give up after. @default 10000
 * @returns the truthy value
 */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
export { testEvent, testPlacement } from '../events/test-events';
