import IORedis, { RedisOptions } from 'ioredis';

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
  const redis = new IORedis(url, { ...options, retryStrategy: (n) => Math.min(n * 200, 2000), lazyConnect: false });
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
  const r = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
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
