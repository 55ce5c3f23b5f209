import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs scheduled work in one instance at a time across every process of a service: the work runs while this
 * process holds a session-level PostgreSQL advisory lock named by `key` on a connection of its own; when another
 * instance holds it, the work is skipped (the holder is doing it). A process that dies loses the lock with its
 * connection, so the next tick elsewhere takes over.
 * @param orm - the service's ORM
 * @param key - the lock's name, e.g. `notifications:sweep-pending`
 * @param work - the scheduled work
 * @returns what the work returned, or `null` when another instance held the lock
 */
export async function runExclusively<T>(orm: MikroORM, key: string, work: () => Promise<T>): Promise<T | null> {
  const knex = (orm.em as EntityManager).getKnex();
  const conn = await knex.client.acquireConnection();
  try {
    const res = await conn.query('select pg_try_advisory_lock(hashtext($1)) as ok', [key]);
    if (!res.rows[0]?.ok) return null;
    try {
      return await work();
    } finally {
      await conn.query('select pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    }
  } finally {
    await knex.client.releaseConnection(conn);
  }
}
