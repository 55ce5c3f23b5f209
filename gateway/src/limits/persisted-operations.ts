import type { GraphQLError } from 'graphql';
import { gatewayError } from './gateway-errors';

/**
 * - `off`: documents are accepted from everyone; hashes are not looked up.
 * - `allow-listed-for-LA_SYSTEM`: callers holding the LA_SYSTEM role (case-system integrations) may only run
 *   operations from the store; everyone else may also send documents.
 * - `required`: every caller may only run operations from the store.
 */
export type PersistedOperationsMode = 'off' | 'allow-listed-for-LA_SYSTEM' | 'required';

/** Persisted-operation settings of the gateway. */
export interface PersistedOperationsOptions {
  /** @default 'off' */
  mode: PersistedOperationsMode;
  /** Documents by id: the SHA-256 hex of the document (Apollo's `sha256Hash`) or any `documentId`. */
  store: Record<string, string>;
}

/** The request fields this module reads: Apollo-style `extensions.persistedQuery` or a `documentId`. */
export interface PersistedParams {
  query?: string;
  documentId?: unknown;
  extensions?: Record<string, unknown>;
}

/** The query to run, or the error to return instead. */
export type PersistedResolution = { query: string | undefined } | { error: GraphQLError };

function requestedId(params: PersistedParams): string | undefined {
  if (typeof params.documentId === 'string' && params.documentId) return params.documentId;
  const pq = params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof pq?.sha256Hash === 'string' && pq.sha256Hash ? pq.sha256Hash : undefined;
}

function lookup(store: Record<string, string>, id: string): string | undefined {
  // `sha256:<hex>` is how several clients spell a documentId; the store may hold either form.
  if (Object.prototype.hasOwnProperty.call(store, id)) return store[id];
  const bare = id.startsWith('sha256:') ? id.slice('sha256:'.length) : undefined;
  return bare !== undefined && Object.prototype.hasOwnProperty.call(store, bare) ? store[bare] : undefined;
}

/**
 * Decides which document a request runs. A restricted caller must name a stored operation and any document
 * text it sends is ignored (the store is the allow-list). An unrestricted caller may name a stored operation
 * or send a document; a hash that is not stored falls back to the document sent with it (Apollo's APQ
 * retry), and is PERSISTED_QUERY_NOT_FOUND without one. Nothing is ever added to the store at runtime.
 * @param params - the request's GraphQL parameters
 * @param roles - the verified caller's roles
 * @param options - mode and store
 * @returns `{ query }` to run (undefined leaves the request as sent), or `{ error }`
 * @example resolvePersistedOperation({ documentId: 'abc' }, ['LA_SYSTEM'], { mode: 'required', store: { abc: '{ a }' } })
 */
export function resolvePersistedOperation(
  params: PersistedParams,
  roles: readonly string[],
  options: PersistedOperationsOptions,
): PersistedResolution {
  if (options.mode === 'off') return { query: params.query };
  const restricted = options.mode === 'required' || roles.includes('LA_SYSTEM');
  const id = requestedId(params);
  if (id === undefined) {
    if (!restricted) return { query: params.query };
    return {
      error: gatewayError(
        'PERSISTED_QUERY_REQUIRED',
        'this caller may only run persisted operations: send extensions.persistedQuery.sha256Hash or documentId',
      ),
    };
  }
  const stored = lookup(options.store, id);
  if (stored !== undefined) return { query: stored };
  if (!restricted && typeof params.query === 'string' && params.query) return { query: params.query };
  return { error: gatewayError('PERSISTED_QUERY_NOT_FOUND', 'no persisted operation has this id', { documentId: id }) };
}
