import type { EntityManager } from '@mikro-orm/postgresql';
import type IORedis from 'ioredis';
import type { MikroORM } from '@mikro-orm/core';
import { CursorExpiredError, EventHandlerContext, HubEvent, InputError, OutboxEvent } from '@hub/service-kit';
import { changeOf, ChangeFacts } from './change-kinds';

/** A change as stored, with its cursor. */
export interface ChangeRecord extends ChangeFacts {
  /** Position in the log (a bigint, as text). */
  seq: string;
  recordedAt: Date;
}

const CURSOR_RE = /^c(\d{1,18})-(\d{1,15})$/;

/**
 * A change's cursor: its position in the log and when it was written (so an expired cursor is recognised even
 * after the rows around it are pruned). Opaque to clients.
 * @param c - the stored change
 * @returns the cursor
 */
export function encodeCursor(c: { seq: string; recordedAt: Date }): string {
  return `c${c.seq}-${c.recordedAt.getTime()}`;
}

/**
 * Reads a cursor sent back by a client.
 * @param cursor - the cursor
 * @param retentionMs - how long changes are kept
 * @param now - the instant of the read
 * @returns the position after which to read
 * @throws InputError BAD_USER_INPUT (reason INVALID_CURSOR) when malformed; CursorExpiredError (CURSOR_EXPIRED) when older than the retention
 */
export function decodeCursor(cursor: string, retentionMs: number, now = Date.now()): string {
  const m = CURSOR_RE.exec(cursor);
  if (!m) throw new InputError('not a change cursor', { reason: 'INVALID_CURSOR', field: 'cursor' });
  if (Number(m[2]) < now - retentionMs) {
    throw new CursorExpiredError('this cursor is older than the change log keeps: reload the current state, then resume from a new cursor', {
      retentionDays: retentionMs / 86_400_000,
    });
  }
  return m[1];
}

interface Row {
  cursor: string;
  event_id: string;
  kind: string;
  child_id: string;
  placing_authority: string;
  provider_id: string | null;
  placement_id: string | null;
  plan_id: string | null;
  review_id: string | null;
  notification_id: string | null;
  deadline: ChangeFacts['deadline'];
  at: Date | string;
  recorded_at: Date | string;
}

/** Maps a change_log row. */
export function toChangeRecord(r: Row): ChangeRecord {
  return {
    seq: String(r.cursor), eventId: r.event_id, kind: r.kind as ChangeFacts['kind'], childId: r.child_id, placingAuthority: r.placing_authority,
    providerId: r.provider_id, placementId: r.placement_id, planId: r.plan_id, reviewId: r.review_id, notificationId: r.notification_id,
    deadline: r.deadline ?? null, at: new Date(r.at), recordedAt: new Date(r.recorded_at),
  };
}

/** Publishers of "the log grew" signals, by ORM (registered where the change feed runs). */
const publishers = new WeakMap<object, { redis: IORedis; channel: string }>();

/**
 * Registers where this process signals new changes.
 * @param orm - the service's ORM
 * @param redis - a producer connection
 * @param channel - the pub/sub channel every instance's feed listens on
 */
export function registerChangeSignal(orm: MikroORM, redis: IORedis, channel: string): void {
  // Keyed by the ORM's configuration, which every EntityManager forked from it shares.
  publishers.set(orm.config, { redis, channel });
}

/** The advisory lock every insert into the log takes, so cursors are assigned in commit order. */
const LOG_LOCK = 'notifications:change_log';

/**
 * Writes the change an event describes into the durable log, in the consumer's transaction (so it is written once
 * per event, with the access facts that event changed), and once committed signals every instance's feed over
 * Redis. Inserts take one transaction-scoped advisory lock, so a row with a higher cursor is never visible before
 * one with a lower cursor: "everything after cursor N" never skips a row committed late.
 * @param tem - the consumer's transaction
 * @param e - the event
 * @param ctx - the handler context
 */
export async function recordChange(tem: EntityManager, e: HubEvent, ctx: EventHandlerContext): Promise<void> {
  const cursor = await insertChange(tem, e);
  if (cursor) ctx.afterCommit(async () => signalChange(ctx.orm, cursor));
}

/**
 * Inserts the change an event makes to a child, if any, in the caller's transaction (under the log's lock, so
 * cursors follow commit order). A redelivered event adds nothing.
 * @param tem - the transaction's EntityManager
 * @param e - the event
 * @returns the new cursor, or null when the event changes no child or was already recorded
 */
export async function insertChange(tem: EntityManager, e: HubEvent): Promise<string | null> {
  const c = changeOf(e);
  if (!c) return null;
  await tem.execute('select pg_advisory_xact_lock(hashtext(?))', [LOG_LOCK]);
  const schema = tem.config.get('schema') as string;
  const rows = await tem.execute(
    `insert into "${schema}".change_log (event_id, kind, child_id, placing_authority, provider_id, placement_id, plan_id, review_id,
       notification_id, deadline, at, recorded_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) on conflict (event_id) do nothing returning cursor`,
    [c.eventId, c.kind, c.childId, c.placingAuthority, c.providerId, c.placementId, c.planId, c.reviewId, c.notificationId,
      c.deadline ? JSON.stringify(c.deadline) : null, c.at],
  );
  return rows.length ? String((rows[0] as { cursor: string }).cursor) : null;
}

/**
 * Tells this process's change feeds (and, through Redis, every instance's) that the log grew. Call it once the
 * transaction that inserted the change has committed; a lost signal costs at most the feeds' poll interval.
 * @param from - the service's ORM, or an EntityManager of it
 * @param cursor - the new cursor
 */
export async function signalChange(from: MikroORM | EntityManager, cursor: string): Promise<void> {
  const signal = publishers.get(from.config);
  if (signal) await signal.redis.publish(signal.channel, cursor).catch(() => undefined);
}

/**
 * The change of an event this service records itself (a notification delivered, failed, retried or discarded),
 * inserted in the transaction that records the event: these never travel through the service's own queue.
 * @param tem - the transaction's EntityManager
 * @param row - the outbox row just recorded (recordEvent)
 * @returns the new cursor, or null
 */
export function insertOwnChange(tem: EntityManager, row: OutboxEvent): Promise<string | null> {
  return insertChange(tem, {
    id: row.id, type: row.type, source: 'notifications', occurredAt: row.occurredAt.toISOString(), aggregateType: row.aggregateType,
    aggregateId: row.aggregateId, childId: row.childId ?? null, payload: row.payload, actor: row.actor ?? null,
  } as unknown as HubEvent);
}

/** Which rows a caller could be told about, before the per-change check (an index-friendly narrowing). */
export interface LogAudience {
  /** Children of this placing authority. */
  authority?: string;
  /** Children assigned to this IRO (subject). */
  iroSub?: string;
  /** Children with a placement window at this provider. */
  providerId?: string;
  /** One child only. */
  childId?: string;
}

/**
 * Reads changes after a position, oldest first.
 * @param em - an EntityManager
 * @param after - the position (exclusive)
 * @param limit - at most this many rows
 * @param audience - narrowing by the caller's organisation (no audience: every row, for the feed)
 * @returns the rows
 */
export async function readChanges(em: EntityManager, after: string, limit: number, audience: LogAudience = {}): Promise<ChangeRecord[]> {
  const schema = em.config.get('schema') as string;
  const where: string[] = ['c.cursor > ?'];
  const params: unknown[] = [after];
  if (audience.childId) {
    where.push('c.child_id = ?');
    params.push(audience.childId);
  }
  const who: string[] = [];
  if (audience.authority) {
    who.push('c.placing_authority = ?');
    params.push(audience.authority);
  }
  if (audience.iroSub) {
    who.push(`c.child_id in (select child_id from "${schema}".child_access where iro_sub = ?)`);
    params.push(audience.iroSub);
  }
  if (audience.providerId) {
    who.push(`c.child_id in (select child_id from "${schema}".child_access where provider_windows @> ?::jsonb)`);
    params.push(JSON.stringify([{ providerId: audience.providerId }]));
  }
  if (who.length) where.push(`(${who.join(' or ')})`);
  params.push(limit);
  const rows = await em.execute(`select c.* from "${schema}".change_log c where ${where.join(' and ')} order by c.cursor limit ?`, params);
  return (rows as Row[]).map(toChangeRecord);
}

/**
 * The last position in the log (0 when empty).
 * @param em - an EntityManager
 * @returns the position and when it was written
 */
export async function headOfLog(em: EntityManager): Promise<{ seq: string; recordedAt: Date }> {
  const schema = em.config.get('schema') as string;
  const rows = (await em.execute(`select cursor, recorded_at from "${schema}".change_log order by cursor desc limit 1`)) as Row[];
  return rows.length ? { seq: String(rows[0].cursor), recordedAt: new Date(rows[0].recorded_at) } : { seq: '0', recordedAt: new Date() };
}

/**
 * Deletes changes older than the retention.
 * @param em - an EntityManager
 * @param retentionMs - how long changes are kept
 * @returns how many rows were deleted
 */
export async function pruneChanges(em: EntityManager, retentionMs: number): Promise<number> {
  const schema = em.config.get('schema') as string;
  const res = await em.getConnection().execute(
    `delete from "${schema}".change_log where recorded_at < now() - (? * interval '1 millisecond')`, [retentionMs], 'run',
  );
  return (res as { affectedRows?: number }).affectedRows ?? 0;
}
