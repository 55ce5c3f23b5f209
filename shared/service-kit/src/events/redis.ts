import IORedis, { RedisOptions } from 'ioredis';

/**
 * Reads a Redis URL into connection options: `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for
 * TLS (the server's certificate is verified against the system CAs, for the URL's host name). User and password
 * are percent-decoded (a password may hold `@`, `:` or `/` when encoded).
 * @param url - the URL (REDIS_URL)
 * @returns host, port, db, credentials and TLS settings
 * @example redisOptionsFromUrl('rediss://hub:s%40cret@cache.internal:6380/2')
 */
export function redisOptionsFromUrl(url: string): RedisOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('REDIS_URL is not a URL');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error('REDIS_URL must be a redis:// or rediss:// URL');
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const port = u.port ? Number(u.port) : 6379;
  const dbPath = u.pathname.replace(/^\//, '');
  if (dbPath !== '' && !/^\d+$/.test(dbPath)) throw new Error('REDIS_URL: the path must be a database number');
  const options: RedisOptions = { host, port, db: dbPath === '' ? 0 : Number(dbPath) };
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') options.tls = { servername: host };
  return options;
}

/**
 * Opens an ioredis connection suitable for BullMQ.
 * @param url - redis:// URL
 * @param opts - `worker: true` for blocking connections (no per-request retry limit); otherwise commands fail
 *   fast while Redis is down, so a producer (the outbox relay) backs off instead of hanging
 * @returns the connection
 */
export function openRedis(url: string, opts: { worker?: boolean; name?: string } = {}): IORedis {
  const options: RedisOptions = opts.worker
    ? { maxRetriesPerRequest: null, enableReadyCheck: false, connectionName: opts.name }
    : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: opts.name };
  const redis = new IORedis({ ...redisOptionsFromUrl(url), ...options, retryStrategy: (n) => Math.min(n * 200, 2000), lazyConnect: false });
  // Connection errors are retried by ioredis; an unhandled 'error' event would crash the process.
  redis.on('error', () => undefined);
  return redis;
}

/**
 * Whether Redis answers a PING at `url`.
 * @param url - redis:// URL
 * @returns true when PONG arrives within a second and a half
 */
export async function redisAnswers(url: string): Promise<boolean> {
  const r = new IORedis({ ...redisOptionsFromUrl(url), lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
