import type { MikroORM, MigrationObject, Options } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { HubConfig } from './config';
import { createLogger, Logger } from './logger';
import { openOrm } from './db/orm';
import { openRedis } from './events/redis';
import { OutboxRelay } from './events/outbox-relay';
import { startEventConsumer } from './events/event-consumer';
import type { EventSource } from './events/contracts';
import type { EventHandlerRegistry } from './events/handlers';
import { TokenVerifier } from './auth/verify';
import { createServiceContext, ServiceContext } from './context';
import { refreshCalendar } from './calendar/hub-calendar';
import { RunningServer, startSubgraphServer } from './http/subgraph-server';
import { operationLimitsFromEnv } from './limits/operation-limits';
import { ProcessRole, runsApi, runsWorkers } from './runtime/process-role';
import { QUEUES } from './events/contracts';
import { eventHandlingLag } from './runtime/metrics';
import { reportOutbox, reportQueues } from './runtime/service-metrics';
import { databaseUrlFor, queuePrefixFrom } from './runtime/placement';

/** Everything the runner needs to know about one subgraph. */
export interface SubgraphDefinition<C extends ServiceContext = ServiceContext> {
  name: EventSource;
  /** PostgreSQL schema owned by the service. */
  schema: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  buildSchema(): Promise<GraphQLSchema>;
  /** Adds the service's loaders to the common context. */
  extendContext(base: ServiceContext, orm: MikroORM): C;
  /**
   * Domain events this service consumes, if any: its queue and its handlers (built with defineEventHandlers, which
   * claims each event once, keeps the access facts and the calendar, and dispatches by type).
   */
  consumes?: EventHandlerRegistry & {
    queue: string;
    /**
     * Events handled at once. Above one, events of different children apply in parallel (the kit locks per child)
     * and a child's events may apply out of order, which the handlers must tolerate. @default 1
     */
    concurrency?: number;
  };
  /** Extra background workers (e.g. notification deliveries) and scheduled sweeps: run by `worker` and `all` processes. */
  workers?(deps: SubgraphDeps): Array<{ close(): Promise<void> }>;
  /** What each API instance runs beside its GraphQL server (e.g. the live change feed of its own subscribers). */
  apiServices?(deps: SubgraphDeps): Array<{ close(): Promise<void> }>;
}

/** What a running subgraph shares with its workers. */
export interface SubgraphDeps {
  orm: MikroORM;
  config: HubConfig;
  log: Logger;
  redis: IORedis;
  workerConnection: () => IORedis;
  queuePrefix?: string;
  /** What this process runs. */
  role: ProcessRole;
}

/** Options of {@link startSubgraph}. */
export interface StartSubgraphOptions {
  config: HubConfig;
  port: number;
  host?: string;
  log?: Logger;
  /** BullMQ prefix (tests use a unique one). */
  queuePrefix?: string;
  /** Run the outbox relay in this process. @default true when the role runs workers */
  relay?: boolean;
  /** Run event consumers and workers in this process. @default true when the role runs workers */
  workers?: boolean;
  /**
   * What this process runs: `api` (GraphQL and the per-instance services), `worker` (relay, consumers, workers,
   * sweeps; the HTTP server answers the probes and `/metrics` only) or `all`. @default all
   */
  role?: ProcessRole;
}

/** A running subgraph with its ORM, relay and workers. */
export interface RunningSubgraph extends RunningServer {
  orm: MikroORM;
  relay?: OutboxRelay;
  schema: GraphQLSchema;
}

/** Which of the ids a table of the service's schema holds (processed_event, outbox_event). */
async function idsIn(orm: MikroORM, table: 'processed_event' | 'outbox_event', ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const schema = orm.config.get('schema') as string;
  const rows: Array<{ id: string }> = await orm.em.getConnection().execute(`select id from "${schema}".${table} where id in (?)`, [[...ids]]);
  return new Set(rows.map((r) => r.id));
}

/**
 * Starts a subgraph: ORM with migrations under a lock, the HTTP server with token verification, the outbox
 * relay, and the event consumers. `stop()` closes everything in reverse order.
 * @param def - the subgraph definition
 * @param o - options
 * @returns the running subgraph
 */
export async function startSubgraph<C extends ServiceContext>(def: SubgraphDefinition<C>, o: StartSubgraphOptions): Promise<RunningSubgraph> {
  const log = o.log ?? createLogger(def.name, o.config.logLevel);
  // <SERVICE>_DATABASE_URL moves the service's schema to a database of its own; QUEUE_PREFIX names the queues' keys.
  const databaseUrl = databaseUrlFor(def.name, o.config.databaseUrl, process.env);
  const queuePrefix = o.queuePrefix ?? queuePrefixFrom(process.env);
  const orm = await openOrm({ schema: def.schema, databaseUrl, entities: def.entities, migrations: def.migrations });
  await refreshCalendar(orm.em);
  // Replicas of a service pick up a calendar loaded through another replica within a minute.
  const calendarTimer = setInterval(() => void refreshCalendar(orm.em).catch(() => undefined), 60_000);
  calendarTimer.unref();
  const schema = await def.buildSchema();
  const verifier = new TokenVerifier(o.config);
  const redis = openRedis(o.config.redisUrl, { name: `${def.name}-producer` });
  const connections: IORedis[] = [redis];
  const workerConnection = () => {
    const c = openRedis(o.config.redisUrl, { worker: true, name: `${def.name}-worker` });
    connections.push(c);
    return c;
  };
  const closers: Array<{ close(): Promise<void> }> = [];
  const role = o.role ?? 'all';
  const deps: SubgraphDeps = { orm, config: o.config, log, redis, workerConnection, queuePrefix, role };
  let relay: OutboxRelay | undefined;
  const stopReportingOutbox = reportOutbox(orm, def.name);
  if (o.relay ?? runsWorkers(role)) {
    relay = new OutboxRelay({ orm, source: def.name, redis, log, pollMs: o.config.relayPollMs, confirmAfterMs: o.config.outboxConfirmMs, prefix: queuePrefix });
    relay.start();
  }
  if (o.workers ?? runsWorkers(role)) {
    // Every worker reports every queue of the hub, so a queue whose own consumers are all down still shows its lag
    // (aggregate with max by (queue)).
    closers.push(reportQueues(redis, [...new Set(Object.values(QUEUES))], queuePrefix));
    if (def.consumes) {
      const consumes = def.consumes;
      const w: Worker = startEventConsumer({
        queue: consumes.queue,
        concurrency: consumes.concurrency,
        connection: workerConnection(),
        log,
        prefix: queuePrefix,
        handle: async (e) => {
          eventHandlingLag.observe({ queue: consumes.queue }, Math.max(0, (Date.now() - Date.parse(e.occurredAt)) / 1000));
          await consumes.handle(orm, e, log);
        },
      });
      closers.push(w);
    }
    if (def.workers) closers.push(...def.workers(deps));
  }
  if (runsApi(role) && def.apiServices) closers.push(...def.apiServices(deps));
  const server = await startSubgraphServer<C>({
    name: def.name,
    port: o.port,
    host: o.host,
    schema,
    verifier,
    log,
    introspection: o.config.nodeEnv !== 'production',
    graphql: runsApi(role),
    signingSecret: o.config.gatewaySigningSecret,
    // The same variables as the gateway's: a limit raised there is raised behind it.
    limits: operationLimitsFromEnv(process.env),
    context: (base) => def.extendContext(createServiceContext(def.name, orm, log, base), orm),
    afterRequest: (ctx) => ctx.audit.flush(orm.em.fork() as never),
    // Read your own writes: answers name the events a request committed; a token sent back waits for this
    // service's consumer to have applied the ones routed to it.
    consistency: {
      queue: def.consumes?.queue,
      applied: (ids) => idsIn(orm, 'processed_event', ids),
      committed: (ids) => idsIn(orm, 'outbox_event', ids),
      timeoutMs: o.config.consistencyTimeoutMs,
    },
    readiness: async () => {
      await orm.em.getConnection().execute('select 1');
      return (await redis.ping()) === 'PONG';
    },
  });
  let stopped: Promise<void> | undefined;
  return {
    ...server,
    orm,
    relay,
    schema,
    // Once: a second call (a supervisor and a test's teardown, say) waits for the first.
    stop() {
      stopped ??= (async () => {
        clearInterval(calendarTimer);
        stopReportingOutbox();
        await server.stop();
        await relay?.stop();
        await Promise.all(closers.map((c) => c.close()));
        for (const c of connections) c.disconnect();
        await orm.close();
      })();
      return stopped;
    },
  };
}

/**
 * Installs SIGTERM/SIGINT handlers that stop the service once and exit 0. `stop` finishes the work in flight
 * and closes every handle; should it not settle within `hardExitMs` the process exits 1 anyway, so a supervisor
 * never waits on a wedged service.
 * @param stop - the shutdown function
 * @param log - logger
 * @param hardExitMs - the backstop. @default 9000 (SHUTDOWN_TIMEOUT_MS)
 */
export function onShutdown(stop: () => Promise<void>, log: Logger, hardExitMs = Number(process.env.SHUTDOWN_TIMEOUT_MS) || 9000): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error({ hardExitMs }, 'shutdown did not finish in time; exiting');
      process.exit(1);
    }, hardExitMs).unref();
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
