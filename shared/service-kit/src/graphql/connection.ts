import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { InputError } from './errors';
import { isUuid, MAX_YEAR, MIN_YEAR } from './scalars';

/** Relay page information. Declared by several subgraphs, so it is shareable. */
@Directive('@shareable')
@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor?: string | null;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

/** The runtime shape of a connection. */
export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type.
 * @param node - the node class
 * @param name - the node's GraphQL name
 * @returns the connection class
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => node)
    node!: T;
  }
  @ObjectType(`${name}Connection`)
  class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Matching nodes across all pages.' })
    totalCount!: number;
  }
  return Connection;
}

/**
 * Encodes an opaque cursor.
 * @param key - the sort key of a node
 * @returns the cursor
 */
export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

/** What one `|`-separated part of a cursor key holds. */
export type CursorPart = 'uuid' | 'instant';

const MAX_CURSOR_LENGTH = 200;
const BASE64URL_RE = /^[A-Za-z0-9_-]+$/;
const INSTANT_KEY_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function invalidCursor(field: string, why: string): InputError {
  return new InputError(`invalid cursor: ${why}`, { field, reason: 'INVALID_CURSOR' });
}

function validPart(kind: CursorPart, value: string): boolean {
  if (kind === 'uuid') return isUuid(value);
  if (!INSTANT_KEY_RE.test(value) || Number.isNaN(Date.parse(value)) || new Date(value).toISOString() !== value) return false;
  const year = Number(value.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Decodes and validates a cursor made by {@link encodeCursor}: its key must have exactly the parts the caller
 * sorts by, each of the right kind, so nothing unchecked reaches SQL. Anything else is BAD_USER_INPUT with
 * `reason: INVALID_CURSOR`.
 * @param cursor - the opaque cursor
 * @param shape - the kinds of the key's `|`-separated parts, e.g. `['instant', 'uuid']`
 * @param field - the argument it came in. @default 'after'
 * @returns the key's parts, in order
 * @example const [dueAt, id] = decodeCursor(args.after, ['instant', 'uuid']);
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[], field = 'after'): string[] {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !BASE64URL_RE.test(cursor)) {
    throw invalidCursor(field, 'not a cursor from this API');
  }
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('c:')) throw invalidCursor(field, 'not a cursor from this API');
  const parts = raw.slice(2).split('|');
  if (parts.length !== shape.length || !parts.every((p, i) => validPart(shape[i], p))) {
    throw invalidCursor(field, 'not a cursor of this list');
  }
  return parts;
}

/**
 * Validates a page size.
 * @param first - requested size
 * @param max - the most allowed. @default 200
 * @returns the size to use
 */
export function pageSize(first: number | undefined | null, max = 200): number {
  const n = first ?? 50;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new InputError(`first must be between 1 and ${max}`, { field: 'first', reason: 'PAGE_SIZE' });
  }
  return n;
}

/**
 * Builds a connection from `size + 1` fetched rows.
 * @param rows - rows fetched with limit size + 1, in order
 * @param size - the page size
 * @param keyOf - the sort key of a row
 * @param totalCount - matching rows across pages
 * @param hasPrevious - whether a cursor was given
 * @returns the connection
 */
export function toConnection<T>(rows: T[], size: number, keyOf: (r: T) => string, totalCount: number, hasPrevious: boolean): ConnectionShape<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
