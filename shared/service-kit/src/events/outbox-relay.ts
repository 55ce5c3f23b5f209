import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import type { MikroORM } from '@mikro-orm/core';
import { Pool } from 'pg';
import type { Logger } from '../logger';
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
  /** How long completed jobs are kept, which bounds de-duplication of a re-sent event. @default 7 days */
  keepCompletedSeconds?: number;
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
  payload: Record<string, unknown>;
  actor: HubEvent['actor'];
  occurred_at: Date;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves outbox rows to Redis: one BullMQ job per consumer queue, with the event id as the job id (so a relay
 * that runs twice enqueues once), and a pub/sub message for live change feeds. Rows are marked published in
 * the same transaction that locked them; if Redis refuses, the transaction rolls back and the rows wait.
 */
export class OutboxRelay {
  private readonly queues = new Map<string, Queue>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;
  /** The relay's own small pool: background work, kept apart from request traffic (and its statement count). */
  private readonly pool: Pool;

  constructor(private readonly o: OutboxRelayOptions) {
    this.pool = new Pool({ connectionString: o.orm.config.get('clientUrl') as string, max: 2 });
    this.pool.on('error', () => undefined);
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
        `select id, type, aggregate_type, aggregate_id, child_id, payload, actor, occurred_at
           from "${schema}".outbox_event where published_at is null
           order by occurred_at, id limit $1 for update skip locked`,
        [this.o.batchSize ?? 200],
      );
      const rows = res.rows as Row[];
      if (rows.length === 0) {
        await client.query('commit');
        return 0;
      }
      const keep = this.o.keepCompletedSeconds ?? 7 * 24 * 3600;
      for (const row of rows) {
        const event: HubEvent = {
          id: row.id,
          type: row.type,
          source: this.o.source,
          occurredAt: new Date(row.occurred_at).toISOString(),
          aggregateType: row.aggregate_type,
          aggregateId: row.aggregate_id,
          childId: row.child_id,
          payload: row.payload,
          actor: row.actor,
        };
        for (const route of EVENT_ROUTES) {
          if (!route.accepts(event.type, event.source)) continue;
          await withTimeout(
            this.queue(route.queue).add(event.type, event, {
              jobId: event.id,
              attempts: 12,
              backoff: { type: 'exponential', delay: 1000 },
              removeOnComplete: { age: keep },
              removeOnFail: false,
            }),
            this.o.redisTimeoutMs ?? 5000,
          );
        }
        await withTimeout(this.o.redis.publish(CHANGE_FEED_CHANNEL, JSON.stringify(event)), this.o.redisTimeoutMs ?? 5000);
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
