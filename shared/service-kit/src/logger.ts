import pino from 'pino';

/** The hub's structured logger type. */
export type Logger = pino.Logger;

/**
 * Creates a JSON logger for one service.
 * @param service - the service name, added to every line
 * @param level - pino level (`silent` in tests)
 * @returns a pino logger
 */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
