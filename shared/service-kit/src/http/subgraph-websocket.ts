import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer } from 'ws';
import { useServer, Extra } from 'graphql-ws/use/ws';
import { CloseCode, Context } from 'graphql-ws';
import { GraphQLError, GraphQLSchema, parse } from 'graphql';
import jwt from 'jsonwebtoken';
import type { Logger } from '../logger';
import type { Principal } from '../auth/principal';
import type { TokenVerifier } from '../auth/verify';
import { DEFAULT_MAX_SKEW_MS, SIGNATURE_HEADER, verifyGatewayConnection } from './gateway-signature';
import { safeRequestId } from './request-bounds';
import { OperationLimits, shapeLimitErrors, tokenLimitError } from '../limits/operation-limits';
import type { RequestBase } from './request-base';

/** Options of {@link attachSubgraphWebSocket}. */
export interface SubgraphWebSocketOptions<C extends object> {
  /** Service name, for logs. */
  name: string;
  schema: GraphQLSchema;
  verifier: Pick<TokenVerifier, 'verifyHeader'>;
  log: Logger;
  signingSecret: string;
  maxSkewMs?: number;
  limits: OperationLimits;
  /** Builds the per-operation context, as for HTTP requests. */
  context: (base: RequestBase) => Promise<C> | C;
  /** GraphQL path. @default /graphql */
  path?: string;
  /** The largest message accepted, as for an HTTP body; a larger one closes the socket with 1009. */
  maxPayloadBytes: number;
}

/** What the socket learned at `connection_init`. */
interface Connection {
  principal: Principal;
  requestId: string;
  /** When the caller's token expires (epoch ms), if it says. */
  expiresAt?: number;
  expiry?: NodeJS.Timeout;
}

type WsContext = Context<Record<string, unknown> | undefined, Extra & Partial<{ hub: Connection }>>;

/** The connectionParams when they carry the gateway's signature, else the upgrade request's headers. */
function signedParams(ctx: WsContext): Record<string, unknown> {
  const params = ctx.connectionParams ?? {};
  if (Object.keys(params).some((k) => k.toLowerCase() === SIGNATURE_HEADER)) return params;
  return ctx.extra.request.headers as Record<string, unknown>;
}

function get(params: Record<string, unknown>, name: string): string | undefined {
  for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === name && typeof v === 'string' && v) return v;
  return undefined;
}

/**
 * The token's `exp` in epoch milliseconds (the token was verified before this is read).
 * @param authorization - the `Bearer …` value
 * @returns the expiry, or undefined when the token has none
 */
export function tokenExpiry(authorization: string | undefined): number | undefined {
  const token = authorization?.replace(/^Bearer\s+/i, '');
  const claims = token ? jwt.decode(token) : null;
  return claims && typeof claims === 'object' && typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
}

/** Close codes of the graphql-ws protocol used here. */
export const WS_CLOSE = { unauthorized: CloseCode.Unauthorized, forbidden: CloseCode.Forbidden } as const;

/**
 * Serves the subgraph's subscriptions over WebSocket (graphql-ws protocol) on its HTTP server, at `/graphql`.
 * At `connection_init` the socket must carry the gateway's connection signature (connectionParams first, else the
 * upgrade request's headers; see gateway-signature.ts) and a valid bearer token: no signature or no valid token
 * closes it with 4401 Unauthorized, a forged or stale signature with 4403 Forbidden. The token's expiry closes the
 * socket with 4401, which ends every subscription on it. Each operation is checked against the same token, depth
 * and alias limits as an HTTP call, and runs with a context built by the service's own `context`.
 * @param server - the subgraph's HTTP server
 * @param o - options
 * @returns a handle whose `close()` ends every socket
 */
export function attachSubgraphWebSocket<C extends object>(server: http.Server, o: SubgraphWebSocketOptions<C>): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: o.path ?? '/graphql', maxPayload: o.maxPayloadBytes });
  const refuse = (ctx: WsContext, code: number, reason: string, detail: string): false => {
    o.log.warn({ reason: detail, remote: ctx.extra.request.socket.remoteAddress }, `${o.name}: websocket refused`);
    ctx.extra.socket.close(code, reason);
    return false;
  };
  const disposable = useServer<Record<string, unknown> | undefined, { hub: Connection }>(
    {
      schema: o.schema,
      onConnect: async (ctx) => {
        const params = signedParams(ctx);
        const signature = verifyGatewayConnection(o.signingSecret, params, { maxSkewMs: o.maxSkewMs ?? DEFAULT_MAX_SKEW_MS });
        if (!signature.ok) {
          return signature.status === 401
            ? refuse(ctx, WS_CLOSE.unauthorized, 'Unauthorized', signature.code)
            : refuse(ctx, WS_CLOSE.forbidden, 'Forbidden', `${signature.code} ${signature.reason}`);
        }
        const authorization = get(params, 'authorization');
        let principal: Principal;
        try {
          principal = await o.verifier.verifyHeader(authorization);
        } catch {
          return refuse(ctx, WS_CLOSE.unauthorized, 'Unauthorized', 'no valid bearer token');
        }
        const expiresAt = tokenExpiry(authorization);
        const hub: Connection = { principal, requestId: safeRequestId(get(params, 'x-request-id')) ?? randomUUID(), expiresAt };
        if (expiresAt !== undefined) {
          // setTimeout holds at most 2^31-1 ms; longer-lived tokens are re-armed on the way.
          const arm = () => {
            const left = expiresAt - Date.now();
            if (left <= 0) return void ctx.extra.socket.close(WS_CLOSE.unauthorized, 'token expired');
            hub.expiry = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
            hub.expiry.unref();
          };
          arm();
        }
        ctx.extra.hub = hub;
        return true;
      },
      onClose: (ctx) => {
        if (ctx.extra.hub?.expiry) clearTimeout(ctx.extra.hub.expiry);
      },
      onSubscribe: (_ctx, _id, payload) => {
        const tokens = tokenLimitError(payload.query, o.limits);
        if (tokens) return [tokens];
        try {
          const errors = shapeLimitErrors(parse(payload.query, { maxTokens: o.limits.maxTokens }), o.limits);
          if (errors.length) return errors;
        } catch (err) {
          return [new GraphQLError((err as Error).message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        return undefined;
      },
      context: async (ctx, _id, payload) => {
        const hub = ctx.extra.hub!;
        return (await o.context({ requestId: hub.requestId, principal: hub.principal, operationName: payload.operationName ?? undefined })) as never;
      },
    },
    wss,
  );
  return {
    async close() {
      const fuse = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, 1000);
      fuse.unref();
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(fuse);
      }
    },
  };
}
