import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { MikroORM } from '@mikro-orm/core';
import { Pool } from 'pg';
import type { Logger } from '../logger';
import { inCarriedTrace, SpanKind, traceCarrier, TraceCarrier } from '../runtime/trace-context';
import { CHANGE_FEED_CHANNEL, EVENT_ROUTES, EventSource, EventType, HubEvent } from './contracts';

/** Options of {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  orm: MikroORM;
  /** The service whose outbox this is. */
  source: EventSource;
  /** A fail-fast Redis connection (see openRedis). */
  redis: IORedis;
  log: Logger;
  /** Poll interval. @default 200 */
  pollMs?: number;
  /** Rows per batch. @default 200 */
  batchSize?: number;
  /**
   * How long completed jobs stay in Redis. Consumers de-duplicate by their processed-event record, not by the
   * job; the relay confirms an event by its completed jobs, so this must exceed {@link confirmAfterMs}.
   * @default 1 hour
   */
  keepCompletedSeconds?: number;
  /**
   * How long a relayed event may stay unconfirmed before the relay looks at its jobs: an event is confirmed once
   * every consumer queue it was sent to has completed (or dead-lettered) its job; a job Redis no longer has
   * (data lost, failover, eviction) is published again from the row. @default 30000
   */
  confirmAfterMs?: number;
  /** How long one Redis call may take before the batch is rolled back. @default 5000 */
  redisTimeoutMs?: number;
  /** Queue name prefix (tests isolate themselves with it). @default bull */
  prefix?: string;
}

interface Row {
  id: string;
  type: EventType;
  aggregate_type: string;
  aggregate_id: string;
  child_id: string | null;
  payload: unknown;
  actor: HubEvent['actor'];
  occurred_at: Date;
  trace_context: TraceCarrier | null;
}

/**
 * Keeps a pg pool's connection errors from crashing the process: pg emits `error` on a client that is checked out
 * when its server goes away (a restart, a failover), and an `error` event without a listener is thrown. The
 * query in flight fails and the pool replaces the client.
 * @param pool - the pool
 * @param log - logger
 */
export function guardPool(pool: Pool, log: Logger): void {
  pool.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost (idle client)'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost'));
  });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** The consumer queues an event goes to. */
export function routesOf(type: EventType, source: EventSource): string[] {
  return EVENT_ROUTES.filter((r) => r.accepts(type, source)).map((r) => r.queue);
}

/**
 * Moves outbox rows to Redis: one BullMQ job per consumer queue, with the event id as the job id (so a relay
 * that runs twice enqueues once), and a pub/sub message for live change feeds. Rows are marked published in
 * the same transaction that locked them; if Redis refuses, the transaction rolls back and the rows wait.
 *
 * Redis is a transport, not a store of record: a published row stays unconfirmed until every consumer queue it
 * went to has completed its job, which a consumer does only after committing its processed-event record. Rows
 * unconfirmed after {@link OutboxRelayOptions.confirmAfterMs} are checked ({@link confirmOnce}); a job Redis has
 * lost is added again from the row, and the consumer's processed-event record makes a second copy harmless.
 */
export class OutboxRelay {
  private readonly queues = new Map<string, Queue>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  private nextConfirm = 0;
  /** The relay's own small pool: background work, kept apart from request traffic (and its statement count). */
  private readonly pool: Pool;

  constructor(private readonly o: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: o.orm.config.get('clientUrl') as string, max: 2 });
    guardPool(this.pool, o.log);
  }

  private queue(name: string): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.o.redis, prefix: this.o.prefix });
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  private enqueue(queue: string, event: HubEvent): Promise<unknown> {
    return withTimeout(
      this.queue(queue).add(event.type, event, {
        jobId: event.id,
        attempts: 12,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: this.o.keepCompletedSeconds ?? 3600 },
        removeOnFail: false,
      }),
      this.o.redisTimeoutMs ?? 5000,
    );
  }

  private eventOf(row: Row): HubEvent {
    // Rows were checked against their type when recorded (recordEvent); consumers check again on delivery.
    return {
      id: row.id,
      type: row.type,
      source: this.o.source,
      occurredAt: new Date(row.occurred_at).toISOString(),
      aggregateType: row.aggregate_type,
      aggregateId: row.aggregate_id,
      childId: row.child_id,
      payload: row.payload,
      actor: row.actor,
      ...(row.trace_context ? { trace: row.trace_context } : {}),
    } as HubEvent;
  }

  /**
   * Confirms one batch of published rows older than `confirmAfterMs`: a row whose job every route queue has
   * completed or dead-lettered is confirmed; a job that Redis no longer holds is added again from the row; a row
   * whose jobs are still waiting or retrying is looked at again after another `confirmAfterMs`.
   * @returns counts of rows confirmed and jobs re-published
   */
  async confirmOnce(): Promise<{ confirmed: number; republished: number }> {
    if (this.o.redis.status !== 'ready') throw new Error(`Redis is not ready (${this.o.redis.status})`);
    const schema = this.o.orm.config.get('schema') as string;
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const res = await client.query(
        `select id, type, aggregate_type, aggregate_id, child_id, payload, actor, occurred_at, trace_context
           from "${schema}".outbox_event
          where confirmed_at is null and published_at is not null and published_at < now() - make_interval(secs => $2::float8 / 1000)
          order by published_at limit $1 for update skip locked`,
        [this.o.batchSize ?? 200, this.o.confirmAfterMs ?? 30_000],
      );
      const rows = res.rows as Row[];
      const confirmed: string[] = [];
      const pending: string[] = [];
      let republished = 0;
      await Promise.all(rows.map(async (row) => {
        const event = this.eventOf(row);
        let done = true;
        for (const queue of routesOf(event.type, event.source)) {
          const state = await withTimeout(this.queue(queue).getJobState(event.id), this.o.redisTimeoutMs ?? 5000);
          if (state === 'completed' || state === 'failed') continue;
          done = false;
          if (state === 'unknown') {
            await this.enqueue(queue, event);
            republished += 1;
          }
        }
        (done ? confirmed : pending).push(row.id);
      }));
      if (confirmed.length) await client.query(`update "${schema}".outbox_event set confirmed_at = now() where id = any($1::uuid[])`, [confirmed]);
      // Looked at again after another interval, behind the rows not yet looked at.
      if (pending.length) await client.query(`update "${schema}".outbox_event set published_at = now() where id = any($1::uuid[])`, [pending]);
      await client.query('commit');
      if (republished) this.o.log.warn({ source: this.o.source, republished }, 'outbox relay: re-published events Redis no longer held');
      return { confirmed: confirmed.length, republished };
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Relays one batch.
   * @returns how many events were relayed
   */
  async runOnce(): Promise<number> {
    // BullMQ waits for a connection rather than failing; a relay must not hold row locks while Redis is away.
    if (this.o.redis.status !== 'ready') throw new Error(`Redis is not ready (${this.o.redis.status})`);
    const schema = this.o.orm.config.get('schema') as string;
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const res = await client.query(
        `select id, type, aggregate_type, aggregate_id, child_id, payload, actor, occurred_at, trace_context
           from "${schema}".outbox_event where published_at is null
           order by occurred_at, id limit $1 for update skip locked`,
        [this.o.batchSize ?? 200],
      );
      const rows = res.rows as Row[];
      if (rows.length === 0) {
        await client.query('commit');
        return 0;
      }
      for (const row of rows) {
        // Published in the recording request's trace; the jobs carry the publishing span's context.
        await inCarriedTrace(row.trace_context, `publish ${row.type}`, SpanKind.PRODUCER, { 'hub.event.type': row.type, 'hub.service': this.o.source }, async () => {
          const carrier = traceCarrier();
          const event = { ...this.eventOf(row), ...(carrier ? { trace: carrier } : {}) } as HubEvent;
          await Promise.all(routesOf(event.type, event.source).map((queue) => this.enqueue(queue, event)));
          await withTimeout(this.o.redis.publish(CHANGE_FEED_CHANNEL, JSON.stringify(event)), this.o.redisTimeoutMs ?? 5000);
        });
      }
      await client.query(`update "${schema}".outbox_event set published_at = now() where id = any($1::uuid[])`, [rows.map((r) => r.id)]);
      await client.query('commit');
      return rows.length;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /** Starts polling until {@link stop}. */
  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      let relayed = 0;
      try {
        this.running = this.runOnce();
        relayed = (await this.running) as number;
        if (relayed === 0 && Date.now() >= this.nextConfirm) {
          this.nextConfirm = Date.now() + Math.min(this.o.confirmAfterMs ?? 30_000, 5000);
          this.running = this.confirmOnce();
          await this.running;
        }
      } catch (err) {
        this.o.log.warn({ err }, 'outbox relay: Redis or PostgreSQL unavailable; events wait in the outbox');
      }
      if (!this.stopped) this.timer = setTimeout(tick, relayed > 0 ? 0 : (this.o.pollMs ?? 200));
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and closes the queues. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    await this.pool.end();
  }
}
