import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Principal, TokenVerifier } from '@hub/service-kit';
import { gatewayError } from '../limits/gateway-errors';
import { countTokens } from '../limits/document-shape';
import { resolvePersistedOperation, PersistedOperationsOptions } from '../limits/persisted-operations';
import type { TokenBucketRateLimiter } from '../limits/rate-limiter';

/** The verified caller of one operation, put on the GraphQL context as `hub`. */
export interface HubCaller {
  principal: Principal;
  /** The exact `Authorization` value that was verified; forwarded to every subgraph request. */
  authorization: string;
  /** Forwarded as `x-request-id` to every subgraph request and echoed on the response. */
  requestId: string;
}

/** What the gateway adds to Hive's context. Upstream header templates read `{context.hub.…}`. */
export interface HubContext {
  hub?: HubCaller;
}

/** Options of {@link useCallerGuard}. */
export interface CallerGuardOptions {
  verifier: Pick<TokenVerifier, 'verifyHeader'>;
  /** Omit to turn rate limiting off. */
  rateLimiter?: Pick<TokenBucketRateLimiter, 'take'>;
  persisted: PersistedOperationsOptions;
  /** Documents with more lexical tokens are refused before parsing. */
  maxTokens: number;
}

/** A client-supplied request id is kept only when it is short and plain, so it is safe in logs and headers. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function unauthenticated(): GraphQLError {
  return gatewayError('UNAUTHENTICATED', 'a valid bearer token is required');
}

/**
 * Guards every GraphQL request (HTTP, SSE and WebSocket alike, since all pass through yoga's `onParams`),
 * in this order, each step before any parsing or upstream call:
 * 1. verifies the bearer token (UNAUTHENTICATED, HTTP 401);
 * 2. takes a token from the caller's rate-limit bucket, keyed by `sub` and `org` (RATE_LIMITED, HTTP 429);
 * 3. resolves persisted operations (PERSISTED_QUERY_REQUIRED / PERSISTED_QUERY_NOT_FOUND);
 * 4. counts lexical tokens (TOKEN_LIMIT_EXCEEDED).
 * The verified caller then joins the GraphQL context as `hub`; execution without it is refused, so no path
 * reaches a subgraph unauthenticated. It also assigns the request id (client's `x-request-id` when safe).
 * @param o - verifier, limiter, persisted-operation settings and token limit
 * @returns the plugin
 */
export function useCallerGuard(o: CallerGuardOptions): GatewayPlugin<HubContext> {
  const requestIds = new WeakMap<Request, string>();
  const callers = new WeakMap<Request, HubCaller>();
  const requestIdOf = (request: Request): string => {
    let id = requestIds.get(request);
    if (!id) {
      const sent = request.headers.get('x-request-id');
      id = sent && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
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
    async onParams({ request, params, setParams, setResult }) {
      // `documentId` is not a yoga parameter: take it out, or yoga refuses the request as malformed.
      const { documentId, ...rest } = params as typeof params & { documentId?: unknown };
      const reject = (error: GraphQLError) => {
        setResult({ errors: [error] });
        // yoga still checks the params after a result is set; keep them well-formed so our error wins
        setParams({ ...rest, query: typeof rest.query === 'string' ? rest.query : '' });
      };
      const authorization = request.headers.get('authorization') ?? undefined;
      let principal: Principal;
      try {
        principal = await o.verifier.verifyHeader(authorization);
      } catch (err) {
        return reject(err instanceof GraphQLError ? err : unauthenticated());
      }
      if (o.rateLimiter) {
        const decision = o.rateLimiter.take(JSON.stringify([principal.sub, principal.org]));
        if (!decision.allowed) {
          const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
          return reject(
            gatewayError('RATE_LIMITED', 'too many requests; retry later', { retryAfterSeconds: seconds }, { 'retry-after': String(seconds) }),
          );
        }
      }
      const resolved = resolvePersistedOperation({ ...rest, documentId }, principal.roles, o.persisted);
      if ('error' in resolved) return reject(resolved.error);
      if (typeof resolved.query === 'string') {
        const tokens = countTokens(resolved.query, o.maxTokens);
        if (tokens > o.maxTokens) {
          return reject(
            gatewayError('TOKEN_LIMIT_EXCEEDED', `the document has more than ${o.maxTokens} tokens`, { limit: o.maxTokens }),
          );
        }
      }
      callers.set(request, { principal, authorization: authorization as string, requestId: requestIdOf(request) });
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
