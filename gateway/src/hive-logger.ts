import { Logger as HiveLogger, LogLevel } from '@graphql-hive/gateway-runtime';
import type { Logger } from '@hub/service-kit';

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

/**
 * Routes Hive's own logs into the service's pino logger, so the gateway writes one JSON log stream.
 * @param log - the service logger
 * @returns a Hive logger at the same level, or `false` when the service logger is silent
 */
export function hiveLoggerFrom(log: Logger): HiveLogger | false {
  if (log.level === 'silent') return false;
  const level: LogLevel = LEVELS.includes(log.level as LogLevel) ? (log.level as LogLevel) : 'error';
  return new HiveLogger({
    level,
    writers: [
      {
        write(lvl, attrs, msg) {
          log[lvl]({ hive: true, ...(attrs ?? {}) }, msg ?? '');
        },
      },
    ],
  });
}
