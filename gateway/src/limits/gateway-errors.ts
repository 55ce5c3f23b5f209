import { GraphQLError } from 'graphql';

/**
 * Codes the gateway itself returns in `extensions.code`. Clients rely on these strings: add freely, never
 * rename. Subgraph codes (FORBIDDEN, NOT_FOUND, …) pass through the gateway unchanged.
 */
export type GatewayErrorCode =
  | 'UNAUTHENTICATED'
  | 'RATE_LIMITED'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'PERSISTED_QUERY_REQUIRED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'BAD_USER_INPUT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE';

/**
 * HTTP status for each code; yoga reads `extensions.http` and strips it from the JSON body. `spec: false`
 * makes yoga apply the status whatever the client's Accept header (for errors raised during validation it
 * otherwise answers 200 to `application/json` clients).
 */
const STATUS: Record<GatewayErrorCode, number> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  DEPTH_LIMIT_EXCEEDED: 400,
  ALIAS_LIMIT_EXCEEDED: 400,
  TOKEN_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  PERSISTED_QUERY_REQUIRED: 400,
  PERSISTED_QUERY_NOT_FOUND: 400,
  BAD_REQUEST: 400,
  BAD_USER_INPUT: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
};

/**
 * Builds a client-facing gateway error with a stable code and the matching HTTP status.
 * @param code - the stable code
 * @param message - a human-readable message (no secrets)
 * @param extra - machine-readable details, e.g. `{ limit: 15, actual: 50 }`
 * @param headers - extra HTTP response headers (e.g. `retry-after`)
 * @returns the error
 * @example gatewayError('DEPTH_LIMIT_EXCEEDED', 'query depth 50 exceeds 15', { limit: 15, actual: 50 })
 */
export function gatewayError(
  code: GatewayErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...extra, http: { status: STATUS[code], spec: false, ...(headers ? { headers } : {}) } },
  });
}
