import { ClassType, Directive, Field, Int, ObjectType } from 'type-graphql';
import { InputError } from './errors';

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

/**
 * Decodes a cursor made by {@link encodeCursor}.
 * @param cursor - the opaque cursor
 * @returns the sort key
 */
export function decodeCursor(cursor: string): string {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw.startsWith('c:')) throw new InputError('invalid cursor', { field: 'after', reason: 'INVALID_CURSOR' });
  return raw.slice(2);
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
