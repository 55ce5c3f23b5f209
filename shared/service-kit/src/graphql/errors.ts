import { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';

/**
 * Every `extensions.code` the hub returns. Clients rely on these strings: add freely, never rename.
 */
export type HubErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RULE_NOT_APPLICABLE'
  | 'CALENDAR_HORIZON'
  | 'RATE_LIMITED'
  | 'CURSOR_EXPIRED'
  | 'SERVICE_UNAVAILABLE'
  | 'CONSISTENCY_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

type Extra = Record<string, unknown>;

abstract class HubError extends GraphQLError {
  protected constructor(message: string, code: HubErrorCode, extra: Extra = {}, http?: number) {
    super(message, { extensions: { code, ...extra, ...(http ? { http: { status: http } } : {}) } });
  }
}

/** Bad input: `reason` is a stable SCREAMING_SNAKE detail, `field` names the offending input. */
export class InputError extends HubError {
  constructor(message: string, extra: { reason?: string; field?: string } & Extra = {}) {
    super(message, 'BAD_USER_INPUT', extra);
  }
}
/** A resume cursor older than what the server keeps: the client reloads the current state and resumes anew. */
export class CursorExpiredError extends HubError {
  constructor(message: string, extra: Extra = {}) {
    super(message, 'CURSOR_EXPIRED', extra);
  }
}
/** The target of a mutation does not exist. */
export class NotFoundError extends HubError {
  constructor(message: string, extra: Extra = {}) {
    super(message, 'NOT_FOUND', extra);
  }
}
/** The change conflicts with the current state (duplicates, overlaps, immutable versions). */
export class ConflictError extends HubError {
  constructor(message: string, extra: { reason?: string } & Extra = {}) {
    super(message, 'CONFLICT', extra);
  }
}
/** No valid bearer token. */
export class AuthenticationError extends HubError {
  constructor(message = 'a valid bearer token is required') {
    super(message, 'UNAUTHENTICATED', {}, 401);
  }
}
/** The caller is known but may not do or see this. */
export class ForbiddenError extends HubError {
  constructor(message = 'not permitted', extra: Extra = {}) {
    super(message, 'FORBIDDEN', extra);
  }
}
/** A statutory rule does not apply to these facts. */
export class RuleNotApplicableError extends HubError {
  constructor(message: string, ruleId: string) {
    super(message, 'RULE_NOT_APPLICABLE', { ruleId });
  }
}
/** A deadline would fall past the bank-holiday calendar's horizon. */
export class CalendarHorizonGraphQLError extends HubError {
  constructor(message: string, extra: Extra = {}) {
    super(message, 'CALENDAR_HORIZON', extra);
  }
}

const KNOWN = new Set<string>([
  'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'UNAUTHENTICATED', 'FORBIDDEN', 'RULE_NOT_APPLICABLE',
  'CALENDAR_HORIZON', 'RATE_LIMITED', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST', 'SERVICE_UNAVAILABLE', 'CURSOR_EXPIRED', 'CONSISTENCY_TIMEOUT',
]);

/** One failed class-validator constraint set, as clients see it. */
export interface FieldViolation {
  /** Path inside the argument, e.g. `socialWorker.name`. */
  field: string;
  /** Constraint names, e.g. `maxLength`. */
  constraints: string[];
}

interface ClassValidatorError {
  property: string;
  constraints?: Record<string, string>;
  children?: ClassValidatorError[];
}

/**
 * Flattens class-validator errors (nested for nested inputs) into field paths, without echoing the values.
 * @param errors - `validationErrors` of type-graphql's ArgumentValidationError
 * @param prefix - path of the parent
 * @returns one entry per failing field
 */
export function fieldViolations(errors: unknown, prefix = ''): FieldViolation[] {
  if (!Array.isArray(errors)) return [];
  return (errors as ClassValidatorError[]).flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, constraints: Object.keys(e.constraints) }] : [];
    return [...own, ...fieldViolations(e.children, field)];
  });
}

/**
 * Whether an error means the database cannot be reached for now (restart, failover, network): a connection
 * refused or dropped, a server shutting down or starting (SQLSTATE 57P01-57P03), a connection exception (class 08),
 * or no pooled connection within the acquire timeout.
 * @param err - the error
 * @returns true for a transient unavailability
 */
export function databaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; name?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  if (/^(57P0[123]|08[0-9A-Z]{3})$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code)) return true;
  if (e.name === 'ConnectionException') return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return /Connection terminated|connect ECONNREFUSED|Knex: Timeout acquiring a connection|the database system is (starting up|shutting down)|terminating connection due to administrator command/.test(message);
}

/**
 * Builds Apollo's `formatError`: known codes pass through; class-validator failures become BAD_USER_INPUT with
 * `reason: INVALID_INPUT` and the failing `fields`; ORM errors map to NOT_FOUND / CONFLICT; a PostgreSQL data
 * exception (SQLSTATE class 22: value too long, invalid text...) is bad input that no check caught, so it becomes
 * BAD_USER_INPUT `reason: DATA_EXCEPTION` and is logged; anything else becomes INTERNAL_SERVER_ERROR with a
 * generic message, and the original is logged.
 * @param log - where to log unexpected errors
 * @returns a formatError function
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    const name = (original as { name?: string })?.name;
    if (formatted.extensions?.validationErrors !== undefined) {
      const fields = fieldViolations(formatted.extensions.validationErrors);
      return {
        message: `invalid input: ${fields.map((f) => `${f.field} (${f.constraints.join(', ')})`).join('; ')}`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', fields },
      };
    }
    if (code && KNOWN.has(code)) return formatted;
    // graphql-js gives up coercing variables after 50 errors with an uncoded error: still the client's input.
    if ((!code || code === 'INTERNAL_SERVER_ERROR') && !formatted.path && formatted.message.startsWith('Too many errors processing variables')) {
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ERRORS' } };
    }
    if (name === 'NotFoundError') {
      return { ...formatted, message: 'not found', extensions: { code: 'NOT_FOUND' } };
    }
    if (name === 'UniqueConstraintViolationException') {
      return { ...formatted, message: 'already exists', extensions: { code: 'CONFLICT' } };
    }
    if (name === 'CalendarHorizonError') {
      return { ...formatted, extensions: { code: 'CALENDAR_HORIZON' } };
    }
    const sqlState = (original as { code?: unknown })?.code;
    if (databaseUnavailable(original)) {
      log.warn({ err: (original as Error)?.message, path: formatted.path }, 'database unavailable');
      return { message: 'the database is unavailable; try again shortly', locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
    }
    if (typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) {
      log.warn({ err: original, path: formatted.path, sqlState }, 'input refused by the database: a check is missing');
      return {
        message: 'a value is not acceptable',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', reason: 'DATA_EXCEPTION' },
      };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return {
      message: 'internal error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
