import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { toLondonInstant } from '@hub/statutory';

const OFFSET_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function bad(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SCALAR', field } });
}

function parseInstant(v: unknown): Date {
  if (typeof v !== 'string' || !OFFSET_RE.test(v)) {
    throw bad(`DateTime must be ISO 8601 with an offset, e.g. 2026-12-21T15:00:00+00:00; got ${JSON.stringify(v)}`);
  }
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) throw bad(`DateTime ${v} is not a real instant`);
  return d;
}

/** An instant, ISO 8601 with an offset. Output is rendered in Europe/London (e.g. +01:00 in summer). */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant: ISO 8601 date and time with an offset, rendered in Europe/London.',
  serialize(v) {
    const d = v instanceof Date ? v : new Date(String(v));
    if (Number.isNaN(d.getTime())) throw new GraphQLError('invalid DateTime value');
    return toLondonInstant(d);
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw bad('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

/**
 * Validates a calendar date string.
 * @param v - candidate value
 * @returns the same `YYYY-MM-DD` string
 */
export function parseLocalDate(v: unknown): string {
  const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
  if (!m) throw bad(`Date must be YYYY-MM-DD; got ${JSON.stringify(v)}`);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw bad(`${v} is not a calendar date`);
  }
  return v as string;
}

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 YYYY-MM-DD.',
  serialize(v) {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return parseLocalDate(v);
  },
  parseValue: parseLocalDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw bad('Date must be a string');
    return parseLocalDate(ast.value);
  },
});
