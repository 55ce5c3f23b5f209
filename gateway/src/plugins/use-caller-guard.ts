import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { MAX_OPERATION_NAME_LENGTH, operationNameOf, safeRequestId, signGatewayConnection, tokenLimitError } from '@hub/service-kit';
import type { Principal, TokenVerifier } from '@hub/service-kit';
import { gatewayError } from '../limits/gateway-errors';
import { resolvePersistedOperation, PersistedOperationsOptions } from '../limits/persisted-operations';
import type { SharedRateLimiter } from '../limits/rate-limiter';

/** The verified caller of one operation, put on the GraphQL context as `hub`. */
export interface HubCaller {
  principal: Principal;
  /** The exact `Authorization` value that was verified; forwarded to every subgraph request. */
  authorization: string;
  /** Forwarded as `x-request-id` to every subgraph request and echoed on the response. */
  requestId: string;
  /** The caller's operation name (bounded), forwarded as `x-hub-operation` for the subgraphs' audit lines. */
  operationName?: string;
  /** Gateway signature of an upstream WebSocket connection for this caller (connectionParams, see upstream.ts). */
  wsTimestamp: string;
  wsSignature: string;
}

/** What the gateway adds to Hive's context. Upstream header templates read `{context.hub.…}`. */
export interface HubContext {
  hub?: HubCaller;
}

/** Options of {@link useCallerGuard}. */
export interface CallerGuardOptions {
  verifier: Pick<TokenVerifier, 'verifyHeader'>;
  /** Omit to turn rate limiting off. */
  rateLimiter?: Pick<SharedRateLimiter, 'consume'>;
  /** GATEWAY_SIGNING_SECRET, to sign upstream WebSocket connections. */
  signingSecret: string;
  persisted: PersistedOperationsOptions;
  /** Documents with more lexical tokens are refused before parsing. */
  maxTokens: number;
}

/** The client's socket address (HTTP and WebSocket alike carry the node request in the server context). */
function clientAddress(context: unknown): string {
  const req = (context as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req;
  return req?.socket?.remoteAddress ?? 'unknown';
}

function unauthenticated(): GraphQLError {
  return gatewayError('UNAUTHENTICATED', 'a valid bearer token is required');
}

/**
 * Guards every GraphQL request (HTTP, SSE and WebSocket alike, since all pass through yoga's `onParams`),
 * in this order, each step before any parsing or upstream call:
 * 1. counts the request against the shared rate limit (RATE_LIMITED, HTTP 429, Retry-After), keyed by the
 *    verified token's `sub` and `org`, or by the client's address when there is no valid token, so
 *    unauthenticated traffic is limited too;
 * 2. refuses a missing or invalid bearer token (UNAUTHENTICATED, HTTP 401);
 * 3. resolves persisted operations (PERSISTED_QUERY_REQUIRED / PERSISTED_QUERY_NOT_FOUND);
 * 4. counts lexical tokens (TOKEN_LIMIT_EXCEEDED).
 * The verified caller then joins the GraphQL context as `hub`; execution without it is refused, so no path
 * reaches a subgraph unauthenticated. It also assigns the request id: the client's `x-request-id` when it
 * matches the kit's safe pattern (1 to 64 of `A-Za-z0-9._:-`), else a new UUID.
 * @param o - verifier, limiter, persisted-operation settings and token limit
 * @returns the plugin
 */
export function useCallerGuard(o: CallerGuardOptions): GatewayPlugin<HubContext> {
  const requestIds = new WeakMap<Request, string>();
  const callers = new WeakMap<Request, HubCaller>();
  const requestIdOf = (request: Request): string => {
    let id = requestIds.get(request);
    if (!id) {
      id = safeRequestId(request.headers.get('x-request-id')) ?? randomUUID();
      requestIds.set(request, id);
    }
    return id;
  };

  const refuseWithoutCaller = (context: unknown, stop: (r: { errors: GraphQLError[] }) => void) => {
    if (!(context as HubContext | undefined)?.hub) stop({ errors: [unauthenticated()] });
  };

  return {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      const id = requestIds.get(request);
      if (id) response.headers.set('x-request-id', id);
    },
    async onParams({ request, params, setParams, setResult, context }) {
      // `documentId` is not a yoga parameter: take it out, or yoga refuses the request as malformed.
      const { documentId, ...rest } = params as typeof params & { documentId?: unknown };
      const reject = (error: GraphQLError) => {
        setResult({ errors: [error] });
        // yoga still checks the params after a result is set; keep them well-formed so our error wins
        setParams({ ...rest, query: typeof rest.query === 'string' ? rest.query : '' });
      };
      const authorization = request.headers.get('authorization') ?? undefined;
      let principal: Principal | undefined;
      let refusal: GraphQLError | undefined;
      try {
        principal = await o.verifier.verifyHeader(authorization);
      } catch (err) {
        refusal = err instanceof GraphQLError ? err : unauthenticated();
      }
      if (o.rateLimiter) {
        const key = principal ? `sub:${JSON.stringify([principal.sub, principal.org])}` : `ip:${clientAddress(context)}`;
        const decision = await o.rateLimiter.consume(key);
        if (!decision.allowed) {
          const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
          return reject(
            gatewayError('RATE_LIMITED', 'too many requests; retry later', { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) }),
          );
        }
      }
      if (!principal) return reject(refusal ?? unauthenticated());
      const resolved = resolvePersistedOperation({ ...rest, documentId }, principal.roles, o.persisted);
      if ('error' in resolved) return reject(resolved.error);
      if (typeof resolved.query === 'string') {
        const tooLong = tokenLimitError(resolved.query, { maxTokens: o.maxTokens });
        if (tooLong) return reject(tooLong);
      }
      const requestId = requestIdOf(request);
      const ws = signGatewayConnection(o.signingSecret, authorization as string, requestId);
      const operationName = operationNameOf(rest.operationName, resolved.query);
      callers.set(request, {
        principal,
        authorization: authorization as string,
        requestId,
        ...(operationName && operationName.length <= MAX_OPERATION_NAME_LENGTH && /^[_A-Za-z][_0-9A-Za-z]*$/.test(operationName) ? { operationName } : {}),
        wsTimestamp: ws['x-hub-timestamp'],
        wsSignature: ws['x-hub-signature'],
      });
      setParams({ ...rest, query: resolved.query });
    },
    onContextBuilding({ context, extendContext }) {
      const caller = context.request ? callers.get(context.request) : undefined;
      if (caller) extendContext({ hub: caller });
    },
    onExecute({ args, setResultAndStopExecution }) {
      refuseWithoutCaller(args.contextValue, setResultAndStopExecution);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      refuseWithoutCaller(args.contextValue, setResultAndStopExecution);
    },
  };
}
