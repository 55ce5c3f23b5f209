import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { toLondonInstant } from '@hub/statutory';

/** The years the hub accepts in dates and instants from clients: anything outside is a typing error. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function bad(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_SCALAR', ...(field ? { field } : {}) } });
}

/**
 * Whether a value is a UUID in canonical 8-4-4-4-12 hexadecimal form.
 * @param v - candidate value
 * @returns true for a UUID string
 */
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID_RE.test(v);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether year-month-day is a real calendar date (no rolling 30 February into March). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function inYearRange(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Parses an instant strictly: ISO 8601 with an offset, a real calendar date, hours 00–23, minutes and seconds
 * 00–59, an offset within ±14:00, a year from {@link MIN_YEAR} to {@link MAX_YEAR}.
 * @param v - candidate value
 * @param field - the input it came from, for the error
 * @returns the instant
 */
export function parseInstant(v: unknown, field?: string): Date {
  const m = typeof v === 'string' ? INSTANT_RE.exec(v) : null;
  if (!m) {
    throw bad(`DateTime must be ISO 8601 with an offset, e.g. 2026-12-21T15:00:00+00:00; got ${JSON.stringify(v)?.slice(0, 60)}`, field);
  }
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((s) => (s === undefined ? 0 : Number(s)));
  if (!inYearRange(year)) throw bad(`DateTime year must be between ${MIN_YEAR} and ${MAX_YEAR}; got ${v}`, field);
  if (!isCalendarDate(year, month, day)) throw bad(`${v} is not a calendar date`, field);
  if (hour > 23 || minute > 59 || second > 59) throw bad(`${v} is not a time of day`, field);
  if (offH > 14 || offM > 59 || (offH === 14 && offM > 0)) throw bad(`${v} has an impossible offset`, field);
  const d = new Date(v as string);
  if (Number.isNaN(d.getTime())) throw bad(`DateTime ${v} is not a real instant`, field);
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
  parseValue: (v) => parseInstant(v),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw bad('DateTime must be a string');
    return parseInstant(ast.value);
  },
});

/**
 * Validates a calendar date string from a client: `YYYY-MM-DD`, a real date, a year from {@link MIN_YEAR} to
 * {@link MAX_YEAR}. An empty string is an error, not "not given".
 * @param v - candidate value
 * @param field - the input it came from, for the error
 * @returns the same `YYYY-MM-DD` string
 */
export function parseLocalDate(v: unknown, field?: string): string {
  const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
  if (!m) throw bad(`Date must be YYYY-MM-DD; got ${JSON.stringify(v)?.slice(0, 60)}`, field);
  const [year, month, day] = [+m[1], +m[2], +m[3]];
  if (!inYearRange(year)) throw bad(`Date year must be between ${MIN_YEAR} and ${MAX_YEAR}; got ${v}`, field);
  if (!isCalendarDate(year, month, day)) throw bad(`${v} is not a calendar date`, field);
  return v as string;
}

/** A calendar date, `YYYY-MM-DD`, with no time zone. */
export const LocalDateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 YYYY-MM-DD.',
  serialize(v) {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    // Output is not limited to the input years (a retention date can fall after MAX_YEAR).
    const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
    if (!m || !isCalendarDate(+m[1], +m[2], +m[3])) throw new GraphQLError('invalid Date value');
    return v;
  },
  parseValue: (v) => parseLocalDate(v),
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw bad('Date must be a string');
    return parseLocalDate(ast.value);
  },
});
