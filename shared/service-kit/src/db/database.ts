import { Client } from 'pg';

/**
 * Creates the database named in `url` when it does not exist (connecting to the `postgres` maintenance
 * database on the same server). Safe to call concurrently.
 * @param url - a postgres:// connection string
 */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, '')) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      try {
        await client.query(`create database "${name.replace(/"/g, '""')}"`);
      } catch (e) {
        // 42P04 duplicate_database, 23505: another service created it at the same moment.
        const code = (e as { code?: string }).code;
        if (code !== '42P04' && code !== '23505') throw e;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Whether a PostgreSQL server answers at `url` (used by the launcher to choose the embedded fallback).
 * @param url - a postgres:// connection string
 * @returns true when a connection to the maintenance database succeeds
 */
export async function postgresAnswers(url: string): Promise<boolean> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
