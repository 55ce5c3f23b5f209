import { ConfigError } from '../config';

/**
 * The BullMQ key prefix of every queue (QUEUE_PREFIX), default BullMQ's own `bull`. On Redis Cluster it must be
 * a hash tag such as `{hub}`: every key of a queue (and BullMQ's scripts touch several at once) then lives in one
 * slot. Sentinel needs nothing here.
 * @param env - the environment
 * @returns the prefix, or undefined for BullMQ's default
 * @throws ConfigError for a prefix with whitespace or an empty or unbalanced hash tag
 */
export function queuePrefixFrom(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.QUEUE_PREFIX;
  if (raw === undefined || raw === '') return undefined;
  if (/\s/.test(raw) || raw.length > 64) throw new ConfigError(`QUEUE_PREFIX must be at most 64 characters without spaces, got "${raw}"`);
  const open = raw.indexOf('{');
  if (open >= 0 && !/^[^{}]*\{[^{}]+\}[^{}]*$/.test(raw)) throw new ConfigError(`QUEUE_PREFIX has an unbalanced or empty hash tag: "${raw}" (use e.g. {hub})`);
  return raw;
}

/**
 * The database a service keeps its schema in: `<SERVICE>_DATABASE_URL` (e.g. PLANS_DATABASE_URL) when set, else the
 * shared DATABASE_URL. Services never read each other's schemas (they learn facts from events), so each can move
 * to a database or server of its own by configuration.
 * @param service - the service name
 * @param shared - the shared DATABASE_URL
 * @param env - the environment
 * @returns the connection string
 */
export function databaseUrlFor(service: string, shared: string, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own === undefined || own === '') return shared;
  if (!/^postgres(ql)?:\/\//.test(own)) throw new ConfigError(`${service.toUpperCase()}_DATABASE_URL must be a postgres:// URL`);
  return own;
}

/**
 * The Redis cluster slot of a key (CRC16/XMODEM of its hash tag, or of the whole key, modulo 16384), as Redis
 * Cluster computes it.
 * @param key - a Redis key
 * @returns the slot
 */
export function clusterSlot(key: string): number {
  const open = key.indexOf('{');
  let tagged = key;
  if (open >= 0) {
    const close = key.indexOf('}', open + 1);
    if (close > open + 1) tagged = key.slice(open + 1, close);
  }
  let crc = 0;
  for (const byte of Buffer.from(tagged)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc % 16384;
}
